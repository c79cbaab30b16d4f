//===- Project.cpp - The checks that span the files of one run -----------===//
#include "Project.h"

#include "diag/Wording.h"

#include "llvm/ADT/STLExtras.h"

namespace salesc::sema {

using diag::DiagKind;
using diag::quoted;

namespace {

/// The files the run reports on: every file named that has processes, and every
/// library named that another file of the run imports.
llvm::DenseSet<const ast::Module*> reportedFiles(llvm::ArrayRef<ProjectFile> files) {
  llvm::DenseSet<const ast::Module*> imported;
  for (const ProjectFile& f : files)
    for (const ast::Module* m : f.modules)
      if (m != f.root)
        imported.insert(m);
  llvm::DenseSet<const ast::Module*> out;
  for (const ProjectFile& f : files)
    if (!isLibrary(f.root) || imported.count(f.root))
      out.insert(f.root);
  return out;
}

} // namespace

void checkProject(llvm::ArrayRef<ProjectFile> files, diag::DiagnosticEngine& diags) {
  if (llvm::any_of(files, [](const ProjectFile& f) { return !f.root || !f.model; }))
    return;
  llvm::DenseSet<const ast::Module*> reported = reportedFiles(files);
  llvm::DenseSet<const ast::Decl*> used;
  std::set<std::pair<const ast::Decl*, const ast::Decl*>> covered;
  for (const ProjectFile& f : files) {
    used.insert(f.model->crossFile.used.begin(), f.model->crossFile.used.end());
    covered.insert(f.model->crossFile.covered.begin(), f.model->crossFile.covered.end());
  }
  // A file named twice, or named and imported, is seen by several compilations: each
  // warning is given once.
  llvm::DenseSet<const void*> warned;
  for (const ProjectFile& f : files) {
    for (const Sale& s : f.model->crossFile.sales) {
      if (!reported.count(s.offering->module) || !used.count(s.offering) ||
          covered.count({s.channel, s.offering}) || !warned.insert(s.via).second)
        continue;
      diags.report(DiagKind::MissingProcess, s.via->range,
                   "offering " + quoted(s.offering->name.text) + " is sold via " +
                       quoted(s.via->text) +
                       ", but no process describes that sale; add a process 'for " +
                       s.via->text.str() + ", " + s.offering->name.text.str() + "'");
    }
    if (!reported.count(f.root))
      continue;
    for (const ast::Decl* d : f.model->crossFile.unusedHere)
      if (!used.count(d) && warned.insert(d).second)
        diags.report(DiagKind::UnusedDeclaration, d->name.range,
                     ast::kindName(d->kind()).str() + " " + quoted(d->name.text) +
                         " is declared but never used");
  }
}

} // namespace salesc::sema
