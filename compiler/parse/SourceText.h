//===- SourceText.h - A buffer as ANTLR sees it, mapped back to bytes -----===//
//
// Private to the parser. ANTLR indexes code points; our locations are byte pointers
// into the SourceMgr's buffer. This keeps the map between the two (identity for
// ASCII text, which is the common case).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_SOURCETEXT_H
#define SALESC_PARSE_SOURCETEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <vector>

namespace salesc::parse {

class SourceText {
public:
  /// `text` is the whole buffer; a UTF-8 byte order mark at its start is skipped.
  explicit SourceText(llvm::StringRef text);

  /// What ANTLR reads: the buffer without the byte order mark.
  llvm::StringRef body() const { return body_; }

  /// The location of code point `index` of the body (index == size gives the end).
  llvm::SMLoc loc(size_t index) const {
    size_t byte = ascii_ ? index : (index < offsets_.size() ? offsets_[index] : body_.size());
    return llvm::SMLoc::getFromPointer(body_.data() + byte);
  }
  /// The range from code point `start` up to and including code point `stop`.
  llvm::SMRange range(size_t start, size_t stop) const { return {loc(start), loc(stop + 1)}; }

private:
  llvm::StringRef body_;
  bool ascii_ = true;
  std::vector<uint32_t> offsets_; ///< byte offset of each code point, when not ASCII
};

} // namespace salesc::parse

#endif // SALESC_PARSE_SOURCETEXT_H
