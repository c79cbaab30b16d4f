//===- TextRenderer.cpp - clang-style diagnostics ---------------------------===//
#include "Location.h"
#include "Render.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Unicode.h"

namespace salesc::diag {
namespace {

/// Source lines longer than this many bytes are shown as a window around the caret.
constexpr size_t MaxShownLine = 160;

/// The length of a character that a terminal would not show, or would let reorder the
/// line (a zero-width space, a soft hyphen, a direction mark or override, a byte order
/// mark: U+00AD, U+200B to U+200F, U+202A to U+202E, U+2060 to U+2069, U+FEFF) at the
/// start of `s`, or 0. Shown as '?', as a control character is.
unsigned invisibleLength(llvm::StringRef s) {
  if (s.startswith("\xC2\xAD"))
    return 2;
  if (s.size() < 3 || (s[0] != '\xE2' && s[0] != '\xEF'))
    return 0;
  auto b1 = static_cast<unsigned char>(s[1]), b2 = static_cast<unsigned char>(s[2]);
  if (s[0] == '\xEF')
    return b1 == 0xBB && b2 == 0xBF ? 3 : 0;
  if (b1 == 0x80 && ((b2 >= 0x8B && b2 <= 0x8F) || (b2 >= 0xAA && b2 <= 0xAE)))
    return 3;
  return b1 == 0x81 && b2 >= 0xA0 && b2 <= 0xA9 ? 3 : 0;
}

/// Display width of one code point starting at `p` (and its length in bytes).
unsigned widthAt(llvm::StringRef line, size_t i, unsigned* bytes) {
  if (unsigned n = invisibleLength(line.drop_front(i))) {
    *bytes = n;
    return 1; // shown as '?'
  }
  unsigned len = llvm::getNumBytesForUTF8(line[i]);
  if (len == 0 || i + len > line.size())
    len = 1;
  *bytes = len;
  int w = llvm::sys::unicode::columnWidthUTF8(line.substr(i, len));
  return w < 0 ? 1 : static_cast<unsigned>(w);
}

/// `line` as the terminal is shown it: a control character (but tab), DEL, U+FFFE or an
/// invisible character is a '?', one column wide as the caret line counts it, so that no escape
/// sequence in a file reaches the terminal and the caret stays aligned.
std::string shownLine(llvm::StringRef line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned width = controlCharacterLength(line.drop_front(i));
    if (!width)
      width = invisibleLength(line.drop_front(i));
    if (width) {
      out += '?';
      i += width - 1;
    } else {
      out += line[i];
    }
  }
  return out;
}

/// The caret line: whitespace that lines up with `line` up to `from`, then `^` and
/// `~` up to `to` (byte offsets into the line). Tabs are copied so they line up
/// whatever the terminal's tab width.
std::string caretLine(llvm::StringRef line, size_t from, size_t to) {
  std::string out;
  size_t i = 0;
  while (i < from && i < line.size()) {
    unsigned len;
    unsigned w = widthAt(line, i, &len);
    if (line[i] == '\t')
      out += '\t';
    else
      out.append(w, ' ');
    i += len;
  }
  out += '^';
  unsigned first;
  if (i < line.size()) {
    unsigned w = widthAt(line, i, &first);
    if (w > 1)
      out.append(w - 1, '~');
    i += first;
  }
  while (i < to && i < line.size()) {
    unsigned len;
    unsigned w = widthAt(line, i, &len);
    out.append(line[i] == '\t' ? 1 : w, '~');
    i += len;
  }
  return out;
}

void header(llvm::raw_ostream& os, const Location& loc, llvm::StringRef file, Severity sev,
            llvm::StringRef message, llvm::StringRef code, bool color) {
  if (color)
    os.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  if (loc.line)
    os << rt::shownPath(loc.file) << ':' << loc.line << ':' << loc.column << ": ";
  else if (!file.empty())
    os << rt::shownPath(file) << ": ";
  else
    os << "salesc: ";
  if (color) {
    auto c = sev == Severity::Error     ? llvm::raw_ostream::RED
             : sev == Severity::Warning ? llvm::raw_ostream::MAGENTA
                                        : llvm::raw_ostream::CYAN;
    os.changeColor(c, true);
  }
  os << severityName(sev) << ": ";
  if (color)
    os.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  // A message can quote a path from the command line, which can hold anything.
  os << rt::printable(message, message.size());
  if (!code.empty())
    os << " [" << code << ']';
  if (color)
    os.resetColor();
  os << '\n';
}

void snippet(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::SMRange range, bool color,
             const std::string* fixText = nullptr) {
  if (!range.Start.isValid())
    return;
  llvm::StringRef line = lineText(sm, range.Start);
  size_t from = range.Start.getPointer() - line.data();
  size_t to = from + 1;
  if (range.End.isValid() && range.End.getPointer() > range.Start.getPointer())
    to = std::min<size_t>(range.End.getPointer() - line.data(), line.size());
  // A long line is shown as a window around the caret, "..." where it is cut: 50
  // errors on a 1.2 MB line once wrote 62 MB of text.
  std::string lead;
  if (line.size() > MaxShownLine) {
    size_t begin = from > MaxShownLine / 2 ? from - MaxShownLine / 2 : 0;
    while (begin > 0 && (static_cast<unsigned char>(line[begin]) & 0xC0) == 0x80)
      --begin; // not in the middle of a character
    size_t end = std::min(line.size(), begin + MaxShownLine);
    while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80)
      ++end;
    bool cutEnd = end < line.size();
    if (begin > 0)
      lead = "...";
    line = line.slice(begin, end);
    from -= begin;
    to = std::min(to - begin, line.size());
    os << lead << shownLine(line) << (cutEnd ? "..." : "") << '\n';
  } else {
    os << shownLine(line) << '\n';
  }
  if (color)
    os.changeColor(llvm::raw_ostream::GREEN, true);
  os << std::string(lead.size(), ' ') << caretLine(line, from, to);
  if (color)
    os.resetColor();
  os << '\n';
  if (fixText) {
    std::string pad = caretLine(line, from, from);
    pad.pop_back(); // drop the caret, keep the alignment
    if (color)
      os.changeColor(llvm::raw_ostream::GREEN);
    os << std::string(lead.size(), ' ') << pad << *fixText << '\n';
    if (color)
      os.resetColor();
  }
}

} // namespace

void renderText(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                bool color) {
  for (const Diagnostic& d : diags) {
    header(os, resolve(sm, d.range.Start), d.file, d.severity, d.message, kindInfo(d.kind).code,
           color);
    // A fix-it at the diagnostic's own place shows its replacement under the caret,
    // as clang does; its message is already part of the diagnostic's message. A removal
    // shows nothing: the message says what to remove.
    const std::string* fixText = nullptr;
    if (!d.fixes.empty() && d.fixes[0].range.Start == d.range.Start &&
        !d.fixes[0].replacement.empty())
      fixText = &d.fixes[0].replacement;
    snippet(os, sm, d.range, color, fixText);
    for (const Note& n : d.notes) {
      header(os, resolve(sm, n.range.Start), "", Severity::Note, n.message, "", color);
      snippet(os, sm, n.range, color);
    }
  }
}

void renderSummary(llvm::raw_ostream& os, unsigned errors, unsigned warnings, bool color,
                   unsigned suppressed) {
  if (!errors && !warnings && !suppressed)
    return;
  auto plural = [](unsigned n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  if (errors && warnings)
    os << plural(errors, "error") << " and " << plural(warnings, "warning");
  else if (errors)
    os << plural(errors, "error");
  else if (warnings)
    os << plural(warnings, "warning");
  else
    os << "no error or warning";
  os << " generated";
  if (suppressed)
    os << " (" << suppressed << " suppressed)";
  os << ".\n";
}

} // namespace salesc::diag
