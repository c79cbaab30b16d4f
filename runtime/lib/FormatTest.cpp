//===- FormatTest.cpp - Figures as people read them ------------------------===//
#include "salesc/runtime/Format.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

TEST(FormatTest, PercentRoundsToItsPrecision) {
  EXPECT_EQ(percent(0.6), "60%");
  EXPECT_EQ(percent(0.125), "12.5%");
  EXPECT_EQ(percent(0.0565), "5.65%");
  EXPECT_EQ(percent(0.14364), "14.4%");
  EXPECT_EQ(percent(0), "0%");
}

// 0.9 x 0.7 x 0.95 is 59.85% by hand, but 0.59849999999999992 in a double: shown as the
// writer works it out, 59.9%, not a digit short; halves round away from zero.
TEST(FormatTest, ProductsOfWrittenSharesRoundAsWorkedByHand) {
  double product = 0.9 * 0.7 * 0.95;
  ASSERT_LT(product, 0.5985); // the premise: the double is below the decimal value
  EXPECT_EQ(percent(product), "59.9%");
  EXPECT_EQ(percent(0.4 * 0.6 * product), "14.4%");
  EXPECT_EQ(formatDecimal(0.1 * 3 * 100 + 0.005), "30.01"); // 30.005 rounds half up
  EXPECT_EQ(formatDecimal(1.005), "1.01");                  // 1.00499999999999989...
  EXPECT_EQ(formatDecimal(0.125), "0.13");                  // an exact half, away from zero
  EXPECT_EQ(formatDecimal(-2.675), "-2.68");
  EXPECT_EQ(formatDecimal(30.00499), "30");
}

// A figure near 100% or 0% keeps the digits that tell it from them: the decimals grow
// until the text is not "100%" (or "0%"), and past six decimals it becomes a bound.
TEST(FormatTest, PercentNeverRoundsOntoZeroOrAHundred) {
  EXPECT_EQ(percent(0.9997), "99.97%");        // 1 decimal: 100.0; 2: 99.97
  EXPECT_EQ(percent(0.99995), "99.995%");      // 2 decimals: 100.00; 3: 99.995
  EXPECT_EQ(percent(0.9996), "99.96%");        // not 100.0: 99.96 rounds to 100.0 at one decimal
  EXPECT_EQ(percent(0.999), "99.9%");          // one decimal is enough
  EXPECT_EQ(percent(0.00004), "0.004%");       // 0.00 at two decimals
  EXPECT_EQ(percent(0.0000000004), ">0%");     // 4e-8 %: 0.000000 at six decimals
  EXPECT_EQ(percent(1 - 1e-10), "<100%");      // 99.99999999%
  EXPECT_EQ(percent(1.0000001), "100.00001%"); // an ROI just past 100%
  EXPECT_EQ(percent(-0.00001), "-0.001%");
  EXPECT_EQ(percent(1), "100%");
  EXPECT_EQ(percent(1 - 1e-16), "100%"); // a double's last bit is not a figure
}

// A value set beside a target it misses never prints as the target.
TEST(FormatTest, PercentBesideATargetItMissesDiffers) {
  EXPECT_EQ(percentBeside(0.9996, 0.9997), "99.96%");
  EXPECT_EQ(percentBeside(0.05649, 0.0565), "5.649%"); // percent(): 5.65%
  EXPECT_EQ(percentBeside(0.0565, 0.0565), "5.65%");   // equal: as percent() says it
  EXPECT_EQ(percentBeside(0.0565, 0.05), "5.65%");
  EXPECT_EQ(percentBeside(0.0565 - 1e-12, 0.0565), "<5.65%");
}

TEST(FormatTest, CountsAndMoneyGroupThousands) {
  EXPECT_EQ(formatCount(0), "0");
  EXPECT_EQ(formatCount(912), "912");
  EXPECT_EQ(formatCount(1000), "1,000");
  EXPECT_EQ(formatCount(20000), "20,000");
  EXPECT_EQ(formatCount(1234567), "1,234,567");
  EXPECT_EQ(formatCount(18446744073709551615ull), "18,446,744,073,709,551,615");
  EXPECT_EQ(formatMoney(1990532, "EUR"), "1,990,532 EUR");
  EXPECT_EQ(formatMoney(-2013.16, "USD"), "-2,013.16 USD");
  EXPECT_EQ(formatMoney(999.999, ""), "1,000");
}

// The unit agrees with the figure as shown.
TEST(FormatTest, DaysAgreeWithTheFigureShown) {
  EXPECT_EQ(days(1), "1 day");
  EXPECT_EQ(days(1.002), "1 day"); // 1.00: not "1 days"
  EXPECT_EQ(days(1.006), "1.01 days");
  EXPECT_EQ(days(2), "2 days");
  EXPECT_EQ(days(1.0 / 24), "1 hour");
  EXPECT_EQ(days(1.0001 / 24), "1 hour");
  EXPECT_EQ(days(0.25), "6 hours");
}

TEST(FormatTest, DecimalKeepsAtMostTwoPlaces) {
  EXPECT_EQ(formatDecimal(25.667), "25.67");
  EXPECT_EQ(formatDecimal(10.5), "10.5");
  EXPECT_EQ(formatDecimal(-0.001), "0");
  EXPECT_EQ(formatDecimal(std::numeric_limits<double>::infinity()), "");
}

} // namespace
} // namespace salesc::rt
