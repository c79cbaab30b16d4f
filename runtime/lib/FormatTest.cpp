//===- FormatTest.cpp - Figures as people read them ------------------------===//
#include "salesc/runtime/Format.h"

#include <gtest/gtest.h>

#include <limits>

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

TEST(FormatTest, CountedNounsArePluralButForOne) {
  EXPECT_EQ(counted(0, "deal"), "0 deals");
  EXPECT_EQ(counted(1, "deal"), "1 deal");
  EXPECT_EQ(counted(2, "event"), "2 events");
}

// Under 0.1%, two significant digits: 0.005% is not doubled to "0.01%".
TEST(FormatTest, SmallPercentagesKeepTwoSignificantDigits) {
  EXPECT_EQ(percent(0.00005), "0.005%");
  EXPECT_EQ(percent(0.000123), "0.012%");
  EXPECT_EQ(percent(0.000999), "0.1%"); // 0.0999 at two digits: 0.100
  EXPECT_EQ(percent(0.001), "0.1%");
  EXPECT_EQ(percent(0.00123), "0.12%"); // from 0.1%: two decimals
  EXPECT_EQ(percent(-0.00005), "-0.005%");
  EXPECT_EQ(percent(0.0000001234), "0.000012%");
  EXPECT_EQ(percent(std::numeric_limits<double>::quiet_NaN()), "nan%"); // no share: as before
  EXPECT_EQ(percent(std::numeric_limits<double>::infinity()), "inf%");
}

// A target reads as its author wrote it.
TEST(FormatTest, TargetsReadAsWritten) {
  EXPECT_EQ(percentTarget(0.00005), "0.005%");
  EXPECT_EQ(percentTarget(0.9998), "99.98%");
  EXPECT_EQ(percentTarget(0.05), "5%");
  EXPECT_EQ(percentTarget(1.5), "150%"); // an ROI target
  EXPECT_EQ(percentAgainst(0.3, std::nullopt).target, "");
  EXPECT_EQ(percentAgainst(0.3, std::nullopt).figure, "30%");
}

// A figure held against a target never reads as on it, nor on its other side, when it
// misses (or beats) it by more than TargetTolerance. Worked by hand in percent.
TEST(FormatTest, AFigureAgainstItsTargetKeepsItsSide) {
  // 4.9996 against 5: "5.00" and "5.000" read as met; four decimals say 4.9996.
  PercentAgainst mid = percentAgainst(0.049996, 0.05);
  EXPECT_EQ(mid.figure, "4.9996%");
  EXPECT_EQ(mid.target, "5%");
  // 0.2% x 0.2% = 0.0004 against 0.005: "0.00" and "0.000" read as 0; then 0.0004.
  PercentAgainst low = percentAgainst(0.002 * 0.002, 0.00005);
  EXPECT_EQ(low.figure, "0.0004%");
  EXPECT_EQ(low.target, "0.005%");
  EXPECT_EQ(percent(0.002 * 0.002), "0.0004%");
  // 99.99% x 99.98% = 99.970002 against 99.98: "100.0" reads as 100; 99.97 is below.
  PercentAgainst high = percentAgainst(0.9999 * 0.9998, 0.9998);
  EXPECT_EQ(high.figure, "99.97%");
  EXPECT_EQ(high.target, "99.98%");
  // 4.9948 meets 4.9945, but "4.99" reads below it: "4.995" is above, and honest.
  EXPECT_EQ(percentAgainst(0.049948, 0.049945).figure, "4.995%");
  // 4.9942 misses 4.9945, "4.99" says so already.
  EXPECT_EQ(percentAgainst(0.049942, 0.049945).figure, "4.99%");
  // Beating it by 0.0004 points is not being on it.
  EXPECT_EQ(percentAgainst(0.050004, 0.05).figure, "5.0004%");
  EXPECT_EQ(percentAgainst(0.9996, 0.9997).figure, "99.96%");
  EXPECT_EQ(percentAgainst(0.05649, 0.0565).figure, "5.649%"); // percent(): 5.65%
  EXPECT_EQ(percentAgainst(0.0565, 0.0565).figure, "5.65%");   // equal: as percent() says it
  EXPECT_EQ(percentAgainst(0.0565, 0.05).figure, "5.65%");
  // Within TargetTolerance the analysis says met, and the figure may read as the target.
  EXPECT_EQ(percentAgainst(0.0565 - 1e-12, 0.0565).figure, "5.65%");
  // 4.9999998: six decimals still read 5, so the text says what is known: below 5%.
  EXPECT_EQ(percentAgainst(0.05 - 2e-9, 0.05).figure, "<5%");
  EXPECT_EQ(percentAgainst(0.05 + 2e-9, 0.05).figure, ">5%");
}

// A rate shown as a factor multiplies to the product shown beside it, in money.
TEST(FormatTest, AFactorMultipliesToTheProductShown) {
  // 1,000 x 1/3 = 333.33; 33.3% gives 333 and 33.33% gives 333.30; 33.333% gives 333.33.
  EXPECT_EQ(percent(1.0 / 3), "33.3%");
  EXPECT_EQ(percentFactor(1.0 / 3, 1000), "33.333%");
  // 1,000 x 4.9996% = 49.996, 50 USD, as 1,000 x 5% is: the product alone allows "5%"...
  EXPECT_EQ(percentFactor(0.049996, 1000), "5%");
  // ...the target 5% beside it does not.
  EXPECT_EQ(percentFactor(0.049996, 1000, 0.05), "4.9996%");
  EXPECT_EQ(percentFactor(0.25, 1000, 0.2), "25%");
  // 10^12 x 1/3 needs eleven decimals: past six the text says it is rounded.
  EXPECT_EQ(percentFactor(1.0 / 3, 1e12), "~33.333333%");
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

// Money under half a cent keeps two significant digits rather than reading as nothing.
TEST(FormatTest, MoneyUnderACentIsNotZero) {
  EXPECT_EQ(formatMoney(0, "USD"), "0 USD");
  EXPECT_EQ(formatMoney(0.004, "USD"), "0.004 USD");
  EXPECT_EQ(formatMoney(-0.00046, ""), "-0.00046");
  EXPECT_EQ(formatMoney(0.0049, "EUR"), "0.0049 EUR");
  EXPECT_EQ(formatMoney(0.005, "EUR"), "0.01 EUR"); // half a cent rounds to one
  EXPECT_EQ(formatMoney(1e-12, ""), "1e-12");
  // The factor beside it gains digits until its product is the money shown.
  EXPECT_EQ(formatMoney(1000 * 0.000004, "USD"), "0.004 USD");
  EXPECT_EQ(percentFactor(0.000004, 1000), "0.0004%");
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
