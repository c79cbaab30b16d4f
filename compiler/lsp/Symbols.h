//===- Symbols.h - A document's outline and its folding ranges ------------===//
//
// The outline (textDocument/documentSymbol) is hierarchical: each top-level declaration,
// and under a process its stages, outcomes and segments (a segment's new stages under
// it). Folding ranges are the declarations, stages and segments that span lines, and
// runs of comments.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_SYMBOLS_H
#define SALESC_LSP_SYMBOLS_H

#include "Index.h"

#include "llvm/Support/JSON.h"

namespace salesc::lsp {

/// The DocumentSymbols of the open document `uri`.
llvm::json::Value documentSymbols(const Index& index, llvm::StringRef uri);

/// The FoldingRanges of the open document `doc`.
llvm::json::Value foldingRanges(const Index& index, const Document& doc);

} // namespace salesc::lsp

#endif // SALESC_LSP_SYMBOLS_H
