//===- Lexer.h - The hand-written lexer behind the ANTLR parser -----------===//
//
// Private to the parser. Produces the token types of grammar/Sales.g4 from a byte
// buffer, several times faster than ANTLR's generated lexer (whose lexer simulator
// runs at about 5 MB/s here); the generated lexer remains the reference, and a
// differential test lexes the examples, the standard library and a generated corpus
// with both. Tokens index bytes, not code points, so a token's range is a slice of
// the SourceMgr's buffer. Whitespace and comments are skipped, not emitted;
// characters with no meaning, unterminated strings and comments are reported here.
// On input that is an error anyway it reads further than the grammar, so that one
// mistake is one error: a look-alike letter or an invisible character inside a word
// is reported and read through (`stаge`, with a Cyrillic 'а', is the keyword), and a
// description opened with a curly quote and never closed is a description.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_LEXER_H
#define SALESC_PARSE_LEXER_H

#include "Confusables.h"
#include "diag/DiagnosticEngine.h"

#include "antlr4-runtime.h"

#include "llvm/ADT/StringRef.h"

namespace salesc::parse {

/// The buffer as ANTLR's CharStream, indexed by byte. Only what the parser and its
/// error strategy use is meaningful: sizes, indexes and getText.
class ByteStream final : public antlr4::CharStream {
public:
  explicit ByteStream(llvm::StringRef bytes, std::string name)
      : bytes_(bytes), name_(std::move(name)) {}
  void consume() override { ++pos_; }
  size_t LA(ssize_t i) override;
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  size_t index() override { return pos_; }
  void seek(size_t index) override { pos_ = index; }
  size_t size() override { return bytes_.size(); }
  std::string getSourceName() const override { return name_; }
  std::string getText(const antlr4::misc::Interval& interval) override;
  std::string toString() const override { return bytes_.str(); }
  llvm::StringRef bytes() const { return bytes_; }

private:
  llvm::StringRef bytes_;
  std::string name_;
  size_t pos_ = 0;
};

/// A token in 32 bytes of fields: type, line, column, and the byte range; its text
/// is read from the stream when asked for.
class SalesToken final : public antlr4::WritableToken {
public:
  SalesToken(ByteStream* input, antlr4::TokenSource* source, size_t type, uint32_t start,
             uint32_t stop, uint32_t line, uint32_t column)
      : input_(input), source_(source), start_(start), stop_(stop), line_(line), column_(column) {
    setType(type);
  }

  std::string getText() const override;
  size_t getType() const override { return type_ == EofType ? antlr4::Token::EOF : type_; }
  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() const override { return column_; }
  size_t getChannel() const override { return channel_; }
  size_t getTokenIndex() const override { return index_; }
  size_t getStartIndex() const override { return start_; }
  size_t getStopIndex() const override { return stop_; }
  antlr4::TokenSource* getTokenSource() const override { return source_; }
  antlr4::CharStream* getInputStream() const override { return input_; }
  std::string toString() const override;

  void setText(const std::string&) override {}
  void setType(size_t t) override {
    type_ = t == antlr4::Token::EOF ? EofType : static_cast<uint32_t>(t);
  }
  void setLine(size_t l) override { line_ = static_cast<uint32_t>(l); }
  void setCharPositionInLine(size_t c) override { column_ = static_cast<uint32_t>(c); }
  void setChannel(size_t c) override { channel_ = static_cast<uint32_t>(c); }
  void setTokenIndex(size_t i) override { index_ = static_cast<uint32_t>(i); }

private:
  static constexpr uint32_t EofType = 0xFFFFFFFFu; ///< Token::EOF does not fit 32 bits
  ByteStream* input_;
  antlr4::TokenSource* source_;
  uint32_t type_, start_, stop_, line_, column_;
  uint32_t channel_ = 0;
  uint32_t index_ = 0;
};

/// The token source the parser reads. Reports lexical errors to `diags` as it goes.
class Lexer final : public antlr4::TokenSource {
public:
  Lexer(ByteStream& input, diag::DiagnosticEngine& diags) : in_(input), diags_(diags) {}

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() override { return pos_ - lineStart_; }
  antlr4::CharStream* getInputStream() override { return &in_; }
  std::string getSourceName() override { return in_.getSourceName(); }
  /// What the parser's error recovery uses to conjure a missing token.
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

  /// Errors reported so far (invalid characters, unterminated strings and comments).
  unsigned errors() const { return errors_; }
  /// Stop at EOF once these errors and `others` (the parser's so far) reach `limit`.
  void setErrorLimit(unsigned limit, unsigned others) {
    limit_ = limit;
    others_ = others;
  }
  /// Whether it stopped early, at the error limit.
  bool gaveUp() const { return gaveUp_; }

private:
  void skipTrivia();
  /// A name or keyword starting at `start`, with hyphens (HYPHENATED_NAME), look-alike
  /// letters and invisible characters (each reported), or a CURRENCY_SIGN such as `US$`.
  std::unique_ptr<antlr4::Token> word(size_t start);
  /// A description opened with a curly quote and not closed on its line: reported, and
  /// a string up to the end of the line (but a final ';').
  std::unique_ptr<antlr4::Token> unterminatedCurly(size_t start);
  std::optional<Confusable> invisibleAt(size_t at) const;
  void reportConfusable(const Confusable& k, size_t at);
  void newline(size_t at) {
    ++line_;
    lineStart_ = at + 1;
  }
  llvm::SMRange range(size_t from, size_t to) const;
  std::unique_ptr<antlr4::Token> make(size_t type, size_t start, size_t end);

  ByteStream& in_;
  diag::DiagnosticEngine& diags_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t lineStart_ = 0;
  unsigned errors_ = 0;
  unsigned limit_ = ~0u;
  unsigned others_ = 0;
  bool gaveUp_ = false;
};

/// The token type of a keyword (of Keywords.def), or ID.
size_t keywordOrId(llvm::StringRef word);

} // namespace salesc::parse

#endif // SALESC_PARSE_LEXER_H
