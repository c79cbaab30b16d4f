//===- ForecastCommand.cpp - `salesc forecast`: the pipeline's revenue ----===//
#include "CsvInput.h"
#include "RuntimeInput.h"
#include "TextTable.h"

#include "emit/TextFormat.h"
#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Loaders.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/WithColor.h"

#include <fmt/format.h>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(forecastCommand());
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

cl::opt<std::string> Pipeline("pipeline", cl::sub(forecastCommand()), cl::Required,
                              cl::value_desc("deals.csv"),
                              cl::desc("Open deals: CSV with header deal,stage,entered and an "
                                       "optional value column"));
cl::opt<std::string> AsOf("as-of", cl::sub(forecastCommand()), cl::value_desc("YYYY-MM-DD"),
                          cl::desc("The day of the forecast (default: today, UTC)"));
cl::opt<double> Horizon("horizon", cl::sub(forecastCommand()), cl::init(90), cl::value_desc("days"),
                        cl::desc("Count wins up to this many days after --as-of (default 90)"));
cl::opt<uint64_t> Seed("seed", cl::sub(forecastCommand()), cl::init(1),
                       cl::desc("Random seed of the simulation (default 1)"));

} // namespace

int runForecast(const char* argv0) {
  std::optional<double> asOf = asOfDay(AsOf);
  if (!asOf)
    return 2;
  if (!(Horizon > 0 && Horizon <= MaxDays)) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "--horizon must be above 0 days and at most 36500 (100 years)\n";
    return 2;
  }
  RuntimeInput in;
  if (int status = loadRuntimeInput(argv0, options().input, options().process, in))
    return status;
  const RuntimeProcess* single = singleProcess(in, "the pipeline");
  if (!single)
    return 2;
  const RuntimeProcess& rp = *single;
  const rt::Process& p = *rp.process;
  std::optional<rt::CsvTable> table = readCsv(Pipeline);
  if (!table)
    return 1;
  rt::LoadReport report;
  std::vector<rt::Deal> loaded = rt::loadPipeline(*table, p, Pipeline, report);
  // A deal must have entered its stage by the day of the forecast, at a sane value.
  std::vector<rt::Deal> deals;
  for (rt::Deal& d : loaded) {
    std::string why;
    if (d.entered > *asOf)
      why = "entered " + rt::formatDate(d.entered) + ", after the day of the forecast (" +
            rt::formatDate(*asOf) + ")";
    else if (d.value && *d.value > MaxAmount)
      why = "a value over 1e15";
    if (why.empty()) {
      deals.push_back(std::move(d));
      continue;
    }
    report.errors.push_back(Pipeline + ":" + std::to_string(d.line) + ": deal '" + d.id + "' " +
                            why);
    ++report.rowsRejected;
  }
  int status = reportLoad(report, Pipeline);
  if (deals.empty() && status != 0)
    return 1; // nothing usable: a report of zeros would only mislead
  rt::ForecastOptions o;
  o.asOf = *asOf;
  o.horizonDays = Horizon;
  o.seed = Seed;
  rt::ForecastResult r = rt::forecast(p, rp.analysis, deals, o);
  auto money = [&](double v) { return emit::formatMoney(v, p.currency); };

  if (options().format == ReportFormat::Json) {
    llvm::json::OStream j(llvm::outs(), 2);
    j.object([&] {
      j.attribute("version", 1);
      j.attribute("process", p.name);
      j.attribute("as_of", rt::formatDate(r.asOf));
      j.attribute("horizon_days", static_cast<double>(Horizon));
      j.attribute("rows_read", report.rowsRead);
      j.attribute("rows_rejected", report.rowsRejected);
      j.attribute("open_deals", r.openDeals);
      j.attribute("pipeline_value", r.pipelineValue);
      j.attribute("weighted_pipeline", r.weightedPipeline);
      j.attribute("expected_wins_eventually", r.expectedWinsEventually);
      j.attribute("runs", r.runs);
      j.attributeObject("expected_wins", [&] {
        j.attribute("mean", r.wins.mean);
        j.attribute("p10", r.wins.p10);
        j.attribute("p50", r.wins.p50);
        j.attribute("p90", r.wins.p90);
      });
      j.attributeObject("expected_revenue", [&] {
        j.attribute("mean", r.revenue.mean);
        j.attribute("p10", r.revenue.p10);
        j.attribute("p50", r.revenue.p50);
        j.attribute("p90", r.revenue.p90);
      });
      j.attributeArray("months", [&] {
        for (const rt::ForecastMonth& m : r.months)
          j.object([&] {
            j.attribute("month", fmt::format("{:04}-{:02}", m.year, m.month));
            j.attribute("expected_wins", m.expectedWins);
            j.attribute("expected_revenue", m.expectedRevenue);
          });
      });
      j.attributeArray("stalled", [&] {
        for (const rt::StalledDeal& s : r.stalled)
          j.object([&] {
            j.attribute("deal", s.id);
            j.attribute("stage", p.states[s.state].name);
            j.attribute("days_in_stage", s.daysInStage);
            j.attribute("limit_days", s.limit);
          });
      });
    });
    llvm::outs() << '\n';
    return status;
  }
  llvm::raw_ostream& os = llvm::outs();
  os << p.name << ": " << r.openDeals << " open deals as of " << rt::formatDate(r.asOf) << '\n';
  os << "  pipeline value: " << money(r.pipelineValue) << '\n';
  os << "  weighted pipeline (value x win probability from each deal's stage): "
     << money(r.weightedPipeline) << '\n';
  os << "  expected wins eventually: " << fmt::format("{:.2f}", r.expectedWinsEventually)
     << "\n\n  within " << emit::formatDecimal(Horizon) << " days (to "
     << rt::formatDate(r.horizonEnd) << "), from " << r.runs << " simulated pipelines:\n";
  TextTable t({"", "mean", "P10", "P50", "P90"});
  t.row({"wins", fmt::format("{:.2f}", r.wins.mean), fmt::format("{:.0f}", r.wins.p10),
         fmt::format("{:.0f}", r.wins.p50), fmt::format("{:.0f}", r.wins.p90)});
  t.row({"revenue", money(r.revenue.mean), money(r.revenue.p10), money(r.revenue.p50),
         money(r.revenue.p90)});
  t.print(os);
  if (!r.months.empty()) {
    os << "\n  month by month:\n";
    TextTable m({"month", "expected wins", "expected revenue"});
    for (const rt::ForecastMonth& month : r.months)
      m.row({fmt::format("{:04}-{:02}", month.year, month.month),
             fmt::format("{:.2f}", month.expectedWins), money(month.expectedRevenue)});
    m.print(os);
  }
  if (!r.stalled.empty()) {
    os << "\n  stalled deals (longer in their stage than its stall limit):\n";
    TextTable s({"deal", "stage", "days in stage", "limit"});
    for (const rt::StalledDeal& d : r.stalled)
      s.row({d.id, p.states[d.state].name, fmt::format("{:.0f}", d.daysInStage),
             fmt::format("{:.0f}", d.limit)});
    s.print(os);
  }
  return status;
}

} // namespace salesc::driver
