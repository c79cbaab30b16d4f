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

#include "salesc/runtime/Dirichlet.h"
#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"
#include "salesc/runtime/Simulate.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace salesc::rt {

/// What the forecast does with a deal that has reached its stage's maximum time (an
/// overdue deal, OverdueDeal).
enum class OverdueRule {
  /// Its remaining time in the stage is exponential with the stage's mean time as its
  /// mean: the process says nothing of how much slower than its slowest a deal can be,
  /// so the chance of leaving on a given day is taken not to depend on how long it has
  /// waited already (memoryless), at the pace of an average visit.
  Memoryless,
  /// It leaves the stage on the as-of date (the forecast before issue 15).
  LeaveNow,
};

/// What to forecast. Invariant: horizonDays >= 0, runs >= 1, arrivalsPerMonth >= 0.
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
  OverdueRule overdue = OverdueRule::Memoryless;
  /// Non-null: each run draws every stage's shares from this posterior (Dirichlet.h),
  /// from a stream of its own (streamSeed(seed ^ SharesStream, run)), so the deals draw
  /// as they would with the stated shares. Ignored for a process with segments (whose
  /// segments each have their own shares).
  const SharePosterior* shares = nullptr;
  /// Deals not yet created: new deals arrive at this mean rate a month (a Poisson
  /// process; a month is 365.2425 / 12 days), each entering at the start (in a segment
  /// drawn by the shares) on its arrival day, with the value of the win it reaches.
  double arrivalsPerMonth = 0;
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

/// Mixed into the seed of the stream the shares are drawn from (ForecastOptions::shares).
constexpr uint64_t SharesStream = 0x5348415245530000ull;
/// The days of an average month of the Gregorian calendar.
constexpr double DaysPerMonth = 365.2425 / 12;

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

/// An open deal that has reached its stage's maximum time (the longest a visit can take:
/// the max of its time, the largest of its roles' in a sign-off stage) without leaving:
/// the process says it should have moved. Stages without a time have no maximum, and
/// their deals are never overdue.
struct OverdueDeal {
  std::string id;
  uint32_t state = 0;     ///< index into Process::states
  double daysInStage = 0; ///< asOf - entered
  double maxDays = 0;     ///< the stage's maximum time
  double weighted = 0;    ///< what it adds to the weighted pipeline
  unsigned line = 0;
};

/// The open deals of one stage: how many, their value and their weighted value.
struct StageSnapshot {
  uint32_t state = 0; ///< index into Process::states (a stage)
  uint64_t deals = 0;
  double value = 0;    ///< the sum of their values (dealValue)
  double weighted = 0; ///< the sum of what they add to the weighted pipeline
};

/// One open deal as the pipeline snapshot lists it.
struct DealSnapshot {
  std::string id;
  uint32_t state = 0;
  double daysInStage = 0;    ///< asOf - entered, at least 0
  double winProbability = 0; ///< from its stage, eventually (its segment's, or blended)
  double value = 0;          ///< dealValue
  double weighted = 0;       ///< what it adds to the weighted pipeline
  bool overdue = false;      ///< at or past its stage's maximum time (OverdueDeal)
  bool stalled = false;      ///< past its stage's stall limit (StalledDeal)
  unsigned line = 0;
};

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
  /// Open deals at or past their stage's maximum time, however long the stall limit,
  /// largest weighted value first (ties in input order), and what they add to the
  /// weighted pipeline together.
  std::vector<OverdueDeal> overdue;
  double overdueWeighted = 0;
  /// Of wins.mean and revenue.mean, what the overdue deals bring within the horizon.
  double overdueWins = 0, overdueRevenue = 0;
  /// Every stage of the process in its order, with its open deals (none: zeros).
  std::vector<StageSnapshot> stages;
  /// The open deals in input order.
  std::vector<DealSnapshot> deals;
  /// Deals not yet created (ForecastOptions::arrivalsPerMonth): the rate, the expected
  /// number arriving within the horizon, and of wins.mean and revenue.mean, what they
  /// bring within it. All 0 without arrivals.
  double arrivalsPerMonth = 0;
  double expectedArrivals = 0;
  double arrivalWins = 0, arrivalRevenue = 0;
  /// Whether the shares were drawn from a posterior (ForecastOptions::shares applied).
  bool uncertainShares = false;
};

/// Forecasts `deals` against `p`, whose analysis is `a` (from analyze(p)).
///
/// Each run continues every open deal from its stage: the rest of its time in
/// the current stage is drawn from the stage's holding time (Holding.h: triangular,
/// or the maximum of the roles' times in a sign-off stage, since a CRM records when
/// the deal entered the stage, not each role's answer) conditioned on exceeding the
/// deal's age in the stage (asOf - entered, negative ages count as 0); a deal older
/// than the stage's longest time is overdue and follows options.overdue (by default the
/// rest of its time is exponential with the stage's mean time as mean; see OverdueRule).
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

/// The win probability of an open deal from its stage, eventually: its segment's when
/// known, else the blended one (Markov.h).
double dealWinProbability(const Analysis& a, const Deal& d);

/// What an open deal adds to the weighted pipeline: its value x its win probability, or,
/// without a value of its own, the expected value of its wins from its stage.
double dealWeighted(const Analysis& a, const Deal& d);

/// The pipeline as it stands, without simulating: fills r.openDeals, ignoredDeals,
/// pipelineValue, weightedPipeline, expectedWinsEventually, stalled, overdue,
/// overdueWeighted, stages and deals of `r` (forecast() calls it first). A deal whose
/// segment is not known is overdue when it is past its stage's maximum in every segment.
void snapshotPipeline(const Process& p, const Analysis& a, llvm::ArrayRef<Deal> deals, double asOf,
                      ForecastResult& r);

/// The longest a visit of stage `s` can take (holdingRange's max); 0 for a stage
/// without a time, which has no maximum.
double stageMaxDays(const State& s);

/// The mean rate of new deals a month a stage history shows as of `asOf`: the deals whose
/// first event is dated at or before asOf, over the months from the earliest such event to
/// asOf (DaysPerMonth days each). 0 when no event is dated by asOf or they span no time.
double arrivalsPerMonthSeen(llvm::ArrayRef<StageEvent> events, double asOf);

/// The value a deal counts in the pipeline: its own; else the process's when every win
/// takes it (and there are no segments); else the mean value of a win from its stage
/// (Analysis::valuePerWin, its segment's when known); else 0.
double dealValue(const Process& p, const Analysis& a, const Deal& d);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_FORECAST_H
