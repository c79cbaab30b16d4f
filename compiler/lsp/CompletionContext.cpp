//===- CompletionContext.cpp - Where the cursor is, from the tokens before it ===//
#include "CompletionContext.h"

#include "llvm/ADT/StringSwitch.h"

namespace salesc::lsp {

using parse::SourceToken;
using parse::TokenKind;

namespace {

bool endsStatement(TokenKind k) {
  return k == TokenKind::Semicolon || k == TokenKind::LeftBrace || k == TokenKind::RightBrace;
}

Block blockOpenedBy(llvm::StringRef firstWord) {
  return llvm::StringSwitch<Block>(firstWord)
      .Cases("process", "segment", Block::Process)
      .Case("stage", Block::Stage)
      .Case("brand", Block::Brand)
      .Case("role", Block::Role)
      .Case("campaign", Block::Campaign)
      .Default(Block::Other);
}

/// The path typed so far when the line before the cursor is `import "PATH` (no closing
/// quote yet).
std::optional<std::string> importPathAt(llvm::StringRef text, size_t cursor) {
  llvm::StringRef before = text.take_front(cursor);
  llvm::StringRef line = before.substr(before.find_last_of('\n') + 1).ltrim();
  if (!line.consume_front("import"))
    return std::nullopt;
  llvm::StringRef rest = line.ltrim();
  if (!rest.consume_front("\"") || rest.contains('"'))
    return std::nullopt;
  return rest.str();
}

/// Whether the cursor is in a comment: after `//` on its line, or in a `/* ...` not yet
/// closed. Approximate where a description holds "//" or "/*"; then no completion is offered.
bool inComment(llvm::StringRef text, size_t cursor) {
  llvm::StringRef before = text.take_front(cursor);
  llvm::StringRef line = before.substr(before.find_last_of('\n') + 1);
  if (line.contains("//"))
    return true;
  size_t open = before.rfind("/*");
  return open != llvm::StringRef::npos && before.find("*/", open) == llvm::StringRef::npos;
}

} // namespace

CompletionContext completionContext(llvm::StringRef text, size_t cursor) {
  CompletionContext c;
  c.cursor = c.prefixBegin = std::min(cursor, text.size());
  c.importPath = importPathAt(text, c.cursor);
  c.inComment = inComment(text, c.cursor);
  c.tokens = parse::lexTokens(text);
  const char* base = text.data();
  size_t statementStart = 0;
  size_t i = 0;
  for (; i < c.tokens.size(); ++i) {
    const SourceToken& t = c.tokens[i];
    size_t begin = size_t(t.text.data() - base), end = begin + t.text.size();
    if (begin >= c.cursor)
      break;
    if (end >= c.cursor && t.kind == TokenKind::Word) {
      c.prefixBegin = begin; // the word being typed
      break;
    }
    if (t.kind == TokenKind::LeftBrace)
      c.blocks.push_back(
          {statementStart < i ? blockOpenedBy(c.tokens[statementStart].text) : Block::Other, i});
    else if (t.kind == TokenKind::RightBrace && !c.blocks.empty())
      c.blocks.pop_back();
    if (endsStatement(t.kind))
      statementStart = i + 1;
  }
  c.statement.assign(c.tokens.begin() + std::min(statementStart, i), c.tokens.begin() + i);
  return c;
}

std::vector<DeclaredName> declaredNames(llvm::ArrayRef<SourceToken> tokens, size_t open) {
  std::vector<DeclaredName> out;
  size_t i = open == size_t(-1) ? 0 : open + 1;
  int depth = 0;
  bool atStart = true;
  for (; i < tokens.size(); ++i) {
    const SourceToken& t = tokens[i];
    if (t.kind == TokenKind::RightBrace && --depth < 0)
      break;
    if (t.kind == TokenKind::LeftBrace)
      ++depth;
    if (depth == 0 && atStart && t.kind == TokenKind::Word && i + 1 < tokens.size() &&
        tokens[i + 1].kind == TokenKind::Word) {
      DeclaredName d{t.text, tokens[i + 1].text, {}, i + 1};
      if (i + 2 < tokens.size() && tokens[i + 2].kind == TokenKind::String) {
        llvm::StringRef quoted = tokens[i + 2].text;
        quoted.consume_front("\"");
        quoted.consume_back("\"");
        d.description = quoted.str();
      }
      out.push_back(std::move(d));
    }
    atStart = endsStatement(t.kind);
  }
  return out;
}

llvm::ArrayRef<SourceToken> openingStatement(llvm::ArrayRef<SourceToken> tokens, size_t open) {
  size_t start = open;
  while (start > 0 && !endsStatement(tokens[start - 1].kind))
    --start;
  return tokens.slice(start, open - start);
}

} // namespace salesc::lsp
