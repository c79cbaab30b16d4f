//===- FmtCliTest.cpp - salesc fmt on files on disk -----------------------===//
//
// What only a run on a real disk shows: files rewritten in place (atomically, unchanged
// ones not touched, not even their time stamp), --check and --diff changing nothing,
// the diff applying with patch, standard input, and files with syntax errors left
// alone. The layout itself is tested by tests/FmtTest.cpp and compiler/format.
//
//===----------------------------------------------------------------------===//
#include "CliFixture.h"

#include "llvm/Support/Chrono.h"
#include "llvm/Support/Process.h"

#include <gtest/gtest.h>

namespace {

using salesc::testing::CliFixture;
using salesc::testing::RunResult;

class Fmt : public CliFixture {
protected:
  std::string read(const std::string& path) {
    auto b = llvm::MemoryBuffer::getFile(path, false, false);
    return b ? (*b)->getBuffer().str() : std::string("<missing>");
  }

  /// Sets the file's modification time far in the past, so a rewrite shows.
  void backDate(const std::string& path) {
    int fd;
    ASSERT_FALSE(llvm::sys::fs::openFileForWrite(path, fd, llvm::sys::fs::CD_OpenExisting,
                                                 llvm::sys::fs::OF_Append));
    llvm::sys::fs::setLastAccessAndModificationTime(fd, llvm::sys::toTimePoint(1000000000),
                                                    llvm::sys::toTimePoint(1000000000));
    llvm::sys::Process::SafelyCloseFileDescriptor(fd);
  }

  bool untouched(const std::string& path) {
    llvm::sys::fs::file_status s;
    return !llvm::sys::fs::status(path, s) &&
           llvm::sys::toTimeT(s.getLastModificationTime()) == 1000000000;
  }
};

const char* Messy = "process p{stage a{time 1 day;next won 40 %;}won won;lost lost;}\n";
const char* Tidy = "process p {\n"
                   "  stage a {\n"
                   "    time 1 day;\n"
                   "    next won 40%;\n"
                   "  }\n"
                   "  won won;\n"
                   "  lost lost;\n"
                   "}\n";
const char* Broken = "process p {\n  stage a { next won 40% }\n}\n";

TEST_F(Fmt, RewritesFilesInPlaceAndLeavesFormattedOnesAlone) {
  std::string messy = write("tree/messy.sales", Messy);
  std::string tidy = write("tree/sub/tidy.sales", Tidy);
  write("tree/notes.txt", "not a .sales file {");
  backDate(messy);
  backDate(tidy);
  RunResult r = run({"fmt", std::string(dir_) + "/tree"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(read(messy), Tidy);
  EXPECT_FALSE(untouched(messy)) << "a rewritten file has a new time stamp";
  EXPECT_EQ(read(tidy), Tidy);
  EXPECT_TRUE(untouched(tidy)) << "a file already formatted keeps its time stamp";
  EXPECT_EQ(read(std::string(dir_) + "/tree/notes.txt"), "not a .sales file {");
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(std::string(dir_) + "/tree", ec), end;
       it != end && !ec; it.increment(ec))
    EXPECT_EQ(it->path().find(".tmp-"), std::string::npos) << "left behind: " << it->path();
}

TEST_F(Fmt, CheckListsTheFilesThatWouldChangeAndChangesNothing) {
  std::string messy = write("messy.sales", Messy);
  std::string tidy = write("tidy.sales", Tidy);
  backDate(messy);
  RunResult r = run({"fmt", "--check", messy, tidy});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, messy + "\n");
  EXPECT_EQ(read(messy), Messy);
  EXPECT_TRUE(untouched(messy));
  RunResult clean = run({"fmt", "--check", tidy});
  EXPECT_EQ(clean.status, 0);
  EXPECT_EQ(clean.out, "");
}

TEST_F(Fmt, DiffChangesNothingAndPatchAppliesIt) {
  std::string messy = write("messy.sales", Messy);
  backDate(messy);
  RunResult d = shell("cd \"$DIR\" && \"$SALESC\" fmt --diff messy.sales > fmt.diff");
  EXPECT_EQ(d.status, 0) << d.err;
  EXPECT_EQ(read(messy), Messy);
  EXPECT_TRUE(untouched(messy));
  EXPECT_EQ(read(std::string(dir_) + "/fmt.diff").substr(0, 36),
            "--- messy.sales\n+++ messy.sales\n@@ -");
  RunResult r = shell("cd \"$DIR\" && patch -s -p0 < fmt.diff");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(read(messy), Tidy);
}

TEST_F(Fmt, FormatsStandardInputToStandardOutput) {
  write("in.sales", Messy);
  RunResult r = shell("\"$SALESC\" fmt - < \"$DIR/in.sales\"");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, Tidy);
  write("broken.sales", Broken);
  RunResult bad = shell("\"$SALESC\" fmt --color=never --stdin-filename=mine.sales - < "
                        "\"$DIR/broken.sales\"");
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.out, "") << "nothing is printed for a file that does not parse";
  EXPECT_EQ(bad.err.rfind("mine.sales:2:25: error: ", 0), 0u) << bad.err;
}

TEST_F(Fmt, RefusesAFileWithSyntaxErrorsAndLeavesItAsItWas) {
  std::string broken = write("broken.sales", Broken);
  std::string messy = write("messy.sales", Messy);
  backDate(broken);
  RunResult r = run({"fmt", "--color=never", broken, messy});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(broken + ":2:25: error: "), std::string::npos) << r.err;
  EXPECT_EQ(read(broken), Broken);
  EXPECT_TRUE(untouched(broken));
  EXPECT_EQ(read(messy), Tidy) << "the other files are still formatted";
}

TEST_F(Fmt, WithoutAFileOrWithOneThatCannotBeReadTheStatusIsTwo) {
  RunResult none = run({"fmt"});
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.err.find("no file to format"), std::string::npos) << none.err;
  RunResult missing = run({"fmt", "--color=never", std::string(dir_) + "/nope.sales"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;
}

TEST_F(Fmt, TheDocsShowItsHelpAsItIs) {
  RunResult r = run({"fmt", "--help"});
  ASSERT_EQ(r.status, 0);
  auto docs = llvm::MemoryBuffer::getFile(SALESC_SOURCE_DIR "/docs/cli.md");
  ASSERT_TRUE(bool(docs));
  EXPECT_NE((*docs)->getBuffer().find("$ salesc fmt --help\n" + r.out + "```"), std::string::npos)
      << "docs/cli.md does not show the current 'salesc fmt --help':\n"
      << r.out;
}

} // namespace
