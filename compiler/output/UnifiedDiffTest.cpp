//===- UnifiedDiffTest.cpp - Unified diffs: exact output and minimal, correct scripts ===//
#include "output/UnifiedDiff.h"

#include "llvm/ADT/SmallVector.h"

#include <gtest/gtest.h>
#include <random>

namespace salesc::output {
namespace {

TEST(UnifiedDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(unifiedDiff("a\nb\n", "a\nb\n", "x", "y"), "");
  EXPECT_EQ(unifiedDiff("", "", "x", "y"), "");
}

// The expected texts are what GNU diff 3.8 (`diff -u --label x --label y`) prints.
TEST(UnifiedDiff, IsWhatGnuDiffPrints) {
  EXPECT_EQ(unifiedDiff("a\nb\nc\n", "a\nB\nc\n", "x", "y"),
            "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  EXPECT_EQ(unifiedDiff("", "a\n", "x", "y"), "--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n");
  EXPECT_EQ(unifiedDiff("a\n", "", "x", "y"), "--- x\n+++ y\n@@ -1 +0,0 @@\n-a\n");
  EXPECT_EQ(unifiedDiff("a\nb", "a\nb\n", "x", "y"),
            "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
  // Two changes 7 lines apart make two hunks; 6 apart, one.
  EXPECT_EQ(
      unifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "X\n2\n3\n4\n5\n6\n7\n8\nY\n", "x", "y"),
      "--- x\n+++ y\n@@ -1,4 +1,4 @@\n-1\n+X\n 2\n 3\n 4\n@@ -6,4 +6,4 @@\n 6\n 7\n 8\n-9\n+Y\n");
  EXPECT_EQ(unifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n", "X\n2\n3\n4\n5\n6\n7\nY\n", "x", "y"),
            "--- x\n+++ y\n@@ -1,8 +1,8 @@\n-1\n+X\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+Y\n");
  // An insertion after line 5, far from the start.
  EXPECT_EQ(
      unifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\n5\nnew\n6\n7\n8\n9\n", "x", "y", 0),
      "--- x\n+++ y\n@@ -5,0 +6 @@\n+new\n");
}

/// `before` with the hunks of `diff` applied, as patch would (texts that end in a newline).
std::string patched(llvm::StringRef before, llvm::StringRef diff) {
  llvm::SmallVector<llvm::StringRef, 16> in, lines;
  before.split(in, '\n');
  in.pop_back(); // after the last newline
  diff.split(lines, '\n');
  std::string out;
  size_t next = 0; // the next line of `in` not yet copied
  for (size_t i = 2; i < lines.size(); ++i) {
    llvm::StringRef l = lines[i];
    if (l.startswith("@@ -")) {
      auto [start, count] = l.substr(4, l.find(' ', 4) - 4).split(',');
      size_t first = std::stoul(start.str());
      if (count != "0")
        --first; // a range names its first line, an empty one the line before it
      for (; next < first; ++next)
        out += in[next].str() + "\n";
    } else if (l.startswith(" ") || l.startswith("-")) {
      if (l[0] == ' ')
        out += l.drop_front().str() + "\n";
      ++next;
    } else if (l.startswith("+")) {
      out += l.drop_front().str() + "\n";
    }
  }
  for (; next < in.size(); ++next)
    out += in[next].str() + "\n";
  return out;
}

/// The length of the longest common subsequence of the lines (dynamic programming).
size_t lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : std::max(t[i + 1][j], t[i][j + 1]);
  return t[0][0];
}

TEST(UnifiedDiff, RandomTextsGetAMinimalDiffThatTurnsOneIntoTheOther) {
  std::mt19937 rng(12);
  for (int round = 0; round < 500; ++round) {
    auto randomLines = [&] {
      std::vector<std::string> v(rng() % 30);
      for (std::string& s : v)
        s = std::string(1, static_cast<char>('a' + rng() % 4));
      return v;
    };
    std::vector<std::string> a = randomLines(), b = randomLines();
    std::string before, after;
    for (const std::string& s : a)
      before += s + "\n";
    for (const std::string& s : b)
      after += s + "\n";
    std::string d = unifiedDiff(before, after, "x", "y", rng() % 4);
    ASSERT_EQ(patched(before, d), after) << before << "--\n" << after << "--\n" << d;
    size_t changed = 0;
    llvm::SmallVector<llvm::StringRef, 16> lines;
    llvm::StringRef(d).split(lines, '\n');
    for (size_t i = 2; i < lines.size(); ++i)
      changed += lines[i].startswith("-") || lines[i].startswith("+");
    EXPECT_EQ(changed, a.size() + b.size() - 2 * lcs(a, b)) << d;
  }
}

} // namespace
} // namespace salesc::output
