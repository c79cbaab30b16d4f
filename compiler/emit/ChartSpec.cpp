//===- ChartSpec.cpp - What every Vega-Lite chart of the report shares ----===//
#include "ChartSpec.h"

#include "Charts.h"
#include "Format.h"

#include "llvm/Support/FormatVariadic.h"

#include <cmath>

namespace salesc::emit {

llvm::json::Object chartBase(llvm::StringRef title, llvm::StringRef subtitle,
                             llvm::json::Array rows) {
  // llvm::json keeps a StringRef without copying it: every text is copied in.
  llvm::json::Object titleObject{{"text", title.str()}, {"anchor", "start"}, {"offset", 14}};
  // Vega never wraps a title: a long subtitle is cut at the chart's edge, so one longer
  // than SubtitleLine characters goes on one line per "; "-separated part.
  if (subtitle.size() > SubtitleLine && subtitle.contains("; ")) {
    llvm::SmallVector<llvm::StringRef, 4> parts;
    subtitle.split(parts, "; ");
    llvm::json::Array lines;
    for (size_t i = 0; i < parts.size(); ++i)
      lines.push_back((parts[i] + (i + 1 < parts.size() ? ";" : "")).str());
    titleObject["subtitle"] = std::move(lines);
  } else if (!subtitle.empty()) {
    titleObject["subtitle"] = subtitle.str();
  }
  return llvm::json::Object{
      {"$schema", VegaLiteSchema},
      {"title", std::move(titleObject)},
      {"width", "container"},
      {"autosize", llvm::json::Object{{"type", "fit-x"}, {"contains", "padding"}}},
      {"data", llvm::json::Object{{"values", std::move(rows)}}},
  };
}

std::string chartLabel(const rt::State& s) {
  return words(s.name);
}

llvm::json::Object tooltipField(llvm::StringRef field, llvm::StringRef type,
                                llvm::StringRef title) {
  return llvm::json::Object{{"field", field.str()}, {"type", type.str()}, {"title", title.str()}};
}

double rounded(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

llvm::json::Array barsWithValues(llvm::StringRef category, llvm::StringRef value,
                                 llvm::StringRef valueTitle, llvm::StringRef format,
                                 llvm::json::Array tooltip, llvm::json::Object color) {
  llvm::json::Object y{{"field", category.str()},
                       {"type", "nominal"},
                       {"sort", nullptr},
                       {"title", nullptr},
                       {"axis", llvm::json::Object{{"labelLimit", 220}}}};
  llvm::json::Object bars{
      {"mark", llvm::json::Object{{"type", "bar"}, {"cornerRadiusEnd", 2}}},
      {"encoding",
       llvm::json::Object{
           {"y", llvm::json::Object(y)},
           {"x", llvm::json::Object{{"field", value.str()},
                                    {"type", "quantitative"},
                                    {"title", valueTitle.str()},
                                    {"axis", llvm::json::Object{{"format", format.str()}}}}},
           {"color", std::move(color)},
           {"tooltip", std::move(tooltip)}}}};
  llvm::json::Object counts{
      {"mark", llvm::json::Object{{"type", "text"}, {"align", "left"}, {"dx", 4}}},
      {"encoding", llvm::json::Object{
                       {"y", std::move(y)},
                       {"x", llvm::json::Object{{"field", value.str()}, {"type", "quantitative"}}},
                       {"text", llvm::json::Object{{"field", value.str()},
                                                   {"type", "quantitative"},
                                                   {"format", format.str()}}}}}};
  return llvm::json::Array{std::move(bars), std::move(counts)};
}

std::string chartText(const llvm::json::Object& spec) {
  return llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object(spec))).str() + "\n";
}

} // namespace salesc::emit
