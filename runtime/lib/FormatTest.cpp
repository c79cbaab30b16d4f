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

TEST(FormatTest, DecimalKeepsAtMostTwoPlaces) {
  EXPECT_EQ(formatDecimal(25.667), "25.67");
  EXPECT_EQ(formatDecimal(10.5), "10.5");
  EXPECT_EQ(formatDecimal(-0.001), "0");
  EXPECT_EQ(formatDecimal(std::numeric_limits<double>::infinity()), "");
}

} // namespace
} // namespace salesc::rt
