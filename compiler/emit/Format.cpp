//===- Format.cpp - Numbers and words the emitters share ------------------===//
#include "Format.h"
#include "WrittenUnit.h"

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Holding.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <fmt/format.h>
#include <iterator>
#include <tuple>

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

bool appendAttributeEntity(std::string& out, char c) {
  switch (c) {
  case '"':
    out += "&quot;";
    return true;
  case '\'':
    out += "&#39;";
    return true;
  default:
    return appendMarkupEntity(out, c);
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

std::string writtenTime(const rt::State& s) {
  if (s.timeWritten.empty())
    return rt::formatTime(s.time);
  auto [range, typical] = llvm::StringRef(s.timeWritten).split(" typical ");
  return typical.empty() ? range.str() : range.str() + ", typical " + typical.str();
}

std::string inWrittenUnit(const rt::State& s, double days) {
  llvm::StringRef range = llvm::StringRef(s.timeWritten).split(" typical ").first;
  llvm::StringRef unit = range.rsplit(' ').second;
  for (auto [singular, plural, perUnit] :
       {std::tuple{"week", "weeks", 7.0}, std::tuple{"month", "months", 30.0},
        std::tuple{"year", "years", 365.0}})
    if (unit == singular || unit == plural) {
      std::string n = rt::formatDecimal(days / perUnit);
      return n + " " + (n == "1" ? singular : plural);
    }
  return rt::days(days);
}

std::string writtenMean(const rt::State& s) {
  return inWrittenUnit(s, rt::holdingMean(s));
}

std::string words(llvm::StringRef name) {
  std::string out = name.str();
  for (char& c : out)
    if (c == '_')
      c = ' ';
  return out;
}

std::string displayName(llvm::StringRef name, llvm::StringRef description, bool identifiers) {
  return identifiers || description.empty() ? words(name) : description.str();
}

std::string channelAndOffering(const rt::Process& p, bool identifiers) {
  std::string out;
  if (!p.channel.empty())
    out = "channel " + displayName(p.channel, p.channelDescription, identifiers);
  if (!p.offering.empty())
    out += (out.empty() ? "" : " \u00b7 ") + std::string("offering ") +
           displayName(p.offering, p.offeringDescription, identifiers);
  return out;
}

bool hasOutcomeValues(const rt::Process& p) {
  return llvm::any_of(p.states, [](const rt::State& s) { return s.value.has_value(); });
}

} // namespace salesc::emit
