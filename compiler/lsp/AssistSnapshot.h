//===- AssistSnapshot.h - A document checked, kept for completion, actions, hints ===//
//
// The one check of each version of an open document: its diagnostics are published, and
// every request reads it (the AST of the document and its imports, the checked model, the
// diagnostics with their fix-its): code actions and inlay hints, and the Index of names
// that hover, definition, references and rename look in. A snapshot is one such check,
// kept with the session that owns it; the cache checks a document again only when its
// text or the text of an open document it read has changed since (or, when one of its
// imports was not found, the set of open documents), and remembers the last snapshot
// that parsed, whose names completion offers while the text being typed does not parse.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_ASSISTSNAPSHOT_H
#define SALESC_LSP_ASSISTSNAPSHOT_H

#include "Diagnostics.h"
#include "Document.h"
#include "DocumentConfig.h"

#include "frontend/Compilation.h"

#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace salesc::lsp {

/// One check of a document's text. Invariant: `unit` points into `session`.
struct AssistSnapshot {
  std::string text; ///< the text that was checked
  /// The other open documents it read (its imports), by URI and version: a change of one
  /// makes it out of date. When an import was not found (or the document could not be
  /// read), every other open document then, with NotRead for those it did not read: one
  /// opened or closed since may be the file the import names.
  std::vector<std::pair<std::string, int64_t>> others;
  static constexpr int64_t NotRead = INT64_MIN;
  bool importNotFound = false;
  /// AssistCache's configuration generation when it was checked: a newer one makes it
  /// out of date.
  unsigned generation = 0;
  std::unique_ptr<frontend::Session> session;
  frontend::Unit unit;

  /// The buffer of `unit.root` in the session's SourceMgr, or 0 without a root.
  unsigned rootBuffer() const { return unit.root ? unit.root->bufferId : 0; }
};

/// The snapshots of the open documents, by URI.
class AssistCache {
public:
  /// The snapshot of `doc`'s current text, checked now when the text or another open
  /// document has changed. The server publishes its diagnostics.
  const AssistSnapshot& current(const Document& doc, const llvm::StringMap<Document>& open,
                                const CheckOptions& options, const diag::DiagOptions& warnings);
  /// The last snapshot of `doc` that parsed (its text may be older), or the current one
  /// when none did; checks the document when it was never checked.
  const AssistSnapshot& lastParsed(const Document& doc, const llvm::StringMap<Document>& open,
                                   const CheckOptions& options, const diag::DiagOptions& warnings);
  /// The current snapshot of every open document, by URI in order (those whose text or
  /// imports changed are checked again now).
  std::vector<std::pair<std::string, std::shared_ptr<const AssistSnapshot>>>
  all(const llvm::StringMap<Document>& open, const CheckOptions& options,
      const diag::DiagOptions& warnings);
  /// The current snapshot of `uri` as last checked, without checking it again, or null.
  const AssistSnapshot* lastChecked(llvm::StringRef uri) const;
  /// Forgets a closed document.
  void forget(llvm::StringRef uri);

  /// Where each document's configuration is read (null: the options given to current()
  /// and the others hold for every document). Not owned.
  void useConfigs(ConfigProvider* configs) { configs_ = configs; }
  /// The configuration changed: every document is checked again when next asked for.
  void reconfigure() { ++generation_; }
  /// How many checks were run so far (each parses the document and what it imports).
  unsigned checksRun() const { return checksRun_; }

private:
  struct Entry {
    std::shared_ptr<AssistSnapshot> current, parsed;
  };
  std::shared_ptr<AssistSnapshot> check(const Document& doc, const llvm::StringMap<Document>& open,
                                        const CheckOptions& options,
                                        const diag::DiagOptions& warnings);

  llvm::StringMap<Entry> entries_;
  ConfigProvider* configs_ = nullptr;
  unsigned generation_ = 0;
  unsigned checksRun_ = 0;
};

} // namespace salesc::lsp

#endif // SALESC_LSP_ASSISTSNAPSHOT_H
