//===- CodeActions.h - textDocument/codeAction: fix-its and the missing otherwise ===//
//
// Each fix-it of the diagnostics in the range is a quick fix: the fix-its of one
// diagnostic are one WorkspaceEdit, preferred when all are safe (they keep the meaning),
// offered but not preferred otherwise. A stage whose remainder has nowhere to go
// (F003) gets one action per `lost` outcome of its process that adds
// `otherwise OUTCOME;`: the user picks where the rest go, so the action may change the
// predictions, and its title says so.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_CODEACTIONS_H
#define SALESC_LSP_CODEACTIONS_H

#include "AssistSnapshot.h"
#include "Position.h"

#include "llvm/Support/JSON.h"

namespace salesc::lsp {

/// The CodeActions for `range` of the snapshot's document, whose URI is `uri`.
llvm::json::Array codeActions(const AssistSnapshot& s, llvm::StringRef uri, Range range);

} // namespace salesc::lsp

#endif // SALESC_LSP_CODEACTIONS_H
