//===- Conform.h - Replay of real stage histories against a process -------===//
//
// Process conformance for a CRM's stage history: each deal's events, in time
// order, are replayed against the process to observe the conversion on every
// edge and the time spent in every stage, next to what the process states;
// moves the process does not have and open deals stalled past a stage's limit
// are listed. `suggest` turns the differences into edits of the .sales file.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_CONFORM_H
#define SALESC_RUNTIME_CONFORM_H

#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

/// What was observed of one state (stage or outcome). Time figures are days in a
/// stage; NaN when there is none, and for outcomes. p10, median and p90 are over the
/// completed visits (entry to the deal's next event); the km ones are Kaplan-Meier
/// estimates (Survival.h) that also count the visits still open at the as-of date, as
/// lasting at least until then (censored).
struct StageConformance {
  uint64_t entered = 0; ///< distinct deals that entered at least once. JSON `entered`.
  uint64_t visits = 0;  ///< entries, re-entries after a loop included
  uint64_t left = 0;    ///< visits followed by another event: the denominator of the rates out
  /// Deals whose last event is this state: open in a stage, ended at an outcome (JSON
  /// `open` for a stage, `ended` for an outcome).
  uint64_t open = 0;
  double p10 = 0, median = 0, p90 = 0; ///< linear interpolation between order statistics
  /// Kaplan-Meier quantiles (KaplanMeier::quantile): NaN when not reached, that is when
  /// too many visits are still open; then the quantile is beyond kmLongest.
  double kmP10 = 0, kmMedian = 0, kmP90 = 0;
  double kmLongest = 0; ///< the longest visit, completed or open; NaN without visits
  /// The stage states a time and the median (Kaplan-Meier; when not reached, known to
  /// be beyond kmLongest) is outside [min, max]; or it is a sign-off stage and the
  /// median is outside the range of the maximum of its roles' times (from the largest min
  /// to the largest max: Holding.h holdingRange).
  bool timeOutside = false;
  /// Whether the time was tested (a stated range and at least one visit), and the
  /// p-values of KaplanMeier::medianOutsideP, raw and adjusted (Holm, with the edges).
  bool timeTested = false;
  double timePValue = 1, timeAdjustedP = 1;
  bool timeFlagged = false; ///< timeAdjustedP < FlagLevel
};

/// One transition of the process, observed. Invariant: count <= trials.
struct EdgeConformance {
  uint32_t from = 0, to = 0;
  double stated = 0;        ///< the process's probability. JSON `stated`.
  uint64_t count = 0;       ///< observed moves from -> to. JSON `count`.
  uint64_t deals = 0;       ///< distinct deals that made the move at least once. JSON `deals`.
  uint64_t trials = 0;      ///< visits of `from` that left it (its StageConformance::left)
  double observed = 0;      ///< count / trials; NaN when trials is 0. JSON `observed`.
  double low = 0, high = 0; ///< 95% Wilson interval (Simulate.h); NaN when trials is 0
  bool outside = false;     ///< trials > 0 and stated is outside [low, high]
  /// The score test of the stated rate (Significance.h scoreTestP; 1 without trials), and
  /// the same adjusted by Holm over every test of the report (its edges with trials and
  /// its tested stage times).
  double pValue = 1, adjustedP = 1;
  bool flagged = false; ///< adjustedP < FlagLevel: beyond chance, across the report
};

/// How a move the process does not have relates to the process: by the
/// breadth-first depth of the two states from the start, over transitions with
/// probability > 0 (unreachable states are infinitely deep).
enum class UnexpectedKind {
  Entry,         ///< a deal's first event is not the start stage
  SkipsAhead,    ///< to is deeper than from
  MovesBackwards ///< to is as deep as from, or shallower (outcome reopened included)
};

/// "entry", "skips ahead", "moves backwards".
llvm::StringRef kindName(UnexpectedKind kind);

/// A move between two states that the process has no transition for.
struct UnexpectedTransition {
  UnexpectedKind kind = UnexpectedKind::Entry;
  std::optional<uint32_t> from; ///< nullopt for Entry, shown as "(entry)"
  uint32_t to = 0;
  uint64_t count = 0;                ///< moves
  uint64_t deals = 0;                ///< distinct deals that made the move at least once
  std::vector<std::string> examples; ///< up to 3 deal ids, in order of first appearance
};

/// The replay of an event log. Events are grouped by deal and each deal's
/// events ordered by time, then input order. Two consecutive events of a deal
/// naming the same state are one visit (a repeated CRM record, counted in
/// repeatedEvents) unless the process has a transition from that state to
/// itself.
struct ConformResult {
  double asOf = 0;
  uint64_t events = 0;                  ///< events replayed
  uint64_t ignoredEvents = 0;           ///< events whose state index is out of range
  uint64_t laterEvents = 0;             ///< events dated after asOf, left out
  uint64_t repeatedEvents = 0;          ///< consecutive repeats merged into the visit before
  uint64_t deals = 0;                   ///< distinct deal ids replayed
  uint64_t tests = 0;                   ///< the p-values Holm adjusted together
  std::vector<StageConformance> states; ///< indexed like Process::states
  std::vector<EdgeConformance> edges;   ///< indexed like Process::transitions
  /// Most frequent first; ties by from ("(entry)" first), then to.
  std::vector<UnexpectedTransition> unexpected;
  /// Deals whose last event is a stage, in order of first appearance, with
  /// `entered` the start of that last visit and `line` its event's line: the
  /// pipeline today, ready for forecast().
  std::vector<Deal> open;
  /// Open deals longer in their stage than its limit as of asOf (stalledDeals).
  std::vector<StalledDeal> stalled;
};

/// Replays `events` (state indices into p.states) against `p` as of `asOf`: events
/// dated after it are left out (counted in laterEvents), and the visits still open are
/// censored at it.
ConformResult conform(const Process& p, llvm::ArrayRef<StageEvent> events, double asOf);

/// When suggest proposes an edit.
struct SuggestOptions {
  uint64_t minSample = 20; ///< fewer visits leaving a stage than this: no edit for it
};

/// Edits to the .sales file that would match what was observed, one line per
/// edit, stage by stage in process order, in the form
///   stage demo: next proposal 43%;  // stated 50%, observed 43.2% (n=120), adjusted p = 0.004
///   stage demo: next won 6%;  // not in the process (skips ahead), observed 5.8% (n=120)
///   stage demo: time 1 to 3 weeks typical 2 weeks;  // stated 1 to 2 weeks, Kaplan-Meier
///     P10 0.74, median 1.5, P90 2.9 weeks (n=120, 4 still open), adjusted p < 0.001
/// For a stage with at least minSample visits that left it, only where the evidence is
/// significant across the report (ConformResult's flags, Holm-adjusted):
///  - when one of its shares is flagged, or deals take a move from it the process lacks,
///    all its shares are estimated again and rounded to whole percents by largest
///    remainder, so that they add up to exactly 100%; a line for each explicit edge whose
///    share changes (implicit remainder edges follow) and each missing move of 1% or more;
///  - the time becomes Kaplan-Meier P10 to P90 typical median, in the unit the author
///    wrote (State::timeWritten; days without it), when the stage states no time or its
///    median is outside the stated range beyond chance; none while a quantile is not
///    reached.
/// Sign-off stages get no edit: their `next` line has no share and they have no `time`
/// line, and a CRM's stage history does not say which role held a deal up or turned it
/// down (their observed rates and times are still in the ConformResult).
std::vector<std::string> suggest(const Process& p, const ConformResult& r,
                                 const SuggestOptions& options = {});

} // namespace salesc::rt

#endif // SALESC_RUNTIME_CONFORM_H
