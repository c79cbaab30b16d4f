//===- FlowchartLabels.h - The HTML-like labels of the flowchart (inside emit) ===//
//
// What each box and the title of a Graphviz flowchart say, as Graphviz's HTML-like
// labels with every piece of user text escaped. Flowchart.cpp builds the graph around them.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_FLOWCHARTLABELS_H
#define SALESC_EMIT_FLOWCHARTLABELS_H

#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::emit {

/// Text for an HTML-like label: markup characters escaped, line breaks kept.
std::string html(llvm::StringRef text);

/// The label of stage `i`: name, win probability, description, and what happens there.
/// A stage's box; with `identifiers`, its knowledge, materials and tactics by name rather
/// than by description.
std::string stageLabel(const rt::Process& p, uint32_t i, const rt::Analysis& a,
                       bool identifiers = false);
/// The label of outcome `i`: its name and description, and the value of a win there when
/// some won outcome of `p` has a value of its own.
std::string outcomeLabel(const rt::Process& p, uint32_t i);
/// "Win rate 5.65% (target 5%, met)": a figure, and against its target (when there is one)
/// whether it is met, in the colours of a won or lost outcome.
std::string targetText(const char* what, const std::string& value,
                       const std::optional<std::string>& target, bool met);
/// The title of a process: its description, channel, offering and brand, the predicted
/// figures against the targets, its segments and what they state differently, and the
/// campaigns into it with their predicted ROI (FlowchartMoney.cpp).
/// The title; with `identifiers`, the channel, offering and brand by name rather than by
/// description.
std::string titleLabel(const rt::AnalyzedProcess& p, bool identifiers = false);

/// The title's lines about money and volume: a line of segments (share, win rate, value
/// of a lead), a line per segment of what it states differently, and a line of
/// campaigns with their predicted ROI against their target; each line starts with
/// <BR/>. Empty without segments and campaigns.
std::string moneyLines(const rt::AnalyzedProcess& p);

} // namespace salesc::emit

#endif // SALESC_EMIT_FLOWCHARTLABELS_H
