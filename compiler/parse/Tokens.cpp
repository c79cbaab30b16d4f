//===- Tokens.cpp - The tokens of a buffer, for tools that keep its text --===//
#include "Tokens.h"

#include "Lexer.h"
#include "SalesParser.h"

namespace salesc::parse {

namespace {

using P = syntax::gen::SalesParser;

TokenKind kindOf(size_t type) {
  switch (type) {
  case P::NUMBER:
    return TokenKind::Number;
  case P::STRING:
    return TokenKind::String;
  case P::SEMI:
    return TokenKind::Semicolon;
  case P::COMMA:
    return TokenKind::Comma;
  case P::LBRACE:
    return TokenKind::LeftBrace;
  case P::RBRACE:
    return TokenKind::RightBrace;
  case P::PCT:
    return TokenKind::Percent;
  default:
    return TokenKind::Word; // ID and every keyword
  }
}

} // namespace

std::vector<SourceToken> lexTokens(llvm::StringRef text) {
  llvm::SourceMgr none;
  diag::DiagnosticEngine quiet(none, {}); // the parse has reported them already
  ByteStream input(text, "");
  Lexer lexer(input, quiet);
  std::vector<SourceToken> out;
  for (;;) {
    std::unique_ptr<antlr4::Token> t = lexer.nextToken();
    if (t->getType() == antlr4::Token::EOF)
      return out;
    out.push_back({kindOf(t->getType()), text.slice(t->getStartIndex(), t->getStopIndex() + 1)});
  }
}

} // namespace salesc::parse
