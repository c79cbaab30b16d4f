//===- Tokens.h - The tokens of a buffer, for tools that keep its text ----===//
//
// The hand-written Lexer's tokens as plain data, for `salesc fmt`: no ANTLR type
// appears here. Each token is a slice of the text it was read from, so its spelling is
// kept byte for byte; what lies between two tokens is whitespace and comments.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_TOKENS_H
#define SALESC_PARSE_TOKENS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace salesc::parse {

enum class TokenKind : uint8_t {
  Word, ///< a name or a keyword: keywords are soft, their spelling tells them apart
  Number,
  String, ///< a description or an import path, quotes included (curly ones too)
  Semicolon,
  Comma,
  LeftBrace,
  RightBrace,
  Percent,
};

/// A token and its bytes, a slice of the text given to lexTokens.
struct SourceToken {
  TokenKind kind;
  llvm::StringRef text;

  bool operator==(const SourceToken& o) const { return kind == o.kind && text == o.text; }
  bool operator!=(const SourceToken& o) const { return !(*this == o); }
};

/// The tokens of `text`, in order. Lexical errors are not reported: read text that
/// parseModule accepted (then every byte between two tokens is whitespace or a comment).
std::vector<SourceToken> lexTokens(llvm::StringRef text);

} // namespace salesc::parse

#endif // SALESC_PARSE_TOKENS_H
