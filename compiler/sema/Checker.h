//===- Checker.h - Checks one compilation and lowers its processes --------===//
#ifndef SALESC_SEMA_CHECKER_H
#define SALESC_SEMA_CHECKER_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"
#include "sema/Loader.h"

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace salesc::sema {

/// One process of the checked model: lowered, with the checker's Markov analysis (none
/// when the analysis refused the process; analysisOf() says why). Owns what an
/// rt::AnalyzedProcess points to.
struct ModelProcess {
  rt::Process process;
  std::optional<rt::Analysis> analysis;
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
};

/// Checks a compilation: `modules` is the checked file followed by everything it
/// imports (Loader::closure). Reports to `diags`; warnings about unused declarations
/// and uncovered channels are given only for the checked file. When some of their
/// imports `failed`, unknown names are reported once per file (FailedImports.h).
CheckedModel check(llvm::ArrayRef<const ast::Module*> modules, diag::DiagnosticEngine& diags,
                   llvm::ArrayRef<FailedImport> failed = {});

/// The analysis of `m.processes[i]`: the checker's, or computed now when the checker
/// has none.
llvm::Expected<rt::Analysis> analysisOf(const CheckedModel& m, size_t i);

} // namespace salesc::sema

#endif // SALESC_SEMA_CHECKER_H
