//===- Elements.cpp - A file as tokens and comments, with its line breaks -===//
#include "Elements.h"

namespace salesc::format {

namespace {

constexpr llvm::StringLiteral ByteOrderMark = "\xEF\xBB\xBF";
constexpr llvm::StringLiteral NoBreakSpace = "\xC2\xA0";

/// The column of byte `at`: bytes since the line break before it.
unsigned columnAt(llvm::StringRef text, size_t at) {
  size_t lineStart = text.rfind('\n', at);
  return static_cast<unsigned>(lineStart == llvm::StringRef::npos ? at : at - lineStart - 1);
}

/// Reads the whitespace and comments of text[from, to) into `out`; `newlines` counts
/// the line breaks since the last element. Returns false on any other byte.
bool readGap(llvm::StringRef text, size_t from, size_t to, unsigned& newlines,
             std::vector<Element>& out) {
  size_t pos = from;
  while (pos < to) {
    llvm::StringRef rest = text.slice(pos, to);
    char c = rest.front();
    if (c == '\n') {
      ++newlines;
      ++pos;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      ++pos;
    } else if (rest.startswith(NoBreakSpace)) {
      pos += NoBreakSpace.size();
    } else if (rest.startswith(ByteOrderMark)) {
      pos += ByteOrderMark.size();
    } else if (rest.startswith("//")) {
      size_t end = rest.find('\n');
      llvm::StringRef body = rest.take_front(end).rtrim();
      out.push_back(
          {ElementKind::LineComment, parse::TokenKind::Word, body, newlines, columnAt(text, pos)});
      newlines = 0;
      pos += body.size();
    } else if (rest.startswith("/*")) {
      size_t close = rest.find("*/", 2);
      if (close == llvm::StringRef::npos)
        return false;
      llvm::StringRef body = rest.take_front(close + 2);
      out.push_back(
          {ElementKind::BlockComment, parse::TokenKind::Word, body, newlines, columnAt(text, pos)});
      newlines = 0;
      pos += body.size();
    } else {
      return false;
    }
  }
  return true;
}

} // namespace

llvm::Expected<SourceElements> splitElements(llvm::StringRef text) {
  SourceElements result;
  result.byteOrderMark = text.startswith(ByteOrderMark);
  size_t firstBreak = text.find('\n');
  result.crlf =
      firstBreak != llvm::StringRef::npos && firstBreak > 0 && text[firstBreak - 1] == '\r';

  std::vector<Element>& out = result.elements;
  unsigned newlines = 0;
  size_t pos = 0;
  auto gap = [&](size_t to) -> llvm::Error {
    if (readGap(text, pos, to, newlines, out))
      return llvm::Error::success();
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "unexpected text between tokens at byte " + std::to_string(pos));
  };
  for (const parse::SourceToken& t : parse::lexTokens(text)) {
    size_t start = static_cast<size_t>(t.text.data() - text.data());
    if (llvm::Error e = gap(start))
      return e;
    out.push_back({ElementKind::Token, t.kind, t.text, newlines, columnAt(text, start)});
    newlines = 0;
    pos = start + t.text.size();
  }
  if (llvm::Error e = gap(text.size()))
    return e;
  return result;
}

bool startsLine(const std::vector<Element>& elements, size_t i) {
  return i == 0 || elements[i].newlinesBefore > 0;
}

bool endsLine(const std::vector<Element>& elements, size_t i) {
  return elements[i].kind == ElementKind::LineComment || i + 1 == elements.size() ||
         elements[i + 1].newlinesBefore > 0;
}

} // namespace salesc::format
