//===- Forecast.h - Revenue forecast of the open deals of a pipeline ------===//
//
// What the deals in the pipeline today will bring in: the weighted pipeline
// (value x win probability from each deal's stage, Salesforce's "expected
// revenue"), and a Monte Carlo forecast of wins and revenue within a horizon
// that takes into account how long each deal has already spent in its stage.
// Times are days since 1970-01-01 (UTC), as in Inputs.h.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_FORECAST_H
#define SALESC_RUNTIME_FORECAST_H

#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"
#include "salesc/runtime/Simulate.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace salesc::rt {

/// What to forecast. Invariant: horizonDays >= 0, runs >= 1.
struct ForecastOptions {
  double asOf = 0;         ///< the day of the forecast, days since 1970-01-01
  double horizonDays = 90; ///< wins count when they happen by asOf + horizonDays
  uint64_t runs = 20000;   ///< simulated pipelines (at most; see pathBudget)
  uint64_t seed = 1;       ///< the same seed gives the same figures
  /// Upper bound on runs x open deals, the number of deal paths simulated: with
  /// many deals, runs is lowered to pathBudget / deals (never below minRuns), so
  /// that 100,000 deals take under a second (200 runs, about 0.7 s on one core
  /// of the reference machine). 0 means no bound.
  uint64_t pathBudget = 20'000'000;
  uint64_t minRuns = 200;
  /// Threads to simulate with; 0: one per hardware thread. The figures do not
  /// depend on it.
  unsigned threads = 1;
  /// Also give each open deal's chance of a win within the horizon
  /// (ForecastResult::odds); off by default, as it costs a counter per deal and run.
  bool perDeal = false;
};

/// One open deal's win chances (ForecastOptions::perDeal).
struct DealOdds {
  size_t deal = 0; ///< index into the `deals` given to forecast()
  /// Its win probability from its stage, whenever it comes: what the weighted pipeline
  /// weighs its value with (in its segment, else blended).
  double eventually = 0;
  /// The share of the runs in which it is won by horizonEnd.
  double withinHorizon = 0;
};

/// An open deal that has been in its stage longer than the stage's
/// `stalled after` limit (Pipedrive's "rotting" deals).
struct StalledDeal {
  std::string id;
  uint32_t state = 0;     ///< index into Process::states
  double daysInStage = 0; ///< asOf - entered
  double limit = 0;       ///< the stage's stalledAfter, in days
  unsigned line = 0;      ///< the deal's line, for messages
};

/// One calendar month of the forecast. The first month starts at asOf and the
/// last ends at asOf + horizon, so both may be partial; when the horizon spans
/// more than MaxForecastMonths months, the last entry runs from the start of
/// its month to the end of the horizon.
struct ForecastMonth {
  int year = 1970;
  unsigned month = 1;         ///< 1..12
  double from = 0;            ///< first day covered (inclusive), days since 1970-01-01
  double to = 0;              ///< last day covered (exclusive, inclusive for the last month)
  double expectedWins = 0;    ///< mean number of wins in [from, to) over the runs
  double expectedRevenue = 0; ///< mean value of those wins
};

constexpr unsigned MaxForecastMonths = 120;

/// The forecast of a pipeline. Deals whose state is not a stage (an outcome or
/// an index out of range) are not open: they are counted in ignoredDeals and
/// take no part in any other figure. A deal's value is its own value; without one, a
/// deal counts the value of the win it reaches (Process::winValue, its segment's), and
/// its expected value is that of its wins from its stage (Analysis::winValue: the sum
/// over won outcomes of P(win there) x the win's value).
struct ForecastResult {
  double asOf = 0;
  double horizonEnd = 0;     ///< asOf + horizonDays
  uint64_t openDeals = 0;    ///< deals in a stage
  uint64_t ignoredDeals = 0; ///< deals not in a stage
  uint64_t runs = 0;         ///< runs actually simulated (see ForecastOptions::pathBudget)
  double pipelineValue = 0;  ///< sum of the values of the open deals (dealValue)
  /// Sum over open deals of value x win probability from the deal's stage (for a deal
  /// without a value, the expected value of its wins from there), regardless of time.
  /// JSON `weighted_pipeline`.
  double weightedPipeline = 0;
  /// Sum over open deals of the win probability: the expected wins, eventually.
  double expectedWinsEventually = 0;
  /// Number of deals won by horizonEnd, over the runs (count = runs).
  Summary wins;
  /// Value of the deals won by horizonEnd, over the runs; revenue.mean is
  /// JSON `expected_revenue`.
  Summary revenue;
  /// Calendar months from asOf to horizonEnd, in order; their expectedWins and
  /// expectedRevenue add up to wins.mean and revenue.mean.
  std::vector<ForecastMonth> months;
  /// Open deals longer in their stage than its limit, most overdue first (ties
  /// in input order).
  std::vector<StalledDeal> stalled;
  /// With ForecastOptions::perDeal, one entry per open deal, in input order; else empty.
  std::vector<DealOdds> odds;
};

/// Forecasts `deals` against `p`, whose analysis is `a` (from analyze(p)).
///
/// Each run continues every open deal from its stage: the rest of its time in
/// the current stage is drawn from the stage's holding time (Holding.h: triangular,
/// or the maximum of the roles' times in a sign-off stage, since a CRM records when
/// the deal entered the stage, not each role's answer) conditioned on exceeding the
/// deal's age in the stage (asOf - entered, negative ages count as 0); a deal older
/// than the stage's longest time leaves at asOf.
/// Later stages and transitions are drawn as in the chain. A deal is won within
/// the horizon when it reaches a won outcome by asOf + horizonDays. Run i draws
/// from its own stream, streamSeed(seed, i) (Random.h), so the result depends
/// only on the inputs and the seed, whatever the thread count.
///
/// With segments, a deal whose segment is known (Deal::segment) runs through that
/// segment's process, and its win probability and expected value are the segment's. A
/// deal whose segment is not known is in segment g with the odds that a prospect at its
/// stage is in g, P(g | s) = share_g x reach_g(s) / sum over segments of the same
/// (reach_g(s): the probability of reaching s in g, Analysis::reachProbability; the
/// shares when no segment reaches s): each run draws its segment with these odds (one
/// more draw), and its win probability and expected value are the blended figures of
/// the analysis (Markov.h), which weigh the segments the same way.
ForecastResult forecast(const Process& p, const Analysis& a, llvm::ArrayRef<Deal> deals,
                        const ForecastOptions& options);

/// The deals of `deals` in a stage with a `stalled after` limit whose age in the
/// stage (asOf - entered) exceeds the limit, most overdue first (ties in input
/// order). Deals not in a stage are skipped.
std::vector<StalledDeal> stalledDeals(const Process& p, llvm::ArrayRef<Deal> deals, double asOf);

/// The value a deal counts in the pipeline: its own; else the process's when every win
/// takes it (and there are no segments); else the mean value of a win from its stage
/// (Analysis::valuePerWin, its segment's when known); else 0.
double dealValue(const Process& p, const Analysis& a, const Deal& d);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_FORECAST_H
