//===- Charts.cpp - The table of the report's charts ----------------------===//
#include "Charts.h"

namespace salesc::emit {

namespace {

std::optional<llvm::json::Object> funnel(const ChartInput& in) {
  return funnelChart(*in.process);
}
std::optional<llvm::json::Object> timeShare(const ChartInput& in) {
  return timeShareChart(*in.process);
}
std::optional<llvm::json::Object> timeToWin(const ChartInput& in) {
  return timeToWinChart(*in.process, *in.simulation);
}
std::optional<llvm::json::Object> conversionGain(const ChartInput& in) {
  return conversionGainChart(*in.process);
}

} // namespace

llvm::ArrayRef<Chart> charts() {
  static const Chart table[] = {
      {"funnel", "Funnel", "of 1,000 leads, how many reach each stage and how many win", false,
       "The process has no stages.", funnel},
      {"time-share", "Time and bottlenecks",
       "each stage's share of the expected time, the bottleneck first", false,
       "No stage takes time, so there is no bottleneck.", timeShare},
      {"time-to-win", "Time to win",
       "histogram of the days to win of a seeded simulation, with P10, P50 and P90", true,
       "No simulated lead wins.", timeToWin},
      {"conversion-gain", "Where one more point of conversion pays most",
       "the win rate gained by one more point of conversion on each edge", false,
       "No stage loses prospects, so no edge can convert more.", conversionGain},
  };
  return table;
}

llvm::Expected<std::optional<llvm::json::Object>> drawChart(const Chart& c,
                                                            const rt::AnalyzedProcess& p) {
  if (!c.needsSimulation)
    return c.spec(ChartInput{&p, nullptr});
  llvm::Expected<rt::SimulationResult> sim = timeToWinSimulation(*p.process);
  if (!sim)
    return sim.takeError();
  return c.spec(ChartInput{&p, &*sim});
}

const Chart* findChart(llvm::StringRef name) {
  for (const Chart& c : charts())
    if (c.name == name)
      return &c;
  return nullptr;
}

} // namespace salesc::emit
