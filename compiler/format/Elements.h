//===- Elements.h - A file as tokens and comments, with its line breaks ---===//
//
// What `salesc fmt` keeps of a source file: every token and every comment, in order,
// with their bytes, and of the whitespace between them only how many line breaks it
// held. Everything the layout decides is decided from these.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_FORMAT_ELEMENTS_H
#define SALESC_FORMAT_ELEMENTS_H

#include "parse/Tokens.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace salesc::format {

enum class ElementKind : uint8_t { Token, LineComment, BlockComment };

/// A token or a comment of the source.
struct Element {
  ElementKind kind;
  parse::TokenKind token = parse::TokenKind::Word; ///< for a Token
  /// A token's spelling; a comment from `//` or `/*` on (a line comment without the
  /// whitespace that ends its line).
  llvm::StringRef text;
  /// Line breaks between the element before (or the start of the file) and this one.
  unsigned newlinesBefore = 0;
  /// Where it starts on its source line, in bytes: a block comment's later lines move
  /// by as much as its first line moves.
  unsigned sourceColumn = 0;

  bool isComment() const { return kind != ElementKind::Token; }
  bool is(parse::TokenKind k) const { return kind == ElementKind::Token && token == k; }
};

/// A source file as elements, and how it writes its lines.
struct SourceElements {
  std::vector<Element> elements;
  bool byteOrderMark = false; ///< the file starts with U+FEFF, and keeps it
  bool crlf = false;          ///< its first line ends with CR LF: every line of the output does
};

/// The elements of `text`, which must have parsed without errors. An error when a gap
/// between two tokens holds anything but whitespace and comments (never, for such text).
llvm::Expected<SourceElements> splitElements(llvm::StringRef text);

/// Whether the element at `i` is the first thing on its source line.
bool startsLine(const std::vector<Element>& elements, size_t i);
/// Whether nothing but whitespace follows the element at `i` on its source line.
bool endsLine(const std::vector<Element>& elements, size_t i);

} // namespace salesc::format

#endif // SALESC_FORMAT_ELEMENTS_H
