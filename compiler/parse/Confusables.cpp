//===- Confusables.cpp - Invisible and look-alike characters --------------===//
#include "Confusables.h"

#include <fmt/format.h>

#include <iterator>

namespace salesc::parse {

namespace {

struct Entry {
  uint32_t codePoint;
  char ascii; ///< 0: invisible
  const char* name;
};

// Sorted by code point. Look-alikes are the letters that no font tells from Latin ones.
constexpr Entry Table[] = {
    {0x00AD, 0, "soft hyphen"},
    {0x0391, 'A', "Greek capital letter alpha"},
    {0x0392, 'B', "Greek capital letter beta"},
    {0x0395, 'E', "Greek capital letter epsilon"},
    {0x0396, 'Z', "Greek capital letter zeta"},
    {0x0397, 'H', "Greek capital letter eta"},
    {0x0399, 'I', "Greek capital letter iota"},
    {0x039A, 'K', "Greek capital letter kappa"},
    {0x039C, 'M', "Greek capital letter mu"},
    {0x039D, 'N', "Greek capital letter nu"},
    {0x039F, 'O', "Greek capital letter omicron"},
    {0x03A1, 'P', "Greek capital letter rho"},
    {0x03A4, 'T', "Greek capital letter tau"},
    {0x03A5, 'Y', "Greek capital letter upsilon"},
    {0x03A7, 'X', "Greek capital letter chi"},
    {0x03BF, 'o', "Greek small letter omicron"},
    {0x0405, 'S', "Cyrillic capital letter dze"},
    {0x0406, 'I', "Cyrillic capital letter byelorussian-ukrainian i"},
    {0x0408, 'J', "Cyrillic capital letter je"},
    {0x0410, 'A', "Cyrillic capital letter a"},
    {0x0412, 'B', "Cyrillic capital letter ve"},
    {0x0415, 'E', "Cyrillic capital letter ie"},
    {0x041A, 'K', "Cyrillic capital letter ka"},
    {0x041C, 'M', "Cyrillic capital letter em"},
    {0x041D, 'H', "Cyrillic capital letter en"},
    {0x041E, 'O', "Cyrillic capital letter o"},
    {0x0420, 'P', "Cyrillic capital letter er"},
    {0x0421, 'C', "Cyrillic capital letter es"},
    {0x0422, 'T', "Cyrillic capital letter te"},
    {0x0425, 'X', "Cyrillic capital letter ha"},
    {0x0430, 'a', "Cyrillic small letter a"},
    {0x0435, 'e', "Cyrillic small letter ie"},
    {0x043E, 'o', "Cyrillic small letter o"},
    {0x0440, 'p', "Cyrillic small letter er"},
    {0x0441, 'c', "Cyrillic small letter es"},
    {0x0443, 'y', "Cyrillic small letter u"},
    {0x0445, 'x', "Cyrillic small letter ha"},
    {0x0455, 's', "Cyrillic small letter dze"},
    {0x0456, 'i', "Cyrillic small letter byelorussian-ukrainian i"},
    {0x0458, 'j', "Cyrillic small letter je"},
    {0x04BB, 'h', "Cyrillic small letter shha"},
    {0x0501, 'd', "Cyrillic small letter komi de"},
    {0x200B, 0, "zero-width space"},
    {0x200C, 0, "zero-width non-joiner"},
    {0x200D, 0, "zero-width joiner"},
    {0x200E, 0, "left-to-right mark"},
    {0x200F, 0, "right-to-left mark"},
    {0x202A, 0, "left-to-right embedding"},
    {0x202B, 0, "right-to-left embedding"},
    {0x202C, 0, "pop directional formatting"},
    {0x202D, 0, "left-to-right override"},
    {0x202E, 0, "right-to-left override"},
    {0x2060, 0, "word joiner"},
    {0x2066, 0, "left-to-right isolate"},
    {0x2067, 0, "right-to-left isolate"},
    {0x2068, 0, "first strong isolate"},
    {0x2069, 0, "pop directional isolate"},
    {0xFEFF, 0, "byte order mark"},
};

/// The code point at the start of `s` and its length, for the lengths that matter here.
bool decode(llvm::StringRef s, uint32_t& cp, unsigned& len) {
  auto c = static_cast<unsigned char>(s.empty() ? 0 : s[0]);
  if (c < 0xC2 || c > 0xEF)
    return false; // ASCII, or a lead byte of no character in the table
  len = c < 0xE0 ? 2 : 3;
  if (s.size() < len)
    return false;
  cp = c < 0xE0 ? c & 0x1Fu : c & 0x0Fu;
  for (unsigned i = 1; i < len; ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80)
      return false;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  return true;
}

} // namespace

std::string Confusable::named() const {
  return fmt::format("U+{:04X} ({})", codePoint, name);
}

std::optional<Confusable> confusableAt(llvm::StringRef s) {
  uint32_t cp = 0;
  unsigned len = 0;
  if (!decode(s, cp, len))
    return std::nullopt;
  // Fullwidth digits and letters, as East Asian input methods type them.
  if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
      (cp >= 0xFF41 && cp <= 0xFF5A)) {
    char ascii = static_cast<char>(cp - 0xFEE0); // U+FF01 is '!'
    const char* kind = cp <= 0xFF19 ? "fullwidth digit " : "fullwidth letter ";
    return Confusable{cp, len, ascii, kind + std::string(1, ascii)};
  }
  size_t lo = 0, hi = std::size(Table);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (Table[mid].codePoint < cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == std::size(Table) || Table[lo].codePoint != cp)
    return std::nullopt;
  return Confusable{cp, len, Table[lo].ascii, Table[lo].name};
}

} // namespace salesc::parse
