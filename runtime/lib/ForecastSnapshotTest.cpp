//===- ForecastSnapshotTest.cpp - Overdue deals and the pipeline snapshot -===//
//
// Every expected figure is worked out by hand in the comment above it; Monte
// Carlo means are checked within four standard errors.
//
//===----------------------------------------------------------------------===//
#include "ForecastTesting.h"

#include <cmath>

namespace salesc::rt {
namespace {

using namespace salesc::rt::forecast_testing;

TEST(ForecastSnapshotTest, StagesAndDealsAddUpToThePipeline) {
  // straightChain: lead 1..3 days, meeting 2..9, proposal 3..12; value 20000.
  // a (lead, 1 day, 1000): win 0.108, weighted 108; b (meeting, 3 days, the process's
  // 20000): 0.18, 3600; c (proposal, 20 days, 5000): 0.4, 2000, past the 12-day maximum.
  ForecastResult r = run(valuedChain(), straightChainDeals(), 90, 100);
  ASSERT_EQ(r.stages.size(), 3u);
  const double values[] = {1000, 20000, 5000}, weighted[] = {108, 3600, 2000};
  for (uint32_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.stages[i].state, i);
    EXPECT_EQ(r.stages[i].deals, 1u);
    EXPECT_CLOSE(r.stages[i].value, values[i]);
    EXPECT_CLOSE(r.stages[i].weighted, weighted[i]);
  }
  ASSERT_EQ(r.deals.size(), 3u) << "the closed deal is not open";
  EXPECT_EQ(r.deals[1].id, "b");
  EXPECT_CLOSE(r.deals[1].daysInStage, 3);
  EXPECT_CLOSE(r.deals[1].winProbability, 0.18);
  EXPECT_FALSE(r.deals[1].overdue);
  EXPECT_TRUE(r.deals[2].overdue);
  EXPECT_FALSE(r.deals[2].stalled) << "proposal states no stall limit";
  ASSERT_EQ(r.overdue.size(), 1u);
  EXPECT_EQ(r.overdue[0].id, "c");
  EXPECT_CLOSE(r.overdue[0].maxDays, 12);
  EXPECT_CLOSE(r.overdue[0].weighted, 2000);
  EXPECT_CLOSE(r.overdueWeighted / r.weightedPipeline, 2000.0 / 5708);
}

TEST(ForecastSnapshotTest, OverdueDealsAreListedWhateverTheStallLimit) {
  // 7..21 days (typical 14), stalled after 60: a deal 30 days in is overdue, not
  // stalled; one 61 days in is both; one 21 days in has reached the maximum (overdue);
  // one 10 days in is neither. Largest weighted value first: 61 (3000 x 0.4 = 1200),
  // then 30 (1000 x 0.4 = 400), then 21 (500 x 0.4 = 200).
  Process p = oneStage({7, 14, 21}, 0.4);
  p.states[0].stalledAfter = 60;
  ForecastResult r = run(p,
                         {deal("late", 0, Jan15 - 30, 1000), deal("rotten", 0, Jan15 - 61, 3000),
                          deal("due", 0, Jan15 - 21, 500), deal("young", 0, Jan15 - 10, 2000)},
                         30, 100);
  ASSERT_EQ(r.overdue.size(), 3u);
  EXPECT_EQ(r.overdue[0].id, "rotten");
  EXPECT_EQ(r.overdue[1].id, "late");
  EXPECT_EQ(r.overdue[2].id, "due");
  EXPECT_CLOSE(r.overdueWeighted, 1800);
  EXPECT_CLOSE(r.weightedPipeline, 2600); // + 2000 x 0.4
  ASSERT_EQ(r.stalled.size(), 1u);
  EXPECT_EQ(r.stalled[0].id, "rotten");
  EXPECT_TRUE(r.deals[1].stalled && r.deals[1].overdue);
  EXPECT_FALSE(r.deals[3].stalled || r.deals[3].overdue);
}

TEST(ForecastSnapshotTest, AnOverdueDealWaitsAMemorylessTimeAtTheStagesPace) {
  // 7..21 days, typical 14 (mean 14), 40% won. A deal 30 days in has outlived the
  // stage: the rest of its time is exponential with mean 14, so it is won within H days
  // with probability 0.4 (1 - e^(-H/14)): 0 within 0 days, 0.4 (1 - e^-1) = 0.252848
  // within 14, 0.4 (1 - e^-3) = 0.380085 within 42. It is never won on the as-of date.
  Process p = oneStage({7, 14, 21}, 0.4);
  const Deal late = deal("late", 0, Jan15 - 30, 1000);
  EXPECT_EQ(run(p, {late}, 0).wins.mean, 0.0);
  for (double h : {14.0, 42.0}) {
    const double win = 0.4 * (1 - std::exp(-h / 14));
    ForecastResult r = run(p, {late}, h);
    EXPECT_NEAR(r.wins.mean, win, 4 * std::sqrt(win * (1 - win) / 20000)) << h;
    EXPECT_NEAR(r.revenue.mean, 1000 * win, 4000 * std::sqrt(win * (1 - win) / 20000));
    EXPECT_CLOSE(r.overdueWins, r.wins.mean) << "every win is the overdue deal's";
    EXPECT_CLOSE(r.overdueRevenue, r.revenue.mean);
  }
  // The days of the exponential spread over the months: none left on the as-of date.
  ForecastResult spread = run(p, {late}, 42);
  EXPECT_GT(spread.months.back().expectedWins, 0.0);
}

TEST(ForecastSnapshotTest, AStageWithoutATimeHasNoOverdueDeals) {
  // No time stated: the process counts no time there, so the deal moves on at once
  // (won with 0.5 within 0 days) and is never overdue.
  Process p = oneStage({0, 0, 0}, 0.5);
  ForecastResult r = run(p, {deal("x", 0, Jan15 - 400, 10)}, 0);
  EXPECT_TRUE(r.overdue.empty());
  EXPECT_NEAR(r.wins.mean, 0.5, 4 * std::sqrt(0.25 / 20000));
}

} // namespace
} // namespace salesc::rt
