//===- ForecastCommand.cpp - `salesc forecast`: the pipeline's revenue ----===//
#include "driver/CsvInput.h"
#include "driver/ExportInput.h"
#include "driver/RuntimeCsv.h"
#include "driver/RuntimeInput.h"

#include "salesc/runtime/Verify.h"

#include "report/Report.h"
#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Loaders.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(subForecast());
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

} // namespace

int runForecast(CommandContext& ctx) {
  std::optional<double> asOf = asOfDay(ctx, AsOf);
  if (!asOf)
    return 2;
  if (!(Horizon > 0 && Horizon <= rt::limits::MaxDays)) {
    error(ctx) << "--horizon must be above 0 days and at most 36500 (100 years)\n";
    return 2;
  }
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  const rt::AnalyzedProcess* single = singleProcess(ctx, in, "the pipeline");
  if (!single)
    return 2;
  const rt::Process& p = *single->process;
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
  rt::ForecastResult r = rt::forecast(p, single->analysis, deals, o);
  report::ForecastReport rep{&p, &r, &load, Horizon};
  ctx.out << (options().format == ReportFormat::Json ? report::forecastJson(rep)
                                                     : report::forecastText(rep));
  return status;
}

} // namespace salesc::driver
