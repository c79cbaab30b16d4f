//===- Format.cpp - Numbers and words the emitters share ------------------===//
#include "Format.h"

#include <cmath>
#include <fmt/format.h>

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

std::string words(llvm::StringRef name) {
  std::string out = name.str();
  for (char& c : out)
    if (c == '_')
      c = ' ';
  return out;
}

} // namespace salesc::emit
