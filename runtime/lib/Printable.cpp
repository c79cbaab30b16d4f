//===- Printable.cpp - Text from outside, made safe to show ---------------===//
#include "salesc/runtime/Printable.h"

#include <fmt/format.h>

namespace salesc::rt {

unsigned controlCharacterLength(llvm::StringRef text) {
  if (text.empty())
    return 0;
  unsigned char u = static_cast<unsigned char>(text[0]);
  if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7f)
    return 1;
  if (u == 0xC2 && text.size() >= 2) {
    unsigned char v = static_cast<unsigned char>(text[1]);
    if (v >= 0x80 && v <= 0x9F) // U+0080 to U+009F, the C1 controls (0x9B starts a CSI)
      return 2;
  }
  return text.startswith("\xEF\xBF\xBE") ? 3 : 0;
}

unsigned utf8Length(llvm::StringRef text) {
  if (text.empty())
    return 0;
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b = byte(0);
  if (b < 0x80)
    return 1;
  unsigned n = b >= 0xC2 && b <= 0xDF   ? 2
               : b >= 0xE0 && b <= 0xEF ? 3
               : b >= 0xF0 && b <= 0xF4 ? 4
                                        : 0;
  if (n == 0 || text.size() < n)
    return 0;
  for (unsigned i = 1; i < n; ++i)
    if ((byte(i) & 0xC0) != 0x80)
      return 0;
  // No overlong forms, no surrogates, nothing above U+10FFFF.
  if ((b == 0xE0 && byte(1) < 0xA0) || (b == 0xED && byte(1) > 0x9F) ||
      (b == 0xF0 && byte(1) < 0x90) || (b == 0xF4 && byte(1) > 0x8F))
    return 0;
  return n;
}

namespace {

/// printable(), saying whether it cut the text.
std::string shown(llvm::StringRef text, size_t maxChars, bool& cut) {
  std::string out;
  size_t chars = 0;
  cut = false;
  for (size_t i = 0; i < text.size();) {
    if (chars == maxChars) {
      cut = true;
      return out + "...";
    }
    llvm::StringRef rest = text.drop_front(i);
    unsigned n = controlCharacterLength(rest);
    if (n == 0 && (rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r'))
      n = 1;
    if (n > 0) {
      for (unsigned k = 0; k < n; ++k)
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(rest[k]));
    } else if ((n = utf8Length(rest)) > 0) {
      out.append(rest.data(), n);
    } else {
      n = 1;
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(rest[0]));
    }
    i += n;
    ++chars;
  }
  return out;
}

} // namespace

std::string printable(llvm::StringRef text, size_t maxChars) {
  bool cut;
  return shown(text, maxChars, cut);
}

std::string quote(llvm::StringRef text, size_t maxChars) {
  bool cut;
  std::string out = "'" + shown(text, maxChars, cut) + "'";
  if (cut)
    out += fmt::format(" ({} bytes)", text.size());
  return out;
}

std::string shownPath(llvm::StringRef path) {
  return printable(path, 4096);
}

void jsonText(llvm::json::OStream& j, llvm::StringRef text) {
  if (llvm::json::isUTF8(text)) {
    j.value(text);
    return;
  }
  j.rawValue([&](llvm::raw_ostream& os) {
    os << '"';
    for (size_t i = 0; i < text.size();) {
      unsigned n = utf8Length(text.drop_front(i));
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (n == 0)
        os << fmt::format("\\u{:04x}", 0xDC00 + c);
      else if (c == '"' || c == '\\')
        os << '\\' << c;
      else if (c < 0x20 || c == 0x7f)
        os << fmt::format("\\u{:04x}", c);
      else
        os << text.substr(i, n);
      i += n ? n : 1;
    }
    os << '"';
  });
}

void jsonText(llvm::json::OStream& j, llvm::StringRef key, llvm::StringRef text) {
  j.attributeBegin(key);
  jsonText(j, text);
  j.attributeEnd();
}

} // namespace salesc::rt
