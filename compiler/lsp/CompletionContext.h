//===- CompletionContext.h - Where the cursor is, from the tokens before it ===//
//
// Completion works on the text as typed, which often does not parse: the tokens before
// the cursor say which blocks it is in (a process, a stage, a brand ...) and what the
// statement at the cursor has so far (`learn pricing,`), the tokens of the whole text
// which names it declares.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_COMPLETIONCONTEXT_H
#define SALESC_LSP_COMPLETIONCONTEXT_H

#include "parse/Tokens.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::lsp {

/// What a `{` opens, by the first word of its statement.
enum class Block { File, Process, Stage, Brand, Role, Campaign, Other };

/// A name a statement of the text declares (`knowledge pricing "Price";`).
struct DeclaredName {
  llvm::StringRef keyword; ///< `knowledge`, `stage`, `won` ...
  llvm::StringRef name;
  std::string description; ///< without its quotes; empty when there is none
  size_t token = 0;        ///< the index of the name's token
};

/// The cursor's place in a text.
struct CompletionContext {
  std::vector<parse::SourceToken> tokens; ///< of the whole text
  /// The blocks around the cursor, outermost first: what each is and the index of its `{`.
  std::vector<std::pair<Block, size_t>> blocks;
  /// The tokens of the statement at the cursor, before it (the word being typed excluded).
  std::vector<parse::SourceToken> statement;
  /// The word being typed, which the completion replaces (empty between words).
  size_t prefixBegin = 0, cursor = 0;
  /// The text of an import path being typed (`std/ta` of `import "std/ta`), when the
  /// cursor is in one.
  std::optional<std::string> importPath;
  bool inComment = false; ///< then nothing is offered

  Block block() const { return blocks.empty() ? Block::File : blocks.back().first; }
  /// The statement's first word and its last token, or "" without them.
  llvm::StringRef first() const { return statement.empty() ? "" : statement.front().text; }
  llvm::StringRef last() const { return statement.empty() ? "" : statement.back().text; }
};

/// The context of byte `cursor` of `text`.
CompletionContext completionContext(llvm::StringRef text, size_t cursor);

/// The names the statements of the block opened by token `open` declare at its top level
/// (all of the text's top level for `open` = npos): statements `KEYWORD NAME "desc"`.
std::vector<DeclaredName> declaredNames(llvm::ArrayRef<parse::SourceToken> tokens, size_t open);

/// The tokens of the statement that opened block `open` (`process p extends base`).
llvm::ArrayRef<parse::SourceToken> openingStatement(llvm::ArrayRef<parse::SourceToken> tokens,
                                                    size_t open);

} // namespace salesc::lsp

#endif // SALESC_LSP_COMPLETIONCONTEXT_H
