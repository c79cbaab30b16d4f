//===- LexerTest.cpp - The hand lexer against ANTLR's generated lexer ------===//
//
// grammar/Sales.g4 is the specification of the tokens; the hand-written Lexer must
// produce exactly the tokens of the generated SalesLexer (same types, same byte
// ranges) on every well-formed input: the examples, the standard library, a sample
// using every token kind and every keyword of Keywords.def.
//
//===----------------------------------------------------------------------===//
#include "Lexer.h"
#include "Keywords.h"

#include "SalesLexer.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <gtest/gtest.h>

namespace salesc::parse {
namespace {

struct Tok {
  size_t type, start, stop;
  bool operator==(const Tok& o) const {
    return type == o.type && start == o.start && stop == o.stop;
  }
};

std::ostream& operator<<(std::ostream& os, const Tok& t) {
  return os << "type " << t.type << " bytes " << t.start << ".." << t.stop;
}

/// Tokens of the generated lexer, visible channel only, with byte offsets.
std::vector<Tok> reference(llvm::StringRef text) {
  // ANTLR's input stream drops a byte order mark, so its indexes start after it.
  size_t bom = text.startswith("\xEF\xBB\xBF") ? 3 : 0;
  std::vector<size_t> byteOf; // code point index -> byte offset
  for (size_t i = bom; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      byteOf.push_back(i);
  byteOf.push_back(text.size());
  antlr4::ANTLRInputStream input(text.data(), text.size());
  syntax::gen::SalesLexer lexer(&input);
  lexer.removeErrorListeners();
  std::vector<Tok> out;
  for (auto t = lexer.nextToken(); t->getType() != antlr4::Token::EOF; t = lexer.nextToken()) {
    EXPECT_NE(t->getType(), syntax::gen::SalesLexer::ERROR_CHAR) << t->getText();
    if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
      out.push_back({t->getType(), byteOf[t->getStartIndex()], byteOf[t->getStopIndex() + 1] - 1});
  }
  return out;
}

std::vector<Tok> ours(llvm::StringRef text) {
  llvm::SourceMgr sm;
  sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(text, "t", false), llvm::SMLoc());
  diag::DiagnosticEngine diags(sm, {});
  ByteStream input(text, "t");
  Lexer lexer(input, diags);
  std::vector<Tok> out;
  for (auto t = lexer.nextToken(); t->getType() != antlr4::Token::EOF; t = lexer.nextToken())
    out.push_back({t->getType(), t->getStartIndex(), t->getStopIndex()});
  EXPECT_EQ(diags.errorCount(), 0u);
  return out;
}

/// The token types of our lexer on `text`, with what it reported in `reported`.
std::vector<size_t> typesOf(llvm::StringRef text, std::vector<diag::Diagnostic>& reported) {
  llvm::SourceMgr sm;
  sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(text, "t", false), llvm::SMLoc());
  diag::DiagnosticEngine diags(sm, {});
  ByteStream input(text, "t");
  Lexer lexer(input, diags);
  std::vector<size_t> types;
  for (auto t = lexer.nextToken(); t->getType() != antlr4::Token::EOF; t = lexer.nextToken())
    types.push_back(t->getType());
  reported = diags.sorted();
  return types;
}

void expectSameTokens(llvm::StringRef text, const std::string& what) {
  std::vector<Tok> expected = reference(text);
  std::vector<Tok> actual = ours(text);
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (size_t i = 0; i < expected.size(); ++i)
    ASSERT_EQ(actual[i], expected[i])
        << what << ": token " << i << " '"
        << text.slice(expected[i].start, expected[i].stop + 1).str() << "'";
}

TEST(LexerTest, MatchesTheGrammarOnEveryTokenKind) {
  const char* sample = "\xEF\xBB\xBF// a comment\n"
                       "import \"std/tactics\"; /* block\n comment */\n"
                       "process lost \"Caf\xC3\xA9 \xE2\x80\x9C"
                       "quoted\xE2\x80\x9D \\\" \\\\\" {\n"
                       "  value 15_000.50 USD; target win rate 12.5%;\n"
                       "\tstage time { time 2 to 10 days typical 4 days; next won 1_0%; }\n"
                       "  won won;\xC2\xA0lost lost; stage s1_x{learn a,b;}\r\n"
                       "  value 1\n"
                       "}\n"
                       "channel c \xE2\x80\x9C"
                       "curly \\\" \xE2\x80\x9D channel d \xE2\x80\x9D"
                       "mixed\";";
  expectSameTokens(sample, "sample");
}

TEST(LexerTest, MatchesTheGrammarOnNumbersNamesAndSignsAsDocumentsWriteThem) {
  // Read as one token each so that each mistake is one error (AstBuilderAmounts.cpp):
  // separators, a decimal comma, spaces between thousands (also no-break and thin ones),
  // dashes, currency signs with and without a prefix, hyphenated names.
  const char* sample = "value 1,350,000 EUR; 1.350.000,50 1 350 000 12,5% 1,350 1.5.3\n"
                       "1\xC2\xA0"
                       "350 1\xE2\x80\xAF"
                       "350\xE2\x80\x89"
                       "000 1 3500 1234 567 "
                       "1_000,5 15_000.50 1 350,5 1.5M 20k\n"
                       "\xE2\x82\xAC"
                       "48 US$5 A$3 $4 \xC2\xA3"
                       "5 \xC2\xA5"
                       "6 MX$ USD$ S$1\n"
                       "1-2 1\xE2\x80\x93"
                       "2 1\xE2\x80\x94"
                       "2 3\xE2\x88\x92"
                       "4 - x\n"
                       "pql-alert a-b-c stage-x stage- time-1 US-x$ won-won\n";
  expectSameTokens(sample, "documents");
}

TEST(LexerTest, ReadsThroughLookAlikesAndInvisibleCharacters) {
  // `st\u0430ge` (a Cyrillic a) is the keyword; `pql\u200Balert` one name; a zero-width
  // space between words is skipped. Each is reported by code point, never printed.
  llvm::StringRef text = "st\xD0\xB0ge pql\xE2\x80\x8B"
                         "alert \xE2\x80\x8B;";
  std::vector<diag::Diagnostic> d;
  std::vector<size_t> types = typesOf(text, d);
  using P = syntax::gen::SalesLexer;
  EXPECT_EQ(types, (std::vector<size_t>{P::STAGE, P::ID, P::SEMI}));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].message,
            "character U+0430 (Cyrillic small letter a) looks like 'a' but is not; write 'a'");
  EXPECT_EQ(d[1].message, "invisible character U+200B (zero-width space); remove it (it may have "
                          "come with pasted text)");
  EXPECT_EQ(d[2].message, d[1].message);
  for (const diag::Diagnostic& one : d) {
    ASSERT_EQ(one.fixes.size(), 1u);
    EXPECT_EQ(one.fixes[0].applicability, diag::Applicability::Safe);
    EXPECT_TRUE(llvm::all_of(one.message, [](char c) { return c > 0; })) << one.message;
  }
  EXPECT_EQ(d[0].fixes[0].replacement, "a");
  EXPECT_EQ(d[1].fixes[0].replacement, "");
}

TEST(LexerTest, MatchesTheGrammarOnEveryKeyword) {
  // Each keyword of Keywords.def, and names that only look like it: longer, shorter,
  // capitalised.
  std::string text;
  for (const Keyword& k : keywords()) {
    std::string w = k.spelling.str();
    text += w + " " + w + "s " + w + "_1 " + w.substr(0, w.size() - 1) + " " + llvm::toUpper(w[0]) +
            w.substr(1) + ";\n";
  }
  expectSameTokens(text, "keywords");
}

TEST(LexerTest, MatchesTheGrammarOnExamplesAndStandardLibrary) {
  for (const char* dir : {SALESC_SOURCE_DIR "/examples", SALESC_SOURCE_DIR "/stdlib/std"}) {
    std::error_code ec;
    unsigned files = 0;
    for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec)) {
      if (llvm::sys::path::extension(it->path()) != ".sales")
        continue;
      auto buffer = llvm::MemoryBuffer::getFile(it->path());
      ASSERT_TRUE(bool(buffer));
      expectSameTokens((*buffer)->getBuffer(), it->path());
      ++files;
    }
    EXPECT_GT(files, 0u) << dir;
  }
}

TEST(LexerTest, ReportsWhatHasNoMeaning) {
  llvm::StringRef text = "stage # \"open\n_x /* never closed";
  std::vector<diag::Diagnostic> d;
  std::vector<size_t> types = typesOf(text, d);
  using P = syntax::gen::SalesLexer;
  // '#' is dropped; the open string is still a string; '_' is dropped before 'x'.
  EXPECT_EQ(types, (std::vector<size_t>{P::STAGE, P::STRING, P::ID}));
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].kind, diag::DiagKind::InvalidCharacter);
  EXPECT_EQ(d[1].kind, diag::DiagKind::UnterminatedString);
  EXPECT_EQ(d[2].kind, diag::DiagKind::InvalidCharacter);
  EXPECT_EQ(d[2].message, "a name must start with a letter, not '_'");
  EXPECT_EQ(d[3].kind, diag::DiagKind::UnterminatedComment);
}

TEST(LexerTest, NamesControlCharactersInsteadOfPrintingThem) {
  llvm::StringRef text("channel a;\0\x01 channel b;", 23);
  llvm::SourceMgr sm;
  sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(text, "t", false), llvm::SMLoc());
  diag::DiagnosticEngine diags(sm, {});
  ByteStream input(text, "t");
  Lexer lexer(input, diags);
  while (lexer.nextToken()->getType() != antlr4::Token::EOF) {
  }
  std::vector<diag::Diagnostic> d = diags.sorted();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message,
            "unexpected characters 'U+0000U+0001'; names use letters, digits and '_'");
}

} // namespace
} // namespace salesc::parse
