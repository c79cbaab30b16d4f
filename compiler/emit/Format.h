//===- Format.h - Numbers and words the emitters share --------------------===//
#ifndef SALESC_EMIT_FORMAT_H
#define SALESC_EMIT_FORMAT_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace salesc::emit {

/// A probability as a percentage with sensible precision: "60%", "12.5%", "5.65%".
std::string percent(double probability);
/// Days the way people say them: "2 days", "10.5 days", "1 day", "6 hours".
std::string days(double d);
/// Appends the entity for a markup character (&, <, >) and returns true; returns false
/// for any other character. The core every markup escaper (Graphviz HTML labels, XML,
/// Markdown) shares; each adds its own rules around it.
bool appendMarkupEntity(std::string& out, char c);

/// A name as words: "problem_fit" -> "problem fit".
std::string words(llvm::StringRef name);

} // namespace salesc::emit

#endif // SALESC_EMIT_FORMAT_H
