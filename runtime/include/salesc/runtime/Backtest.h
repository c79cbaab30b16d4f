//===- Backtest.h - How the forecast would have done, replayed from a log -===//
//
// For each of a list of past dates, the pipeline as it stood then is rebuilt from a
// stage history alone (the deals that had entered and not yet closed, each in the stage
// of its latest event, since the start of that visit), forecast with forecast()
// (Forecast.h) over a horizon, and set beside what the log says happened within it and
// beside the weighted pipeline with the stated stage probabilities (what CRMs show).
// Times are days since 1970-01-01 (UTC), as in Inputs.h.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_BACKTEST_H
#define SALESC_RUNTIME_BACKTEST_H

#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace salesc::rt {

/// What to replay. Invariant: horizonDays > 0.
struct BacktestOptions {
  std::vector<double> at;  ///< the dates, days since 1970-01-01, in the order reported
  double horizonDays = 90; ///< a win counts when it comes by at + horizonDays
  /// How to forecast (runs, seed, threads, path budget); asOf, horizonDays and perDeal
  /// are set for each date, and the seed of date i is streamSeed(seed, i).
  ForecastOptions forecast;
};

/// One date of the backtest.
struct BacktestPoint {
  double at = 0;
  uint64_t openDeals = 0; ///< deals in a stage at `at`
  /// The open deals that reached a won outcome within the horizon (their first outcome
  /// after `at`, dated by at + horizon), and the value of those wins.
  uint64_t actualWins = 0;
  double actualRevenue = 0;
  /// Wins within the horizon of deals whose first event is after `at`: neither the
  /// forecast nor the weighted pipeline covers deals not yet created.
  uint64_t laterWins = 0;
  double laterRevenue = 0;
  Summary forecastWins, forecastRevenue; ///< forecast() of the open deals
  /// The weighted pipeline: the sum of the stated win probabilities from each deal's
  /// stage, and of value x that probability (ForecastResult::weightedPipeline).
  double weightedWins = 0, weightedRevenue = 0;
  /// Mean squared error of the open deals' win probabilities against whether each was
  /// won within the horizon (NaN without open deals): the forecast's chance of a win
  /// within the horizon, and the stated probability from the stage.
  double brierForecast = 0, brierStated = 0;
  /// Whether the actual revenue lies in the forecast's [P10, P90], ends included.
  bool covered() const {
    return forecastRevenue.p10 <= actualRevenue && actualRevenue <= forecastRevenue.p90;
  }
};

/// Deals whose predicted win probability fell in [low, high) ([0.9, 1] for the last
/// bin), and how many of them won within the horizon.
struct CalibrationBin {
  double low = 0, high = 0;
  uint64_t deals = 0;
  double predicted = 0; ///< mean predicted probability; NaN without deals
  double won = 0;       ///< share won within the horizon; NaN without deals
};

/// The backtest of every date, and over all of them.
struct BacktestResult {
  double horizonDays = 0;
  std::vector<BacktestPoint> points;
  uint64_t predictions = 0; ///< open deals summed over the dates: the Brier scores' count
  /// Mean over the dates with actual revenue above 0 of |forecast - actual| / actual
  /// (revenue; a fraction, 0.1 is 10%); NaN when no date has revenue. mapePoints counts
  /// those dates.
  double mapeForecast = 0, mapeWeighted = 0;
  unsigned mapePoints = 0;
  /// The share of the dates whose actual revenue lies in the forecast's [P10, P90]
  /// (nominally 80%); NaN without dates.
  double coverage = 0;
  unsigned covered = 0;
  /// Brier scores over every (date, open deal): forecast and stated; NaN without any.
  double brierForecast = 0, brierStated = 0;
  /// Ten bins of width 10%, for the forecast's and the stated probabilities.
  std::vector<CalibrationBin> calibrationForecast, calibrationStated;
};

/// The pipeline at `at` as `events` show it: per deal (in order of first appearance)
/// its events in time order (then input order), the latest dated at or before `at`,
/// if it is a stage. `entered` is the start of that visit (repeated records of the same
/// stage, with no transition from the stage to itself, are one visit, as in conform),
/// `value` the value of its latest row at or before `at` that has one, `segment` the
/// segment its rows up to `at` name, `line` that of the visit's first event. Events
/// whose state is out of range are skipped.
std::vector<Deal> pipelineAt(const Process& p, llvm::ArrayRef<StageEvent> events, double at);

/// The time of the latest event (NaN without events).
double lastEventTime(llvm::ArrayRef<StageEvent> events);

/// Replays `events` against `p` (analysed as `a`) at each of options.at.
BacktestResult backtest(const Process& p, const Analysis& a, llvm::ArrayRef<StageEvent> events,
                        const BacktestOptions& options);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_BACKTEST_H
