//===- Format.cpp - Numbers and words the emitters share ------------------===//
#include "Format.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <fmt/format.h>
#include <iterator>

namespace salesc::emit {

bool appendMarkupEntity(std::string& out, char c) {
  switch (c) {
  case '&':
    out += "&amp;";
    return true;
  case '<':
    out += "&lt;";
    return true;
  case '>':
    out += "&gt;";
    return true;
  default:
    return false;
  }
}

const char* palette::teamFill(size_t index) {
  static const char* const fills[] = {"#fbe3c4", "#d9ecd0", "#e4dcf2", "#cfe8ee",
                                      "#f5d6e1", "#ece5c6", "#dde3ea", "#f3dccd"};
  return fills[index % std::size(fills)];
}

const char* palette::teamLine(size_t index) {
  static const char* const lines[] = {"#a35f12", "#3f7a2a", "#5e4596", "#2a6f80",
                                      "#983d61", "#6f6326", "#4a5a6e", "#94502f"};
  return lines[index % std::size(lines)];
}

std::string words(llvm::StringRef name) {
  std::string out = name.str();
  for (char& c : out)
    if (c == '_')
      c = ' ';
  return out;
}

bool hasOutcomeValues(const rt::Process& p) {
  return llvm::any_of(p.states, [](const rt::State& s) { return s.value.has_value(); });
}

} // namespace salesc::emit
