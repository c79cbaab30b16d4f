//===- Project.h - The checks that span the files of one run -------------===//
#ifndef SALESC_SEMA_PROJECT_H
#define SALESC_SEMA_PROJECT_H

#include "Checker.h"

namespace salesc::sema {

/// One file of a run, as checked on its own.
struct ProjectFile {
  const ast::Module* root;                    ///< the file named or found in a folder
  llvm::ArrayRef<const ast::Module*> modules; ///< root first, then what it imports
  const CheckedModel* model;
};

/// The checks that need every file of a run: a channel x offering that no process
/// covers (C003) and declarations nothing uses (N008). Uses and processes count in
/// every file of the run, imports included; the warnings are given in the files named
/// (not in files only imported, whose other users the run does not see). A library
/// (a file without processes) is warned about only when another file of the run
/// imports it: a shared catalogue. After a syntax error in any file, nothing is
/// reported: what that file uses is not known.
void checkProject(llvm::ArrayRef<ProjectFile> files, diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_PROJECT_H
