//===- SourceText.h - Token indexes back to source locations --------------===//
//
// Private to the parser. Tokens index the bytes of the SourceMgr's buffer, so a
// token's location is a pointer into that buffer.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_SOURCETEXT_H
#define SALESC_PARSE_SOURCETEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

namespace salesc::parse {

class SourceText {
public:
  explicit SourceText(llvm::StringRef text) : body_(text) {}

  llvm::StringRef body() const { return body_; }
  /// The location of byte `index` (index == size gives the end).
  llvm::SMLoc loc(size_t index) const {
    return llvm::SMLoc::getFromPointer(body_.data() + std::min(index, body_.size()));
  }
  /// The range from byte `start` up to and including byte `stop`.
  llvm::SMRange range(size_t start, size_t stop) const { return {loc(start), loc(stop + 1)}; }

private:
  llvm::StringRef body_;
};

} // namespace salesc::parse

#endif // SALESC_PARSE_SOURCETEXT_H
