//===- FixCliTest.cpp - salesc check --fix and --diff on files on disk -----===//
//
// tests/fix/corpus holds files with mistakes of every kind that has a fix-it; --fix must
// turn them into tests/fix/expected-safe, --fix --unsafe-fixes into tests/fix/expected-all
// (checked clean), and a second run must change nothing.
//
//===----------------------------------------------------------------------===//
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include "CliFixture.h"

#include <gtest/gtest.h>
#include <map>
#include <sys/stat.h>

namespace {

using salesc::testing::RunResult;

const std::string FixDir = SALESC_SOURCE_DIR "/tests/fix/";

class Fix : public salesc::testing::CliFixture {
protected:
  std::string path(llvm::StringRef name) {
    llvm::SmallString<256> p(dir_);
    llvm::sys::path::append(p, name);
    return std::string(p);
  }
  std::string read(llvm::StringRef file) {
    auto b = llvm::MemoryBuffer::getFile(file);
    return b ? (*b)->getBuffer().str() : "<cannot read " + file.str() + ">";
  }
  /// The .sales files below `root`, by path relative to it, with their text.
  std::map<std::string, std::string> files(const std::string& root) {
    std::map<std::string, std::string> out;
    std::error_code ec;
    for (llvm::sys::fs::recursive_directory_iterator it(root, ec), end; it != end && !ec;
         it.increment(ec))
      if (llvm::sys::path::extension(it->path()) == ".sales")
        out[llvm::StringRef(it->path()).drop_front(root.size() + 1).str()] = read(it->path());
    return out;
  }
  /// tests/fix/corpus copied to corpus/ in the test's folder.
  void copyCorpus() {
    for (const auto& [name, text] : files(FixDir + "corpus"))
      write("corpus/" + name, text);
  }
  RunResult inDir(const std::string& args) { return shell("cd \"$DIR\" && \"$SALESC\" " + args); }
  llvm::sys::TimePoint<> modified(const std::string& file) {
    llvm::sys::fs::file_status st;
    EXPECT_FALSE(llvm::sys::fs::status(file, st));
    return st.getLastModificationTime();
  }
};

TEST_F(Fix, FixesTheCorpusSafelyThenAllOfItAndASecondRunChangesNothing) {
  copyCorpus();
  auto cleanBefore = modified(path("corpus/clean.sales"));
  RunResult safe = inDir("check --fix corpus");
  EXPECT_EQ(safe.status, 1) << safe.err; // the misspelled names are guesses, left
  EXPECT_NE(safe.err.find("salesc: fixed 13 problems in 4 files; 2 problems remain\n"),
            std::string::npos)
      << safe.err;
  EXPECT_NE(safe.err.find("apply them with --unsafe-fixes"), std::string::npos) << safe.err;
  EXPECT_EQ(files(path("corpus")), files(FixDir + "expected-safe"));
  EXPECT_EQ(modified(path("corpus/clean.sales")), cleanBefore) << "a file with nothing to fix "
                                                                  "was written";

  RunResult again = inDir("check --fix corpus");
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("salesc: nothing fixed; 2 problems remain\n"), std::string::npos)
      << again.err;
  EXPECT_EQ(files(path("corpus")), files(FixDir + "expected-safe"));

  RunResult all = inDir("check --fix --unsafe-fixes corpus");
  EXPECT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(all.err, "salesc: fixed 2 problems in 2 files; 0 problems remain\n");
  EXPECT_EQ(files(path("corpus")), files(FixDir + "expected-all"));
  RunResult check = inDir("check corpus");
  EXPECT_EQ(check.status, 0);
  EXPECT_EQ(check.err, "") << "the fixed corpus is not clean";
  RunResult last = inDir("check --fix --unsafe-fixes corpus");
  EXPECT_EQ(last.err, "salesc: nothing fixed; 0 problems remain\n");
  EXPECT_EQ(files(path("corpus")), files(FixDir + "expected-all"));
}

TEST_F(Fix, TheDiffIsWhatFixWritesAndChangesNothing) {
  llvm::ErrorOr<std::string> patch = llvm::sys::findProgramByName("patch");
  if (!patch)
    GTEST_SKIP() << "no 'patch' program to apply the diff with";
  copyCorpus();
  RunResult diff = inDir("check --diff --unsafe-fixes corpus");
  EXPECT_EQ(diff.status, 1) << "the files as they are have errors";
  EXPECT_EQ(diff.err, "salesc: --fix would fix 15 problems in 4 files; 0 problems would remain\n");
  EXPECT_EQ(files(path("corpus")), files(FixDir + "corpus")) << "--diff changed a file";
  write("fix.diff", diff.out);
  RunResult applied = shell("cd \"$DIR\" && patch -s -p0 -i fix.diff");
  EXPECT_EQ(applied.status, 0) << applied.err << diff.out;
  EXPECT_EQ(files(path("corpus")), files(FixDir + "expected-all"));
  EXPECT_EQ(inDir("check --diff corpus").out, "");
}

TEST_F(Fix, AFileWhoseFixesWouldAddAnErrorIsLeftAlone) {
  const char* text = "process p {\n"
                     "  value 100 usd;\n"
                     "  stage a { next b 50%; next bb 20%; }\n"
                     "  stage b { next won 40%; }\n"
                     "  won won;\n"
                     "  lost lost;\n"
                     "}\n";
  std::string file = write("twice.sales", text);
  RunResult r = run({"check", "--fix", "--unsafe-fixes", file});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("salesc: '" + file +
                       "' is left as it was: its fixes would add an error at line 3: a second "
                       "'next' line to 'b'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read(file), text);
  // Its safe fix alone adds no error.
  RunResult safe = run({"check", "--fix", file});
  EXPECT_NE(read(file).find("value 100 USD;"), std::string::npos) << safe.err;
}

TEST_F(Fix, AReadOnlyFileIsAnErrorAndStaysAsItIs) {
  std::string file = write("locked.sales", "process p {\n  value 5 usd;\n  stage a { next won "
                                           "40%; }\n  won won;\n  lost lost;\n}\n");
  std::string before = read(file);
  ASSERT_EQ(::chmod(file.c_str(), 0444), 0);
  RunResult r = run({"check", "--fix", file});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("salesc: error: cannot fix '" + file + "': the file is read-only\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read(file), before);
  // --diff writes nothing: read-only does not matter.
  EXPECT_NE(run({"check", "--diff", file}).out.find("+  value 5 USD;"), std::string::npos);
}

TEST_F(Fix, ALinkIsFixedThroughAndTheFileKeepsItsPermissions) {
  std::string real = write("real.sales", "process p {\n  value 5 usd;\n  stage a { next won "
                                         "40%; }\n  won won;\n  lost lost;\n}\n");
  ASSERT_EQ(::chmod(real.c_str(), 0600), 0);
  std::string link = path("link.sales");
  ASSERT_FALSE(llvm::sys::fs::create_link("real.sales", link));
  RunResult r = run({"check", "--fix", link});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(read(real).find("value 5 USD;"), std::string::npos);
  llvm::sys::fs::file_status st;
  ASSERT_FALSE(llvm::sys::fs::status(link, st, /*follow=*/false));
  EXPECT_EQ(st.type(), llvm::sys::fs::file_type::symlink_file);
  ASSERT_FALSE(llvm::sys::fs::status(real, st));
  EXPECT_EQ(st.permissions(), llvm::sys::fs::perms(0600));
}

TEST_F(Fix, StandardInputIsPrintedFixed) {
  write("in.sales", "process p {\n  value 5 usd;\n  stage a { time 2 hrs; next won 40%; }\n"
                    "  won won;\n  lost lost;\n}\n");
  RunResult r = inDir("check --fix --stdin-filename=p.sales - < in.sales");
  EXPECT_EQ(r.status, 0) << r.err;
  const char* fixed = "process p {\n  value 5 USD;\n  stage a { time 2 hours; next won 40%; }\n"
                      "  won won;\n  lost lost;\n}\n";
  EXPECT_EQ(r.out, fixed);
  EXPECT_EQ(r.err, "salesc: fixed 2 problems in 1 file; 0 problems remain\n");
  EXPECT_NE(read(path("in.sales")).find("usd"), std::string::npos) << "in.sales was written";
  // Nothing to fix: the text as it came.
  write("fixed.sales", fixed);
  RunResult same = inDir("check --fix - < fixed.sales");
  EXPECT_EQ(same.status, 0);
  EXPECT_EQ(same.out, fixed);
  RunResult json = inDir("check --fix --format=json - < in.sales");
  EXPECT_EQ(json.status, 2);
  EXPECT_NE(json.err.find("--fix prints the fixed standard input on stdout"), std::string::npos);
}

} // namespace
