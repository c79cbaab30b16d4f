//===- Importers.h - The open documents that import a document ------------===//
#ifndef SALESC_LSP_IMPORTERS_H
#define SALESC_LSP_IMPORTERS_H

#include "AssistSnapshot.h"
#include "Document.h"

#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace salesc::lsp {

/// The URIs of the `open` documents other than `uri` that import it, directly or through
/// other files, in order: their diagnostics change when it does. Read from the files each
/// document's last check read (`assist`), so nothing is parsed: a document whose text
/// changed was checked again then, and one importing it is checked again with it.
std::vector<std::string> importersOf(llvm::StringRef uri, const llvm::StringMap<Document>& open,
                                     const AssistCache& assist);

} // namespace salesc::lsp

#endif // SALESC_LSP_IMPORTERS_H
