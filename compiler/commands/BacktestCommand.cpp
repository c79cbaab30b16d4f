//===- BacktestCommand.cpp - `salesc backtest`: the forecast against history ===//
#include "driver/CsvInput.h"
#include "driver/ExportInput.h"
#include "driver/RuntimeInput.h"

#include "report/Report.h"
#include "salesc/runtime/Backtest.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Loaders.h"
#include "salesc/runtime/Verify.h"

#include <algorithm>
#include <cmath>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(subBacktest(), Processes::One);
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

ExportOptions Export(subBacktest());

cl::opt<std::string>
    Events("events", cl::sub(subBacktest()), cl::Required, cl::value_desc("log.csv"),
           cl::desc("Stage history: CSV with header deal,stage,timestamp[,segment][,value], "
                    "one row per entry into a stage or outcome"));
cl::list<std::string> At("at", cl::sub(subBacktest()), cl::OneOrMore, cl::CommaSeparated,
                         cl::value_desc("YYYY-MM-DD"),
                         cl::desc("The dates to forecast from, separated by commas (or --at "
                                  "repeated)"));
cl::opt<double> Horizon("horizon", cl::sub(subBacktest()), cl::init(90), cl::value_desc("days"),
                        cl::desc("Count wins up to this many days after each date (default 90)"));
cl::opt<uint64_t> Seed("seed", cl::sub(subBacktest()), cl::init(1),
                       cl::desc("Random seed of the simulations (default 1)"));

/// The dates of --at, or nullopt after reporting a bad or repeated one.
std::optional<std::vector<double>> dates(CommandContext& ctx) {
  std::vector<double> out;
  for (const std::string& text : At) {
    std::optional<double> day = asOfDay(ctx, text.empty() ? std::string(" ") : text, "--at");
    if (!day)
      return std::nullopt;
    if (std::find(out.begin(), out.end(), *day) != out.end()) {
      error(ctx) << "--at: " << text << " is given twice; each date counts once in the summary\n";
      return std::nullopt;
    }
    out.push_back(*day);
  }
  return out;
}

/// Whether the log runs to the end of every date's horizon; reports the first date that
/// it does not cover (the wins after the log's last event are not known).
bool horizonsCovered(CommandContext& ctx, const std::vector<double>& at, double lastEvent) {
  for (double day : at) {
    if (day + Horizon <= lastEvent)
      continue;
    error(ctx) << "--at " << rt::formatDate(day) << " with --horizon " << rt::formatDecimal(Horizon)
               << " needs the log to run to " << rt::formatDate(day + Horizon)
               << ", but its last event is on " << rt::formatDate(lastEvent)
               << "; the latest date it covers is "
               << rt::formatDate(std::floor(lastEvent - Horizon)) << '\n';
    return false;
  }
  return true;
}

} // namespace

int runBacktest(CommandContext& ctx) {
  if (!horizonOk(ctx, Horizon))
    return 2;
  std::optional<std::vector<double>> at = dates(ctx);
  if (!at || !mappingsRead(ctx, Export))
    return 2;
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  const rt::AnalyzedProcess* single = singleProcess(ctx, in, "the stage history");
  if (!single)
    return 2;
  const rt::Process& p = *single->process;
  std::optional<StageHistory> history = loadStageHistory(ctx, Export, Events, p);
  if (!history)
    return 1;
  const std::vector<rt::StageEvent>& events = history->events;
  int status = history->status;
  if (events.empty()) {
    error(ctx) << Events << ": the log has no events to replay\n";
    return 1; // nothing usable: a report of zeros would only mislead
  }
  if (!horizonsCovered(ctx, *at, rt::lastEventTime(events)))
    return 2;
  rt::BacktestOptions o;
  o.at = *at;
  o.horizonDays = Horizon;
  o.forecast.seed = Seed;
  o.forecast.threads = 0; // the figures do not depend on it
  // A fifth of forecast's budget of deal paths per date: 12 dates of 10,000 open deals in
  // a few seconds; at least 200 pipelines each (P10 and P90 are 20 runs from the ends).
  o.forecast.pathBudget = 4'000'000;
  rt::BacktestResult r = rt::backtest(p, single->analysis, events, o);
  report::BacktestReport rep{&p, &r};
  ctx.out << (options().format == ReportFormat::Json ? report::backtestJson(rep)
                                                     : report::backtestText(rep));
  return status;
}

} // namespace salesc::driver
