//===- Completion.h - textDocument/completion ------------------------------===//
//
// What may be written at the cursor: the statements valid in the block it is in, names
// of the kind the statement takes (knowledge after `learn`, a stage or an outcome of
// the process after `next` ...), units after a number in a time, currencies after a
// value, modules inside `import "`. Works from the text as typed (it need not parse)
// and the names of the imports and the standard library that the last check that
// parsed found.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_COMPLETION_H
#define SALESC_LSP_COMPLETION_H

#include "AssistSnapshot.h"
#include "Position.h"

#include "llvm/Support/JSON.h"

namespace salesc::lsp {

/// The CompletionList at `pos` of `doc`. `known` gives the names of the imports, and
/// where its check looked for modules (the -I folders and standard library, with those of
/// the document's configuration).
llvm::json::Value completion(const Document& doc, Position pos, const AssistSnapshot& known);

} // namespace salesc::lsp

#endif // SALESC_LSP_COMPLETION_H
