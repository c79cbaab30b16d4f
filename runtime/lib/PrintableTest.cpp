//===- PrintableTest.cpp - Text from outside, made safe to show -----------===//
#include "salesc/runtime/Printable.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

TEST(PrintableTest, ControlCharactersAreTheC0AndC1SetsDelAndFffe) {
  EXPECT_EQ(controlCharacterLength("\x1b[31m"), 1u);
  EXPECT_EQ(controlCharacterLength(llvm::StringRef("\0a", 2)), 1u);
  EXPECT_EQ(controlCharacterLength("\x7f"), 1u);
  EXPECT_EQ(controlCharacterLength("\xC2\x9B"
                                   "31m"),
            2u)
      << "U+009B, a CSI of its own";
  EXPECT_EQ(controlCharacterLength("\xC2\x80"), 2u);
  EXPECT_EQ(controlCharacterLength("\xC2\xA0"), 0u) << "a no-break space is text";
  EXPECT_EQ(controlCharacterLength("\xEF\xBF\xBE"), 3u);
  for (const char* text : {"\t", "\n", "\r", "a", "\xC3\xA9", ""})
    EXPECT_EQ(controlCharacterLength(text), 0u) << text;
}

TEST(PrintableTest, Utf8LengthRefusesWhatIsNotUtf8) {
  EXPECT_EQ(utf8Length("a"), 1u);
  EXPECT_EQ(utf8Length("\xC3\xA9"), 2u);
  EXPECT_EQ(utf8Length("\xE2\x80\x9C"), 3u);
  EXPECT_EQ(utf8Length("\xF0\x9F\x98\x80"), 4u);
  EXPECT_EQ(utf8Length("\xFF"), 0u);
  EXPECT_EQ(utf8Length("\xC3"), 0u) << "cut";
  EXPECT_EQ(utf8Length("\xC0\xAF"), 0u) << "overlong '/'";
  EXPECT_EQ(utf8Length("\xE0\x80\xAF"), 0u) << "overlong";
  EXPECT_EQ(utf8Length("\xED\xA0\x80"), 0u) << "a surrogate";
  EXPECT_EQ(utf8Length("\xF4\x90\x80\x80"), 0u) << "above U+10FFFF";
  EXPECT_EQ(utf8Length("\x80"), 0u) << "a continuation byte alone";
}

TEST(PrintableTest, EscapesWhatATerminalWouldActOnAndKeepsTheRest) {
  EXPECT_EQ(printable("D-1\x1b[2J"), "D-1\\x1B[2J");
  EXPECT_EQ(printable("a\tb\nc\rd"), "a\\x09b\\x0Ac\\x0Dd");
  EXPECT_EQ(printable("\xC2\x9B"
                      "1m"),
            "\\xC2\\x9B1m");
  EXPECT_EQ(printable("caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D"),
            "caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D");
  EXPECT_EQ(printable("id\xFF\xFE"
                      "x"),
            "id\\xFF\\xFEx");
  EXPECT_EQ(printable(llvm::StringRef("a\0b", 3)), "a\\x00b");
}

TEST(PrintableTest, LongTextIsCutAfterItsCharactersNotItsBytes) {
  EXPECT_EQ(printable("abcdef", 3), "abc...");
  EXPECT_EQ(printable("abc", 3), "abc");
  EXPECT_EQ(printable("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 2), "\xC3\xA9\xC3\xA9...");
  std::string huge(100'000'000, 'x');
  EXPECT_EQ(quote(huge), "'" + std::string(80, 'x') + "...' (100000000 bytes)");
  EXPECT_EQ(quote("D-17"), "'D-17'");
  EXPECT_EQ(quote("wait..."), "'wait...'") << "a text of its own that ends in dots is not cut";
}

} // namespace
} // namespace salesc::rt
