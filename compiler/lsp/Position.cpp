//===- Position.cpp - LSP positions (line, UTF-16 code unit) and byte offsets ===//
#include "Position.h"

namespace salesc::lsp {

namespace {

/// The bytes of the UTF-8 sequence that starts with `lead` (a stray byte counts as one).
size_t sequenceBytes(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8)
    return 4;
  if (lead >= 0xE0)
    return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0)
    return 2;
  return 1;
}

/// The UTF-16 code units of the character whose UTF-8 sequence is `bytes` long.
unsigned codeUnits(size_t bytes) {
  return bytes == 4 ? 2 : 1;
}

/// Where line `line` of `text` starts, or text.size() when there is no such line.
size_t lineStart(llvm::StringRef text, unsigned line) {
  size_t at = 0;
  for (unsigned l = 0; l < line; ++l) {
    size_t nl = text.find('\n', at);
    if (nl == llvm::StringRef::npos)
      return text.size();
    at = nl + 1;
  }
  return at;
}

} // namespace

size_t offsetAt(llvm::StringRef text, Position p) {
  size_t at = lineStart(text, p.line);
  size_t end = text.find('\n', at);
  if (end == llvm::StringRef::npos)
    end = text.size();
  if (end > at && text[end - 1] == '\r')
    --end;
  unsigned units = 0;
  while (at < end) {
    size_t n = std::min(sequenceBytes(text[at]), end - at);
    if (units + codeUnits(n) > p.character)
      break;
    units += codeUnits(n);
    at += n;
  }
  return at;
}

Position positionAt(llvm::StringRef text, size_t offset) {
  offset = std::min(offset, text.size());
  Position p;
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != llvm::StringRef::npos && nl < offset;
       nl = text.find('\n', nl + 1)) {
    ++p.line;
    start = nl + 1;
  }
  for (size_t at = start; at < offset;) {
    size_t n = sequenceBytes(text[at]);
    if (at + n > offset)
      break;
    p.character += codeUnits(n);
    at += n;
  }
  return p;
}

llvm::json::Value toJson(const Position& p) {
  return llvm::json::Object{{"line", p.line}, {"character", p.character}};
}

llvm::json::Value toJson(const Range& r) {
  return llvm::json::Object{{"start", toJson(r.start)}, {"end", toJson(r.end)}};
}

std::optional<Position> positionFromJson(const llvm::json::Value* v) {
  const llvm::json::Object* o = v ? v->getAsObject() : nullptr;
  if (!o)
    return std::nullopt;
  auto line = o->getInteger("line");
  auto character = o->getInteger("character");
  if (!line || !character || *line < 0 || *character < 0 || *line > UINT32_MAX ||
      *character > UINT32_MAX)
    return std::nullopt;
  return Position{unsigned(*line), unsigned(*character)};
}

std::optional<Range> rangeFromJson(const llvm::json::Value* v) {
  const llvm::json::Object* o = v ? v->getAsObject() : nullptr;
  if (!o)
    return std::nullopt;
  auto start = positionFromJson(o->get("start"));
  auto end = positionFromJson(o->get("end"));
  if (!start || !end)
    return std::nullopt;
  return Range{*start, *end};
}

} // namespace salesc::lsp
