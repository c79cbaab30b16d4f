//===- Importers.cpp - The open documents that import a document ----------===//
#include "Importers.h"

#include "llvm/ADT/STLExtras.h"

namespace salesc::lsp {

std::vector<std::string> importersOf(llvm::StringRef uri, const llvm::StringMap<Document>& open,
                                     const AssistCache& assist) {
  std::vector<std::string> out;
  auto changed = open.find(uri);
  if (changed == open.end())
    return out;
  const std::string& path = changed->second.path;
  for (const auto& entry : open) {
    if (entry.first() == uri)
      continue;
    // A check's modules are its document and every file it imports, directly or not.
    const AssistSnapshot* s = assist.lastChecked(entry.first());
    if (s && llvm::any_of(s->unit.modules, [&](const ast::Module* m) { return m->path == path; }))
      out.push_back(entry.first().str());
  }
  llvm::sort(out);
  return out;
}

} // namespace salesc::lsp
