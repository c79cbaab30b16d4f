//===- Location.cpp - From SMLoc to file, line and character column -------===//
#include "Location.h"

#include <algorithm>

namespace salesc::diag {

unsigned countCodePoints(llvm::StringRef bytes) {
  unsigned n = 0;
  for (unsigned char c : bytes)
    if ((c & 0xC0) != 0x80)
      ++n;
  return n;
}

Location resolve(const llvm::SourceMgr& sm, llvm::SMLoc loc) {
  Location out;
  if (!loc.isValid())
    return out;
  unsigned id = sm.FindBufferContainingLoc(loc);
  if (id == 0)
    return out;
  out.bufferId = id;
  out.file = sm.getMemoryBuffer(id)->getBufferIdentifier().str();
  out.line = sm.FindLineNumber(loc, id);
  llvm::StringRef line = lineText(sm, loc);
  out.column = countCodePoints(llvm::StringRef(line.data(), loc.getPointer() - line.data())) + 1;
  return out;
}

Location LocationResolver::operator()(llvm::SMLoc loc) {
  if (!loc.isValid())
    return {};
  unsigned id = sm_.FindBufferContainingLoc(loc);
  if (id == 0)
    return {};
  if (id != bufferId_) {
    bufferId_ = id;
    file_ = sm_.getMemoryBuffer(id)->getBufferIdentifier().str();
    lineStart_ = counted_ = nullptr;
  }
  const llvm::MemoryBuffer* buf = sm_.getMemoryBuffer(id);
  std::vector<size_t>& starts = lineStarts_[id];
  if (starts.empty()) { // lines end at '\n' only, as SourceMgr counts them
    llvm::StringRef text = buf->getBuffer();
    starts.push_back(0);
    for (size_t i = text.find('\n'); i != llvm::StringRef::npos; i = text.find('\n', i + 1))
      starts.push_back(i + 1);
  }
  const size_t offset = loc.getPointer() - buf->getBufferStart();
  const size_t line = std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin();
  Location out;
  out.bufferId = id;
  out.file = file_;
  out.line = static_cast<unsigned>(line);
  const char* start = buf->getBufferStart() + starts[line - 1];
  const char* p = loc.getPointer();
  if (start == buf->getBufferStart() &&
      llvm::StringRef(start, buf->getBufferSize()).startswith("\xEF\xBB\xBF") && p >= start + 3)
    start += 3; // a byte order mark is not text, as lineText says
  if (start != lineStart_ || p < counted_) {
    lineStart_ = counted_ = start;
    codePoints_ = 0;
  }
  llvm::StringRef more(counted_, p - counted_);
  if (more.contains('\r')) // a lone CR ends a line for lineText, not for SourceMgr
    return resolve(sm_, loc);
  codePoints_ += countCodePoints(more);
  counted_ = p;
  out.column = codePoints_ + 1;
  return out;
}

llvm::StringRef lineText(const llvm::SourceMgr& sm, llvm::SMLoc loc) {
  unsigned id = sm.FindBufferContainingLoc(loc);
  if (id == 0)
    return {};
  const llvm::MemoryBuffer* buf = sm.getMemoryBuffer(id);
  const char* begin = buf->getBufferStart();
  const char* end = buf->getBufferEnd();
  const char* p = loc.getPointer();
  const char* s = p;
  while (s > begin && s[-1] != '\n' && s[-1] != '\r')
    --s;
  if (s == begin && llvm::StringRef(s, end - s).startswith("\xEF\xBB\xBF") && p >= s + 3)
    s += 3; // a byte order mark is not text
  const char* e = p;
  while (e < end && *e != '\n' && *e != '\r')
    ++e;
  return llvm::StringRef(s, e - s);
}

} // namespace salesc::diag
