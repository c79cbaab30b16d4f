//===- Importers.cpp - The open documents that import a document ----------===//
#include "Importers.h"

#include "Index.h"

#include "llvm/ADT/STLExtras.h"

namespace salesc::lsp {

std::vector<std::string> importersOf(llvm::StringRef uri, const llvm::StringMap<Document>& open,
                                     const CheckOptions& options) {
  std::vector<std::string> out;
  if (open.size() < 2)
    return out;
  Index index(open, options);
  const frontend::Unit* changed = index.unit(uri);
  if (!changed || !changed->root)
    return out;
  for (const auto& entry : open) {
    const frontend::Unit* u = entry.first() == uri ? nullptr : index.unit(entry.first());
    if (u && u->root && llvm::is_contained(u->modules, changed->root))
      out.push_back(entry.first().str());
  }
  llvm::sort(out);
  return out;
}

} // namespace salesc::lsp
