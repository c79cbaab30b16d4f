//===- SignificanceTest.cpp - Score tests and Holm's adjustment by hand -----===//
#include "salesc/runtime/Significance.h"

#include "salesc/runtime/Simulate.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

TEST(SignificanceTest, ScoreTestByHand) {
  // 30 of 50 against 80%: z = (30 - 40) / sqrt(8) = -3.5355, p = 2 x 2.0347e-4.
  EXPECT_NEAR(scoreTestP(30, 50, 0.8), 4.0695e-4, 1e-7);
  // 26 of 48 against 40%: z = (26 - 19.2) / sqrt(11.52) = 2.0035, p = 0.04513.
  EXPECT_NEAR(scoreTestP(26, 48, 0.4), 0.04513, 1e-5);
  EXPECT_EQ(scoreTestP(5, 10, 0.5), 1);
  EXPECT_EQ(scoreTestP(0, 0, 0.3), 1);
  EXPECT_EQ(scoreTestP(1, 10, 0), 0); // a stated 0% contradicted
  EXPECT_EQ(scoreTestP(10, 10, 1), 1);
}

TEST(SignificanceTest, BelowFivePercentExactlyOutsideTheWilsonInterval) {
  for (uint64_t x = 0; x <= 40; ++x)
    for (double stated : {0.05, 0.2, 0.5, 0.73}) {
      auto [low, high] = wilsonInterval(x, 40);
      EXPECT_EQ(scoreTestP(x, 40, stated) < 0.05, stated < low || stated > high)
          << x << " of 40 against " << stated;
    }
}

TEST(SignificanceTest, HolmStepDown) {
  // Sorted 0.01, 0.02, 0.03, 0.5: x4 = 0.04, x3 = 0.06, x2 = 0.06, x1 = 0.5; the running
  // maximum keeps them ordered. In input order:
  std::vector<double> a = holmAdjusted({0.5, 0.02, 0.01, 0.03});
  ASSERT_EQ(a.size(), 4u);
  EXPECT_DOUBLE_EQ(a[0], 0.5);
  EXPECT_DOUBLE_EQ(a[1], 0.06);
  EXPECT_DOUBLE_EQ(a[2], 0.04);
  EXPECT_DOUBLE_EQ(a[3], 0.06);
  EXPECT_DOUBLE_EQ(holmAdjusted({0.4, 0.9})[1], 0.9); // 0.8, then 0.9 x 1
  EXPECT_DOUBLE_EQ(holmAdjusted({0.6, 0.7})[0], 1);   // 1.2, capped at 1
  EXPECT_DOUBLE_EQ(holmAdjusted({0.6, 0.7})[1], 1);   // the running maximum
  EXPECT_TRUE(holmAdjusted({}).empty());
}

} // namespace
} // namespace salesc::rt
