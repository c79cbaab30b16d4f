//===- ChartTimeToWin.cpp - The distribution of the time to win (simulated) ===//
#include "ChartSpec.h"
#include "Charts.h"
#include "Format.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace salesc::emit {

namespace {

/// About this many bars across the range of the sample.
constexpr double Bars = 30;

/// A bin width of 1, 2 or 5 times a power of ten, near range / Bars; 1 for a range of 0.
double binWidth(double range) {
  if (!(range > 0))
    return 1;
  const double rough = range / Bars;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * power >= rough)
      return m * power;
  return 10 * power;
}

} // namespace

llvm::Expected<rt::SimulationResult> timeToWinSimulation(const rt::Process& p) {
  rt::SimulationOptions o;
  o.prospects = TimeToWinProspects;
  o.seed = 1;
  o.threads = 1;
  o.keepWinDays = true;
  return rt::simulate(p, o);
}

std::optional<llvm::json::Object> timeToWinChart(const rt::AnalyzedProcess& ap,
                                                 const rt::SimulationResult& sim) {
  if (sim.winDays.empty())
    return std::nullopt;
  const auto [lo, hi] = std::minmax_element(sim.winDays.begin(), sim.winDays.end());
  const double width = binWidth(*hi - *lo);
  const double first = std::floor(*lo / width) * width;
  const size_t count = static_cast<size_t>(std::floor((*hi - first) / width)) + 1;
  std::vector<uint64_t> bins(count, 0);
  for (double d : sim.winDays)
    ++bins[std::min(count - 1, static_cast<size_t>(std::floor((d - first) / width)))];
  const rt::Summary& s = sim.daysToWin;
  llvm::json::Array rows;
  for (size_t b = 0; b < count; ++b)
    rows.push_back(llvm::json::Object{{"from", rounded(first + b * width, 6)},
                                      {"to", rounded(first + (b + 1) * width, 6)},
                                      {"wins", static_cast<int64_t>(bins[b])}});
  llvm::json::Array marks;
  for (auto [name, value] : {std::pair{"P10", s.p10}, {"P50", s.p50}, {"P90", s.p90}})
    marks.push_back(llvm::json::Object{{"at", name},
                                       {"days", rounded(value, 4)},
                                       {"label", fmt::format("{} {}", name, days(value))}});
  llvm::json::Object spec =
      chartBase("How long a win takes",
                fmt::format("the {} wins of a seeded simulation of {} leads",
                            formatMoney(static_cast<double>(sim.wins), ""),
                            formatMoney(static_cast<double>(sim.prospects), "")),
                std::move(rows));
  // The percentiles on a second line of the subtitle.
  llvm::json::Object& title = *spec.getObject("title");
  title["subtitle"] = llvm::json::Array{
      std::string(*title.getString("subtitle")),
      fmt::format("P10 {}, P50 {}, P90 {}", days(s.p10), days(s.p50), days(s.p90))};
  llvm::json::Object bars{
      {"mark", llvm::json::Object{{"type", "bar"}, {"color", palette::StageLine}}},
      {"encoding",
       llvm::json::Object{
           {"x", llvm::json::Object{{"field", "from"},
                                    {"type", "quantitative"},
                                    {"scale", llvm::json::Object{{"zero", false}}},
                                    {"title", "days to win"}}},
           {"x2", llvm::json::Object{{"field", "to"}}},
           {"y2", llvm::json::Object{{"datum", 0}}},
           {"y", llvm::json::Object{{"field", "wins"},
                                    {"type", "quantitative"},
                                    {"title", "wins"},
                                    {"axis", llvm::json::Object{{"format", ",d"}}}}},
           {"tooltip", llvm::json::Array{tooltipField("from", "quantitative", "from (days)"),
                                         tooltipField("to", "quantitative", "to (days)"),
                                         tooltipField("wins", "quantitative", "wins")}}}}};
  llvm::json::Object x{{"field", "days"}, {"type", "quantitative"}};
  llvm::json::Object rules{
      {"data", llvm::json::Object{{"values", llvm::json::Array(marks)}}},
      {"mark", llvm::json::Object{{"type", "rule"},
                                  {"color", palette::BottleneckLine},
                                  {"strokeWidth", 2},
                                  {"strokeDash", llvm::json::Array{4, 3}}}},
      {"encoding", llvm::json::Object{{"x", llvm::json::Object(x)},
                                      {"tooltip", llvm::json::Array{tooltipField("label", "nominal",
                                                                                 "percentile")}}}}};
  // "P10", "P50", "P90" above the plot at each rule; the days are in the subtitle.
  llvm::json::Object labels{
      {"data", llvm::json::Object{{"values", std::move(marks)}}},
      {"mark", llvm::json::Object{{"type", "text"},
                                  {"baseline", "bottom"},
                                  {"dy", -3},
                                  {"color", palette::BottleneckLine}}},
      {"encoding",
       llvm::json::Object{{"x", std::move(x)},
                          {"y", llvm::json::Object{{"value", 0}}},
                          {"text", llvm::json::Object{{"field", "at"}, {"type", "nominal"}}}}}};
  spec["layer"] = llvm::json::Array{std::move(bars), std::move(rules), std::move(labels)};
  return spec;
}

} // namespace salesc::emit
