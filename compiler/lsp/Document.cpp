//===- Document.cpp - An open document and its incremental edits ----------===//
#include "Document.h"

namespace salesc::lsp {

bool applyChange(std::string& text, const std::optional<Range>& range, llvm::StringRef newText) {
  if (!range) {
    text = newText.str();
    return true;
  }
  size_t start = offsetAt(text, range->start);
  size_t end = offsetAt(text, range->end);
  if (end < start)
    return false;
  text.replace(start, end - start, newText.data(), newText.size());
  return true;
}

} // namespace salesc::lsp
