//===- ChartFunnel.cpp - Of 1,000 leads, how many reach each stage and win ===//
#include "ChartSpec.h"
#include "Charts.h"
#include "Format.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace salesc::emit {

namespace {

constexpr double Leads = 1000;

} // namespace

std::optional<llvm::json::Object> funnelChart(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  if (p.states.empty() || a.reachProbability.size() != p.states.size())
    return std::nullopt;
  std::vector<uint32_t> stages;
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (!p.states[i].isOutcome())
      stages.push_back(i);
  // Nearest the start first; stages at the same distance as declared.
  std::stable_sort(stages.begin(), stages.end(),
                   [&](uint32_t x, uint32_t y) { return a.depth[x] < a.depth[y]; });
  llvm::json::Array rows;
  for (uint32_t i : stages)
    rows.push_back(llvm::json::Object{{"step", chartLabel(p.states[i])},
                                      {"leads", std::lround(a.reachProbability[i] * Leads)},
                                      {"share", percent(a.reachProbability[i])},
                                      {"kind", "stage"},
                                      {"about", p.states[i].description}});
  rows.push_back(llvm::json::Object{{"step", "won"},
                                    {"leads", std::lround(a.winRate() * Leads)},
                                    {"share", percent(a.winRate())},
                                    {"kind", "won"},
                                    {"about", "leads that become customers"}});
  llvm::json::Object spec =
      chartBase("Of 1,000 leads, how many reach each stage", "and how many win", std::move(rows));
  llvm::json::Object color{
      {"field", "kind"},
      {"type", "nominal"},
      {"legend", nullptr},
      {"scale",
       llvm::json::Object{{"domain", llvm::json::Array{"stage", "won"}},
                          {"range", llvm::json::Array{palette::StageLine, palette::WonLine}}}}};
  spec["layer"] = barsWithValues("step", "leads", "leads (of 1,000)", ",d",
                                 llvm::json::Array{tooltipField("step", "nominal", "step"),
                                                   tooltipField("leads", "quantitative", "leads"),
                                                   tooltipField("share", "nominal", "share"),
                                                   tooltipField("about", "nominal", "what it is")},
                                 std::move(color));
  return spec;
}

} // namespace salesc::emit
