//===- AssistSnapshot.cpp - A document checked, kept for completion, actions, hints ===//
#include "AssistSnapshot.h"

#include "frontend/Suppressions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace salesc::lsp {

namespace {

/// AssistSnapshot::others for a check of `doc` that read `s.unit.modules`.
std::vector<std::pair<std::string, int64_t>>
othersOf(const Document& doc, const llvm::StringMap<Document>& open, const AssistSnapshot& s) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& entry : open) {
    const Document& other = entry.second;
    if (entry.first() == doc.uri)
      continue;
    bool read =
        llvm::any_of(s.unit.modules, [&](const ast::Module* m) { return m->path == other.path; });
    if (read || s.importNotFound)
      out.emplace_back(entry.first().str(), read ? other.version : AssistSnapshot::NotRead);
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

std::shared_ptr<AssistSnapshot> AssistCache::check(const Document& doc,
                                                   const llvm::StringMap<Document>& open,
                                                   const CheckOptions& options,
                                                   const diag::DiagOptions& warnings) {
  ++checksRun_;
  auto s = std::make_shared<AssistSnapshot>();
  s->text = doc.text;
  s->generation = generation_;
  // The document's .salesc.yaml (include, stdlib, levels), as `salesc check` reads it.
  DocumentOptions o =
      configs_ ? configs_->optionsFor(doc.path) : DocumentOptions{options, warnings};
  o.load.fs = overlayOpenDocuments(o.load.fs, open);
  s->session = std::make_unique<frontend::Session>(std::move(o.load), std::move(o.warnings));
  s->unit = llvm::sys::path::is_absolute(doc.path) ? s->session->compileFile(doc.path)
                                                   : s->session->compileText(doc.path, doc.text);
  frontend::applySuppressions(*s->session, s->unit); // as `salesc check` does
  s->importNotFound =
      !s->unit.root || llvm::any_of(s->session->diags().sorted(), [](const auto& d) {
        return d.kind == diag::DiagKind::ImportNotFound;
      });
  s->others = othersOf(doc, open, *s);
  return s;
}

const AssistSnapshot& AssistCache::current(const Document& doc,
                                           const llvm::StringMap<Document>& open,
                                           const CheckOptions& options,
                                           const diag::DiagOptions& warnings) {
  Entry& e = entries_[doc.uri];
  if (!e.current || e.current->text != doc.text || e.current->generation != generation_ ||
      e.current->others != othersOf(doc, open, *e.current)) {
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
  if (it != entries_.end() && it->second.parsed && it->second.parsed->generation == generation_)
    return *it->second.parsed;
  if (it != entries_.end() && it->second.current)
    return *it->second.current;
  return current(doc, open, options, warnings);
}

std::vector<std::pair<std::string, std::shared_ptr<const AssistSnapshot>>>
AssistCache::all(const llvm::StringMap<Document>& open, const CheckOptions& options,
                 const diag::DiagOptions& warnings) {
  std::vector<std::pair<std::string, std::shared_ptr<const AssistSnapshot>>> out;
  for (const auto& entry : open) {
    current(entry.second, open, options, warnings);
    out.emplace_back(entry.first().str(), entries_[entry.first()].current);
  }
  llvm::sort(out, [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

const AssistSnapshot* AssistCache::lastChecked(llvm::StringRef uri) const {
  auto it = entries_.find(uri);
  return it == entries_.end() ? nullptr : it->second.current.get();
}

void AssistCache::forget(llvm::StringRef uri) {
  entries_.erase(uri);
}

} // namespace salesc::lsp
