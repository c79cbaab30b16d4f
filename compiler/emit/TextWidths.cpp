//===- TextWidths.cpp - The flowchart's text measured as browsers draw it -===//
#include "TextWidths.h"

#include "Flowchart.h"

#include <graphviz/gvplugin_textlayout.h>
#include <graphviz/textspan.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <vector>

namespace salesc::emit {
namespace {

struct Advance {
  char32_t codePoint;
  double width; ///< thousandths of an em
};

#include "FontWidths.inc"

template <size_t N> std::optional<double> advance(const Advance (&table)[N], char32_t c) {
  const Advance* it =
      std::lower_bound(std::begin(table), std::end(table), c,
                       [](const Advance& a, char32_t k) { return a.codePoint < k; });
  if (it != std::end(table) && it->codePoint == c)
    return it->width;
  return std::nullopt;
}

/// Graphviz's pango plugin's text layout, which makes the layouts PNGs are drawn from.
gvtextlayout_engine_t* pangoLayout = nullptr;

/// The line height of CJK text, in ems (Noto Sans CJK's ascent and descent with some leading).
constexpr double CjkLineHeight = 1.4;

boolean measure(textspan_t* span, char** fontpath) {
  if (!pangoLayout || !pangoLayout->textlayout(span, fontpath))
    return false;
  if (span->str && span->font && span->font->name && std::strcmp(span->font->name, FontName) == 0)
    if (std::optional<double> w = textWidth(
            span->str, span->font->size, span->font->flags & HTML_BF, span->font->flags & HTML_IF))
      span->size.x = *w;
  // Graphviz spaces lines 1.1 em apart, which suits Latin text; CJK glyphs fill their em
  // square, so lines of them touch: they get the 1.4 em a CJK font's own line height asks.
  if (span->str && span->font && hasFullWidth(span->str))
    span->size.y = std::max(span->size.y, std::round(span->font->size * CjkLineHeight));
  return true;
}

gvtextlayout_engine_t Measure = {measure};

} // namespace

char32_t nextCodePoint(std::string_view s, size_t& at) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b = byte(at);
  size_t length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (length == 0 || at + length > s.size()) {
    ++at;
    return 0xFFFD;
  }
  char32_t c = length == 1 ? b : b & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) {
      ++at;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(at + i) & 0x3F);
  }
  at += length;
  return c;
}

bool hasFullWidth(std::string_view text) {
  for (size_t at = 0; at < text.size();)
    if (isFullWidth(nextCodePoint(text, at)))
      return true;
  return false;
}

bool isFullWidth(char32_t c) {
  return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF01 && c <= 0xFF60) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

bool isRightToLeft(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

std::optional<double> textWidth(std::string_view text, double size, bool bold, bool italic) {
  double total = 0;
  for (size_t at = 0; at < text.size();) {
    char32_t c = nextCodePoint(text, at);
    std::optional<double> w = bold && italic ? advance(BoldItalicWidths, c)
                              : bold         ? advance(BoldWidths, c)
                              : italic       ? advance(ItalicWidths, c)
                                             : advance(RegularWidths, c);
    if (!w && isFullWidth(c))
      w = 1000;
    if (!w)
      return std::nullopt;
    total += *w;
  }
  return total * size / 1000;
}

gvplugin_library_t* withTextWidths(gvplugin_library_t* pango) {
  // Copies of the library's lists (they are Graphviz's static data), with the text layout
  // engines replaced by Measure; they live as long as the run.
  static std::vector<gvplugin_api_t> apis;
  static std::vector<std::vector<gvplugin_installed_t>> types;
  static gvplugin_library_t library;
  for (gvplugin_api_t* api = pango->apis; api->types; ++api) {
    std::vector<gvplugin_installed_t> list;
    for (gvplugin_installed_t* t = api->types; t->type; ++t) {
      list.push_back(*t);
      if (api->api == API_textlayout) {
        pangoLayout = static_cast<gvtextlayout_engine_t*>(t->engine);
        list.back().engine = &Measure;
      }
    }
    list.push_back(gvplugin_installed_t{0, nullptr, 0, nullptr, nullptr});
    types.push_back(std::move(list));
  }
  for (size_t i = 0; i < types.size(); ++i)
    apis.push_back(gvplugin_api_t{pango->apis[i].api, types[i].data()});
  apis.push_back(gvplugin_api_t{static_cast<api_t>(0), nullptr});
  library = gvplugin_library_t{pango->packagename, apis.data()};
  return &library;
}

} // namespace salesc::emit
