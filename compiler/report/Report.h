//===- Report.h - What the runtime commands print, as text and as JSON ----===//
//
// Every report is a pure function from the results of the runtime (the analysis, a
// simulation, a forecast, a campaign's return, a conformance check) to the bytes a
// command prints: same results, same bytes, testable without a process. The driver
// runs the runtime and writes these bytes; nothing here reads options or files.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_REPORT_REPORT_H
#define SALESC_REPORT_REPORT_H

#include "salesc/runtime/Backtest.h"
#include "salesc/runtime/Calibrate.h"
#include "salesc/runtime/Conform.h"
#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Roi.h"
#include "salesc/runtime/Simulate.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace salesc::report {

// --- salesc analyze (Analyze.cpp) ---------------------------------------------------

/// Win rates, times, the stage table, bottlenecks and sensitivity of each process,
/// separated by blank lines.
std::string analyzeText(llvm::ArrayRef<rt::AnalyzedProcess> ps);
/// {"version":1,"processes":[...]}, as docs/cli.md documents it.
std::string analyzeJson(llvm::ArrayRef<rt::AnalyzedProcess> ps);

// --- salesc simulate (Simulate.cpp) -------------------------------------------------

/// One process's simulation, beside the analysis it is compared with.
struct SimulationRun {
  const rt::AnalyzedProcess* process = nullptr;
  rt::SimulationResult result;
};
std::string simulateText(llvm::ArrayRef<SimulationRun> runs, uint64_t seed);
std::string simulateJson(llvm::ArrayRef<SimulationRun> runs, uint64_t seed);

// --- salesc roi (Roi.cpp) -----------------------------------------------------------

/// One process's return on a campaign.
struct RoiRun {
  const rt::Process* process = nullptr;
  rt::RoiResult result;
};
std::string roiText(llvm::ArrayRef<RoiRun> runs);
/// {"version":1,"processes":[...]}: one return per process (--leads and --cost).
std::string roiJson(llvm::ArrayRef<RoiRun> runs);
/// The campaigns of a file (each result names its campaign), one section each.
std::string campaignsText(llvm::ArrayRef<RoiRun> runs);
/// {"version":1,"campaigns":[{"campaign","process",...}]}, as docs/cli.md documents it.
std::string campaignsJson(llvm::ArrayRef<RoiRun> runs);

// --- salesc forecast (Forecast.cpp) -------------------------------------------------

/// A pipeline's forecast with how its rows were loaded.
struct ForecastReport {
  const rt::Process* process = nullptr;
  const rt::ForecastResult* result = nullptr;
  const rt::LoadReport* load = nullptr;
  double horizonDays = 0;
  /// --deals: the text lists each open deal and what to do next (JSON always has them).
  bool listDeals = false;
  /// --uncertainty: the posterior the shares were drawn from; null when not asked for.
  const rt::SharePosterior* shares = nullptr;
  /// --arrivals: "history" (the rate seen in --events) or "given"; empty without.
  std::string arrivalsSource;
};
std::string forecastText(const ForecastReport& r);
std::string forecastJson(const ForecastReport& r);

// --- salesc conform (Conform.cpp) ---------------------------------------------------

/// Stage histories compared with the process, with how the rows were loaded and, when
/// asked for, the edits that would match what was observed.
struct ConformReport {
  const rt::Process* process = nullptr;
  const rt::ConformResult* result = nullptr;
  const rt::LoadReport* load = nullptr;
  const std::vector<std::string>* suggestions = nullptr; ///< null: not asked for
  /// The deals whose log names their segment, each segment's compared with the
  /// segment's own process; empty when no row names a segment.
  struct Segment {
    std::string name;
    const rt::Process* process = nullptr;
    rt::ConformResult result;
  };
  std::vector<Segment> segments;
};
std::string conformText(const ConformReport& r);
std::string conformJson(const ConformReport& r);

// --- salesc backtest (Backtest.cpp) -------------------------------------------------

/// Forecasts replayed against a stage history.
struct BacktestReport {
  const rt::Process* process = nullptr;
  const rt::BacktestResult* result = nullptr;
};
/// A table of revenue and one of wins per date (actual, forecast with P10 to P90,
/// weighted pipeline, each error), the summary and the calibration table.
std::string backtestText(const BacktestReport& r);
/// {"points": [{"at", "horizon_days", "actual": {"wins", "revenue"}, "forecast": {"wins",
/// "revenue", "p10", "p90"}, "weighted_pipeline": {"wins", "revenue"}}], "summary":
/// {"mape_forecast", "mape_weighted", "coverage_p10_p90", "brier_forecast",
/// "brier_stated"}, "calibration": {"forecast": [...], "stated": [...]}}, as docs/cli.md
/// documents it.
std::string backtestJson(const BacktestReport& r);
// --- salesc calibrate (Calibrate.cpp) ------------------------------------------------

/// A process's figures estimated from a stage history, and what --write would change.
struct CalibrateReport {
  const rt::Process* process = nullptr;
  const rt::Calibration* calibration = nullptr;
};
std::string calibrateText(const CalibrateReport& r);
/// Why stages keep figures, one line each: "stage demo: shares kept: 12 visits left it,
/// fewer than 20".
std::vector<std::string> calibrateKept(const rt::Process& p, const rt::Calibration& c);
/// {"edges": [{"from", "to", "stated", "estimate", "low", "high", "count"}], "stages":
/// [{"name", "stated_days": {"min", "typical", "max"} or null, "estimated_days": {...},
/// "visits", "open"}]}; figures that are not known (no trials, a quantile not reached)
/// are null.
std::string calibrateJson(const CalibrateReport& r);

} // namespace salesc::report

#endif // SALESC_REPORT_REPORT_H
