//===- DiagnosticsDocTest.cpp - The examples of docs/diagnostics.md, run ---===//
//
// Each example's file is served from memory under the name its command gives, with
// the standard library where an installed salesc finds it, and what salesc prints
// (stdout then stderr, as a terminal shows it) must be the page's text, byte for
// byte. Examples that need what a file system in memory cannot give are in Skipped.
//
//===----------------------------------------------------------------------===//
#include "DocExamples.h"
#include "InProcess.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>

namespace salesc::testing {

/// How gtest names an example in its messages.
void PrintTo(const DocExample& e, std::ostream* os) {
  *os << "'" << e.section << "', docs/diagnostics.md:" << e.line;
}

namespace {

/// The sections whose examples are not run, and why.
const std::map<std::string, std::string> Skipped = {
    {"S006 file-too-large", "a file of 65 MiB (CliTest.cpp checks it)"},
    {"D003 folder-unreadable", "a folder salesc may not list (DriverTest.cpp checks it)"},
    {"D004 empty-folder", "an empty folder the page does not make (tests/output/check has it)"},
    {"D005 duplicate-output-name",
     "two files the page does not show, built into a folder (DriverTest.cpp checks it)"},
};

std::string page() {
  auto buffer = llvm::MemoryBuffer::getFile(SALESC_SOURCE_DIR "/docs/diagnostics.md");
  return buffer ? (*buffer)->getBuffer().str() : std::string();
}

/// An example whose comment says so is saved as Windows-1252 (é is the byte e9).
std::string saved(const std::string& text) {
  if (text.find("saved as Windows-1252") == std::string::npos)
    return text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if ((c == 0xC2 || c == 0xC3) && i + 1 < text.size()) // U+0080 to U+00FF: one byte
      out += char(((c & 0x1F) << 6) | (text[++i] & 0x3F));
    else
      out += char(c);
  }
  return out;
}

/// `text` as a terminal shows it: a byte that is not UTF-8 shows as U+FFFD.
std::string asATerminalShows(llvm::StringRef text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    auto* p = reinterpret_cast<const llvm::UTF8*>(text.data() + i);
    unsigned n = llvm::getNumBytesForUTF8(*p);
    if (i + n <= text.size() && llvm::isLegalUTF8Sequence(p, p + n)) {
      out += text.substr(i, n).str();
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

/// The name the command gives the example's file.
std::string fileName(const DocExample& e) {
  for (const DocCommand& c : e.commands)
    for (const std::string& a : c.args)
      if (llvm::StringRef(a).endswith(".sales"))
        return a;
  return "example.sales";
}

class DiagnosticsDoc : public ::testing::TestWithParam<DocExample> {};

TEST_P(DiagnosticsDoc, ExamplePrintsWhatThePageSays) {
  const DocExample& e = GetParam();
  if (auto skip = Skipped.find(e.section); skip != Skipped.end()) {
    GTEST_SKIP() << "needs " << skip->second;
  }
  auto fs = memoryFileSystem();
  if (!e.file.empty())
    fs->addFile(fileName(e), 0, llvm::MemoryBuffer::getMemBufferCopy(saved(e.file)));
  if (!e.config.empty()) // beside it, in the working folder
    fs->addFile(".salesc.yaml", 0, llvm::MemoryBuffer::getMemBufferCopy(e.config));
  for (const DocCommand& c : e.commands) {
    RunResult r = runInProcess(c.args, fs);
    EXPECT_EQ(c.output, asATerminalShows(r.out + r.err))
        << "docs/diagnostics.md:" << e.line << " (" << e.section << ")";
    if (c.status) {
      EXPECT_EQ(*c.status, r.status) << "docs/diagnostics.md:" << e.line;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Example, DiagnosticsDoc, ::testing::ValuesIn(docExamples(page())),
                         [](const auto& info) {
                           std::string n =
                               info.param.section + "_line" + std::to_string(info.param.line);
                           std::replace_if(
                               n.begin(), n.end(), [](char c) { return !isalnum(c); }, '_');
                           return n;
                         });

/// Every section with an **Example.** has an example that runs, or is skipped; every
/// skipped section exists.
TEST(DiagnosticsDocPage, EveryExampleIsRunOrSkippedWithAReason) {
  std::string text = page();
  ASSERT_FALSE(text.empty()) << "cannot read docs/diagnostics.md";
  std::vector<DocExample> examples = docExamples(text);
  std::string section;
  llvm::SmallVector<llvm::StringRef, 0> lines;
  llvm::StringRef(text).split(lines, '\n');
  std::map<std::string, bool> hasExample;
  for (llvm::StringRef line : lines) {
    if (line.startswith("## "))
      section = line.drop_front(3).str();
    else if (line == "**Example.**")
      hasExample[section] = false;
  }
  for (const DocExample& e : examples)
    if (hasExample.count(e.section))
      hasExample[e.section] = true;
  for (const auto& [name, found] : hasExample)
    EXPECT_TRUE(found || Skipped.count(name)) << "the example of '" << name << "' is not run";
  for (const auto& [name, why] : Skipped)
    EXPECT_TRUE(hasExample.count(name)) << "Skipped names '" << name << "', which has no example";
}

} // namespace
} // namespace salesc::testing
