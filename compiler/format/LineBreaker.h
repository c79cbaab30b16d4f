//===- LineBreaker.h - A statement's tokens and comments into lines -------===//
//
// A statement is one line when it fits in LineWidth columns. When it does not, it
// breaks before a clause (`for`, `extends`, `via`, `conveys`, `teaches`, `category`,
// `share`, `value`, `within`, `typical`) that does not fit on the line, and a clause
// longer than a line breaks after commas; every line after the first is indented by
// ContinuationIndent more. A comment that ends its line ends the statement's line.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_FORMAT_LINEBREAKER_H
#define SALESC_FORMAT_LINEBREAKER_H

#include "Writer.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace salesc::format {

/// The widest a line is made (a longer token or comment still stands on its own line).
constexpr unsigned LineWidth = 100;
/// Spaces per level of braces.
constexpr unsigned IndentWidth = 2;
/// Spaces more for the later lines of a statement that does not fit on one.
constexpr unsigned ContinuationIndent = 4;

/// Where a statement may break before an atom, weakest first.
enum class Break : uint8_t {
  Never,  ///< inside a clause: `50` `%`, a name and its `,`
  Item,   ///< after a comma
  Clause, ///< before a clause keyword
  Forced, ///< after a comment that ends its line
};

/// A token or a comment of a statement, as the line breaker places it.
struct Atom {
  llvm::StringRef text;
  bool comment = false;
  unsigned sourceColumn = 0; ///< for a comment: see Writer::appendComment
  bool spaceBefore = true;   ///< false before `;`, `,` and `%`
  Break before = Break::Never;
};

/// Writes `atoms` from the current position of `w`, at the start of a line indented by
/// `indent`, breaking lines as the header says.
void writeStatement(llvm::ArrayRef<Atom> atoms, unsigned indent, Writer& w);

/// Whether a statement may break before the word `word` when it stands third or later
/// in it (the first two words, such as `stage value`, are never split).
bool isClauseKeyword(llvm::StringRef word);

} // namespace salesc::format

#endif // SALESC_FORMAT_LINEBREAKER_H
