//===- Markov.h - Absorbing Markov chain analysis of a process ------------===//
//
// Stages are the transient states and won/lost outcomes the absorbing ones. With
// Q the stage-to-stage probabilities, R the stage-to-outcome probabilities and m
// the mean holding time of each stage, everything below comes from one LU
// factorization of (I - Q). Holding times make the chain semi-Markov: visits are
// weighted by each stage's mean time (for a sign-off stage, the mean of the maximum
// of its roles' times: Holding.h).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_MARKOV_H
#define SALESC_RUNTIME_MARKOV_H

#include "salesc/runtime/Model.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace salesc::rt {

/// The analytic figures of one process. Invariant: every vector has one entry
/// per state, indexed like Process::states (all empty for a process without
/// states), and `start` is the Process::start the figures were computed from.
struct Analysis {
  /// Probability of ending in any Won state; 1 for Won states, 0 for Lost ones.
  std::vector<double> winProbability;
  /// Expected days until any outcome: the sum of the mean holding times of the
  /// stages visited. 0 for outcomes.
  std::vector<double> expectedDaysToClose;
  /// Expected days to reach a Won state, conditional on winning (the Doob
  /// h-transform of the chain). 0 for Won states; NaN where winProbability is 0.
  std::vector<double> expectedDaysToWin;
  /// Expected number of visits to each stage for a prospect entering at
  /// `start`; for an outcome, the probability of ending there.
  std::vector<double> expectedVisits;
  /// Per stage, its mean holding time in days (Holding.h holdingMean: the triangular
  /// mean, or for a sign-off stage the exact mean of the maximum of its roles' times);
  /// 0 for outcomes. The m of the equations above.
  std::vector<double> meanDays;
  /// Per stage, the share of the expected time to close spent there:
  /// expectedVisits[i] * meanDays[i] / expectedDaysToClose[start]. 0 for outcomes,
  /// and 0 everywhere when the expected time to close is 0.
  std::vector<double> timeShare;
  /// The stage with the largest expectedVisits * mean time from `start` (ties,
  /// within a relative 1e-12: lowest index); nullopt when no stage takes time.
  std::optional<uint32_t> bottleneck;
  uint32_t start = 0;

  // Facts derived from the figures and the graph, computed here once so that the
  // checker, the reports and every picture cannot disagree.

  /// The stages with a time share above 0, largest share first (ties in state order);
  /// `bottleneck` is the first of them.
  std::vector<uint32_t> bottlenecks;
  /// Whether the win rate from the start meets the process's target (within
  /// TargetTolerance); nullopt when it states none.
  std::optional<bool> winRateTargetMet;
  /// Whether the expected time to win meets the target cycle (within TargetTolerance);
  /// nullopt when the process states none, or when no prospect ever wins.
  std::optional<bool> cycleTargetMet;
  /// Per transition: whether it loops back (Graph.h backEdges).
  std::vector<bool> backEdges;
  /// Per state: the fewest transitions from the start (Graph.h depths).
  std::vector<uint32_t> depth;

  /// winProbability[start], or 0 for a process without states.
  double winRate() const;
  /// Whether prospects win, and the expected time to win from the start is at most
  /// `limitDays` (within TargetTolerance): a target cycle, or a brand's max cycle.
  bool winsWithin(double limitDays) const;
};

/// The one tolerance of every comparison with a target: a figure this close to its
/// target meets it (rounding in the solve is far smaller).
inline constexpr double TargetTolerance = 1e-9;

/// Analyses `p`. Fails, with a message naming the offending stages or
/// transitions, when the model breaks its invariants (state indices out of
/// range, transitions out of an outcome, probabilities outside 0..1 or not
/// summing to 1 per stage) or when some stage can never reach an outcome, which
/// would make (I - Q) singular. The message does not name the process; callers
/// add that context.
llvm::Expected<Analysis> analyze(const Process& p);

/// A process with its analysis: the one record the checker hands to the emitters, the
/// reports and the runtime commands, so each figure is computed once.
struct AnalyzedProcess {
  const Process* process = nullptr; ///< owned by the checked model or the tables loaded
  Analysis analysis;
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_MARKOV_H
