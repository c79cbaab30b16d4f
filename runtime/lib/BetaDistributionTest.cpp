//===- BetaDistributionTest.cpp - Beta quantiles against closed forms -----===//
#include "salesc/runtime/BetaDistribution.h"

#include <gtest/gtest.h>

#include <cmath>

namespace salesc::rt {
namespace {

const double Pi = std::acos(-1.0);

TEST(BetaDistributionTest, ClosedFormsOfTheCdf) {
  // Beta(1, 1) is uniform; Beta(2, 2) has the CDF 3x^2 - 2x^3.
  EXPECT_NEAR(BetaDistribution(1, 1).cdf(0.3), 0.3, 1e-14);
  EXPECT_NEAR(BetaDistribution(2, 2).cdf(0.3), 3 * 0.09 - 2 * 0.027, 1e-14);
  // Beta(1/2, 3/2), the Jeffreys posterior of 0 moves of 1: with x = sin^2 t, the CDF is
  // (2 / pi)(t + sin t cos t); at x = 1/4, t = pi/6: 1/3 + sqrt(3) / (2 pi) = 0.609003.
  EXPECT_NEAR(BetaDistribution::jeffreysPosterior(0, 1).cdf(0.25),
              1.0 / 3 + std::sqrt(3.0) / (2 * Pi), 1e-13);
  // Beta(3/2, 3/2), the posterior of 1 move of 2: the CDF is (2t - sin(4t) / 2) / pi.
  for (double x : {0.05, 0.3, 0.5, 0.81}) {
    const double t = std::asin(std::sqrt(x));
    EXPECT_NEAR(BetaDistribution::jeffreysPosterior(1, 2).cdf(x),
                (2 * t - std::sin(4 * t) / 2) / Pi, 1e-13)
        << x;
  }
  // Large counts: logarithms keep it finite; lgamma of ten thousand loses some digits.
  EXPECT_NEAR(BetaDistribution::jeffreysPosterior(5000, 10000).cdf(0.5), 0.5, 1e-10);
}

TEST(BetaDistributionTest, JeffreysIntervalsByHand) {
  // No trials: the prior Beta(1/2, 1/2), the arcsine law, whose q-quantile is
  // sin^2(pi q / 2): 95% between sin^2(pi / 80) = 0.0015413 and sin^2(39 pi / 80).
  auto [low, high] = BetaDistribution::jeffreysPosterior(0, 0).interval(0.95);
  EXPECT_NEAR(low, std::pow(std::sin(Pi / 80), 2), 1e-12);
  EXPECT_NEAR(high, std::pow(std::sin(39 * Pi / 80), 2), 1e-12);
  // 3 of 10: Beta(3.5, 7.5). The reference values are from mpmath (betainc at 30
  // digits, bisected), and the CDF at the bounds is 2.5% and 97.5%.
  BetaDistribution b = BetaDistribution::jeffreysPosterior(3, 10);
  EXPECT_EQ(b.a(), 3.5);
  EXPECT_EQ(b.b(), 7.5);
  std::tie(low, high) = b.interval(0.95);
  EXPECT_NEAR(low, 0.0926945939382, 1e-10);
  EXPECT_NEAR(high, 0.605818318149, 1e-10);
  EXPECT_NEAR(b.cdf(0.3), 0.480748597832813, 1e-12);
  // 0 of 1 and 12 of 40, the same way.
  std::tie(low, high) = BetaDistribution::jeffreysPosterior(0, 1).interval(0.95);
  EXPECT_NEAR(low, 0.000385580980756, 1e-10);
  EXPECT_NEAR(high, 0.85325368369, 1e-10);
  std::tie(low, high) = BetaDistribution::jeffreysPosterior(12, 40).interval(0.95);
  EXPECT_NEAR(low, 0.175619805742, 1e-10);
  EXPECT_NEAR(high, 0.452158307989, 1e-10);
}

TEST(BetaDistributionTest, QuantileEnds) {
  BetaDistribution b(2, 5);
  EXPECT_EQ(b.quantile(0), 0);
  EXPECT_EQ(b.quantile(1), 1);
  EXPECT_NEAR(b.cdf(b.quantile(0.3)), 0.3, 1e-12);
}

} // namespace
} // namespace salesc::rt
