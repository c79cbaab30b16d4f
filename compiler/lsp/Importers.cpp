//===- Importers.cpp - The open documents that import a document ----------===//
#include "Importers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

namespace salesc::lsp {

std::vector<std::string> importersOf(llvm::StringRef uri, const llvm::StringMap<Document>& open,
                                     const CheckOptions& options) {
  std::vector<std::string> out;
  auto changed = open.find(uri);
  if (open.size() < 2 || changed == open.end())
    return out;
  // Read and parsed, not checked: only the imports matter. Each file is read once, so a
  // module imported by several documents is one pointer.
  sema::LoadOptions load = options;
  load.fs = overlayOpenDocuments(options.fs, open);
  llvm::SourceMgr sm;
  diag::DiagnosticEngine diags(sm, {});
  sema::Loader loader(sm, diags, std::move(load));
  auto root = [&](const Document& d) {
    return llvm::sys::path::is_absolute(d.path) ? loader.loadRoot(d.path)
                                                : loader.loadText(d.path, d.text);
  };
  const ast::Module* target = root(changed->second);
  if (!target)
    return out;
  for (const auto& entry : open) {
    if (entry.first() == uri)
      continue;
    const ast::Module* m = root(entry.second);
    if (m && llvm::is_contained(loader.closure(m), target))
      out.push_back(entry.first().str());
  }
  llvm::sort(out);
  return out;
}

} // namespace salesc::lsp
