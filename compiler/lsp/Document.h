//===- Document.h - An open document and its incremental edits ------------===//
#ifndef SALESC_LSP_DOCUMENT_H
#define SALESC_LSP_DOCUMENT_H

#include "Position.h"

#include <optional>
#include <string>

namespace salesc::lsp {

/// A document the editor has open: its text as the editor has it, not as on disk.
struct Document {
  std::string uri;
  std::string path; ///< the file it is (file: URIs), or the URI itself (untitled:...)
  int64_t version = 0;
  std::string text;
};

/// Applies one TextDocumentContentChangeEvent: `range` (in UTF-16 positions) replaced by
/// `newText`, or the whole text when there is no range. False, and `text` unchanged,
/// when the range ends before it starts.
bool applyChange(std::string& text, const std::optional<Range>& range, llvm::StringRef newText);

} // namespace salesc::lsp

#endif // SALESC_LSP_DOCUMENT_H
