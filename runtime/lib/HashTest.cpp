//===- HashTest.cpp - headBytes and hashBytes ------------------------------===//
#include "Hash.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <unordered_set>

namespace salesc::rt {
namespace {

// headBytes is the zero-padded copy of the first 8 bytes, whatever the length.
TEST(HashTest, HeadBytesIsTheZeroPaddedHead) {
  const std::string text = "ABCDEFGHIJ";
  for (size_t n = 0; n <= text.size(); ++n) {
    SCOPED_TRACE(n);
    uint64_t expected = 0;
    std::memcpy(&expected, text.data(), std::min<size_t>(n, 8));
    EXPECT_EQ(headBytes(llvm::StringRef(text.data(), n)), expected);
  }
}

// The hash depends on the bytes and the length only (not where they are), and tells apart
// strings that differ in any byte or only in length (a zero byte at the end).
TEST(HashTest, HashDependsOnEveryByteAndTheLength) {
  std::unordered_set<uint64_t> seen;
  std::string base = "D0123456789abcdefXYZ";
  for (size_t n = 0; n <= base.size(); ++n) {
    const std::string s = base.substr(0, n), copy = " " + s;
    EXPECT_EQ(hashBytes(s), hashBytes(llvm::StringRef(copy).drop_front()));
    EXPECT_TRUE(seen.insert(hashBytes(s)).second) << n;
    for (size_t i = 0; i < n; ++i) {
      std::string t = s;
      t[i] ^= 1;
      EXPECT_NE(hashBytes(t), hashBytes(s)) << n << " " << i;
    }
    EXPECT_NE(hashBytes(s + std::string(1, '\0')), hashBytes(s)) << n;
  }
}

} // namespace
} // namespace salesc::rt
