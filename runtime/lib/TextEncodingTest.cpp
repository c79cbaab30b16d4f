//===- TextEncodingTest.cpp - UTF-16 and Windows-1252 exports read as UTF-8 ===//
#include "salesc/runtime/TextEncoding.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

/// `utf8` (ASCII and the BMP) as UTF-16 bytes, with a byte order mark when asked.
std::string utf16(const std::u16string& text, bool little, bool mark) {
  std::string out;
  auto put = [&](char16_t c) {
    const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
    out += little ? std::string{lo, hi} : std::string{hi, lo};
  };
  if (mark)
    put(0xFEFF);
  for (char16_t c : text)
    put(c);
  return out;
}

TEST(TextEncodingTest, Utf8IsLeftAsItIs) {
  EXPECT_EQ(detectEncoding("deal,stage\nA,Démo\n"), TextEncoding::Utf8);
  EXPECT_EQ(detectEncoding("\xEF\xBB\xBF"
                           "deal,stage\n"),
            TextEncoding::Utf8);
  EXPECT_EQ(detectEncoding(""), TextEncoding::Utf8);
  auto scan = [](llvm::StringRef s) {
    const Utf8Scan u = scanUtf8(s);
    return std::make_pair(u.sequences, u.invalid);
  };
  EXPECT_EQ(scan("plain ASCII, longer than eight bytes, then \xE2\x82\xAC and \xC2\xA3"),
            std::make_pair(size_t(2), size_t(0)));
  EXPECT_EQ(scan("a pound in Windows-1252: \xA3"), std::make_pair(size_t(0), size_t(1)));
  EXPECT_EQ(scan("a sequence cut short: \xE2\x82"), std::make_pair(size_t(0), size_t(2)));
  EXPECT_EQ(scan("an overlong slash: \xC0\xAF"), std::make_pair(size_t(0), size_t(2)));
  // UTF-8 with a stray bad byte stays UTF-8: its accents are not misread.
  EXPECT_EQ(detectEncoding("deal,stage\nA,D\xC3\xA9mo\nB,\xFF\n"), TextEncoding::Utf8);
}

// Excel's "Unicode text": UTF-16 little-endian with a mark and tabs; without a mark, and
// big-endian, it is still found by the NULs of its ASCII header.
TEST(TextEncodingTest, Utf16WithAndWithoutAMark) {
  const std::u16string text = u"OpportunityId\tStageName\tAmount\n006A\tDémo\t\u00a312\n";
  const std::string expected = "OpportunityId\tStageName\tAmount\n006A\tD\xC3\xA9mo\t\xC2\xA3"
                               "12\n";
  for (bool little : {true, false})
    for (bool mark : {true, false}) {
      const std::string bytes = utf16(text, little, mark);
      const TextEncoding e = detectEncoding(bytes);
      EXPECT_EQ(e, little ? TextEncoding::Utf16LE : TextEncoding::Utf16BE) << little << mark;
      std::optional<std::string> got = decodeToUtf8(bytes, e);
      ASSERT_TRUE(got);
      EXPECT_EQ(*got, expected);
    }
  // An unpaired surrogate, an odd length: not UTF-16.
  EXPECT_FALSE(decodeToUtf8(utf16(u"ab\xD800"
                                  u"cd",
                                  true, true),
                            TextEncoding::Utf16LE));
  EXPECT_FALSE(decodeToUtf8("\xFF\xFE"
                            "a",
                            TextEncoding::Utf16LE));
}

// Salesforce's Data Loader writes Windows-1252: the pound sign, the euro sign (0x80) and
// curly quotes (0x93, 0x94) become their UTF-8; an unassigned byte U+FFFD.
TEST(TextEncodingTest, Windows1252) {
  const std::string bytes = "Id,Amount,Note\n1,\xA3"
                            "12,\x93Ok\x94 \x80 \x81\n";
  EXPECT_EQ(detectEncoding(bytes), TextEncoding::Windows1252);
  EXPECT_EQ(decodeToUtf8(bytes, TextEncoding::Windows1252),
            "Id,Amount,Note\n1,\xC2\xA3"
            "12,\xE2\x80\x9COk\xE2\x80\x9D \xE2\x82\xAC \xEF\xBF\xBD\n");
  EXPECT_STREQ(encodingName(TextEncoding::Windows1252), "Windows-1252");
}

} // namespace
} // namespace salesc::rt
