//===- FailedImports.h - Names that may come from a file not imported -----===//
#ifndef SALESC_SEMA_FAILEDIMPORTS_H
#define SALESC_SEMA_FAILEDIMPORTS_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"

#include "Loader.h"

#include "llvm/ADT/ArrayRef.h"

namespace salesc::sema {

/// After an import failed, the names no file declares (`unknown`, in the order met) may
/// be declared in the file that could not be read. Reports them once per file that uses
/// them (N001, at the first use): the first few names, the imports that failed, and a
/// note at each of those imports. No spelling suggestion: a name close to a declared one
/// is more likely declared in the missing file than misspelled.
void reportNamesOfFailedImports(llvm::ArrayRef<ast::Ident> unknown,
                                llvm::ArrayRef<FailedImport> failed, diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_FAILEDIMPORTS_H
