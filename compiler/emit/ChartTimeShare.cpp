//===- ChartTimeShare.cpp - Where the time goes: share per stage, bottlenecks ===//
#include "ChartSpec.h"
#include "Charts.h"
#include "Format.h"

namespace salesc::emit {

std::optional<llvm::json::Object> timeShareChart(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  if (a.bottlenecks.empty())
    return std::nullopt;
  llvm::json::Array rows;
  for (uint32_t i : a.bottlenecks)
    rows.push_back(llvm::json::Object{{"stage", chartLabel(p.states[i])},
                                      {"share", rounded(a.timeShare[i], 6)},
                                      {"kind", i == a.bottlenecks.front() ? "bottleneck" : "stage"},
                                      {"mean", days(a.meanDays[i])},
                                      {"visits", rounded(a.expectedVisits[i], 3)}});
  llvm::json::Object spec =
      chartBase("Where the time goes", "each stage's share of the expected time until an outcome",
                std::move(rows));
  llvm::json::Object color{
      {"field", "kind"},
      {"type", "nominal"},
      {"title", nullptr},
      {"legend", llvm::json::Object{{"orient", "bottom"}}},
      {"scale", llvm::json::Object{
                    {"domain", llvm::json::Array{"bottleneck", "stage"}},
                    {"range", llvm::json::Array{palette::BottleneckLine, palette::StageLine}}}}};
  spec["layer"] =
      barsWithValues("stage", "share", "share of the time", ".1%",
                     llvm::json::Array{tooltipField("stage", "nominal", "stage"),
                                       llvm::json::Object{{"field", "share"},
                                                          {"type", "quantitative"},
                                                          {"title", "share of the time"},
                                                          {"format", ".1%"}},
                                       tooltipField("mean", "nominal", "time per visit"),
                                       tooltipField("visits", "quantitative", "visits")},
                     std::move(color));
  return spec;
}

} // namespace salesc::emit
