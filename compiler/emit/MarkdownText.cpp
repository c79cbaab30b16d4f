//===- MarkdownText.cpp - User text as GitHub Markdown --------------------===//
#include "MarkdownText.h"

#include "Format.h"

#include <cctype>

namespace salesc::emit {

/// User text as Markdown that shows exactly as written, on one line.
std::string markdownText(llvm::StringRef s) {
  s = s.trim();
  std::string out;
  for (char c : s) {
    if (appendMarkupEntity(out, c))
      continue;
    switch (c) {
    case '\r':
    case '\n':
    case '\t':
      out += ' ';
      break;
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '|':
    case '~':
    case '#':
    case '$': // GitHub renders $...$ as maths
      out += '\\';
      out += c;
      break;
    default:
      out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c; // other control characters
    }
  }
  // What starts a block only at the start of a line: a list item ("- ", "+ ", "1. ",
  // "1) ") or a setext underline ("=").
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '='))
    out.insert(0, "\\");
  size_t digits = 0;
  while (digits < out.size() && digits < 10 &&
         std::isdigit(static_cast<unsigned char>(out[digits])))
    ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))
    out.insert(digits, "\\");
  return out;
}

std::string markdownMoney(double amount, llvm::StringRef currency) {
  return formatMoney(amount, "") + (currency.empty() ? "" : " " + markdownText(currency));
}

std::string markdownVerdict(bool hasTarget, bool met) {
  if (!hasTarget)
    return "";
  return met ? "met" : "**missed**";
}

} // namespace salesc::emit
