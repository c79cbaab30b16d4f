//===- HoldingTest.cpp - Holding times, and the maximum of several ---------===//
#include "salesc/runtime/Holding.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

#include <cmath>

namespace salesc::rt {
namespace {

using namespace testing;

// The committee of the contract, in days: plant_manager 1 to 2 weeks (typical
// at the midpoint), cfo 2 to 6 weeks typical 3 weeks, safety 1 to 3 weeks.
const Holding PlantManager{7, 10.5, 14}, Cfo{14, 21, 42}, Safety{7, 14, 21};
const std::vector<Holding> Committee{PlantManager, Cfo, Safety};

TEST(HoldingTest, TriangularCdf) {
  const Holding h{2, 4, 8}; // (x-2)^2/12 up to 4, 1 - (8-x)^2/24 after
  EXPECT_EQ(triangularCdf(h, 1), 0);
  EXPECT_EQ(triangularCdf(h, 2), 0);
  EXPECT_DOUBLE_EQ(triangularCdf(h, 3), 1.0 / 12);
  EXPECT_DOUBLE_EQ(triangularCdf(h, 4), 1.0 / 3);
  EXPECT_DOUBLE_EQ(triangularCdf(h, 6), 1 - 4.0 / 24);
  EXPECT_EQ(triangularCdf(h, 8), 1);
  // A fixed time is a step: P(T <= 5) = 1 when T is always 5.
  EXPECT_EQ(triangularCdf({5, 5, 5}, 4.999), 0);
  EXPECT_EQ(triangularCdf({5, 5, 5}, 5), 1);
  // min == typical and typical == max have one piece each.
  EXPECT_DOUBLE_EQ(triangularCdf({0, 0, 2}, 1), 1 - 1.0 / 4);
  EXPECT_DOUBLE_EQ(triangularCdf({0, 2, 2}, 1), 1.0 / 4);
}

TEST(HoldingTest, TwoFixedTimesLastTheLonger) {
  const std::vector<Holding> t{{5, 5, 5}, {9, 9, 9}};
  EXPECT_DOUBLE_EQ(maxMean(t), 9);
  EXPECT_EQ(maxCdf(t, 8.9), 0);
  EXPECT_EQ(maxCdf(t, 9), 1);
  EXPECT_EQ(maxSurvival(t, 8.9), 1);
  EXPECT_EQ(maxSurvival(t, 9), 0);
  EXPECT_DOUBLE_EQ(maxExcessMean(t, 6), 3);
  EXPECT_EQ(maxExcessMean(t, 9), 0) << "no review lasts past 9 days";
  EXPECT_EQ(maxExcessMean(t, 20), 0);
}

TEST(HoldingTest, TwoEqualRangesClosedForm) {
  // X, Y independent triangular(0, 1, 2): F(x) = x^2/2 on [0, 1], 1 - (2-x)^2/2 on [1, 2].
  // E[max] = 2 - ∫0..2 F^2 = 2 - (∫0..1 x^4/4 + ∫0..1 (1 - w^2/2)^2 dw)
  //        = 2 - (1/20 + 1 - 1/3 + 1/20) = 2 - 23/30 = 37/30.
  const std::vector<Holding> t{{0, 1, 2}, {0, 1, 2}};
  EXPECT_NEAR(maxMean(t), 37.0 / 30, 1e-14);
  EXPECT_DOUBLE_EQ(maxCdf(t, 1), 0.25);
  // Shifted by a and stretched by h: a + h * 37/30 (2 weeks to 4 weeks: 14 + 7 * 37/30).
  EXPECT_NEAR(maxMean({{14, 21, 28}, {14, 21, 28}}), 14 + 7 * 37.0 / 30, 1e-12);
}

TEST(HoldingTest, DegenerateRangesClosedForm) {
  // X triangular(0, 0, 1): F = 1 - (1-x)^2; Y triangular(0, 1, 1): F = x^2.
  // E[max] = 1 - ∫0..1 x^2 (2x - x^2) dx = 1 - (1/2 - 1/5) = 7/10.
  EXPECT_NEAR(maxMean({{0, 0, 1}, {0, 1, 1}}), 0.7, 1e-15);
  // A fixed 5 days and Y triangular(2, 4, 9), S_Y(y) = (9-y)^2/35 above 4:
  // E[max(5, Y)] = 5 + ∫5..9 (9-y)^2/35 dy = 5 + 64/105 = 589/105.
  EXPECT_NEAR(maxMean({{5, 5, 5}, {2, 4, 9}}), 589.0 / 105, 1e-14);
}

TEST(HoldingTest, OneRoleIsItsTriangle) {
  for (const Holding& h : {Holding{1, 2, 3}, Holding{0, 0, 10}, Holding{3, 9, 9}, Holding{4, 4, 4},
                           Holding{0, 0, 0}, Holding{7, 8, 36500}})
    EXPECT_NEAR(maxMean({h}), h.mean(), 1e-12 * std::max(1.0, h.mean()));
}

TEST(HoldingTest, TheContractsCommittee) {
  // M >= 14 (the CFO takes 14 days at least); F_pm = 1 past 14 and F_safety = 1 past 21:
  // E[M] = 14 + ∫14..21 (1 - F_cfo F_safety) + ∫21..42 (1 - F_cfo), with u = x - 14,
  //   F_cfo = u^2/196 and F_safety = 1 - (7-u)^2/98 on [14, 21], 1 - F_cfo = (42-x)^2/588 after:
  //   ∫0..7 u^2/196 = 7/12, ∫0..7 u^2 (7-u)^2 / (196 * 98) = 7^5/30 / 19208 = 7/240,
  //   so ∫14..21 (1 - F_cfo F_safety) = 7 - (7/12 - 7/240) = 1547/240;
  //   ∫21..42 (42-x)^2/588 = 21^3/1764 = 21/4.
  // E[M] = 14 + 1547/240 + 21/4 = 6167/240 = 25.6958... days.
  EXPECT_NEAR(maxMean(Committee), 6167.0 / 240, 1e-12);
  // The CFO alone takes 77/3 = 25.67 days on average: the others add little.
  EXPECT_NEAR(Cfo.mean(), 77.0 / 3, 1e-12);
  EXPECT_NEAR(maxCdf(Committee, 20), 9.0 / 49 * 97 / 98, 1e-15);
}

TEST(HoldingTest, AgreesWithBruteForceIntegration) {
  // Overlapping ranges of every shape: the exact mean against a midpoint rule whose cells
  // never straddle a breakpoint (they are whole days), so its error is O(step^2).
  const std::vector<Holding> t{{1, 3, 10}, {2, 2, 6}, {0, 8, 8}, {4, 4, 4}, {3, 5, 12}};
  const int steps = 480000;
  double sum = 0;
  for (int i = 0; i < steps; ++i)
    sum += 1 - maxCdf(t, (i + 0.5) * 12.0 / steps);
  EXPECT_NEAR(maxMean(t), sum * 12.0 / steps, 1e-9);
}

TEST(HoldingTest, MeanTimeLeftAfterAnAge) {
  const std::vector<Holding> t{{0, 1, 2}, {0, 1, 2}};
  // At t = 1: S = 1 - 1/4 = 3/4 and ∫1..2 S = 1 - 43/60 = 17/60: 17/60 / (3/4) = 17/45.
  EXPECT_NEAR(maxExcessMean(t, 1), 17.0 / 45, 1e-14);
  // At t = 3/2: S = 1 - (7/8)^2 = 15/64 and ∫0..1/2 (w^2 - w^4/4) dw = 77/1920: 77/450.
  EXPECT_NEAR(maxExcessMean(t, 1.5), 77.0 / 450, 1e-14);
  // Before anyone can answer: the whole mean, less the age.
  EXPECT_NEAR(maxExcessMean(t, 0), 37.0 / 30, 1e-14);
  // Close to the end no digit is lost: S ~ w^2 and ∫ S ~ w^3/3 a hair before 2.
  const double w = 1e-6;
  EXPECT_NEAR(maxExcessMean(t, 2 - w), w / 3, 1e-6 * w / 3);
  EXPECT_NEAR(maxSurvival(t, 2 - w), w * w - w * w * w * w / 4, 1e-9 * w * w)
      << "1 - (1 - w^2/2)^2 would lose four digits";
  // The committee 30 days in: only the CFO can still be deciding, and past 30 its time is
  // a falling triangle on [30, 42], whose mean is 30 + 12/3.
  EXPECT_NEAR(maxExcessMean(Committee, 30), 4, 1e-12);
}

TEST(HoldingTest, StagesAndSignoffs) {
  Process p = industrial();
  const State& committee = p.states[2];
  EXPECT_DOUBLE_EQ(approvedShare(committee.signoffs), 0.90 * 0.70 * 0.95);
  EXPECT_DOUBLE_EQ(approvedShare({}), 1);
  EXPECT_EQ(approvedTransition(p, 2), std::optional<uint32_t>(4));
  EXPECT_EQ(approvedTransition(p, 0), std::nullopt) << "not a sign-off stage";
  EXPECT_NEAR(holdingMean(committee), 6167.0 / 240, 1e-12);
  EXPECT_EQ(holdingMean(p.states[0]), 10.5);
  EXPECT_EQ(holdingMean(p.states[3]), 0) << "an outcome";
  EXPECT_EQ(holdingRange(committee), std::make_pair(14.0, 42.0));
  EXPECT_EQ(holdingRange(p.states[1]), std::make_pair(14.0, 28.0));
  EXPECT_NEAR(holdingExcessMean(committee, 30), 4, 1e-12);
  EXPECT_DOUBLE_EQ(holdingCdf(p.states[0], 10.5), 0.5);
  EXPECT_EQ(mostLikelyToBlock(committee.signoffs), 1u) << "the CFO approves 70%";
  EXPECT_EQ(slowestRole(committee.signoffs), 1u) << "the CFO takes 25.67 days on average";
  const std::vector<Signoff> tied{{"a", 0.5, {1, 2, 3}}, {"b", 0.5, {1, 2, 3}}};
  EXPECT_EQ(mostLikelyToBlock(tied), 0u);
  EXPECT_EQ(slowestRole(tied), 0u);
}

/// Mean and standard error of n draws of `draw`.
template <typename Draw> std::pair<double, double> meanOf(int n, Draw draw) {
  double sum = 0, squares = 0;
  for (int i = 0; i < n; ++i) {
    const double x = draw();
    sum += x;
    squares += x * x;
  }
  const double mean = sum / n;
  return {mean, std::sqrt((squares / n - mean * mean) / n)};
}

TEST(HoldingTest, SamplerDrawsTheMaximum) {
  const HoldingSampler sampler(industrial().states[2]);
  Xoshiro256 rng(7);
  auto [mean, se] = meanOf(400000, [&] { return sampler.sample(rng); });
  EXPECT_NEAR(mean, 6167.0 / 240, 4 * se);
  EXPECT_LT(se, 0.01);
}

TEST(HoldingTest, StageWithoutSignoffsDrawsAsBefore) {
  // The same numbers as a bare triangular, so no other stage's draws change.
  State s;
  s.time = {2, 3, 9};
  s.hasTime = true;
  const HoldingSampler sampler(s);
  const Triangular bare(2, 3, 9);
  Xoshiro256 a(11), b(11);
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(sampler.sample(a), bare.sample(b));
  // And the time left after 4 days: U uniform in [F(4), 1), quantile(U) - 4.
  const HoldingSampler::Remaining left = sampler.after(4);
  const double low = triangularCdf(s.time, 4);
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(left.sample(a), bare.quantile(low + b.uniform() * (1 - low)) - 4);
  EXPECT_TRUE(sampler.after(9).leavesNow());
  EXPECT_FALSE(sampler.after(8.9).leavesNow());
}

TEST(HoldingTest, TimeLeftInASignoffStageIsConditionedOnTheMaximum) {
  // 20 days into the committee. G(20) = F_cfo F_safety = (36/196)(1 - 1/98) = 873/4802,
  // so S(20) = 3929/4802; E[M - 20 | M > 20] = ∫20..42 S / S(20) = 3477431/471480 (exact,
  // from the pieces [20, 21] and [21, 42]); P(M <= 30 | M > 20) = (37/49 - G(20)) / S(20)
  // = 2753/3929.
  const HoldingSampler sampler(industrial().states[2]);
  EXPECT_NEAR(maxExcessMean(Committee, 20), 3477431.0 / 471480, 1e-12);
  const HoldingSampler::Remaining left = sampler.after(20);
  EXPECT_FALSE(left.leavesNow());
  Xoshiro256 rng(3);
  int within = 0;
  const int n = 400000;
  auto [mean, se] = meanOf(n, [&] {
    const double x = left.sample(rng);
    EXPECT_GE(x, 0);
    EXPECT_LE(x, 22);
    within += x <= 10;
    return x;
  });
  EXPECT_NEAR(mean, 3477431.0 / 471480, 4 * se);
  const double share = 2753.0 / 3929;
  EXPECT_NEAR(within / double(n), share, 4 * std::sqrt(share * (1 - share) / n));
  EXPECT_TRUE(sampler.after(42).leavesNow());
  EXPECT_EQ(sampler.after(42).sample(rng), 0);
  // Before anyone can have answered, the time left is the whole time less the age.
  auto [early, earlySe] = meanOf(n, [&, l = sampler.after(5)] { return l.sample(rng); });
  EXPECT_NEAR(early, 6167.0 / 240 - 5, 4 * earlySe);
}

TEST(HoldingTest, FixedRolesWhenConditioned) {
  // 5 and 9 days, fixed: 6 days in, 3 days are left, always.
  State s;
  s.signoffs = {{"a", 1, {5, 5, 5}}, {"b", 1, {9, 9, 9}}};
  const HoldingSampler sampler(s);
  Xoshiro256 rng(1);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(sampler.sample(rng), 9);
    EXPECT_EQ(sampler.after(6).sample(rng), 3);
    EXPECT_EQ(sampler.after(2).sample(rng), 7);
  }
}

} // namespace
} // namespace salesc::rt
