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

/// A spec as text: two-space indented JSON and a final newline.
std::string chartText(const llvm::json::Object& spec);

} // namespace salesc::emit

#endif // SALESC_EMIT_CHARTS_H
