//===- ChartConversionGain.cpp - Where one more point of conversion pays most ===//
#include "ChartSpec.h"
#include "Charts.h"
#include "Format.h"

#include "salesc/runtime/Sensitivity.h"

namespace salesc::emit {

std::optional<llvm::json::Object> conversionGainChart(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  std::vector<rt::EdgeSensitivity> gains = rt::sensitivity(p, ap.analysis);
  if (gains.empty())
    return std::nullopt;
  llvm::json::Array rows;
  for (const rt::EdgeSensitivity& g : gains) {
    const rt::Transition& t = p.transitions[g.transition];
    llvm::json::Object row{
        {"edge", chartLabel(p.states[t.from]) + " \u2192 " + chartLabel(p.states[t.to])},
        {"gain", rounded(g.winRateGain * 100, 4)},
        {"now", percent(t.probability)}};
    if (g.valuePerLeadGain)
      row["value"] = "+" + formatMoney(*g.valuePerLeadGain, p.currency);
    rows.push_back(std::move(row));
  }
  const bool values = gains.front().valuePerLeadGain.has_value();
  llvm::json::Array tooltip{tooltipField("edge", "nominal", "edge"),
                            tooltipField("now", "nominal", "converts now"),
                            llvm::json::Object{{"field", "gain"},
                                               {"type", "quantitative"},
                                               {"title", "win rate gain (points)"},
                                               {"format", ".3f"}}};
  if (values)
    tooltip.push_back(tooltipField("value", "nominal", "value per lead gain"));
  llvm::json::Object spec =
      chartBase("Where one more point of conversion pays most",
                "the win rate gained when one more point of a stage's leads takes this edge",
                std::move(rows));
  spec["layer"] =
      barsWithValues("edge", "gain", "win rate gain (percentage points)", ".3f", std::move(tooltip),
                     llvm::json::Object{{"value", palette::WonLine}});
  return spec;
}

} // namespace salesc::emit
