//===- AssistSnapshot.cpp - A document checked, kept for completion, actions, hints ===//
#include "AssistSnapshot.h"

#include "llvm/Support/Path.h"

#include <algorithm>

namespace salesc::lsp {

namespace {

/// The open documents but `doc`, by URI and version, sorted.
std::vector<std::pair<std::string, int64_t>> othersOf(const Document& doc,
                                                      const llvm::StringMap<Document>& open) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& entry : open)
    if (entry.first() != doc.uri)
      out.emplace_back(entry.first().str(), entry.second.version);
  std::sort(out.begin(), out.end());
  return out;
}

std::shared_ptr<AssistSnapshot> check(const Document& doc, const llvm::StringMap<Document>& open,
                                      const CheckOptions& options,
                                      const diag::DiagOptions& warnings) {
  auto s = std::make_shared<AssistSnapshot>();
  s->text = doc.text;
  s->others = othersOf(doc, open);
  sema::LoadOptions load = options;
  load.fs = overlayOpenDocuments(options.fs, open);
  s->session = std::make_unique<frontend::Session>(std::move(load), warnings);
  s->unit = llvm::sys::path::is_absolute(doc.path) ? s->session->compileFile(doc.path)
                                                   : s->session->compileText(doc.path, doc.text);
  return s;
}

} // namespace

const AssistSnapshot& AssistCache::current(const Document& doc,
                                           const llvm::StringMap<Document>& open,
                                           const CheckOptions& options,
                                           const diag::DiagOptions& warnings) {
  Entry& e = entries_[doc.uri];
  if (!e.current || e.current->text != doc.text || e.current->others != othersOf(doc, open)) {
    e.current = check(doc, open, options, warnings);
    if (e.current->unit.root && !e.current->unit.syntaxErrors)
      e.parsed = e.current;
  }
  return *e.current;
}

const AssistSnapshot& AssistCache::lastParsed(const Document& doc,
                                              const llvm::StringMap<Document>& open,
                                              const CheckOptions& options,
                                              const diag::DiagOptions& warnings) {
  auto it = entries_.find(doc.uri);
  if (it != entries_.end() && it->second.parsed)
    return *it->second.parsed;
  if (it != entries_.end() && it->second.current)
    return *it->second.current;
  return current(doc, open, options, warnings);
}

void AssistCache::forget(llvm::StringRef uri) {
  entries_.erase(uri);
}

} // namespace salesc::lsp
