//===- ForecastTest.cpp - Tests of the pipeline forecast ------------------===//
//
// Every expected figure is worked out by hand in the comment above it; Monte
// Carlo means are checked within four standard errors.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Forecast.h"

#include "ForecastTesting.h"
#include "TestProcess.h"
#include "salesc/runtime/Holding.h"

#include <gtest/gtest.h>

#include <cmath>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;
using namespace salesc::rt::forecast_testing;

TEST(ForecastTest, WeightedPipelineIsValueTimesWinProbability) {
  // a: 1000 * 0.108 = 108; b (process value): 20000 * 0.18 = 3600;
  // c: 5000 * 0.4 = 2000; total 5708. "closed" is in an outcome: ignored.
  // Pipeline 1000 + 20000 + 5000 = 26000; eventual wins 0.108 + 0.18 + 0.4 = 0.688.
  ForecastResult r = run(valuedChain(), straightChainDeals(), 90, 100);
  EXPECT_NEAR(r.weightedPipeline, 5708, Tol);
  EXPECT_NEAR(r.pipelineValue, 26000, Tol);
  EXPECT_NEAR(r.expectedWinsEventually, 0.688, Tol);
  EXPECT_EQ(r.openDeals, 3u);
  EXPECT_EQ(r.ignoredDeals, 1u);
  EXPECT_EQ(r.asOf, Jan15);
  EXPECT_EQ(r.horizonEnd, Jan15 + 90);
}

TEST(ForecastTest, UnboundedHorizonConvergesToTheWinProbabilities) {
  // With a horizon no deal can outlast, every eventual win counts: the mean wins
  // tend to 0.688 and the mean revenue to the weighted pipeline, 5708.
  ForecastResult r = run(valuedChain(), straightChainDeals(), 1e9);
  EXPECT_EQ(r.runs, 20000u);
  EXPECT_EQ(r.wins.count, 20000u);
  EXPECT_GT(r.wins.standardError(), 0);
  EXPECT_NEAR(r.wins.mean, 0.688, 4 * r.wins.standardError());
  EXPECT_NEAR(r.revenue.mean, 5708, 4 * r.revenue.standardError());
  EXPECT_LE(r.wins.p10, r.wins.p50);
  EXPECT_LE(r.wins.p50, r.wins.p90);
}

TEST(ForecastTest, WithTheOldRuleADealOlderThanTheStageMaxLeavesAtOnce) {
  // stage time 5..20 days, typical 10, always won. Age 30 > max 20: the deal
  // leaves at asOf, so it is won even with a horizon of 0 days, in every run.
  Process p = oneStage({5, 10, 20}, 1.0);
  ForecastResult old = runLeavingNow(p, {deal("old", 0, Jan15 - 30)}, 0, 1000);
  EXPECT_EQ(old.wins.mean, 1.0);
  EXPECT_EQ(old.wins.p10, 1.0);
  EXPECT_EQ(old.wins.stddev, 0.0);
  // Age 19: 0 < remaining <= 1 day. Not won by asOf, always won within 1 day.
  ForecastResult young0 = run(p, {deal("young", 0, Jan15 - 19)}, 0, 1000);
  EXPECT_EQ(young0.wins.mean, 0.0);
  ForecastResult young1 = run(p, {deal("young", 0, Jan15 - 19)}, 1, 1000);
  EXPECT_EQ(young1.wins.mean, 1.0);
}

TEST(ForecastTest, RemainingTimeIsConditionedOnTheAge) {
  // triangular(0, 0, 10): density 2 (10 - x) / 100. Given X > 5, the remaining
  // time R = X - 5 has density proportional to 5 - r on [0, 5], a
  // triangular(0, 0, 5): P(R <= 2.5) = 1 - (2.5 / 5)^2 = 0.75.
  // A new deal instead: P(X <= 2.5) = 1 - (7.5 / 10)^2 = 0.4375.
  Process p = oneStage({0, 0, 10}, 1.0);
  ForecastResult aged = run(p, {deal("aged", 0, Jan15 - 5)}, 2.5);
  EXPECT_NEAR(aged.wins.mean, 0.75, 4 * std::sqrt(0.75 * 0.25 / 20000));
  ForecastResult fresh = run(p, {deal("fresh", 0, Jan15)}, 2.5);
  EXPECT_NEAR(fresh.wins.mean, 0.4375, 4 * std::sqrt(0.4375 * 0.5625 / 20000));
  // A deal entered after asOf counts as age 0.
  ForecastResult future = run(p, {deal("future", 0, Jan15 + 3)}, 2.5);
  EXPECT_NEAR(future.wins.mean, 0.4375, 4 * std::sqrt(0.4375 * 0.5625 / 20000));
}

TEST(ForecastTest, RemainingTimeInASignoffStageConditionsTheMaximum) {
  // The contract's committee alone: approved 0.5985 to won, the rest lost. A deal 20
  // days in: the CRM says when it entered, not who has answered, so the maximum M of the
  // roles' times is conditioned on M > 20. G(20) = F_cfo(20) F_safety(20) =
  // (36/196)(1 - 1/98) = 873/4802 (the plant manager is done by 14), and
  // G(30) = F_cfo(30) = 1 - 12^2/588 = 37/49, so within a horizon of 10 days
  //   P(win) = 0.5985 (G(30) - G(20)) / (1 - G(20)) = 0.5985 * 2753/3929 = 0.41936...
  // The unconditioned maximum would give 0.5985 G(10) = 0 (the CFO needs 14 days).
  Process p = industrial();
  p.start = 2;
  const double rate = 0.5985 * 2753 / 3929;
  ForecastResult aged = run(p, {deal("aged", 2, Jan15 - 20)}, 10);
  EXPECT_NEAR(aged.wins.mean, rate, 4 * std::sqrt(rate * (1 - rate) / 20000));
  // 30 days in, only the CFO can still be deciding: M - 30 is triangular(0, 0, 12), so
  // within 6 days P = 1 - (6/12)^2 = 3/4 of the approved share.
  ForecastResult late = run(p, {deal("late", 2, Jan15 - 30)}, 6);
  const double lateRate = 0.5985 * 0.75;
  EXPECT_NEAR(late.wins.mean, lateRate, 4 * std::sqrt(lateRate * (1 - lateRate) / 20000));
  // Past the longest answer (42 days) the old rule has the deal leave at once.
  ForecastResult overdue = runLeavingNow(p, {deal("overdue", 2, Jan15 - 50)}, 0);
  EXPECT_NEAR(overdue.wins.mean, 0.5985, 4 * std::sqrt(0.5985 * 0.4015 / 20000));
  // The default waits an exponential time with the stage's mean, the mean of the
  // maximum, m = 25.6958 days: within m days, 0.5985 (1 - e^-1) = 0.37833.
  const double m = holdingMean(p.states[2]);
  const double tail = 0.5985 * (1 - std::exp(-1.0));
  ForecastResult waits = run(p, {deal("overdue", 2, Jan15 - 50)}, m);
  EXPECT_NEAR(waits.wins.mean, tail, 4 * std::sqrt(tail * (1 - tail) / 20000));
}

TEST(ForecastTest, FixedTimeStageWinsWithItsRateOnceItsTimeIsUp) {
  // A fixed 10-day stage, 30% won. A deal 20 days in leaves at asOf (the old rule) and wins
  // with probability 0.3 (SE sqrt(0.3 * 0.7 / 20000) = 0.00324).
  Process p = oneStage({10, 10, 10}, 0.3);
  const double se = std::sqrt(0.3 * 0.7 / 20000);
  ForecastResult due = runLeavingNow(p, {deal("due", 0, Jan15 - 20)}, 0);
  EXPECT_NEAR(due.wins.mean, 0.3, 4 * se);
  // A deal 5 days in leaves exactly 5 days from now: not within 4 days, and with
  // probability 0.3 within 5 (the horizon's end counts).
  ForecastResult four = run(p, {deal("mid", 0, Jan15 - 5)}, 4);
  EXPECT_EQ(four.wins.mean, 0.0);
  ForecastResult five = run(p, {deal("mid", 0, Jan15 - 5)}, 5);
  EXPECT_NEAR(five.wins.mean, 0.3, 4 * se);
  EXPECT_EQ(five.wins.p10, 0.0);
  EXPECT_EQ(five.wins.p90, 1.0);
}

TEST(ForecastTest, MonthsCoverTheHorizonAndAddUpToTheTotal) {
  // a (fixed 40 days) -> b (fixed 40 days) -> won, always. As of 2024-01-15
  // (day 19737) with a 90-day horizon (to 19827 = 2024-04-14):
  //   January  [19737, 19754)  b, 39 days in: +1  = 01-16, value 100
  //   February [19754, 19783)  b, new:        +40 = 02-24, value 200
  //   March    [19783, 19814)  a, 20 days in: +20 +40 = 03-15, value 400
  //   April    [19814, 19827]  a, new:        +80 = 04-04, value 800
  // Every run is the same: 4 wins, 1500 of revenue.
  Process p;
  addStage(p, "a", {40, 40, 40});
  addStage(p, "b", {40, 40, 40});
  addWon(p, "won");
  addEdge(p, 0, 1, 1.0);
  addEdge(p, 1, 2, 1.0);
  std::vector<Deal> deals = {deal("jan", 1, Jan15 - 39, 100), deal("feb", 1, Jan15, 200),
                             deal("mar", 0, Jan15 - 20, 400), deal("apr", 0, Jan15, 800)};
  ForecastResult r = run(p, deals, 90, 50);
  ASSERT_EQ(r.months.size(), 4u);
  const double from[] = {19737, 19754, 19783, 19814}, to[] = {19754, 19783, 19814, 19827};
  const double revenue[] = {100, 200, 400, 800};
  double wins = 0, total = 0;
  for (unsigned m = 0; m < 4; ++m) {
    EXPECT_EQ(r.months[m].year, 2024);
    EXPECT_EQ(r.months[m].month, m + 1);
    EXPECT_EQ(r.months[m].from, from[m]);
    EXPECT_EQ(r.months[m].to, to[m]);
    EXPECT_EQ(r.months[m].expectedWins, 1.0);
    EXPECT_EQ(r.months[m].expectedRevenue, revenue[m]);
    wins += r.months[m].expectedWins;
    total += r.months[m].expectedRevenue;
  }
  EXPECT_EQ(r.wins.mean, 4.0);
  EXPECT_EQ(wins, r.wins.mean);
  EXPECT_EQ(r.revenue.mean, 1500.0);
  EXPECT_EQ(total, r.revenue.mean);
  EXPECT_EQ(r.revenue.p10, 1500.0);
  EXPECT_EQ(r.revenue.p90, 1500.0);

  // With 79 days (to 04-03) the April deal, won on 04-04, is out.
  ForecastResult shorter = run(p, deals, 79, 50);
  ASSERT_EQ(shorter.months.size(), 4u);
  EXPECT_EQ(shorter.months[3].to, 19816);
  EXPECT_EQ(shorter.months[3].expectedRevenue, 0.0);
  EXPECT_EQ(shorter.revenue.mean, 700.0);
}

TEST(ForecastTest, RandomMonthsAddUpToTheTotal) {
  // The straight chain over 90 days: whatever the draws, the months partition the
  // wins within the horizon.
  ForecastResult r = run(valuedChain(), straightChainDeals(), 90, 5000);
  double wins = 0, revenue = 0;
  for (const ForecastMonth& m : r.months) {
    wins += m.expectedWins;
    revenue += m.expectedRevenue;
  }
  EXPECT_GT(r.wins.mean, 0);
  EXPECT_NEAR(wins, r.wins.mean, 1e-12);
  EXPECT_NEAR(revenue, r.revenue.mean, 1e-9);
}

TEST(ForecastTest, LongHorizonsStopListingMonthsAtTheCap) {
  // 120 months from January 2024 end with December 2033, which runs to the end of
  // the horizon.
  ForecastResult r = run(valuedChain(), straightChainDeals(), 1e9, 10);
  ASSERT_EQ(r.months.size(), MaxForecastMonths);
  EXPECT_EQ(r.months[1].from, 19754);
  EXPECT_EQ(r.months.back().year, 2033);
  EXPECT_EQ(r.months.back().month, 12u);
  EXPECT_EQ(r.months.back().to, Jan15 + 1e9);
}

TEST(ForecastTest, StalledDealsAreThoseOlderThanTheLimit) {
  // demo stalls after 30 days. Ages: A 31 (1 over), B 30 (not over), C 45 (15
  // over), D 100 in lead (no limit), E 31 (1 over, after A). Most overdue first,
  // ties in input order: C, A, E.
  Process p = valuedChain();
  p.states[1].stalledAfter = 30;
  std::vector<Deal> deals = {deal("A", 1, Jan15 - 31, {}, 2), deal("B", 1, Jan15 - 30, {}, 3),
                             deal("C", 1, Jan15 - 45, {}, 4), deal("D", 0, Jan15 - 100, {}, 5),
                             deal("E", 1, Jan15 - 31, {}, 6)};
  std::vector<StalledDeal> s = stalledDeals(p, deals, Jan15);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].id, "C");
  EXPECT_EQ(s[0].state, 1u);
  EXPECT_EQ(s[0].daysInStage, 45);
  EXPECT_EQ(s[0].limit, 30);
  EXPECT_EQ(s[0].line, 4u);
  EXPECT_EQ(s[1].id, "A");
  EXPECT_EQ(s[1].daysInStage, 31);
  EXPECT_EQ(s[2].id, "E");

  ForecastResult r = run(p, deals, 90, 10);
  ASSERT_EQ(r.stalled.size(), 3u);
  EXPECT_EQ(r.stalled[0].id, "C");
}

TEST(ForecastTest, TheSameSeedGivesTheSameFigures) {
  Process p = valuedChain();
  std::vector<Deal> deals = straightChainDeals();
  ForecastResult x = run(p, deals, 20, 2000, 7), y = run(p, deals, 20, 2000, 7);
  ForecastResult z = run(p, deals, 20, 2000, 8);
  EXPECT_EQ(x.wins.mean, y.wins.mean);
  EXPECT_EQ(x.revenue.mean, y.revenue.mean);
  EXPECT_EQ(x.revenue.p90, y.revenue.p90);
  for (size_t m = 0; m < x.months.size(); ++m)
    EXPECT_EQ(x.months[m].expectedRevenue, y.months[m].expectedRevenue);
  EXPECT_NE(x.revenue.mean, z.revenue.mean);
}

TEST(ForecastTest, TheThreadCountDoesNotChangeTheFigures) {
  // 1000 runs are 16 blocks of 64 (the last one short), shared by the threads.
  Process p = valuedChain();
  std::vector<Deal> deals = straightChainDeals();
  ForecastOptions o;
  o.asOf = Jan15;
  o.horizonDays = 20;
  o.runs = 1000;
  Analysis a = analyzed(p);
  ForecastResult one = forecast(p, a, deals, o);
  for (unsigned threads : {2u, 3u, 0u}) {
    o.threads = threads;
    ForecastResult many = forecast(p, a, deals, o);
    EXPECT_EQ(many.wins.mean, one.wins.mean) << threads;
    EXPECT_EQ(many.revenue.mean, one.revenue.mean) << threads;
    EXPECT_EQ(many.revenue.p50, one.revenue.p50) << threads;
    for (size_t m = 0; m < one.months.size(); ++m)
      EXPECT_EQ(many.months[m].expectedRevenue, one.months[m].expectedRevenue) << threads;
  }
}

TEST(ForecastTest, ManyDealsLowerTheNumberOfRuns) {
  // 1000 deals: a budget of 1e6 paths allows 1000 runs; 1e5 would allow 100, but
  // never fewer than minRuns (200); no budget keeps the runs asked for.
  Process p = valuedChain();
  std::vector<Deal> deals(1000, deal("x", 0, Jan15));
  ForecastOptions o;
  o.asOf = Jan15;
  o.runs = 20000;
  o.pathBudget = 1000000;
  Analysis a = analyzed(p);
  EXPECT_EQ(forecast(p, a, deals, o).runs, 1000u);
  o.pathBudget = 100000;
  EXPECT_EQ(forecast(p, a, deals, o).runs, 200u);
  o.pathBudget = 0;
  o.runs = 300;
  EXPECT_EQ(forecast(p, a, deals, o).runs, 300u);
}

TEST(ForecastTest, AnEmptyPipelineForecastsNothing) {
  ForecastResult r = run(valuedChain(), {}, 90, 100);
  EXPECT_EQ(r.openDeals, 0u);
  EXPECT_EQ(r.weightedPipeline, 0.0);
  EXPECT_EQ(r.wins.mean, 0.0);
  EXPECT_EQ(r.revenue.p90, 0.0);
  EXPECT_EQ(r.months.size(), 4u);
}

// The contract of issue 10 (TestProcess.h saasPlans). A deal at upgrade_prompt without a
// value: small reached it with 0.8 x 0.294 = 0.2352, large with 0.2 x 0.336 = 0.0672, so
// it is small with 7/9 and large with 2/9. It wins 0.37 in both; its wins are worth
// 0.25 x 600 + 0.12 x 1,440 = 322.8 in small and 3,228 in large: 7/9 x 322.8 + 2/9 x
// 3,228 = 968.4 expected. A deal known to be large: 3,228. upgrade_prompt lasts at most
// 7 days, so within 90 days every deal closes and the simulated revenue's mean is the
// expected value, within four standard errors.
TEST(ForecastTest, SegmentsWeighADealByTheOddsOfHavingReachedItsStage) {
  const Process p = saasPlans();
  std::vector<Deal> deals{deal("unknown", 3, Jan15 - 1)};
  ForecastResult r = run(p, deals, 90, 20000, 3);
  EXPECT_NEAR(r.weightedPipeline, 968.4, 1e-9 * 968.4);
  EXPECT_NEAR(r.expectedWinsEventually, 0.37, 1e-12);
  EXPECT_NEAR(r.pipelineValue, 968.4 / 0.37, 1e-9 * 968.4 / 0.37);
  EXPECT_NEAR(r.revenue.mean, 968.4, 4 * r.revenue.standardError());
  EXPECT_NEAR(r.wins.mean, 0.37, 4 * r.wins.standardError());

  deals[0].segment = 1; // large
  r = run(p, deals, 90, 20000, 3);
  EXPECT_NEAR(r.weightedPipeline, 3228, 1e-9 * 3228);
  EXPECT_NEAR(r.revenue.mean, 3228, 4 * r.revenue.standardError());
  // A value of its own counts whatever outcome it wins: 0.37 x 1,000.
  deals[0].value = 1000;
  r = run(p, deals, 90, 20000, 3);
  EXPECT_NEAR(r.weightedPipeline, 370, 1e-9);
}

// Values per outcome without segments: a deal at upgrade_prompt of the small segment's
// process counts 322.8 expected, and each simulated win its outcome's value.
TEST(ForecastTest, ADealWithoutAValueCountsTheValueOfTheWinItReaches) {
  const Process p = saasPlans().segments[0].process;
  ForecastResult r = run(p, {deal("d", 3, Jan15 - 1)}, 90, 20000, 5);
  EXPECT_NEAR(r.weightedPipeline, 322.8, 1e-9 * 322.8);
  EXPECT_NEAR(r.revenue.mean, 322.8, 4 * r.revenue.standardError());
  EXPECT_NEAR(r.pipelineValue, 322.8 / 0.37, 1e-9 * 322.8 / 0.37);
}

} // namespace
} // namespace salesc::rt
