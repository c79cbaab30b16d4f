//===- SourceText.cpp - A buffer as ANTLR sees it, mapped back to bytes ---===//
#include "SourceText.h"

namespace salesc::parse {

SourceText::SourceText(llvm::StringRef text) : body_(text) {
  if (body_.startswith("\xEF\xBB\xBF"))
    body_ = body_.drop_front(3);
  for (unsigned char c : body_)
    if (c >= 0x80) {
      ascii_ = false;
      break;
    }
  if (ascii_)
    return;
  offsets_.reserve(body_.size());
  for (size_t i = 0; i < body_.size(); ++i)
    if ((static_cast<unsigned char>(body_[i]) & 0xC0) != 0x80)
      offsets_.push_back(static_cast<uint32_t>(i));
}

} // namespace salesc::parse
