//===- Lexer.cpp - The hand-written lexer behind the ANTLR parser ---------===//
#include "Lexer.h"

#include "SalesParser.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"

#include <fmt/format.h>

namespace salesc::parse {

using diag::DiagKind;
using P = syntax::gen::SalesParser;

size_t ByteStream::LA(ssize_t i) {
  if (i == 0)
    return 0;
  ssize_t at = static_cast<ssize_t>(pos_) + (i > 0 ? i - 1 : i);
  if (at < 0 || at >= static_cast<ssize_t>(bytes_.size()))
    return antlr4::IntStream::EOF;
  return static_cast<unsigned char>(bytes_[at]);
}

std::string ByteStream::getText(const antlr4::misc::Interval& interval) {
  if (interval.a < 0 || interval.b < interval.a)
    return "";
  size_t from = static_cast<size_t>(interval.a);
  size_t to = std::min(static_cast<size_t>(interval.b) + 1, bytes_.size());
  return from >= to ? "" : bytes_.slice(from, to).str();
}

std::string SalesToken::getText() const {
  if (getType() == antlr4::Token::EOF)
    return "<EOF>";
  return input_->bytes().slice(start_, stop_ + 1).str();
}

std::string SalesToken::toString() const {
  return "[@" + std::to_string(index_) + "," + std::to_string(start_) + ":" +
         std::to_string(stop_) + "='" + getText() + "',<" + std::to_string(type_) + ">," +
         std::to_string(line_) + ":" + std::to_string(column_) + "]";
}

size_t keywordOrId(llvm::StringRef w) {
  return llvm::StringSwitch<size_t>(w)
#define KEYWORD(Id, Spelling, Role, Opening, Noun) .Case(Spelling, P::Id)
#include "Keywords.def"
#undef KEYWORD
      .Default(P::ID);
}

namespace {
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
} // namespace

llvm::SMRange Lexer::range(size_t from, size_t to) const {
  const char* base = in_.bytes().data();
  return {llvm::SMLoc::getFromPointer(base + from), llvm::SMLoc::getFromPointer(base + to)};
}

std::unique_ptr<antlr4::Token> Lexer::make(size_t type, size_t start, size_t end) {
  // A token never spans lines but for EOF, so its column is from the current line.
  return std::make_unique<SalesToken>(&in_, this, type, static_cast<uint32_t>(start),
                                      static_cast<uint32_t>(end - 1), static_cast<uint32_t>(line_),
                                      static_cast<uint32_t>(start - lineStart_));
}

void Lexer::skipTrivia() {
  llvm::StringRef s = in_.bytes();
  const size_t n = s.size();
  while (pos_ < n) {
    char c = s[pos_];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      ++pos_;
    } else if (c == '\n') {
      newline(pos_);
      ++pos_;
    } else if (c == '\xC2' && pos_ + 1 < n && s[pos_ + 1] == '\xA0') {
      pos_ += 2; // no-break space
    } else if (c == '\xEF' && s.substr(pos_, 3) == "\xEF\xBB\xBF") {
      pos_ += 3; // byte order mark
    } else if (c == '/' && pos_ + 1 < n && s[pos_ + 1] == '/') {
      while (pos_ < n && s[pos_] != '\n')
        ++pos_;
    } else if (c == '/' && pos_ + 1 < n && s[pos_ + 1] == '*') {
      size_t open = pos_;
      size_t close = s.find("*/", pos_ + 2);
      size_t end = close == llvm::StringRef::npos ? n : close + 2;
      for (size_t i = pos_; i < end; ++i)
        if (s[i] == '\n')
          newline(i);
      pos_ = end;
      if (close == llvm::StringRef::npos) {
        ++errors_;
        diags_.report(DiagKind::UnterminatedComment, range(open, open + 2),
                      "this comment has no closing '*/', so the rest of the file is ignored");
      }
    } else {
      return;
    }
  }
}

/// Whether `s` starts with a curly double quote, U+201C or U+201D.
static bool isCurlyQuote(llvm::StringRef s) {
  return s.startswith("\xE2\x80\x9C") || s.startswith("\xE2\x80\x9D");
}

// One function on purpose: the hot loop of the front end, a switch on the first byte
// of each token that the compiler keeps in registers (see docs/performance.md).
std::unique_ptr<antlr4::Token> Lexer::nextToken() {
  llvm::StringRef s = in_.bytes();
  const size_t n = s.size();
  for (;;) {
    skipTrivia();
    if (pos_ < n && errors_ + others_ >= limit_) {
      gaveUp_ = true; // the rest is not read: see MaxSyntaxErrors
      pos_ = n;
    }
    if (pos_ >= n)
      return make(antlr4::Token::EOF, n, n + 1);
    size_t start = pos_;
    char c = s[pos_];
    if (isLetter(c)) {
      ++pos_;
      while (pos_ < n && (isLetter(s[pos_]) || isDigit(s[pos_]) || s[pos_] == '_'))
        ++pos_;
      return make(keywordOrId(s.slice(start, pos_)), start, pos_);
    }
    if (isDigit(c)) {
      auto digits = [&] {
        ++pos_;
        while (pos_ < n &&
               (isDigit(s[pos_]) || (s[pos_] == '_' && pos_ + 1 < n && isDigit(s[pos_ + 1]))))
          ++pos_;
      };
      digits();
      if (pos_ + 1 < n && s[pos_] == '.' && isDigit(s[pos_ + 1])) {
        ++pos_;
        digits();
      }
      return make(P::NUMBER, start, pos_);
    }
    switch (c) {
    case ';':
      ++pos_;
      return make(P::SEMI, start, pos_);
    case ',':
      ++pos_;
      return make(P::COMMA, start, pos_);
    case '{':
      ++pos_;
      return make(P::LBRACE, start, pos_);
    case '}':
      ++pos_;
      return make(P::RBRACE, start, pos_);
    case '%':
      ++pos_;
      return make(P::PCT, start, pos_);
    case '"': {
      ++pos_;
      while (pos_ < n && s[pos_] != '"' && s[pos_] != '\n' && s[pos_] != '\r') {
        if (s[pos_] == '\\' && pos_ + 1 < n && s[pos_ + 1] != '\n' && s[pos_ + 1] != '\r')
          ++pos_;
        ++pos_;
      }
      if (pos_ < n && s[pos_] == '"') {
        ++pos_;
        return make(P::STRING, start, pos_);
      }
      // Leave a final ';' to end the statement, so the open quote is the only error.
      llvm::StringRef text = s.slice(start, pos_).rtrim(" \t");
      if (text.size() > 1 && text.endswith(";"))
        pos_ = start + text.size() - 1;
      ++errors_;
      diags_.report(DiagKind::UnterminatedString, range(start, pos_),
                    "this description has no closing '\"'; a description must end on the line "
                    "where it starts");
      return make(P::STRING, start, pos_);
    }
    default:
      break;
    }
    // A description in curly quotes, closed by a curly or a straight quote on its line:
    // a string (CURLY_STRING of Sales.g4), which the tree builder reports.
    if (isCurlyQuote(s.substr(pos_))) {
      size_t end = pos_ + 3;
      while (end < n && s[end] != '\n' && s[end] != '\r') {
        if (s[end] == '\\') {
          if (end + 1 >= n || s[end + 1] == '\n' || s[end + 1] == '\r')
            break;
          end += 2;
          continue;
        }
        if (s[end] == '"' || isCurlyQuote(s.substr(end))) {
          pos_ = end + (s[end] == '"' ? 1 : 3);
          return make(P::STRING, start, pos_);
        }
        ++end;
      }
    }
    // A character with no meaning: one report for a run of them.
    size_t end = pos_;
    while (end < n) {
      char d = s[end];
      if (isLetter(d) || isDigit(d) || d == ' ' || d == '\t' || d == '\n' || d == '\r' ||
          llvm::StringRef(";,{}%\"/").contains(d) || d == '\xC2' || d == '\xEF' ||
          isCurlyQuote(s.substr(end)))
        break;
      unsigned len = llvm::getNumBytesForUTF8(static_cast<llvm::UTF8>(d));
      end += len ? len : 1;
    }
    if (end == pos_)
      end = pos_ + std::max(1u, llvm::getNumBytesForUTF8(static_cast<llvm::UTF8>(c)));
    end = std::min(end, n);
    ++errors_;
    llvm::StringRef bad = s.slice(pos_, end);
    // Control characters are named, never printed raw (a NUL would cut the message).
    std::string shown;
    for (char ch : bad) {
      unsigned char u = static_cast<unsigned char>(ch);
      if (u < 0x20 || u == 0x7f)
        shown += fmt::format("U+{:04X}", u);
      else
        shown += ch;
    }
    if (bad.startswith("_")) {
      diags_.report(DiagKind::InvalidCharacter, range(pos_, pos_ + 1),
                    "a name must start with a letter, not '_'");
      pos_ += 1;
      continue;
    }
    diags_.report(DiagKind::InvalidCharacter, range(pos_, end),
                  std::string(bad.size() > 1 && llvm::getNumBytesForUTF8(bad[0]) < bad.size()
                                  ? "unexpected characters '"
                                  : "unexpected character '") +
                      shown + "'; names use letters, digits and '_'");
    pos_ = end;
  }
}

} // namespace salesc::parse
