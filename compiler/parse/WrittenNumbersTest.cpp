//===- WrittenNumbersTest.cpp - Numbers as documents write them, read ------===//
#include "WrittenNumbers.h"

#include <gtest/gtest.h>

namespace salesc::parse {
namespace {

void expectRead(llvm::StringRef text, double value, llvm::StringRef canonical, bool certain) {
  WrittenNumber w = readWrittenNumber(text);
  EXPECT_DOUBLE_EQ(w.value, value) << text.str();
  EXPECT_EQ(w.canonical, canonical.str()) << text.str();
  EXPECT_EQ(w.certain, certain) << text.str();
}

TEST(WrittenNumbersTest, NumbersAsSalescWritesThemAreLeftAlone) {
  for (llvm::StringRef n : {"3", "12.5", "15_000", "1_000_000.25"}) {
    WrittenNumber w = readWrittenNumber(n);
    EXPECT_EQ(w.canonical, n.str());
    EXPECT_TRUE(w.why.empty()) << w.why;
    EXPECT_TRUE(w.certain);
  }
}

TEST(WrittenNumbersTest, ThousandsSeparatorsAndDecimalCommas) {
  expectRead("1,350,000", 1350000, "1_350_000", true);
  expectRead("1.350.000", 1350000, "1_350_000", true);
  expectRead("1 350 000", 1350000, "1_350_000", true);
  expectRead("1\xC2\xA0"
             "350",
             1350, "1_350", true); // a no-break space is never a decimal mark
  expectRead("1,350,000.50", 1350000.5, "1_350_000.50", true);
  expectRead("1.350.000,50", 1350000.5, "1_350_000.50", true);
  expectRead("1 350,5", 1350.5, "1_350.5", true);
  expectRead("12,5", 12.5, "12.5", true);
  expectRead("12,50", 12.5, "12.50", true);
  // One comma before three digits: thousands or decimals, so a guess.
  expectRead("1,350", 1350, "1_350", false);
  EXPECT_NE(readWrittenNumber("1,350").why.find("write 1.350"), std::string::npos);
  // Groups that are not of three digits (1,35,000 as written in India): a guess too.
  expectRead("1,35,000", 135000, "1_35_000", false);
}

TEST(WrittenNumbersTest, ScalesAreExact) {
  EXPECT_EQ(scaleNumber("48", 6), "48_000_000");
  EXPECT_EQ(scaleNumber("1.5", 6), "1_500_000");
  EXPECT_EQ(scaleNumber("2.25", 3), "2_250");
  EXPECT_EQ(scaleNumber("1.2345", 3), "1_234.5");
  EXPECT_EQ(scaleNumber("0.55", 2), "55");
  EXPECT_EQ(scaleNumber("0.125", 2), "12.5");
  EXPECT_EQ(scaleNumber("1_350.5", 3), "1_350_500");
  EXPECT_EQ(scaleWord("k"), 3u);
  EXPECT_EQ(scaleWord("M"), 6u);
  EXPECT_EQ(scaleWord("million"), 6u);
  EXPECT_EQ(scaleWord("bn"), 9u);
  EXPECT_FALSE(scaleWord("EUR"));
}

TEST(WrittenNumbersTest, CurrencySignsNameTheirCodeAndSayWhenTheyNameSeveral) {
  EXPECT_EQ(currencySign("\xE2\x82\xAC")->code, "EUR");
  EXPECT_TRUE(currencySign("\xE2\x82\xAC")->others.empty());
  EXPECT_EQ(currencySign("$")->code, "USD");
  EXPECT_FALSE(currencySign("$")->others.empty());
  EXPECT_EQ(currencySign("US$")->code, "USD");
  EXPECT_TRUE(currencySign("US$")->others.empty());
  EXPECT_EQ(currencySign("\xC2\xA5")->others, "CNY");
  EXPECT_FALSE(currencySign("#"));
}

} // namespace
} // namespace salesc::parse
