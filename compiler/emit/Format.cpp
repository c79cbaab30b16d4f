//===- Format.cpp - Numbers and words the emitters share ------------------===//
#include "Format.h"

#include "sema/Durations.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::emit {

std::string percent(double p) {
  double v = p * 100;
  int decimals = v == 0 || std::fabs(v) >= 10 ? 1 : 2;
  std::string s = fmt::format("{:.{}f}", v, decimals);
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    bool dot = s.back() == '.';
    s.pop_back();
    if (dot)
      break;
  }
  return s + "%";
}

std::string days(double d) {
  return sema::formatDays(d);
}

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

std::string words(llvm::StringRef name) {
  std::string out = name.str();
  for (char& c : out)
    if (c == '_')
      c = ' ';
  return out;
}

} // namespace salesc::emit
