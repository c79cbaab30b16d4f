//===- Position.h - LSP positions (line, UTF-16 code unit) and byte offsets ===//
//
// LSP counts a position's character in UTF-16 code units: a character outside the
// Basic Multilingual Plane (an emoji) is two, 'é' is one, though UTF-8 spends 4 and 2
// bytes on them. Lines end at "\n" (a "\r" before it belongs to no column).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_POSITION_H
#define SALESC_LSP_POSITION_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <optional>

namespace salesc::lsp {

struct Position {
  unsigned line = 0;
  unsigned character = 0; ///< UTF-16 code units from the line's start
  bool operator==(const Position& o) const { return line == o.line && character == o.character; }
};

struct Range {
  Position start, end;
};

/// The byte offset of `p` in `text`. A line past the end gives the end of the text; a
/// character past the line's end gives the line's end; one inside a character (half of
/// a surrogate pair) gives that character's start.
size_t offsetAt(llvm::StringRef text, Position p);

/// The position of byte `offset` of `text` (clamped to its end). An offset inside a
/// UTF-8 sequence counts from that character's start.
Position positionAt(llvm::StringRef text, size_t offset);

llvm::json::Value toJson(const Position& p);
llvm::json::Value toJson(const Range& r);
/// Null when `v` is not a position or range.
std::optional<Position> positionFromJson(const llvm::json::Value* v);
std::optional<Range> rangeFromJson(const llvm::json::Value* v);

} // namespace salesc::lsp

#endif // SALESC_LSP_POSITION_H
