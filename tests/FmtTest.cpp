//===- FmtTest.cpp - salesc fmt never changes what a file means -----------===//
//
// Over every example, the standard library and the corpus of tests/fmt (realistic files
// with odd spacing and comments everywhere, every construct of the grammar), the layout
// tests' inputs and outputs, and the files of tests/check and tests/output that parse,
// each as it is and in mutated copies (whitespace and comments changed at random): the
// formatted file checks to the same model (`check --emit=model`), the same syntax tree
// (`--emit=ast` without its line:col) and the same diagnostics (code and message), and
// formatting it again changes nothing.
// The layout tests, tests/fmt/layout/NAME.in.sales, must format to exactly
// NAME.out.sales (SALESC_UPDATE_EXPECTATIONS=1 rewrites those; review the diff).
//
//===----------------------------------------------------------------------===//
#include "ast/ASTDump.h"
#include "format/Format.h"
#include "frontend/Compilation.h"
#include "frontend/ModelDump.h"
#include "parse/Tokens.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>
#include <random>

namespace salesc {
namespace {

const std::string Source = SALESC_SOURCE_DIR "/";

/// The .sales files below `dir` (relative to the source tree), sorted.
std::vector<std::string> filesIn(llvm::StringRef dir, llvm::StringRef suffix = ".sales") {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(Source + dir.str(), ec), end;
       it != end && !ec; it.increment(ec))
    if (llvm::StringRef(it->path()).endswith(suffix))
      out.push_back(llvm::StringRef(it->path()).drop_front(Source.size()).str());
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const std::string& path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  EXPECT_TRUE(bool(buffer)) << "cannot read " << path;
  return buffer ? (*buffer)->getBuffer().str() : "";
}

/// What `text` means, checked as the file `path`: its model, its syntax tree without
/// places, and its diagnostics without places.
struct Meaning {
  std::string model, ast, diagnostics;
  unsigned errors = 0;
};

Meaning meaningOf(const std::string& path, const std::string& text) {
  sema::LoadOptions load;
  load.stdlibDir = Source + "stdlib";
  frontend::Session session(load, {});
  frontend::Unit unit = session.compileText(path, text);
  Meaning m;
  llvm::raw_string_ostream model(m.model), ast(m.ast), diagnostics(m.diagnostics);
  for (size_t i : unit.model.rootProcesses)
    frontend::dumpModel(unit.model.processes[i].process, sema::analysisOf(unit.model, i), model);
  std::string tree;
  llvm::raw_string_ostream treeOs(tree);
  if (unit.root)
    ast::dump(*unit.root, session.sourceMgr(), treeOs);
  llvm::SmallVector<llvm::StringRef, 64> lines;
  llvm::StringRef(treeOs.str()).split(lines, '\n');
  for (llvm::StringRef line : lines)
    ast << llvm::Regex("<[0-9]+:[0-9]+> ?").sub("", line) << '\n';
  for (const diag::Diagnostic& d : session.diags().sorted())
    diagnostics << diag::kindInfo(d.kind).code << ' ' << d.message << '\n';
  m.errors = session.diags().errorCount();
  return m;
}

class Meaningful : public ::testing::TestWithParam<std::string> {};

/// Whether the file is a test of salesc check or of its output, which may hold syntax
/// errors on purpose; every other file must format.
bool mayHaveSyntaxErrors(llvm::StringRef file) {
  return file.startswith("tests/check/") || file.startswith("tests/output/");
}

TEST_P(Meaningful, FormattingKeepsTheMeaningAndIsStable) {
  const std::string path = Source + GetParam();
  std::string before = read(path);
  format::FormatResult once = format::formatText(before, path);
  if (once.outcome == format::Outcome::SyntaxErrors && mayHaveSyntaxErrors(GetParam()))
    GTEST_SKIP() << "a test of syntax errors: fmt refuses it";
  ASSERT_EQ(once.outcome, format::Outcome::Formatted) << once.problem;
  format::FormatResult twice = format::formatText(once.text, path);
  EXPECT_EQ(twice.text, once.text) << "formatting " << GetParam() << " twice differs from once";

  Meaning a = meaningOf(path, before), b = meaningOf(path, once.text);
  EXPECT_EQ(a.model, b.model);
  EXPECT_EQ(a.ast, b.ast);
  EXPECT_EQ(a.diagnostics, b.diagnostics);
  if (llvm::StringRef(GetParam()).startswith("tests/fmt/corpus/")) {
    // Not vacuous: the corpus checks clean, to processes with their figures.
    EXPECT_EQ(a.errors, 0u) << a.diagnostics;
    EXPECT_NE(a.model.find("win-probability="), std::string::npos) << a.model;
  }
}

std::vector<std::string> everyFile() {
  std::vector<std::string> all;
  for (const char* dir : {"examples", "stdlib/std", "tests/fmt/corpus", "tests/fmt/layout",
                          "tests/check", "tests/output"}) {
    std::vector<std::string> found = filesIn(dir);
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = llvm::StringRef(info.param).drop_back(llvm::StringRef(".sales").size()).str();
  std::replace_if(
      n.begin(), n.end(), [](char c) { return !isalnum(c); }, '_');
  return n;
}

INSTANTIATE_TEST_SUITE_P(File, Meaningful, ::testing::ValuesIn(everyFile()), testName);

/// `text` with the whitespace between its tokens replaced at random (spaces, tabs, line
/// breaks, blank lines, nothing where two tokens cannot run together) and comments added
/// between tokens. Comments already in the text are kept as they are.
std::string mutate(llvm::StringRef text, std::mt19937& rng) {
  using parse::TokenKind;
  auto punctuation = [](const parse::SourceToken& t) {
    return t.kind != TokenKind::Word && t.kind != TokenKind::Number;
  };
  static const char* const gaps[] = {" ", "  ", "\t", "\n", "\n\n\n", "\n    \t", " \n  "};
  static const char* const comments[] = {"/* c */", "// c\n", "/* two\n   lines */", "//\n"};
  std::vector<parse::SourceToken> tokens = parse::lexTokens(text);
  std::string out;
  size_t pos = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    size_t start = static_cast<size_t>(tokens[i].text.data() - text.data());
    llvm::StringRef gap = text.slice(pos, start);
    if (gap.contains("/")) {
      out += gap.str(); // a comment: kept with its whitespace
    } else if (i > 0) {
      if (rng() % 8 == 0)
        out += std::string(" ") + comments[rng() % 4] + " ";
      bool mayTouch = punctuation(tokens[i - 1]) || punctuation(tokens[i]);
      out += mayTouch && rng() % 3 == 0 ? "" : gaps[rng() % 7];
    }
    out += tokens[i].text.str();
    pos = start + tokens[i].text.size();
  }
  return out + text.drop_front(pos).str();
}

TEST_P(Meaningful, MutatedWhitespaceAndCommentsNeverChangeTheMeaning) {
  const std::string path = Source + GetParam();
  std::string original = read(path);
  if (format::formatText(original, path).outcome == format::Outcome::SyntaxErrors &&
      mayHaveSyntaxErrors(GetParam()))
    GTEST_SKIP() << "a test of syntax errors: fmt refuses it";
  Meaning a = meaningOf(path, original);
  std::mt19937 rng(2026);
  for (int round = 0; round < 5; ++round) {
    std::string mutant = mutate(original, rng);
    format::FormatResult once = format::formatText(mutant, path);
    ASSERT_EQ(once.outcome, format::Outcome::Formatted) << once.problem << "\n" << mutant;
    EXPECT_EQ(format::formatText(once.text, path).text, once.text)
        << "formatting twice differs from once:\n"
        << mutant;
    Meaning b = meaningOf(path, once.text);
    EXPECT_EQ(a.model, b.model) << mutant;
    EXPECT_EQ(a.ast, b.ast) << mutant;
    EXPECT_EQ(a.diagnostics, b.diagnostics) << mutant;
  }
}

// The comparison would see a change of meaning: a share, a name, a description, a
// comment-out.
TEST(MeaningOf, SeesWhatATokenChangeMeans) {
  const std::string path = Source + "tests/fmt/corpus/money.sales";
  std::string text = read(path);
  Meaning a = meaningOf(path, text);
  auto changed = [&](llvm::StringRef from, llvm::StringRef to) {
    std::string t = text;
    size_t at = t.find(from.str());
    EXPECT_NE(at, std::string::npos) << from.str();
    return meaningOf(path, t.replace(at, from.size(), to.str()));
  };
  EXPECT_NE(changed("next paid_monthly 25%", "next paid_monthly 26%").model, a.model);
  EXPECT_NE(changed("Online sign-up", "Online sign up").ast, a.ast);
  EXPECT_NE(changed("leads 800;", "// leads 800;").ast, a.ast);
  EXPECT_NE(changed("upgrade_prompt 80%", "upgrade_prompt 180%").diagnostics, a.diagnostics);
}

class Layout : public ::testing::TestWithParam<std::string> {};

TEST_P(Layout, FormatsToExactlyTheExpectedFile) {
  const std::string in = Source + GetParam();
  const std::string out = in.substr(0, in.size() - std::string(".in.sales").size()) + ".out.sales";
  format::FormatResult r = format::formatText(read(in), in);
  ASSERT_EQ(r.outcome, format::Outcome::Formatted) << r.problem;
  if (std::getenv("SALESC_UPDATE_EXPECTATIONS") && r.text != read(out)) {
    std::error_code ec;
    llvm::raw_fd_ostream os(out, ec);
    ASSERT_FALSE(ec) << ec.message();
    os << r.text;
    llvm::errs() << "updated " << out << '\n';
    return;
  }
  EXPECT_EQ(read(out), r.text) << GetParam() << " does not format to " << out;
}

INSTANTIATE_TEST_SUITE_P(File, Layout,
                         ::testing::ValuesIn(filesIn("tests/fmt/layout", ".in.sales")), testName);

} // namespace
} // namespace salesc
