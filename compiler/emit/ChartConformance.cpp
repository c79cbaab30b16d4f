//===- ChartConformance.cpp - Stage histories against the process, as charts ===//
#include "ChartSpec.h"
#include "Charts.h"
#include "Format.h"

#include "salesc/runtime/Holding.h"

#include <cmath>

namespace salesc::emit {

namespace {

/// A quantile of the days in a stage: Kaplan-Meier's when reached, else the completed
/// visits'; NaN when neither.
double quantile(double km, double completed) {
  return std::isnan(km) ? completed : km;
}

} // namespace

std::optional<llvm::json::Object> edgeConformanceChart(const rt::Process& p,
                                                       const rt::ConformResult& r) {
  llvm::json::Array rows;
  for (const rt::EdgeConformance& e : r.edges) {
    if (e.trials == 0 || e.from >= p.states.size() || e.to >= p.states.size())
      continue;
    const double gap = (e.observed - e.stated) * 100;
    rows.push_back(llvm::json::Object{{"from", chartLabel(p.states[e.from])},
                                      {"to", chartLabel(p.states[e.to])},
                                      {"stated", rounded(e.stated, 4)},
                                      {"observed", rounded(e.observed, 4)},
                                      {"gap", rounded(gap, 2)},
                                      {"label", percent(e.observed)},
                                      {"moves", static_cast<int64_t>(e.count)},
                                      {"trials", static_cast<int64_t>(e.trials)},
                                      {"interval", percent(e.low) + " to " + percent(e.high)},
                                      {"p", rounded(e.adjustedP, 4)},
                                      {"flag", e.flagged ? "beyond chance" : "within chance"}});
  }
  if (rows.empty())
    return std::nullopt;
  llvm::json::Array order; // the states in the process's order, for both axes
  for (const rt::State& s : p.states)
    order.push_back(chartLabel(s));
  llvm::json::Object spec =
      chartBase("Observed against stated, per edge",
                "colour: observed minus stated share (points); outlined: beyond chance "
                "(Holm-adjusted p < 0.05); text: the observed share",
                std::move(rows));
  auto axis = [&](const char* field, const char* title) {
    return llvm::json::Object{{"field", field},
                              {"type", "nominal"},
                              {"title", title},
                              {"sort", llvm::json::Array(order)},
                              {"axis", llvm::json::Object{{"labelLimit", 160}, {"labelAngle", 0}}}};
  };
  llvm::json::Array tooltip{
      tooltipField("from", "nominal", "from"),
      tooltipField("to", "nominal", "to"),
      llvm::json::Object{
          {"field", "stated"}, {"type", "quantitative"}, {"title", "stated"}, {"format", ".1%"}},
      llvm::json::Object{{"field", "observed"},
                         {"type", "quantitative"},
                         {"title", "observed"},
                         {"format", ".1%"}},
      tooltipField("interval", "nominal", "95% interval"),
      tooltipField("moves", "quantitative", "moves"),
      tooltipField("trials", "quantitative", "left the stage"),
      tooltipField("p", "quantitative", "adjusted p"),
      tooltipField("flag", "nominal", "difference")};
  llvm::json::Object cells{
      {"mark", llvm::json::Object{{"type", "rect"}, {"strokeWidth", 3}}},
      {"encoding",
       llvm::json::Object{
           {"y", axis("from", "from")},
           {"x", axis("to", "to")},
           {"color", llvm::json::Object{{"field", "gap"},
                                        {"type", "quantitative"},
                                        {"title", "observed - stated (points)"},
                                        {"scale", llvm::json::Object{{"scheme", "redblue"},
                                                                     {"domainMid", 0}}}}},
           {"stroke",
            llvm::json::Object{
                {"field", "flag"},
                {"type", "nominal"},
                {"title", nullptr},
                {"scale",
                 llvm::json::Object{{"domain", llvm::json::Array{"beyond chance", "within chance"}},
                                    {"range", llvm::json::Array{"#111111", "transparent"}}}},
                {"legend", nullptr}}}, // the subtitle says what the outline means
           {"tooltip", llvm::json::Array(tooltip)}}}};
  llvm::json::Object labels{
      {"mark", llvm::json::Object{{"type", "text"}, {"fontSize", 12}}},
      {"encoding", llvm::json::Object{{"y", axis("from", "from")},
                                      {"x", axis("to", "to")},
                                      {"text", llvm::json::Object{{"field", "label"}}},
                                      {"tooltip", std::move(tooltip)}}}};
  spec["layer"] = llvm::json::Array{std::move(cells), std::move(labels)};
  return spec;
}

std::optional<llvm::json::Object> stageTimeChart(const rt::Process& p, const rt::ConformResult& r) {
  llvm::json::Array rows;
  for (size_t i = 0; i < p.states.size() && i < r.states.size(); ++i) {
    const rt::State& s = p.states[i];
    const rt::StageConformance& c = r.states[i];
    const double lo = quantile(c.kmP10, c.p10), mid = quantile(c.kmMedian, c.median),
                 hi = quantile(c.kmP90, c.p90);
    if (s.isOutcome() || c.visits == 0 || std::isnan(lo) || std::isnan(mid) || std::isnan(hi))
      continue;
    llvm::json::Object row{{"stage", chartLabel(s)},
                           {"p10", rounded(lo, 3)},
                           {"median", rounded(mid, 3)},
                           {"p90", rounded(hi, 3)},
                           {"visits", static_cast<int64_t>(c.visits)},
                           {"flag", c.timeFlagged ? "beyond chance" : "within chance"},
                           {"observed", days(lo) + " to " + days(hi) + ", median " + days(mid)}};
    if (s.hasTime || s.isSignoff()) {
      const auto [min, max] = rt::holdingRange(s);
      row["min"] = rounded(min, 3);
      row["max"] = rounded(max, 3);
      row["stated"] = s.timeWritten.empty() ? days(min) + " to " + days(max) : s.timeWritten;
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty())
    return std::nullopt;
  llvm::json::Object spec =
      chartBase("Time in stage, observed against stated",
                "grey: the stated range; box: observed P10 to P90 (Kaplan-Meier), tick: the median",
                std::move(rows));
  llvm::json::Object y{{"field", "stage"},
                       {"type", "nominal"},
                       {"sort", nullptr},
                       {"title", nullptr},
                       {"axis", llvm::json::Object{{"labelLimit", 220}}}};
  llvm::json::Array tooltip{
      tooltipField("stage", "nominal", "stage"), tooltipField("observed", "nominal", "observed"),
      tooltipField("stated", "nominal", "stated"), tooltipField("visits", "quantitative", "visits"),
      tooltipField("flag", "nominal", "median against stated")};
  llvm::json::Object stated{
      {"mark",
       llvm::json::Object{
           {"type", "bar"}, {"color", "#9e9e9e"}, {"opacity", 0.35}, {"height", 26}}},
      {"encoding", llvm::json::Object{{"y", llvm::json::Object(y)},
                                      {"x", llvm::json::Object{{"field", "min"},
                                                               {"type", "quantitative"},
                                                               {"title", "days in the stage"}}},
                                      {"x2", llvm::json::Object{{"field", "max"}}},
                                      {"tooltip", llvm::json::Array(tooltip)}}}};
  llvm::json::Object box{
      {"mark", llvm::json::Object{{"type", "bar"}, {"height", 12}, {"color", palette::StageLine}}},
      {"encoding",
       llvm::json::Object{
           {"y", llvm::json::Object(y)},
           {"x", llvm::json::Object{{"field", "p10"}, {"type", "quantitative"}}},
           {"x2", llvm::json::Object{{"field", "p90"}}},
           {"color",
            llvm::json::Object{
                {"field", "flag"},
                {"type", "nominal"},
                {"title", "median"},
                {"scale",
                 llvm::json::Object{
                     {"domain", llvm::json::Array{"within chance", "beyond chance"}},
                     {"range", llvm::json::Array{palette::StageLine, palette::BottleneckLine}}}},
                {"legend", llvm::json::Object{{"orient", "bottom"}}}}},
           {"tooltip", llvm::json::Array(tooltip)}}}};
  llvm::json::Object median{
      {"mark",
       llvm::json::Object{{"type", "tick"}, {"thickness", 3}, {"size", 20}, {"color", "#111111"}}},
      {"encoding",
       llvm::json::Object{{"y", std::move(y)},
                          {"x", llvm::json::Object{{"field", "median"}, {"type", "quantitative"}}},
                          {"tooltip", std::move(tooltip)}}}};
  spec["layer"] = llvm::json::Array{std::move(stated), std::move(box), std::move(median)};
  return spec;
}

} // namespace salesc::emit
