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

#include <string>

namespace salesc::emit {

/// Text for an HTML-like label: markup characters escaped, line breaks kept.
std::string html(llvm::StringRef text);

/// The label of stage `i`: name, win probability, description, and what happens there.
std::string stageLabel(const rt::Process& p, uint32_t i, const rt::Analysis& a);
/// The label of an outcome: its name and description.
std::string outcomeLabel(const rt::State& s);
/// The title of a process: its description, channel, offering and brand, and the
/// predicted figures against the targets.
std::string titleLabel(const rt::Process& p, const rt::Analysis& a);

} // namespace salesc::emit

#endif // SALESC_EMIT_FLOWCHARTLABELS_H
