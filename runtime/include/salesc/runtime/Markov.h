//===- Markov.h - Absorbing Markov chain analysis of a process ------------===//
//
// Stages are the transient states and won/lost outcomes the absorbing ones. With
// Q the stage-to-stage probabilities, R the stage-to-outcome probabilities and m
// the mean holding time of each stage, everything below comes from one LU
// factorization of (I - Q). Holding times make the chain semi-Markov: visits are
// weighted by each stage's mean time (for a sign-off stage, the mean of the maximum
// of its roles' times: Holding.h).
//
// A process with segments is analyzed segment by segment (each its own chain) and
// its figures are the blend of the segments' (docs/architecture.md, "Segments"): the
// win rate, the value per lead and the visits weigh each segment by its share; the
// figures of a stage weigh it by P(segment | the prospect reached the stage).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_MARKOV_H
#define SALESC_RUNTIME_MARKOV_H

#include "salesc/runtime/Model.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

struct SegmentAnalysis;

/// The analytic figures of one process. Invariant: every vector has one entry
/// per state, indexed like Process::states (all empty for a process without
/// states; winValue also when values are missing), and `start` is the Process::start the figures
/// were computed from.
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
  /// Per state, the probability that a prospect entering at `start` ever reaches it:
  /// expectedVisits / N(s, s) for a stage (N = (I - Q)^-1; N(s, s) is 1 for a stage on
  /// no loop), the probability of ending there for an outcome.
  std::vector<double> reachProbability;
  /// Per state, the expected value of the wins from it: the sum over won outcomes o of
  /// P(end at o | at the state) x Process::winValue(o), one more solve with I - Q. For a
  /// won outcome its value, 0 for a lost one. Empty when some won outcome that a
  /// transition leads to has no value (neither its own nor the process's).
  std::vector<double> winValue;
  /// valuePerLead() x Process::margin; for segments, the sum of share x the segment's.
  /// nullopt without a value per lead or without a margin (for segments: in any of them).
  std::optional<double> marginPerLead;
  /// The stage with the largest expectedVisits * mean time from `start` (ties,
  /// within a relative 1e-12: lowest index); nullopt when no stage takes time.
  std::optional<uint32_t> bottleneck;
  uint32_t start = 0;
  /// The analysis of each of Process::segments, in order; empty for a process without
  /// segments. When not empty, every figure above is the blend of these.
  std::vector<SegmentAnalysis> segments;

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
  /// winValue[start]: the expected value of the wins of a lead; nullopt when winValue
  /// is empty (or the process has no states).
  std::optional<double> valuePerLead() const;
  /// winValue[s] / winProbability[s]: the mean value of a win from `s`; nullopt without
  /// values or where no prospect wins.
  std::optional<double> valuePerWin(uint32_t s) const;
  /// Whether prospects win, and the expected time to win from the start is at most
  /// `limitDays` (within TargetTolerance): a target cycle, or a brand's max cycle.
  bool winsWithin(double limitDays) const;
};

/// One segment's share of the leads and the analysis of its process.
struct SegmentAnalysis {
  std::string name;
  double share = 0;
  Analysis analysis;
};

/// The one tolerance of every comparison with a target: a figure this close to its
/// target meets it (rounding in the solve is far smaller).
inline constexpr double TargetTolerance = 1e-9;

/// Analyses `p`. Fails, with a message naming the offending stages or
/// transitions, when the model breaks its invariants (state indices out of
/// range, transitions out of an outcome, probabilities outside 0..1 or not
/// summing to 1 per stage) or when some stage can never reach an outcome, which
/// would make (I - Q) singular. The message does not name the process; callers
/// add that context (a segment's failure names the segment).
///
/// With segments, each segment's process is analyzed and, with w_g(s) = share_g x
/// reach_g(s) / sum over segments of the same (P(g | reached s); the shares where no
/// segment reaches s):
///   winProbability(s) = sum w_g h_g(s); winValue(s) = sum w_g winValue_g(s);
///   expectedDaysToClose(s) = sum w_g t_g(s);
///   expectedDaysToWin(s) = sum w_g h_g(s) T_g(s) / winProbability(s);
///   expectedVisits(s) = sum share_g v_g(s); reachProbability(s) = sum share_g reach_g(s);
///   meanDays(s) = sum share_g v_g(s) m_g(s) / expectedVisits(s) (w_g where no visits);
///   timeShare and the bottlenecks from these, as without segments.
/// At the start w_g = share_g, so the win rate is sum share_g x win rate_g and the time
/// to win sum share_g x win rate_g x T_g / the blended win rate.
llvm::Expected<Analysis> analyze(const Process& p);
llvm::Expected<Analysis> analyze(const Process& p);

/// The process as it stands for a prospect whose segment is not known: the states (and
/// everything else) of `p`, and from each stage i every transition of any segment, with
/// probability sum over segments of P(g | reached i) x q_g(i -> j), the weights of
/// analyze() (`a` is the analysis of `p`); implicit when it is in `p`. So the share of the
/// prospects at i that move to j is what a mixed population of the segments shows, which
/// `conform` compares a log without segments with. `p` itself without segments. Stage
/// times and sign-offs are those of `p`.
Process blendedProcess(const Process& p, const Analysis& a);

/// A process with its analysis: the one record the checker hands to the emitters, the
/// reports and the runtime commands, so each figure is computed once.
struct AnalyzedProcess {
  const Process* process = nullptr; ///< owned by the checked model or the tables loaded
  Analysis analysis;
  /// The campaigns whose leads enter this process, in declaration order (the flowchart and
  /// the playbook show their predicted return); empty for none.
  std::vector<Campaign> campaigns;
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_MARKOV_H
