//===- ChartSpec.h - What every Vega-Lite chart of the report shares ------===//
#ifndef SALESC_EMIT_CHARTSPEC_H
#define SALESC_EMIT_CHARTSPEC_H

#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <string>

namespace salesc::emit {

/// The Vega-Lite version every spec is written for (the bundled vega-lite 5).
inline constexpr const char* VegaLiteSchema = "https://vega.github.io/schema/vega-lite/v5.json";

/// The longest subtitle kept on one line (about a narrow chart's width at Vega's 10 pt).
inline constexpr size_t SubtitleLine = 80;

/// A spec's top level: $schema, the title and its subtitle (longer than SubtitleLine:
/// one line per "; "-separated part), the width (that of its container: the chart fits
/// the element it is drawn in), and `data` with `rows` inline; the caller adds the marks
/// (`mark` and `encoding`, or `layer`).
llvm::json::Object chartBase(llvm::StringRef title, llvm::StringRef subtitle,
                             llvm::json::Array rows);

/// A state as a chart's axis names it: its name as words ("rep call").
std::string chartLabel(const rt::State& s);

/// A tooltip field: {"field": F, "type": T, "title": TITLE}.
llvm::json::Object tooltipField(llvm::StringRef field, llvm::StringRef type, llvm::StringRef title);

/// Two layers: horizontal bars of `value` per `category` (in the data's order), coloured by
/// `color` (an encoding), and the value written at the end of each bar, both in d3 `format`.
llvm::json::Array barsWithValues(llvm::StringRef category, llvm::StringRef value,
                                 llvm::StringRef valueTitle, llvm::StringRef format,
                                 llvm::json::Array tooltip, llvm::json::Object color);

/// A number rounded to `decimals` places, so specs do not carry 17 digits of noise.
double rounded(double v, int decimals);

} // namespace salesc::emit

#endif // SALESC_EMIT_CHARTSPEC_H
