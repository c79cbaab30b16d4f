//===- AnalyzeCommand.cpp - `salesc analyze`: the process's predictions ---===//
#include "driver/RuntimeInput.h"

#include "report/Report.h"

namespace salesc::driver {

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(subAnalyze());
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

} // namespace

int runAnalyze(CommandContext& ctx) {
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  ctx.out << (options().format == ReportFormat::Json ? report::analyzeJson(in.processes)
                                                     : report::analyzeText(in.processes));
  return 0;
}

} // namespace salesc::driver
