//===- RoiCommand.cpp - `salesc roi`: what a campaign returns -------------===//
#include "driver/RuntimeInput.h"

#include "salesc/runtime/Verify.h"

#include "report/Report.h"
#include "salesc/runtime/Roi.h"

#include <cmath>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(subRoi());
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

cl::opt<double> Leads("leads", cl::sub(subRoi()), cl::Required,
                      cl::desc("How many leads the campaign brings"));
cl::opt<double> Cost("cost", cl::sub(subRoi()), cl::Required,
                     cl::desc("What the campaign costs, in the process's currency"));

} // namespace

int runRoi(CommandContext& ctx) {
  if (!(Leads >= 1 && Leads <= 1e12 && Leads == std::floor(Leads))) {
    error(ctx) << "--leads must be a whole number from 1 to 1e12\n";
    return 2;
  }
  if (!(Cost > 0 && Cost <= rt::limits::MaxAmount)) {
    error(ctx) << "--cost must be above 0 and at most 1e15\n";
    return 2;
  }
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  std::vector<report::RoiRun> runs;
  for (const rt::AnalyzedProcess& ap : in.processes)
    runs.push_back(report::RoiRun{ap.process, rt::roi(*ap.process, ap.analysis, Leads, Cost)});
  ctx.out << (options().format == ReportFormat::Json ? report::roiJson(runs)
                                                     : report::roiText(runs));
  return 0;
}

} // namespace salesc::driver
