//===- Charts.h - The report's charts as Vega-Lite specs ------------------===//
//
// Each chart is a pure function from an analyzed process (and, for the time to win, a
// seeded simulation of it) to a Vega-Lite v5 spec with its data inline, built with
// llvm::json: `salesc report` draws them in the page and `salesc emit --to=vega-lite
// --chart=NAME` prints them. A chart with nothing to draw (no stage takes time, no
// prospect wins...) is nullopt, and the table says why.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_CHARTS_H
#define SALESC_EMIT_CHARTS_H

#include "salesc/runtime/Conform.h"
#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Simulate.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace salesc::emit {

/// What a chart is drawn from: the process and, for the time to win, its simulation
/// (null when the chart does not need one).
struct ChartInput {
  const rt::AnalyzedProcess* process = nullptr;
  const rt::SimulationResult* simulation = nullptr;
};

/// One chart of the table.
struct Chart {
  llvm::StringRef name;  ///< --chart=NAME, and the id of its figure in the page
  llvm::StringRef title; ///< the heading above it in the report
  llvm::StringRef help;  ///< one line for --help and docs/cli.md
  bool needsSimulation;  ///< drawn from timeToWinSimulation()
  llvm::StringRef empty; ///< what the page says when there is nothing to draw
  std::optional<llvm::json::Object> (*spec)(const ChartInput& in);
};

/// Every chart, in the order the report shows them.
llvm::ArrayRef<Chart> charts();
/// The chart called `name`, or null.
const Chart* findChart(llvm::StringRef name);

/// Of 1,000 leads, how many reach each stage (Analysis::reachProbability, stages by their
/// distance from the start) and how many win, each rounded to a whole lead.
std::optional<llvm::json::Object> funnelChart(const rt::AnalyzedProcess& p);
/// Each stage's share of the expected time to close, largest first, the bottleneck
/// highlighted; nullopt when no stage takes time.
std::optional<llvm::json::Object> timeShareChart(const rt::AnalyzedProcess& p);
/// A histogram of the simulated days to win with rules at P10, P50 and P90; nullopt when
/// no simulated prospect won.
std::optional<llvm::json::Object> timeToWinChart(const rt::AnalyzedProcess& p,
                                                 const rt::SimulationResult& sim);
/// The win rate gained by one more point of conversion on each edge (Sensitivity.h),
/// largest first; nullopt when no stage loses prospects.
std::optional<llvm::json::Object> conversionGainChart(const rt::AnalyzedProcess& p);

/// The seeded simulation the time-to-win chart is drawn from: TimeToWinProspects
/// prospects, seed 1, one thread (the same numbers on every machine), the days of each
/// win kept.
inline constexpr uint64_t TimeToWinProspects = 20000;
llvm::Expected<rt::SimulationResult> timeToWinSimulation(const rt::Process& p);

/// The spec of chart `c` for `p`, running its simulation when it needs one: nullopt when
/// there is nothing to draw (c.empty says why); an error when the simulation fails.
llvm::Expected<std::optional<llvm::json::Object>> drawChart(const Chart& c,
                                                            const rt::AnalyzedProcess& p);

// --- Charts of the data of `salesc report --pipeline/--events` -----------------------

/// The forecast of a pipeline up to the end of one month of the horizon: the wins and
/// revenue won from the as-of day to `to`, over the runs (a forecast with that horizon).
struct ForecastToDate {
  int year = 1970;
  unsigned month = 1;
  double to = 0; ///< days since 1970-01-01
  rt::Summary wins, revenue;
};
/// The revenue won by the end of each month as a fan: P10 to P90 as a band, P50 as a line,
/// the mean as a dashed line; nullopt when there is no month.
std::optional<llvm::json::Object> forecastFanChart(const rt::Process& p,
                                                   llvm::ArrayRef<ForecastToDate> months);
/// Observed against stated share of every edge with trials as a heat map (rows: from,
/// columns: to), coloured by observed minus stated, the flagged edges outlined; nullopt
/// when no stage was left in the history.
std::optional<llvm::json::Object> edgeConformanceChart(const rt::Process& p,
                                                       const rt::ConformResult& r);
/// The days spent in each stage, observed (Kaplan-Meier P10, median and P90, or of the
/// completed visits) as box plots beside the stated range; nullopt when no stage was
/// visited.
std::optional<llvm::json::Object> stageTimeChart(const rt::Process& p, const rt::ConformResult& r);

/// A spec as text: two-space indented JSON and a final newline.
std::string chartText(const llvm::json::Object& spec);

} // namespace salesc::emit

#endif // SALESC_EMIT_CHARTS_H
