//===- Location.cpp - From SMLoc to file, line and character column -------===//
#include "Location.h"

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
