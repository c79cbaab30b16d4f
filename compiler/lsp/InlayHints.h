//===- InlayHints.h - textDocument/inlayHint: each stage's predictions ----===//
//
// After each stage name, the stage's win probability and expected days to win, the
// figures and formatting of `salesc analyze`'s stage table ("40% win · 3.50 days to
// win"). Only for stages of processes the checker could analyse.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_INLAYHINTS_H
#define SALESC_LSP_INLAYHINTS_H

#include "AssistSnapshot.h"
#include "Position.h"

#include "llvm/Support/JSON.h"

#include <optional>

namespace salesc::lsp {

/// The hint label of a stage: "40% win · 3.50 days to win", or "0% win · never wins".
std::string stageHint(double winProbability, double daysToWin);

/// The InlayHints of the snapshot's document in `range` (everywhere without one).
llvm::json::Array inlayHints(const AssistSnapshot& s, std::optional<Range> range);

} // namespace salesc::lsp

#endif // SALESC_LSP_INLAYHINTS_H
