//===- Checker.h - Checks one compilation and lowers its processes --------===//
#ifndef SALESC_SEMA_CHECKER_H
#define SALESC_SEMA_CHECKER_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"
#include "sema/Loader.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"

#include <set>
#include <utility>
#include <vector>

namespace salesc::sema {

/// One process of the checked model: lowered, with the checker's Markov analysis (none
/// when the analysis refused the process; analysisOf() says why). Owns what an
/// rt::AnalyzedProcess points to.
struct ModelProcess {
  rt::Process process;
  std::optional<rt::Analysis> analysis;
};

/// A channel an offering is sold through, as its `via` list names it.
struct Sale {
  const ast::OfferingDecl* offering;
  const ast::Ident* via;
  const ast::Decl* channel;
};

/// What one compilation knows that a check over several files needs: what it uses,
/// which sales its processes cover, and the checked file's declarations it leaves unused.
struct CrossFileFacts {
  llvm::DenseSet<const ast::Decl*> used;
  std::set<std::pair<const ast::Decl*, const ast::Decl*>> covered; ///< {channel, offering}
  std::vector<Sale> sales; ///< every offering's channels, imports included
  /// Declarations of the checked file nothing in this compilation uses (processes,
  /// roles, campaigns and names declared twice aside).
  std::vector<const ast::Decl*> unusedHere;
};

/// The checked model of one compilation: every process without errors, lowered, in
/// the order of the files (imports first) and of declaration.
struct CheckedModel {
  std::vector<ModelProcess> processes;
  /// Processes declared in the checked file itself (not in imports), by index.
  std::vector<size_t> rootProcesses;
  /// The campaigns of the checked file that have no error, in declaration order; each
  /// names a process of `processes`.
  std::vector<rt::Campaign> campaigns;
  /// What the checks that span files (Project.h) need from this compilation.
  CrossFileFacts crossFile;
};

/// Checks a compilation: `modules` is the checked file followed by everything it
/// imports (Loader::closure). Reports to `diags`; unused declarations and sales no
/// process covers are left to checkProject (Project.h), which sees every file of a run.
/// When some of their imports `failed`, unknown names are reported once per file
/// (FailedImports.h).
CheckedModel check(llvm::ArrayRef<const ast::Module*> modules, diag::DiagnosticEngine& diags,
                   llvm::ArrayRef<FailedImport> failed = {});

/// Whether `m` declares no process: a library, whose declarations are there for others
/// to use and cover.
bool isLibrary(const ast::Module* m);

/// The analysis of `m.processes[i]`: the checker's, or computed now when the checker
/// has none.
llvm::Expected<rt::Analysis> analysisOf(const CheckedModel& m, size_t i);

} // namespace salesc::sema

#endif // SALESC_SEMA_CHECKER_H
