//===- RenderTest.cpp - The diagnostic engine and its text renderer -------===//
#include "Render.h"
#include "DiagnosticEngine.h"
#include "Location.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

namespace salesc::diag {
namespace {

class RenderTest : public ::testing::Test {
protected:
  llvm::SMRange at(llvm::StringRef needle, size_t length) {
    const char* p = text_.data() + text_.find(needle);
    return {llvm::SMLoc::getFromPointer(p), llvm::SMLoc::getFromPointer(p + length)};
  }
  void load(llvm::StringRef text) {
    text_ = text;
    sm_.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(text_, "f.sales", false),
                           llvm::SMLoc());
  }
  std::string render(const DiagnosticEngine& e) {
    std::string out;
    llvm::raw_string_ostream os(out);
    renderText(os, sm_, e.sorted(), false);
    return os.str();
  }
  llvm::SourceMgr sm_;
  llvm::StringRef text_;
};

TEST_F(RenderTest, ClangStyleWithNoteAndFixIt) {
  load("knowledge pricing;\nprocess p { stage a { learn pricng; } }\n");
  DiagnosticEngine e(sm_, {});
  e.report(DiagKind::UnknownName, at("pricng", 6), "no 'pricng'; did you mean 'pricing'?")
      .fix(at("pricng", 6), "pricing", "replace")
      .note(at("pricing", 7), "declared here");
  EXPECT_EQ(render(e), "f.sales:2:29: error: no 'pricng'; did you mean 'pricing'? [N001]\n"
                       "process p { stage a { learn pricng; } }\n"
                       "                            ^~~~~~\n"
                       "                            pricing\n"
                       "f.sales:1:11: note: declared here\n"
                       "knowledge pricing;\n"
                       "          ^~~~~~~\n");
}

TEST_F(RenderTest, ColumnsCountCharactersAndCaretsFollowWideText) {
  load("stage \"\xE2\x80\x9C\xE6\x97\xA5\xE2\x80\x9D\" x;\n");
  DiagnosticEngine e(sm_, {});
  e.report(DiagKind::SyntaxError, at("x;", 1), "here");
  Location l = resolve(sm_, at("x;", 1).Start);
  EXPECT_EQ(l.column, 13u); // s t a g e _ " “ 日 ” " _ x: the 13th character
  // Twelve characters precede it, and the CJK one is two columns wide on a terminal.
  EXPECT_NE(render(e).find("\n" + std::string(13, ' ') + "^\n"), std::string::npos) << render(e);
}

TEST(LocationResolverTest, GivesWhatResolveGivesAtEveryByteOfSeveralBuffers) {
  // A byte order mark, CRLF and lone CR line ends, multi-byte characters, an empty
  // line, no final line break; two buffers visited alternately and backwards.
  const std::string texts[] = {
      "\xEF\xBB\xBFstage \xE2\x80\x9Cx\xE2\x80\x9D;\r\nnext\n\n\xE6\x97\xA5 a\rb c",
      "one\ntwo three\n"};
  llvm::SourceMgr sm;
  for (const std::string& t : texts)
    sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(t, "f.sales", false), llvm::SMLoc());
  std::vector<llvm::SMLoc> order;
  for (size_t i = 0; i <= texts[0].size(); ++i) {
    order.push_back(llvm::SMLoc::getFromPointer(texts[0].data() + i));
    order.push_back(llvm::SMLoc::getFromPointer(texts[1].data() + i % (texts[1].size() + 1)));
  }
  for (size_t i = texts[0].size() + 1; i-- > 0;)
    order.push_back(llvm::SMLoc::getFromPointer(texts[0].data() + i));
  LocationResolver where(sm);
  for (llvm::SMLoc loc : order) {
    Location want = resolve(sm, loc), got = where(loc);
    EXPECT_EQ(got.bufferId, want.bufferId);
    EXPECT_EQ(got.line, want.line) << (loc.getPointer() - texts[0].data());
    EXPECT_EQ(got.column, want.column) << (loc.getPointer() - texts[0].data());
  }
}

TEST_F(RenderTest, ALongLineIsAWindowAroundTheCaret) {
  std::string text = "channel " + std::string(1000, 'a') + " X " + std::string(1000, 'b') + ";\n";
  load(text);
  DiagnosticEngine e(sm_, {});
  e.report(DiagKind::SyntaxError, at("X", 1), "here").fix(at("X", 1), "Y", "replace");
  std::string out = render(e);
  EXPECT_LT(out.size(), 600u) << "the whole 2 KB line was printed";
  // The window starts 80 bytes before the caret, after "...", and is cut with "...".
  std::string window = "..." + std::string(79, 'a') + " X " + std::string(78, 'b') + "...\n";
  EXPECT_NE(out.find(window), std::string::npos) << out;
  EXPECT_NE(out.find("\n" + std::string(3 + 80, ' ') + "^\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\n" + std::string(3 + 80, ' ') + "Y\n"), std::string::npos) << out;
  // Short lines are shown whole.
  EXPECT_EQ(out.rfind("f.sales:1:1010: error: here [S001]\n", 0), 0u) << out;
}

TEST_F(RenderTest, ControlCharactersInTheSourceLineAreShownAsQuestionMarks) {
  load("channel \x1b[31m x;\n");
  DiagnosticEngine e(sm_, {});
  e.report(DiagKind::SyntaxError, at("x;", 1), "here");
  std::string out = render(e);
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << "an escape sequence reached the terminal";
  EXPECT_NE(out.find("channel ?[31m x;\n              ^\n"), std::string::npos) << out;
}

TEST_F(RenderTest, InvisibleCharactersInTheSourceLineAreShownAsQuestionMarks) {
  // A zero-width space and a right-to-left override (which would reorder the line on a
  // terminal): each a '?' one column wide, and a removal shows no replacement line.
  load("channel a\xE2\x80\x8B \xE2\x80\xAE x;\n");
  DiagnosticEngine e(sm_, {});
  e.report(DiagKind::InvalidCharacter, at("\xE2\x80\xAE", 3), "here")
      .fix(at("\xE2\x80\xAE", 3), "", "remove it", Applicability::Safe);
  std::string out = render(e);
  EXPECT_EQ(out.find("\xE2\x80"), std::string::npos) << out;
  EXPECT_TRUE(llvm::StringRef(out).endswith("channel a? ? x;\n           ^\n")) << out;
}

TEST_F(RenderTest, DeduplicatesAndSortsByPlace) {
  load("a\nb\nc\n");
  DiagnosticEngine e(sm_, {});
  e.report(DiagKind::SyntaxError, at("c", 1), "third");
  e.report(DiagKind::SyntaxError, at("a", 1), "first");
  e.report(DiagKind::SyntaxError, at("c", 1), "third");
  EXPECT_EQ(e.errorCount(), 2u);
  EXPECT_EQ(e.errorReports(), 3u) << "duplicates still count for the phases";
  std::vector<Diagnostic> d = e.sorted();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].message, "first");
}

TEST_F(RenderTest, WarningOptions) {
  load("a\n");
  DiagOptions off;
  off.disabled.insert("unreachable-stage");
  DiagnosticEngine quiet(sm_, off);
  quiet.report(DiagKind::UnreachableStage, at("a", 1), "w");
  EXPECT_EQ(quiet.warningCount(), 0u);
  DiagOptions werror;
  werror.warningsAsErrors = true;
  DiagnosticEngine strict(sm_, werror);
  strict.report(DiagKind::UnreachableStage, at("a", 1), "w");
  EXPECT_EQ(strict.errorCount(), 1u);
  EXPECT_EQ(strict.errorReports(), 0u) << "-Werror must not change which checks run";
  EXPECT_EQ(strict.sorted()[0].severity, Severity::Error);
}

TEST_F(RenderTest, Summary) {
  std::string out;
  llvm::raw_string_ostream os(out);
  renderSummary(os, 2, 1, false);
  renderSummary(os, 1, 0, false);
  renderSummary(os, 0, 0, false);
  EXPECT_EQ(os.str(), "2 errors and 1 warning generated.\n1 error generated.\n");
}

// A path on the command line need not be UTF-8; JSON and SARIF must be. It once reached
// llvm::json as it was, which stops a build with assertions (the sanitized build). It is
// kept byte for byte: the lone-surrogate escape in JSON, percent-encoded in a URI.
TEST_F(RenderTest, JsonAndSarifKeepBytesThatAreNotUtf8) {
  DiagnosticEngine e(sm_, {});
  e.reportFile(DiagKind::FileUnreadable, "bad\xff.sales", "cannot read 'bad\xff.sales'");
  std::vector<Diagnostic> d = e.sorted();
  std::string json, sarif;
  llvm::raw_string_ostream jsonStream(json), sarifStream(sarif);
  renderJson(jsonStream, sm_, d, 1, 0);
  SarifRun run;
  run.toolVersion = "0.1.0";
  run.docsUrl = "https://example.invalid/diagnostics.md";
  run.bases = {"/w", "/w", ""};
  renderSarif(sarifStream, sm_, d, run);
  EXPECT_TRUE(bool(llvm::json::parse(jsonStream.str())));
  EXPECT_NE(json.find("\"file\":\"bad\\udcff.sales\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"message\":\"cannot read 'bad\\udcff.sales'\""), std::string::npos) << json;
  EXPECT_TRUE(bool(llvm::json::parse(sarifStream.str())));
  EXPECT_NE(sarif.find("\"uri\": \"bad%FF.sales\""), std::string::npos) << sarif;
  EXPECT_NE(sarif.find("\"text\": \"cannot read 'bad\\udcff.sales'\""), std::string::npos) << sarif;
}

TEST(RegistryTest, LooksUpKindsByName) {
  EXPECT_EQ(kindByName("unreachable-stage"), DiagKind::UnreachableStage);
  EXPECT_EQ(kindByName("nope"), std::nullopt);
  EXPECT_EQ(kindInfo(DiagKind::SyntaxError).code, "S001");
}

} // namespace
} // namespace salesc::diag
