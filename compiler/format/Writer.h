//===- Writer.h - The formatted text, line by line ------------------------===//
#ifndef SALESC_FORMAT_WRITER_H
#define SALESC_FORMAT_WRITER_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace salesc::format {

/// The formatted text as it is written. Invariants: no line ends in whitespace; outside
/// block comments no two blank lines follow each other, and the text neither starts nor
/// ends with a blank line; a block comment's later lines move by as much as its first
/// line moved.
class Writer {
public:
  /// Ends the line being written, if it holds anything, and starts one indented by
  /// `indent` spaces, after one blank line when `blankBefore` (none at the start).
  void newLine(unsigned indent, bool blankBefore = false);
  /// Appends a token, or any text on one line, after a space when `space`.
  void append(llvm::StringRef text, bool space);
  /// Appends a comment that started at byte `sourceColumn` of its source line.
  void appendComment(llvm::StringRef text, unsigned sourceColumn, bool space);

  /// Whether nothing but the indentation is on the line being written.
  bool atLineStart() const { return !hasText_; }
  /// The display width of the line being written so far.
  unsigned column() const { return column_; }

  /// The text: lines joined by `newline`, the last one ended too (nothing when empty).
  std::string finish(llvm::StringRef newline);

private:
  void endLine();

  std::vector<std::string> lines_;
  std::string line_;
  bool hasText_ = false;
  bool blankPending_ = false;
  unsigned column_ = 0;
};

/// The number of columns `text` takes on a terminal (characters, not bytes).
unsigned displayWidth(llvm::StringRef text);

} // namespace salesc::format

#endif // SALESC_FORMAT_WRITER_H
