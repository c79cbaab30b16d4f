//===- Layout.h - The canonical layout of a file's tokens and comments ----===//
//
// Statements end at `;` or open a block at `{`; a block's statements are indented by
// IndentWidth more and its `}` stands on its own line. Each statement starts a line and
// is laid out by writeStatement. Blank lines between statements and comments are kept,
// a run of them as one, but never at the start or the end of a block or of the file.
// A comment stays where it was: after the token it followed on its line, on a line of
// its own, or before the token it preceded on its line.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_FORMAT_LAYOUT_H
#define SALESC_FORMAT_LAYOUT_H

#include "Elements.h"

#include <string>

namespace salesc::format {

/// The text of `source` in the canonical layout.
std::string layout(const SourceElements& source);

} // namespace salesc::format

#endif // SALESC_FORMAT_LAYOUT_H
