//===- ChartForecast.cpp - The pipeline's revenue by month, as a fan chart -===//
#include "ChartSpec.h"
#include "Charts.h"
#include "Format.h"

#include "salesc/runtime/Loaders.h"

#include <fmt/format.h>

namespace salesc::emit {

std::optional<llvm::json::Object> forecastFanChart(const rt::Process& p,
                                                   llvm::ArrayRef<ForecastToDate> months) {
  if (months.empty())
    return std::nullopt;
  const std::string unit = p.currency.empty() ? "value" : p.currency;
  llvm::json::Array rows;
  for (const ForecastToDate& m : months)
    rows.push_back(llvm::json::Object{{"month", fmt::format("{:04}-{:02}", m.year, m.month)},
                                      {"by", rt::formatDate(m.to)},
                                      {"p10", rounded(m.revenue.p10, 2)},
                                      {"p50", rounded(m.revenue.p50, 2)},
                                      {"p90", rounded(m.revenue.p90, 2)},
                                      {"mean", rounded(m.revenue.mean, 2)},
                                      {"wins", rounded(m.wins.mean, 2)},
                                      {"range", formatMoney(m.revenue.p10, p.currency) + " to " +
                                                    formatMoney(m.revenue.p90, p.currency)}});
  llvm::json::Object spec =
      chartBase("Revenue won by the end of each month",
                "P10 to P90 of the simulated pipelines (band), P50 (line) and the mean (dashed)",
                std::move(rows));
  llvm::json::Object x{{"field", "month"},
                       {"type", "ordinal"},
                       {"title", nullptr},
                       {"axis", llvm::json::Object{{"labelAngle", 0}}}};
  const std::string money = "revenue won (" + unit + ")";
  llvm::json::Array tooltip{
      tooltipField("by", "nominal", "won by"), tooltipField("range", "nominal", "P10 to P90"),
      llvm::json::Object{
          {"field", "p50"}, {"type", "quantitative"}, {"title", "P50"}, {"format", ",.0f"}},
      llvm::json::Object{
          {"field", "mean"}, {"type", "quantitative"}, {"title", "mean"}, {"format", ",.0f"}},
      tooltipField("wins", "quantitative", "expected wins")};
  llvm::json::Object band{
      {"mark",
       llvm::json::Object{{"type", "area"}, {"opacity", 0.3}, {"color", palette::StageLine}}},
      {"encoding",
       llvm::json::Object{{"x", llvm::json::Object(x)},
                          {"y", llvm::json::Object{{"field", "p10"},
                                                   {"type", "quantitative"},
                                                   {"title", money},
                                                   {"axis", llvm::json::Object{{"format", "~s"}}}}},
                          {"y2", llvm::json::Object{{"field", "p90"}}},
                          {"tooltip", llvm::json::Array(tooltip)}}}};
  llvm::json::Object median{
      {"mark",
       llvm::json::Object{
           {"type", "line"}, {"point", true}, {"strokeWidth", 2.5}, {"color", palette::StageLine}}},
      {"encoding",
       llvm::json::Object{{"x", llvm::json::Object(x)},
                          {"y", llvm::json::Object{{"field", "p50"}, {"type", "quantitative"}}},
                          {"tooltip", std::move(tooltip)}}}};
  llvm::json::Object mean{
      {"mark", llvm::json::Object{{"type", "line"},
                                  {"strokeDash", llvm::json::Array{5, 4}},
                                  {"color", palette::BottleneckLine}}},
      {"encoding",
       llvm::json::Object{{"x", std::move(x)},
                          {"y", llvm::json::Object{{"field", "mean"}, {"type", "quantitative"}}}}}};
  spec["layer"] = llvm::json::Array{std::move(band), std::move(median), std::move(mean)};
  return spec;
}

} // namespace salesc::emit
