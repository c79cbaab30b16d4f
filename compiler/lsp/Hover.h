//===- Hover.h - What a name is, and what salesc predicts for a stage -----===//
//
// Markdown: the kind and name, the description, what the kind adds, and where it is
// declared (`std/...` for the standard library). A stage adds the predictions of
// `salesc analyze` for its process (win probability, expected days to win and to close,
// share of the time), a process its win rate, an outcome how many leads end there, a
// role what it needs and where it signs off, a tactic its category and whether the
// brand of the process it is used in allows it.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_HOVER_H
#define SALESC_LSP_HOVER_H

#include "Index.h"

#include "llvm/Support/JSON.h"

namespace salesc::lsp {

/// The Hover for the name at `at` of the open document `uri`, or null.
llvm::json::Value hover(const Index& index, llvm::StringRef uri, Position at);

} // namespace salesc::lsp

#endif // SALESC_LSP_HOVER_H
