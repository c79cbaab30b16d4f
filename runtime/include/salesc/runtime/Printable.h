//===- Printable.h - Text from outside, made safe to show -----------------===//
//
// A CSV field, a file name or a name in a tables.json can hold anything: escape
// sequences that would drive the terminal, bytes that are not UTF-8, 100 MB in one
// field. Messages and text reports show such text through printable() or quote();
// JSON documents keep it exact (jsonText).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_PRINTABLE_H
#define SALESC_RUNTIME_PRINTABLE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <string>

namespace salesc::rt {

/// The length in bytes of the control character that `text` starts with (U+0000 to
/// U+001F but tab, line feed and carriage return; U+007F to U+009F) or of the
/// non-character U+FFFE, else 0: what no picture, XML file or terminal should be given.
unsigned controlCharacterLength(llvm::StringRef text);

/// The length in bytes of the UTF-8 character `text` starts with, or 0 when it does
/// not start with a valid one (a stray byte, a cut or overlong sequence, a surrogate).
unsigned utf8Length(llvm::StringRef text);

/// `text` for a one-line message or a text table: a control character (tab and line
/// breaks included) or a byte that is not UTF-8 is written as \xNN (the bytes of a
/// two-byte control character each), and the text is cut after `maxChars` characters
/// with "...". Everything else is kept.
std::string printable(llvm::StringRef text, size_t maxChars = 80);

/// printable() in single quotes; when cut, followed by its size: 'abc...' (1048576 bytes).
std::string quote(llvm::StringRef text, size_t maxChars = 80);

/// A file name at the start of a message ("FILE:LINE: ..."): printable(), cut only
/// beyond the longest path Linux accepts (4096 bytes).
std::string shownPath(llvm::StringRef path);

/// Text from outside (a CSV deal id) as a JSON string, exactly: a byte that is not
/// UTF-8 is written as the escape of the lone surrogate U+DC80 + byte, as Python's
/// "surrogateescape" does (PEP 383), so the bytes can be had back; JSON readers
/// accept it (llvm::json would have replaced it with U+FFFD).
void jsonText(llvm::json::OStream& j, llvm::StringRef text);
void jsonText(llvm::json::OStream& j, llvm::StringRef key, llvm::StringRef text);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_PRINTABLE_H
