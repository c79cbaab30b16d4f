//===- Index.h - The names of the open documents: declarations and uses ---===//
//
// What hover, definition, references and rename look names up in. It is built from the
// checks of the open documents that gave their diagnostics (AssistSnapshot), compiling
// nothing itself: every name of every module they read is recorded with its range, where
// a symbol is declared and everywhere it is used. Each check is a session of its own, so
// a file several of them read (an import, the standard library) is a module in each: the
// same file with the same text is indexed once, and its names are one symbol for all.
// Top-level names resolve in the one namespace of their compilation, as the checker
// resolves them; stage and outcome names in their process, its bases (`extends`) and
// segments; a campaign's `enters` and `segment` in its process. A name that resolves to
// nothing is not recorded.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_INDEX_H
#define SALESC_LSP_INDEX_H

#include "AssistSnapshot.h"
#include "Diagnostics.h"
#include "Document.h"

#include "frontend/Compilation.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <map>
#include <memory>
#include <vector>

namespace salesc::lsp {

/// Something a name can stand for.
struct Symbol {
  enum class Kind { Decl, Stage, Outcome, Segment };
  Kind kind = Kind::Decl;
  const ast::Ident* name = nullptr;      ///< where it is declared
  const ast::Decl* decl = nullptr;       ///< a Decl: itself; else its process
  const ast::Stage* stage = nullptr;     ///< a Stage
  const ast::Outcome* outcome = nullptr; ///< an Outcome
  const ast::Segment* segment = nullptr; ///< a Segment
  const ast::Module* module = nullptr;   ///< the file that declares it
};

/// One place a symbol's name is written.
struct Occurrence {
  llvm::SMRange range;
  const Symbol* symbol = nullptr;
  bool declaration = false;
  /// The top-level process the name is written in (or whose stages a campaign's
  /// `enters` names); null outside processes.
  const ast::ProcessDecl* process = nullptr;
};

/// The open documents compiled together, and every name in them and their imports.
class Index {
public:
  /// The checks of the open documents, by URI (AssistCache::all); each knows where its
  /// standard library is.
  using Checks = std::vector<std::pair<std::string, std::shared_ptr<const AssistSnapshot>>>;
  explicit Index(Checks checks);
  /// The open documents checked now (for tests).
  Index(const llvm::StringMap<Document>& open, const CheckOptions& options);

  /// The name at `p` of the open document `uri` (a position just after a name counts),
  /// or null.
  const Occurrence* at(llvm::StringRef uri, Position p) const;
  /// Every place `s` is written, declaration first, then by file and position.
  std::vector<const Occurrence*> occurrencesOf(const Symbol* s) const;
  /// Every occurrence in the open document `uri`, in source order.
  llvm::ArrayRef<Occurrence> occurrencesIn(llvm::StringRef uri) const;

  /// The compilation of the open document `uri` (its root may be null: unreadable), or
  /// null when it is not open.
  const frontend::Unit* unit(llvm::StringRef uri) const;

  /// `range` as an LSP Location {uri, range}.
  llvm::json::Value location(llvm::SMRange range) const;
  /// The URI of the file that holds `loc`.
  std::string uriOf(llvm::SMLoc loc) const;
  Range rangeOf(llvm::SMRange range) const;
  /// The 1-based line of `loc`.
  unsigned lineOf(llvm::SMLoc loc) const;

  /// Whether `m` is a file of the standard library.
  bool inStdlib(const ast::Module* m) const;
  /// How hover names the file of `m`: `std/tactics.sales` in the standard library, else
  /// its path relative to the folder of `from` when it is under it, else its path.
  std::string displayPath(const ast::Module* m, const ast::Module* from) const;

  /// The names a symbol's new name must not take: the top-level names of every
  /// compilation that holds a declaration, or the stages and outcomes (or the
  /// segments) of the processes that share a stage's scope. `s`'s own name included.
  std::vector<llvm::StringRef> namesBeside(const Symbol* s) const;

  /// The top-level declaration `name` in the compilation that holds `m`, or null.
  const ast::Decl* lookup(const ast::Module* m, llvm::StringRef name) const;

  /// The checker's model process of top-level `process` and its index there, or null.
  std::pair<const sema::CheckedModel*, size_t> modelOf(const ast::ProcessDecl* process) const;

private:
  struct Scope; ///< the stages, outcomes and segments of one process
  class Builder;
  friend class Builder;

  /// The SourceMgr holding `loc`, which is in one of the checks.
  const llvm::SourceMgr& sourceMgrOf(llvm::SMLoc loc) const;
  /// Chooses the module indexed for each file (`canonical_`, `unitOfModule_`, `order_`).
  void shareModules();
  /// The standard library folder of the check `m` is indexed in (without a trailing '/').
  llvm::StringRef stdlibOf(const ast::Module* m) const;
  /// `d`, or the same declaration of the module indexed for its file.
  const ast::Decl* canonical(const ast::Decl* d) const;

  Checks checks_;
  llvm::StringMap<const AssistSnapshot*> checkOfUri_;
  /// Where the standard library of each check's compilation is.
  llvm::DenseMap<const frontend::Unit*, llvm::StringRef> stdlibOfUnit_;
  /// Every module of every check, to the module indexed for its file: a document's root,
  /// else the first module read from the same file with the same text.
  llvm::DenseMap<const ast::Module*, const ast::Module*> canonical_;
  /// The declarations of the modules not indexed, to the same of the module indexed.
  llvm::DenseMap<const ast::Decl*, const ast::Decl*> declCanonical_;
  /// The modules indexed, in the order of the checks and of their modules.
  std::vector<const ast::Module*> order_;
  std::vector<std::unique_ptr<Symbol>> symbols_;
  llvm::DenseMap<const ast::Decl*, const Symbol*> declSymbols_;
  /// By module indexed, in source order.
  llvm::DenseMap<const ast::Module*, std::vector<Occurrence>> occurrences_;
  /// The compilation each module indexed is indexed in.
  llvm::DenseMap<const ast::Module*, const frontend::Unit*> unitOfModule_;
  /// The top-level names of each compilation.
  std::map<const frontend::Unit*, llvm::StringMap<const ast::Decl*>> names_;
  /// The processes that share a stage's or segment's scope: its process and those
  /// that extend it (or whose segments restate it).
  llvm::DenseMap<const Symbol*, std::vector<const ast::ProcessDecl*>> sharers_;
  std::map<const ast::ProcessDecl*, std::shared_ptr<Scope>> scopes_;
};

} // namespace salesc::lsp

#endif // SALESC_LSP_INDEX_H
