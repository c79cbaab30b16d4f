//===- ProcessChecker.h - Checks one process and lowers it to the model ---===//
#ifndef SALESC_SEMA_PROCESSCHECKER_H
#define SALESC_SEMA_PROCESSCHECKER_H

#include "ResolvedProcess.h"
#include "SymbolTable.h"
#include "diag/DiagnosticEngine.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include <optional>

namespace salesc::sema {

/// What checking one process gives: its model when it has no error, and what the
/// channel checks need to know about its `for` list.
struct CheckedProcess {
  const ast::ProcessDecl* decl = nullptr;
  std::optional<rt::Process> model;
  std::optional<rt::Analysis> analysis; ///< of `model`, as the checker computed it
  const ast::ChannelDecl* channel = nullptr;
  const ast::OfferingDecl* offering = nullptr;
};

/// Checks a resolved process: names in its settings and stages, times, conversion
/// shares and where the remainder goes, the shape of the chain (reachability,
/// trapped stages, a way to win), the brand's rules and the targets; then lowers it
/// to the runtime model. Stateless between processes.
class ProcessChecker {
public:
  ProcessChecker(SymbolTable& symbols, diag::DiagnosticEngine& diags)
      : symbols_(symbols), diags_(diags) {}

  /// `errorsBefore` is DiagnosticEngine::errorReports() before anything about this
  /// process was reported (duplicate settings, `extends`), so that those errors also
  /// keep it out of the model.
  CheckedProcess check(const ResolvedProcess& p, unsigned errorsBefore);

private:
  void checkFor(const ast::ProcessDecl& p, CheckedProcess& out);
  const ast::BrandDecl* checkBrand(const ResolvedProcess& p);
  void checkSettings(const ResolvedProcess& p, rt::Process& out);
  void lowerStage(const ResolvedStage& s, const ast::BrandDecl* brand, rt::State& out);
  void lowerExits(const ResolvedProcess& p, const llvm::StringMap<uint32_t>& index,
                  rt::Process& out);
  bool checkShape(const ResolvedProcess& p, const rt::Process& model);
  /// Checks the targets and brand limits against the Markov analysis; returns the
  /// analysis so that nothing downstream computes it again.
  std::optional<rt::Analysis>
  checkPredictions(const ResolvedProcess& p, const ast::BrandDecl* brand, const rt::Process& model);
  bool checkPercent(const ast::Percent& pct, llvm::StringRef what);
  std::vector<const ast::Decl*>
  resolveList(const ast::NameList* list, llvm::ArrayRef<ast::DeclKind> kinds, llvm::StringRef role);

  SymbolTable& symbols_;
  diag::DiagnosticEngine& diags_;
};

} // namespace salesc::sema

#endif // SALESC_SEMA_PROCESSCHECKER_H
