//===- ForecastCommand.cpp - `salesc forecast`: the pipeline's revenue ----===//
#include "driver/CsvInput.h"
#include "driver/ExportInput.h"
#include "driver/RuntimeCsv.h"
#include "driver/RuntimeInput.h"

#include "salesc/runtime/Verify.h"

#include "report/Report.h"
#include "salesc/runtime/Conform.h"
#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Loaders.h"

#include "llvm/ADT/StringExtras.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(subForecast(), Processes::One);
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();
ExportOptions Export(subForecast());

cl::opt<std::string> Pipeline("pipeline", cl::sub(subForecast()), cl::Required,
                              cl::value_desc("deals.csv"),
                              cl::desc("Open deals: CSV with header deal,stage,entered and an "
                                       "optional value column"));
cl::opt<std::string> AsOf("as-of", cl::init(""), cl::sub(subForecast()),
                          cl::value_desc("YYYY-MM-DD"),
                          cl::desc("The day of the forecast (default: today, UTC)"));
cl::opt<double> Horizon("horizon", cl::sub(subForecast()), cl::init(90), cl::value_desc("days"),
                        cl::desc("Count wins up to this many days after --as-of (default 90)"));
cl::opt<uint64_t> Seed("seed", cl::sub(subForecast()), cl::init(1),
                       cl::desc("Random seed of the simulation (default 1)"));
cl::opt<bool> ListDeals("deals", cl::init(false), cl::sub(subForecast()),
                        cl::desc("List each open deal with its flags and what to do next"));
cl::opt<std::string> Events("events", cl::init(""), cl::sub(subForecast()),
                            cl::value_desc("log.csv"),
                            cl::desc("Stage history (deal,stage,timestamp, or the CRM's "
                                     "stage-history export with --from/--map), for "
                                     "--uncertainty and --arrivals=history"));
cl::opt<bool> Uncertainty("uncertainty", cl::init(false), cl::sub(subForecast()),
                          cl::desc("Draw the shares from what --events shows, so P10/P90 "
                                   "carry how sure the history is of them"));
cl::opt<std::string>
    Arrivals("arrivals", cl::init(""), cl::sub(subForecast()), cl::value_desc("N|history"),
             cl::desc("Add deals not yet created: N new deals a month, or the rate "
                      "--events shows"));

/// The most new deals a forecast may expect within its horizon (each is simulated in
/// every run).
constexpr double MaxArrivals = 1e6;

/// Checks the options that go with --events; false after saying what is wrong.
bool eventOptionsOk(CommandContext& ctx) {
  const bool fromHistory = Arrivals == "history";
  if (Uncertainty && Events.empty()) {
    error(ctx) << "--uncertainty needs --events: the stage history the shares are drawn from\n";
    return false;
  }
  if (fromHistory && Events.empty()) {
    error(ctx) << "--arrivals=history needs --events: the stage history whose rate of new "
                  "deals is used\n";
    return false;
  }
  if (!Events.empty() && !Uncertainty && !fromHistory) {
    error(ctx) << "--events is read only for --uncertainty or --arrivals=history\n";
    return false;
  }
  return true;
}

/// --arrivals as new deals a month: nullopt without it or for `history`; reports a bad
/// figure (sets `bad`).
std::optional<double> givenArrivals(CommandContext& ctx, bool& bad) {
  if (Arrivals.empty() || Arrivals == "history")
    return std::nullopt;
  double n = 0;
  if (!llvm::to_float(Arrivals.getValue(), n) || !(n >= 0) ||
      n * Horizon / rt::DaysPerMonth > MaxArrivals) {
    error(ctx) << "--arrivals must be 'history' or a number of new deals a month, at least 0 and "
                  "at most 1,000,000 within the horizon; got '"
               << Arrivals << "'\n";
    bad = true;
    return std::nullopt;
  }
  return n;
}

} // namespace

int runForecast(CommandContext& ctx) {
  std::optional<double> asOf = asOfDay(ctx, AsOf);
  if (!asOf)
    return 2;
  if (!horizonOk(ctx, Horizon))
    return 2;
  bool badArrivals = false;
  std::optional<double> arrivals = givenArrivals(ctx, badArrivals);
  if (badArrivals || !eventOptionsOk(ctx) || !mappingsRead(ctx, Export))
    return 2;
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  const rt::AnalyzedProcess* single = singleProcess(ctx, in, "the pipeline");
  if (!single)
    return 2;
  const rt::Process& p = *single->process;
  if (Uncertainty && !p.segments.empty()) {
    error(ctx) << "--uncertainty does not work yet for a process with segments ('" << p.name
               << "' has " << p.segments.size() << "): each segment has shares of its own\n";
    return 2;
  }
  std::optional<ExportTable> table = readExport(ctx, Export, Pipeline, p, rt::ExportKind::Pipeline);
  if (!table)
    return 1;
  rt::LoadReport load;
  std::vector<rt::Deal> deals = pipelineDeals(table->table, p, Pipeline, *asOf, load);
  mergeReshape(*table, load);
  int status = reportLoad(ctx, load, Pipeline);
  if (deals.empty() && status != 0)
    return 1; // nothing usable: a report of zeros would only mislead
  rt::ForecastOptions o;
  o.asOf = *asOf;
  o.horizonDays = Horizon;
  o.seed = Seed;
  o.threads = 0; // one per hardware thread, as backtest: the figures do not depend on it
  report::ForecastReport rep;
  rep.process = &p;
  rep.load = &load;
  rep.horizonDays = Horizon;
  rep.listDeals = ListDeals;
  rt::SharePosterior posterior;
  if (!Events.empty()) {
    std::optional<StageHistory> history = loadStageHistory(ctx, Export, Events, p);
    if (!history)
      return 1;
    const std::vector<rt::StageEvent>& events = history->events;
    status = std::max(status, history->status);
    if (Uncertainty) {
      rt::ConformResult seen = rt::conform(p, events, *asOf);
      std::vector<uint64_t> counts;
      for (const rt::EdgeConformance& e : seen.edges)
        counts.push_back(e.count);
      posterior = rt::sharePosterior(p, counts);
      o.shares = &posterior;
      rep.shares = &posterior;
    }
    if (Arrivals == "history") {
      arrivals = rt::arrivalsPerMonthSeen(events, *asOf);
      rep.arrivalsSource = "history";
      if (*arrivals * Horizon / rt::DaysPerMonth > MaxArrivals) {
        error(ctx) << Events << " shows " << rt::formatDecimal(*arrivals)
                   << " new deals a month: more than 1,000,000 within the horizon\n";
        return 2;
      }
    }
  }
  if (arrivals) {
    o.arrivalsPerMonth = *arrivals;
    if (rep.arrivalsSource.empty())
      rep.arrivalsSource = "given";
  }
  rt::ForecastResult r = rt::forecast(p, single->analysis, deals, o);
  rep.result = &r;
  ctx.out << (options().format == ReportFormat::Json ? report::forecastJson(rep)
                                                     : report::forecastText(rep));
  return status;
}

} // namespace salesc::driver
