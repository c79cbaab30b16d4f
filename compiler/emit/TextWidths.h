//===- TextWidths.h - The flowchart's text measured as browsers draw it ---===//
//
// Graphviz's text layout (its pango plugin) measures text with hinted metrics: each glyph's
// advance rounded to whole pixels at 96 dpi, so "onboarding guide" at 10 pt is laid out 74 pt
// wide where every browser draws it 77.3 pt wide, and words overlap or leave their boxes.
// salesc measures the text of its own font, Liberation Sans (FontName, Flowchart.h), with the
// font's unrounded advance widths instead, the widths a browser draws it with.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_TEXTWIDTHS_H
#define SALESC_EMIT_TEXTWIDTHS_H

#include <graphviz/gvplugin.h>

#include <optional>
#include <string_view>

namespace salesc::emit {

/// The next code point of UTF-8 `text` from `at`, moving `at` past it; U+FFFD for a byte
/// that starts no well-formed sequence.
char32_t nextCodePoint(std::string_view text, size_t& at);

/// Whether `c` is drawn one em wide in CJK fonts (CJK symbols and punctuation, kana,
/// ideographs, hangul, full-width forms): two columns of text, and a line may break beside it.
bool isFullWidth(char32_t c);

/// Whether UTF-8 `text` holds a full-width character (isFullWidth): CJK text, whose lines
/// need more room than Graphviz gives them (1.1 em apart, or 1 em in a label that mixes fonts).
bool hasFullWidth(std::string_view text);

/// Whether `c` is a letter of a script written right to left (Hebrew, Arabic, Syriac, Thaana,
/// their presentation forms).
bool isRightToLeft(char32_t c);

/// The width in points of UTF-8 `text` in Liberation Sans at `size` points, from the font's
/// advance widths (no kerning); CJK ideographs, kana, hangul and full-width forms one em, as
/// Noto Sans CJK draws them. None when some character is neither (an emoji, Cyrillic...).
std::optional<double> textWidth(std::string_view text, double size, bool bold, bool italic);

/// `pango` (Graphviz's pango plugin library) with its text layout measuring the text of
/// FontName by textWidth(), where it can: the layout pango made is kept for drawing PNGs.
gvplugin_library_t* withTextWidths(gvplugin_library_t* pango);

} // namespace salesc::emit

#endif // SALESC_EMIT_TEXTWIDTHS_H
