//===- UnifiedDiffTest.cpp - The unified diff of two versions of a file ---===//
#include "UnifiedDiff.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>
#include <random>

namespace salesc::fix {
namespace {

TEST(UnifiedDiff, EqualTextsHaveNone) {
  EXPECT_EQ(unifiedDiff("a", "x\ny\n", "x\ny\n"), "");
}

TEST(UnifiedDiff, OneChangedLineWithItsContext) {
  EXPECT_EQ(unifiedDiff("p.sales", "1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nfive\n6\n7\n8\n"),
            "--- p.sales\n+++ p.sales\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, ChangesCloseTogetherShareAHunkFarApartDoNot) {
  std::string a, b, c;
  for (int i = 1; i <= 20; ++i) {
    a += std::to_string(i) + "\n";
    b += (i == 2 || i == 8 ? "x" : std::to_string(i)) + "\n";  // 5 lines apart: one hunk
    c += (i == 2 || i == 17 ? "x" : std::to_string(i)) + "\n"; // 14 apart: two hunks
  }
  EXPECT_EQ(unifiedDiff("f", a, b), "--- f\n+++ f\n@@ -1,11 +1,11 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
                                    " 6\n 7\n-8\n+x\n 9\n 10\n 11\n");
  EXPECT_EQ(unifiedDiff("f", a, c), "--- f\n+++ f\n@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
                                    "@@ -14,7 +14,7 @@\n 14\n 15\n 16\n-17\n+x\n 18\n 19\n 20\n");
}

TEST(UnifiedDiff, InsertionsDeletionsAndMissingNewlines) {
  EXPECT_EQ(unifiedDiff("f", "", "a\n"), "--- f\n+++ f\n@@ -0,0 +1 @@\n+a\n");
  EXPECT_EQ(unifiedDiff("f", "a\nb\n", "a\n"), "--- f\n+++ f\n@@ -1,2 +1 @@\n a\n-b\n");
  EXPECT_EQ(unifiedDiff("f", "a\nb", "a\nc"), "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n"
                                              "\\ No newline at end of file\n+c\n"
                                              "\\ No newline at end of file\n");
  EXPECT_EQ(unifiedDiff("f", "a\nb", "a\nb\n"), "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n"
                                                "\\ No newline at end of file\n+b\n");
}

TEST(UnifiedDiff, AddedLinesAreTheLinesAnEditWrote) {
  EXPECT_EQ(addedLines("a\nb\nc\n", "a\nB\nc\nd\n"), (std::vector<size_t>{2, 4}));
  EXPECT_EQ(addedLines("a\nb\n", "b\n"), std::vector<size_t>{});
}

/// A random text of lines drawn from a few, so that many are equal.
std::string randomText(std::mt19937& rng) {
  static const char* words[] = {"stage a {", "}", "next b 40%;", "time 3 days;", ""};
  std::string out;
  int n = rng() % 30;
  for (int i = 0; i < n; ++i)
    out += std::string(words[rng() % 5]) + "\n";
  if (!out.empty() && rng() % 4 == 0)
    out.pop_back(); // no newline at the end
  return out;
}

// GNU patch applies every diff and gives back the second text exactly.
TEST(UnifiedDiff, PatchAppliesItExactly) {
  llvm::ErrorOr<std::string> patch = llvm::sys::findProgramByName("patch");
  if (!patch)
    GTEST_SKIP() << "no 'patch' program to apply the diffs with";
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("salesc-diff", dir));
  std::mt19937 rng(7);
  for (int round = 0; round < 60; ++round) {
    std::string before = randomText(rng), after = randomText(rng);
    std::string diff = unifiedDiff("f.sales", before, after);
    if (diff.empty()) {
      EXPECT_EQ(before, after);
      continue;
    }
    auto write = [&](llvm::StringRef name, llvm::StringRef text) {
      llvm::SmallString<128> p(dir);
      llvm::sys::path::append(p, name);
      std::error_code ec;
      llvm::raw_fd_ostream os(p, ec);
      os << text;
      return std::string(p);
    };
    std::string file = write("f.sales", before), patchFile = write("d.patch", diff);
    llvm::StringRef args[] = {*patch, "-s", "-p0", "-d", dir, "-i", patchFile};
    ASSERT_EQ(llvm::sys::ExecuteAndWait(*patch, args), 0) << diff;
    auto result = llvm::MemoryBuffer::getFile(file);
    ASSERT_TRUE(bool(result));
    EXPECT_EQ((*result)->getBuffer(), after) << diff;
  }
  llvm::sys::fs::remove_directories(dir);
}

} // namespace
} // namespace salesc::fix
