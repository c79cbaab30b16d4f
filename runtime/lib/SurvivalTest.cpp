//===- SurvivalTest.cpp - Kaplan-Meier against hand-worked samples ---------===//
#include "salesc/runtime/Survival.h"

#include <gtest/gtest.h>

#include <cmath>

namespace salesc::rt {
namespace {

// Eight visits, + for one still open: 2, 3+, 4, 5, 6+, 7, 9+, 10 days.
//   t = 2:  8 at risk, 1 completes: S = 7/8 = 0.875
//   (3+ leaves the risk set)
//   t = 4:  6 at risk: S = 0.875 x 5/6 = 0.729167
//   t = 5:  5 at risk: S = 0.729167 x 4/5 = 0.583333
//   (6+ leaves)
//   t = 7:  3 at risk: S = 0.583333 x 2/3 = 0.388889  -> the median is 7
//   (9+ leaves)
//   t = 10: 1 at risk: S = 0                          -> the P90 is 10
// The completed visits alone (2, 4, 5, 7, 10) put the median at 5: too short.
std::vector<Visit> handWorked() {
  return {{2, false}, {3, true},  {4, false}, {5, false},
          {6, true},  {7, false}, {9, true},  {10, false}};
}

TEST(SurvivalTest, KaplanMeierOfAHandWorkedCensoredSample) {
  KaplanMeier km(handWorked());
  EXPECT_DOUBLE_EQ(km.survival(1.9), 1);
  EXPECT_DOUBLE_EQ(km.survival(2), 0.875);
  EXPECT_DOUBLE_EQ(km.survival(3.5), 0.875);
  EXPECT_NEAR(km.survival(4), 0.875 * 5 / 6, 1e-15);
  EXPECT_NEAR(km.survival(6), 0.875 * 5 / 6 * 4 / 5, 1e-15);
  EXPECT_NEAR(km.survival(8), 0.875 * 5 / 6 * 4 / 5 * 2 / 3, 1e-15);
  EXPECT_DOUBLE_EQ(km.survival(10), 0);
  EXPECT_NEAR(km.survivalBefore(7), 0.583333333333, 1e-12);
  EXPECT_EQ(km.quantile(0.10), 2); // S(2) = 0.875 <= 0.9
  EXPECT_EQ(km.quantile(0.50), 7);
  EXPECT_EQ(km.quantile(0.90), 10);
  EXPECT_EQ(km.longest(), 10);
}

TEST(SurvivalTest, QuantilesBeyondTheOpenVisitsAreNotReached) {
  // 2, 4 completed; 20+, 30+ open: S falls to 3/4 then 2/4 = 0.5 (median 4), and
  // never to 0.1: the P90 is beyond 30 days, unknown.
  KaplanMeier km({{2, false}, {4, false}, {20, true}, {30, true}});
  EXPECT_EQ(km.quantile(0.5), 4);
  EXPECT_TRUE(std::isnan(km.quantile(0.9)));
  EXPECT_EQ(km.longest(), 30);
  EXPECT_TRUE(std::isnan(KaplanMeier({}).quantile(0.5)));
}

TEST(SurvivalTest, MedianAgainstAStatedRange) {
  // Without censoring the test is the sign test's normal form. 20 visits of 10 days
  // against a stated 1 to 5: S(5) = 1, m = 20 (every visit is known to last beyond 5):
  // z = (1 - 0.5) x 2 x sqrt(20) = 4.472, one-sided 3.87e-6, two-sided 7.74e-6.
  std::vector<Visit> long20(20, Visit{10, false});
  EXPECT_NEAR(KaplanMeier(long20).medianOutsideP(1, 5), 7.74e-6, 1e-8);
  // The same against 5 to 15: inside (S(15) = 0 and S before 5 = 1): p = 1 after capping.
  EXPECT_NEAR(KaplanMeier(long20).medianOutsideP(5, 15), 1, 1e-9);
  // Greenwood in the middle: the hand-worked sample against 1 to 4. S(4) = 0.729167,
  // Greenwood's sum at 4: 1/(8 x 7) + 1/(6 x 5) = 0.051190; m = (1 - S) / (S x sum) =
  // 0.270833 / 0.037326 = 7.2559; z = 0.229167 x 2 x sqrt(7.2559) = 1.2346,
  // one-sided 0.10850, two-sided 0.21700.
  EXPECT_NEAR(KaplanMeier(handWorked()).medianOutsideP(1, 4), 0.21700, 2e-5);
  EXPECT_EQ(KaplanMeier({}).medianOutsideP(1, 4), 1);
}

} // namespace
} // namespace salesc::rt
