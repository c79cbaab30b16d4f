//===- Confusables.h - Invisible and look-alike characters ----------------===//
//
// Characters that text pasted from web pages, mail and word processors brings into a
// file and that a reader cannot see or cannot tell from plain ASCII: zero-width spaces,
// soft hyphens, direction marks, a byte order mark in the middle of a file, Cyrillic
// and Greek letters that look like Latin ones, fullwidth letters and digits. The lexer
// names them by code point, never prints them, and reads past them.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_CONFUSABLES_H
#define SALESC_PARSE_CONFUSABLES_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace salesc::parse {

/// One such character: its code point, its length in UTF-8, the ASCII character it
/// looks like (none for an invisible one) and its name for messages.
struct Confusable {
  uint32_t codePoint = 0;
  unsigned length = 0;
  char ascii = 0; ///< 0 when invisible
  std::string name;

  bool invisible() const { return ascii == 0; }
  /// "U+200B (zero-width space)"
  std::string named() const;
};

/// The invisible or look-alike character at the start of `s`, if there is one.
std::optional<Confusable> confusableAt(llvm::StringRef s);

} // namespace salesc::parse

#endif // SALESC_PARSE_CONFUSABLES_H
