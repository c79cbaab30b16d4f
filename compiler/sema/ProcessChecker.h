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
/// Whether `at` lies in the block of `p` itself, not in a base it inherits from.
bool ownsPlace(const ast::ProcessDecl& p, llvm::SMRange at);
/// "process 'web'" for a place in its own block; "the process" for an inherited place,
/// whose diagnostic names the processes it applies to (diag::InheritedScope).
std::string processAt(const ast::ProcessDecl& p, llvm::SMRange at);

class ProcessChecker {
public:
  ProcessChecker(SymbolTable& symbols, diag::DiagnosticEngine& diags)
      : symbols_(symbols), diags_(diags) {}

  /// `soundSoFar` says whether everything checked about this process before (its
  /// settings stated once, its `extends`) passed; when it did not, or when a check here
  /// finds an error, the process gets no model.
  CheckedProcess check(const ResolvedProcess& p, bool soundSoFar);

private:
  // Each check returns whether it passed (found no error).
  bool checkFor(const ast::ProcessDecl& p, CheckedProcess& out);
  bool checkBrand(const ResolvedProcess& p, const ast::BrandDecl*& brand);
  bool checkSettings(const ResolvedProcess& p, rt::Process& out);
  bool lowerStage(const ResolvedStage& s, const ast::BrandDecl* brand, rt::State& out);
  /// The roles of a sign-off stage, with their shares and times (errors in the trap of
  /// lowerStage).
  void lowerSignoffs(const ResolvedStage& s, rt::State& out);
  /// Process::roles and Process::teams: those the lowered stages name.
  void lowerPeople(rt::Process& out);
  /// The states and transitions of `p` (its stages, outcomes with their values, people,
  /// start and exits) into `out`, whose settings are lowered already.
  bool lowerChain(const ResolvedProcess& p, const ast::BrandDecl* brand, rt::Process& out);
  /// Process::segments: the shares, then each segment's view lowered as a process.
  bool lowerSegments(const ResolvedProcess& p, const ast::BrandDecl* brand, rt::Process& out);
  bool lowerStart(const ResolvedProcess& p, const llvm::StringMap<uint32_t>& index,
                  rt::Process& out);
  bool lowerExits(const ResolvedProcess& p, const llvm::StringMap<uint32_t>& index,
                  rt::Process& out);
  bool checkShape(const ResolvedProcess& p, const rt::Process& model);
  /// F015 at `stage`, which has no 'next' line while some stages cannot be reached.
  diag::DiagBuilder reportMissingNext(const ResolvedProcess& p, const rt::Process& model,
                                      size_t stage);
  /// Checks the targets and brand limits against the Markov analysis, which it keeps in
  /// `analysis` so that nothing downstream computes it again; returns whether no error
  /// was found (the targets are warnings; the brand's max cycle is an error).
  bool checkPredictions(const ResolvedProcess& p, const ast::BrandDecl* brand,
                        const rt::Process& model, std::optional<rt::Analysis>& analysis);
  bool checkPercent(const ast::Percent& pct, llvm::StringRef what);
  /// An amount of money (`what` names it in messages): a currency code of ISO 4217, the
  /// process's currency (the first amount sets it), an amount in (0, 1e15].
  std::optional<double> lowerMoney(const ast::Money& m, llvm::StringRef what, rt::Process& out);
  std::vector<const ast::Decl*>
  resolveList(const ast::NameList* list, llvm::ArrayRef<ast::DeclKind> kinds, llvm::StringRef role);

  SymbolTable& symbols_;
  diag::DiagnosticEngine& diags_;
  llvm::SMRange currencyAt_; ///< where the process being checked set its currency
};

} // namespace salesc::sema

#endif // SALESC_SEMA_PROCESSCHECKER_H
