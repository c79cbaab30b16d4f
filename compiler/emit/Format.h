//===- Format.h - Numbers and words the emitters share --------------------===//
#ifndef SALESC_EMIT_FORMAT_H
#define SALESC_EMIT_FORMAT_H

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace salesc::emit {

// Figures are said as the runtime's formatting module says them, everywhere.
using rt::days;
using rt::exactNumber;
using rt::formatDecimal;
using rt::formatMoney;
using rt::formatTime;
using rt::percent;
using rt::percentAgainst;
using rt::PercentAgainst;
using rt::percentTarget;

/// The colours every picture uses (flowchart, BPMN, Mermaid), so they look alike.
namespace palette {
inline constexpr const char* StageFill = "#eef4fb";
inline constexpr const char* StageLine = "#4a78b0";
inline constexpr const char* WonFill = "#d8f0dc";
inline constexpr const char* WonLine = "#2e7d32";
inline constexpr const char* LostFill = "#f6dede";
inline constexpr const char* LostLine = "#b23b3b";
inline constexpr const char* BottleneckLine = "#d9822b";
/// The colour of the `index`th team of a process (Process::teams): the owner band of its
/// stages in the flowchart, its lane in BPMN. Light enough for dark text; after the
/// eighth team the colours repeat.
const char* teamFill(size_t index);
/// A darker shade of the same hue: the band's text and the team's mark in the legend,
/// readable on teamFill(index) and on white.
const char* teamLine(size_t index);
} // namespace palette

/// Appends the entity for a markup character (&, <, >) and returns true; returns false
/// for any other character. The core every markup escaper (Graphviz HTML labels, XML,
/// Markdown) shares; each adds its own rules around it.
bool appendMarkupEntity(std::string& out, char c);

/// appendMarkupEntity, and the quotes too (" and '): text safe inside an HTML attribute
/// value as well as between tags (the report's HTML, Graphviz HTML labels).
bool appendAttributeEntity(std::string& out, char c);

/// Whether some won outcome of `p` has a value of its own: then the flowchart and the
/// playbook show each win's value.
bool hasOutcomeValues(const rt::Process& p);

/// A stage's time in the units its author wrote ("1 to 2 months", "1 to 3 weeks, typical 10
/// days"); as rt::formatTime says it when the source states none.
std::string writtenTime(const rt::State& s);
/// A stage's mean time in the unit its written time ends in ("1.5 months"; weeks, months and
/// years; else as rt::days says it).
std::string writtenMean(const rt::State& s);

/// A name as words: "problem_fit" -> "problem fit".
std::string words(llvm::StringRef name);

/// What a page calls a named thing: its description, or its name as words when it has none
/// or when `identifiers` asks for names.
std::string displayName(llvm::StringRef name, llvm::StringRef description,
                        bool identifiers = false);
/// "channel 直販 · offering コンサルティング": the process's channel and offering by
/// displayName, each part left out when the process has none; empty when it has neither.
std::string channelAndOffering(const rt::Process& p, bool identifiers = false);

} // namespace salesc::emit

#endif // SALESC_EMIT_FORMAT_H
