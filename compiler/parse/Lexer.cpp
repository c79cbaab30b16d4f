//===- Lexer.cpp - The hand-written lexer behind the ANTLR parser ---------===//
#include "Lexer.h"

#include "Confusables.h"
#include "SalesParser.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"

#include <fmt/format.h>

#include <cstring>

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
    } else if (c == '\xEF' && s.substr(pos_, 3) == "\xEF\xBB\xBF" && pos_ == 0) {
      pos_ += 3; // byte order mark
    } else if (auto k = invisibleAt(pos_)) {
      reportConfusable(*k, pos_); // between words, as pasted text brings them
      pos_ += k->length;
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

std::optional<Confusable> Lexer::invisibleAt(size_t at) const {
  auto k = confusableAt(in_.bytes().substr(at));
  if (k && k->invisible())
    return k;
  return std::nullopt;
}

void Lexer::reportConfusable(const Confusable& k, size_t at) {
  ++errors_;
  llvm::SMRange r = range(at, at + k.length);
  if (k.invisible()) {
    diags_
        .report(DiagKind::InvalidCharacter, r,
                "invisible character " + k.named() +
                    "; remove it (it may have come with pasted text)")
        .fix(r, "", "remove the invisible character", diag::Applicability::Safe);
    return;
  }
  std::string ascii(1, k.ascii);
  diags_
      .report(DiagKind::InvalidCharacter, r,
              "character " + k.named() + " looks like '" + ascii + "' but is not; write '" + ascii +
                  "'")
      .fix(r, ascii, "replace with '" + ascii + "'", diag::Applicability::Safe);
}

/// The multi-byte punctuation of Sales.g4 at the start of `s` (DASH, CURRENCY_SIGN) and its
/// length, or 0.
static size_t punctuationAt(llvm::StringRef s, size_t& type) {
  static const struct {
    const char* bytes;
    size_t type;
  } Marks[] = {
      {"\xE2\x80\x93", P::DASH},          {"\xE2\x80\x94", P::DASH},
      {"\xE2\x88\x92", P::DASH},          {"\xE2\x82\xAC", P::CURRENCY_SIGN},
      {"\xC2\xA3", P::CURRENCY_SIGN},     {"\xC2\xA5", P::CURRENCY_SIGN},
      {"\xE2\x82\xB9", P::CURRENCY_SIGN}, {"\xE2\x82\xA9", P::CURRENCY_SIGN},
      {"\xE2\x82\xBD", P::CURRENCY_SIGN}, {"\xE2\x82\xBA", P::CURRENCY_SIGN},
      {"\xE2\x82\xAA", P::CURRENCY_SIGN}, {"\xE2\x82\xAB", P::CURRENCY_SIGN},
      {"\xE2\x82\xB1", P::CURRENCY_SIGN}, {"\xE2\x82\xB4", P::CURRENCY_SIGN},
      {"\xE2\x82\xA6", P::CURRENCY_SIGN}, {"\xE0\xB8\xBF", P::CURRENCY_SIGN},
  };
  for (const auto& m : Marks)
    if (s.startswith(m.bytes)) {
      type = m.type;
      return std::strlen(m.bytes);
    }
  return 0;
}

/// The length of a space of WRITTEN_NUMBER at the start of `s` (' ', U+00A0, U+2009,
/// U+202F), or 0.
static size_t numberSpaceAt(llvm::StringRef s) {
  if (s.startswith(" "))
    return 1;
  if (s.startswith("\xC2\xA0"))
    return 2;
  if (s.startswith("\xE2\x80\x89") || s.startswith("\xE2\x80\xAF"))
    return 3;
  return 0;
}

/// The end of the longest NUMBER or WRITTEN_NUMBER of Sales.g4 starting at `start`, a digit.
static size_t numberEnd(llvm::StringRef s, size_t start) {
  const size_t n = s.size();
  auto digitsFrom = [&](size_t i) {
    while (i < n && isDigit(s[i]))
      ++i;
    return i;
  };
  // NUMBER: [0-9] ('_'? [0-9])* ('.' [0-9] ('_'? [0-9])*)?
  auto underscored = [&](size_t i) {
    ++i;
    while (i < n && (isDigit(s[i]) || (s[i] == '_' && i + 1 < n && isDigit(s[i + 1]))))
      ++i;
    return i;
  };
  size_t best = underscored(start);
  if (best + 1 < n && s[best] == '.' && isDigit(s[best + 1]))
    best = underscored(best + 1);
  // [0-9]+ ([.,] [0-9]+)* with a separated group at least: 1,350,000 or 12,5.
  auto separated = [&](size_t i) {
    while (i + 1 < n && (s[i] == '.' || s[i] == ',') && isDigit(s[i + 1]))
      i = digitsFrom(i + 1);
    return i;
  };
  best = std::max(best, separated(digitsFrom(start)));
  // [0-9]{1,3} (space [0-9]{3})+ ([.,] [0-9]+)*: 1 350 000.
  size_t i = digitsFrom(start);
  if (i - start <= 3) {
    bool grouped = false;
    for (size_t sp; (sp = numberSpaceAt(s.substr(i))) && i + sp + 3 <= n && isDigit(s[i + sp]) &&
                    isDigit(s[i + sp + 1]) && isDigit(s[i + sp + 2]);) {
      i += sp + 3;
      grouped = true;
    }
    if (grouped)
      best = std::max(best, separated(i));
  }
  return best;
}

/// Whether `word`, followed by '$', is a CURRENCY_SIGN of Sales.g4 (US$, A$, ...).
static bool isDollarPrefix(llvm::StringRef word) {
  static const llvm::StringRef Prefixes[] = {"US", "A",  "AU", "C", "CA",
                                             "NZ", "HK", "S",  "R", "MX"};
  return llvm::is_contained(Prefixes, word);
}

/// Whether `s` starts with a curly double quote, U+201C or U+201D.
static bool isCurlyQuote(llvm::StringRef s) {
  return s.startswith("\xE2\x80\x9C") || s.startswith("\xE2\x80\x9D");
}

std::unique_ptr<antlr4::Token> Lexer::word(size_t start) {
  llvm::StringRef s = in_.bytes();
  const size_t n = s.size();
  auto wordChar = [&](size_t at) { return isLetter(s[at]) || isDigit(s[at]) || s[at] == '_'; };
  bool confused = false, hyphenated = false;
  pos_ = start;
  for (;;) {
    if (pos_ < n && wordChar(pos_)) {
      ++pos_;
      continue;
    }
    if (pos_ + 1 < n && s[pos_] == '-' && isLetter(s[pos_ + 1])) {
      hyphenated = true;
      ++pos_;
      continue;
    }
    auto k = pos_ < n ? confusableAt(s.substr(pos_)) : std::nullopt;
    if (!k)
      break;
    if (k->invisible()) {
      // Inside the word only when a letter follows; at its end it is left to skipTrivia.
      size_t next = pos_ + k->length;
      auto after = next < n ? confusableAt(s.substr(next)) : std::nullopt;
      if (!(next < n && wordChar(next)) && !(after && !after->invisible()))
        break;
    } else if (!isLetter(k->ascii) && !isDigit(k->ascii)) {
      break;
    }
    reportConfusable(*k, pos_);
    confused = true;
    pos_ += k->length;
  }
  if (hyphenated)
    return make(P::ID, start, pos_);
  if (!confused) {
    if (pos_ < n && s[pos_] == '$' && isDollarPrefix(s.slice(start, pos_))) {
      ++pos_;
      return make(P::CURRENCY_SIGN, start, pos_);
    }
    return make(keywordOrId(s.slice(start, pos_)), start, pos_);
  }
  // The word as meant, for its keyword: look-alikes replaced, invisible characters dropped.
  std::string folded;
  for (size_t i = start; i < pos_;) {
    auto k = confusableAt(s.substr(i, pos_ - i));
    if (!k) {
      folded += s[i++];
      continue;
    }
    if (!k->invisible())
      folded += k->ascii;
    i += k->length;
  }
  return make(keywordOrId(folded), start, pos_);
}

std::unique_ptr<antlr4::Token> Lexer::unterminatedCurly(size_t start) {
  llvm::StringRef s = in_.bytes();
  size_t end = start + 3;
  while (end < s.size() && s[end] != '\n' && s[end] != '\r')
    ++end;
  // Leave a final ';' to end the statement, so the open quote is the only error.
  llvm::StringRef text = s.slice(start, end).rtrim(" \t");
  if (text.size() > 3 && text.endswith(";"))
    text = text.drop_back(1);
  pos_ = start + text.size();
  size_t close = start + text.rtrim(" \t").size();
  ++errors_;
  diags_
      .report(DiagKind::UnterminatedString, range(start, pos_),
              "this description opens with a curly quote and has no closing quote; write it "
              "in straight double quotes (\") on one line")
      .fix(range(start, start + 3), "\"", "replace with a straight quote",
           diag::Applicability::Unsafe)
      .fix(range(close, close), "\"", "close the description", diag::Applicability::Unsafe);
  return make(P::STRING, start, pos_);
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
    std::optional<Confusable> lookAlike;
    if (isLetter(c) || ((lookAlike = confusableAt(s.substr(pos_))) && isLetter(lookAlike->ascii)))
      return word(start);
    if (isDigit(c)) {
      pos_ = numberEnd(s, start);
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
    case '-':
      ++pos_;
      return make(P::DASH, start, pos_);
    case '$':
      ++pos_;
      return make(P::CURRENCY_SIGN, start, pos_);
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
    if (size_t type = 0, len = punctuationAt(s.substr(pos_), type); len) {
      pos_ += len;
      return make(type, start, pos_);
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
      return unterminatedCurly(start);
    }
    // A character with no meaning: one report for a run of them.
    size_t end = pos_;
    while (end < n) {
      char d = s[end];
      if (isLetter(d) || isDigit(d) || d == ' ' || d == '\t' || d == '\n' || d == '\r' ||
          llvm::StringRef(";,{}%\"/-$").contains(d) || d == '\xC2' || d == '\xEF' ||
          isCurlyQuote(s.substr(end)) || confusableAt(s.substr(end)) || [&] {
            size_t type = 0;
            return punctuationAt(s.substr(end), type) != 0;
          }())
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
