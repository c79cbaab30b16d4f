//===- ForecastUncertaintyTest.cpp - Shares drawn from a posterior; new deals ===//
//
// Every expected figure is worked out by hand in the comment above it; Monte
// Carlo figures are checked within four standard errors or a stated band.
//
//===----------------------------------------------------------------------===//
#include "ForecastTesting.h"

#include "salesc/runtime/Dirichlet.h"

#include <cmath>

namespace salesc::rt {
namespace {

using namespace salesc::rt::forecast_testing;

TEST(DirichletTest, GammaDrawsHaveTheirMeanAndVariance) {
  // Gamma(a, 1): mean a, variance a. Over 200,000 draws the mean is within
  // 4 sqrt(a / 200000) and the variance within 3%.
  for (double a : {0.3, 1.0, 4.4, 250.0}) {
    Xoshiro256 rng(7);
    const int n = 200000;
    double sum = 0, squares = 0;
    for (int i = 0; i < n; ++i) {
      const double x = sampleGamma(a, rng);
      sum += x;
      squares += x * x;
    }
    const double mean = sum / n, variance = squares / n - mean * mean;
    EXPECT_NEAR(mean, a, 4 * std::sqrt(a / n)) << a;
    EXPECT_NEAR(variance, a, 0.03 * a) << a;
  }
}

TEST(DirichletTest, ThePosteriorAddsTheCountsToTheStatedShares) {
  // oneStage 40% won: alpha = (0.4 + 4, 0.6 + 6); draws sum to 1 per stage, with mean
  // 4.4 / 11 = 0.4.
  Process p = oneStage({0, 0, 0}, 0.4);
  SharePosterior post = sharePosterior(p, {4, 6});
  EXPECT_CLOSE(post.alpha[0], 4.4);
  EXPECT_CLOSE(post.alpha[1], 6.6);
  Xoshiro256 rng(3);
  double sum = 0;
  for (int i = 0; i < 20000; ++i) {
    std::vector<double> shares = drawShares(p, post, rng);
    EXPECT_CLOSE(shares[0] + shares[1], 1.0);
    sum += shares[0];
  }
  // Var = ab / ((a + b)^2 (a + b + 1)) = 4.4 x 6.6 / (121 x 12) = 0.02.
  EXPECT_NEAR(sum / 20000, 0.4, 4 * std::sqrt(0.02 / 20000));
}

/// 50 deals of value 1 in a stage without time, won with probability 0.4.
std::vector<Deal> fifty() {
  std::vector<Deal> deals;
  for (int i = 0; i < 50; ++i)
    deals.push_back(deal("d" + std::to_string(i), 0, Jan15, 1));
  return deals;
}

ForecastResult withCounts(const Process& p, std::vector<uint64_t> counts) {
  const SharePosterior post = sharePosterior(p, counts);
  ForecastOptions o = options(30);
  o.shares = &post;
  return forecast(p, analyzed(p), fifty(), o);
}

TEST(ForecastUncertaintyTest, UncertainSharesWidenTheSpread) {
  // Fixed share 0.4: wins ~ Binomial(50, 0.4), variance 50 x 0.24 = 12 (sd 3.46).
  // Drawn from Beta(4.4, 6.6) (4 won and 6 lost counted): given the share q the wins are
  // Binomial(50, q), so Var = 50 E[q (1 - q)] + 50^2 Var(q) = 50 x 0.22 + 2500 x 0.02 = 61
  // (E[q (1 - q)] = 0.4 - 0.02 - 0.16), sd 7.81; the mean stays 50 x 0.4 = 20.
  Process p = oneStage({0, 0, 0}, 0.4);
  ForecastResult fixed = run(p, fifty(), 30);
  ForecastResult uncertain = withCounts(p, {4, 6});
  EXPECT_TRUE(uncertain.uncertainShares);
  EXPECT_FALSE(fixed.uncertainShares);
  EXPECT_NEAR(fixed.wins.stddev, std::sqrt(12.0), 0.03 * std::sqrt(12.0));
  EXPECT_NEAR(uncertain.wins.stddev, std::sqrt(61.0), 0.03 * std::sqrt(61.0));
  EXPECT_NEAR(uncertain.wins.mean, 20, 4 * std::sqrt(61.0 / 20000));
  EXPECT_GT(uncertain.wins.p90 - uncertain.wins.p10, 1.8 * (fixed.wins.p90 - fixed.wins.p10));
  // A history that says 2 of 10: the posterior mean is (0.4 + 2) / 11, 50 x that = 10.909.
  ForecastResult lower = withCounts(p, {2, 8});
  EXPECT_NEAR(lower.wins.mean, 50 * 2.4 / 11, 0.1);
}

TEST(ForecastUncertaintyTest, HugeCountsConvergeToTheFixedRateSpread) {
  // 4e8 won and 6e8 lost: the posterior's sd is 1.5e-5, so the spread is that of the
  // fixed share (the deals draw from the same streams).
  Process p = oneStage({0, 0, 0}, 0.4);
  ForecastResult fixed = run(p, fifty(), 30);
  ForecastResult huge = withCounts(p, {400'000'000, 600'000'000});
  EXPECT_NEAR(huge.wins.p10, fixed.wins.p10, 1.0);
  EXPECT_NEAR(huge.wins.p90, fixed.wins.p90, 1.0);
  EXPECT_NEAR(huge.wins.stddev, fixed.wins.stddev, 0.01 * fixed.wins.stddev);
  EXPECT_NEAR(huge.wins.mean, fixed.wins.mean, 0.01);
}

TEST(ForecastUncertaintyTest, ArrivalsAddTheirExpectedWins) {
  // A fixed 10-day start stage, won with 0.5, value 100; one new deal a day
  // (30.436875 a month). Over a 40-day horizon a deal arriving at u wins by the end iff
  // u + 10 <= 40 and it is won: expected wins 1 x 0.5 x (40 - 10) = 15, revenue 1500,
  // 40 arrivals expected. The wins are a thinned Poisson process: Poisson(15), sd 3.873.
  Process p = oneStage({10, 10, 10}, 0.5);
  p.value = 100;
  ForecastOptions o = options(40);
  o.arrivalsPerMonth = DaysPerMonth;
  ForecastResult r = forecast(p, analyzed(p), {}, o);
  EXPECT_CLOSE(r.expectedArrivals, 40);
  EXPECT_NEAR(r.wins.mean, 15, 4 * std::sqrt(15.0 / 20000));
  EXPECT_NEAR(r.revenue.mean, 1500, 400 * std::sqrt(15.0 / 20000));
  EXPECT_NEAR(r.wins.stddev, std::sqrt(15.0), 0.03 * std::sqrt(15.0));
  EXPECT_CLOSE(r.arrivalWins, r.wins.mean);
  EXPECT_CLOSE(r.arrivalRevenue, r.revenue.mean);
  // With an open deal too (won with 0.5 in 5 days), its wins add to the arrivals'.
  ForecastResult both = forecast(p, analyzed(p), {deal("open", 0, Jan15 - 5, 100)}, o);
  EXPECT_NEAR(both.wins.mean, 15.5, 4 * std::sqrt(15.25 / 20000));
  EXPECT_NEAR(both.arrivalWins, 15, 4 * std::sqrt(15.0 / 20000));
}

TEST(ForecastUncertaintyTest, TheArrivalRateSeenInAHistory) {
  // Deals x and y first appear on days 0 and 10 (y again on 20); z on day 50, after the
  // as-of day 40, does not count: 2 deals in 40 days = 2 / (40 / 30.436875) a month.
  std::vector<StageEvent> events = {
      {"x", 0, 0, 2, {}}, {"y", 0, 10, 3, {}}, {"y", 1, 20, 4, {}}, {"z", 0, 50, 5, {}}};
  EXPECT_CLOSE(arrivalsPerMonthSeen(events, 40), 2 / (40 / DaysPerMonth));
  EXPECT_EQ(arrivalsPerMonthSeen(events, -1), 0.0);
}

} // namespace
} // namespace salesc::rt
