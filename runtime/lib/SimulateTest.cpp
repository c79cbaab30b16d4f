//===- SimulateTest.cpp - Tests of the Monte Carlo simulation -------------===//
//
// Simulated means are compared with the analytic ones (Markov.h) within four
// standard errors, each standard error computed from the simulated sample.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Simulate.h"

#include "salesc/runtime/Markov.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

#include <cmath>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;

SimulationResult simulateOk(const Process& p, SimulationOptions o) {
  llvm::Expected<SimulationResult> r = simulate(p, o);
  if (!r) {
    ADD_FAILURE() << llvm::toString(r.takeError());
    return SimulationResult{};
  }
  return std::move(*r);
}

std::string simulateError(const Process& p, SimulationOptions o) {
  llvm::Expected<SimulationResult> r = simulate(p, o);
  return r ? "no error" : llvm::toString(r.takeError());
}

SimulationOptions prospects(uint64_t n, uint64_t seed = 1, unsigned threads = 1) {
  SimulationOptions o;
  o.prospects = n;
  o.seed = seed;
  o.threads = threads;
  return o;
}

/// The quickstart's shape: inquiry -> rep_call -> demo -> proposal -> signed, with demo
/// sending 10% back to rep_call (a loop), remainders to lost.
Process loop() {
  return quickstartChain();
}

/// Checks win rate, days to win and days to close against the analysis.
void expectAgreesWithAnalysis(const Process& p, uint64_t n) {
  llvm::Expected<Analysis> a = analyze(p);
  ASSERT_TRUE(bool(a)) << llvm::toString(a.takeError());
  SimulationResult r = simulateOk(p, prospects(n, 42));
  ASSERT_EQ(r.prospects, n);
  const double w = a->winRate();
  EXPECT_NEAR(r.winRate, w, 4 * std::sqrt(r.winRate * (1 - r.winRate) / n));
  EXPECT_LE(r.winRateLow, r.winRate);
  EXPECT_GE(r.winRateHigh, r.winRate);
  EXPECT_NEAR(r.daysToWin.mean, a->expectedDaysToWin[p.start], 4 * r.daysToWin.standardError());
  EXPECT_NEAR(r.daysToClose.mean, a->expectedDaysToClose[p.start],
              4 * r.daysToClose.standardError());
  EXPECT_EQ(r.daysToClose.count, n);
  EXPECT_EQ(r.unfinished, 0u);
}

TEST(SimulateTest, AStraightChainAgreesWithTheAnalysis) {
  expectAgreesWithAnalysis(straightChain(), 400000);
}

TEST(SimulateTest, ALoopAgreesWithTheAnalysis) {
  expectAgreesWithAnalysis(loop(), 400000);
}

TEST(SimulateTest, ASignoffStageAgreesWithTheAnalysis) {
  // Each role's time drawn and the maximum taken: the mean agrees with the exact mean
  // of the maximum (6167/240 days for the committee, 13727/240 to win from inquiry).
  expectAgreesWithAnalysis(industrial(), 400000);
  Process committee = industrial();
  committee.start = 2;
  SimulationResult r = simulateOk(committee, prospects(400000, 5));
  EXPECT_NEAR(r.winRate, 0.5985, 4 * std::sqrt(0.5985 * 0.4015 / 400000));
  EXPECT_NEAR(r.daysToClose.mean, 6167.0 / 240, 4 * r.daysToClose.standardError());
  EXPECT_NEAR(r.daysToWin.mean, 6167.0 / 240, 4 * r.daysToWin.standardError());
  EXPECT_GE(r.daysToWin.p10, 14) << "the CFO answers after two weeks at the earliest";
}

void expectSameResult(const SimulationResult& a, const SimulationResult& b);

// The contract of issue 10: each prospect draws its segment (small 80%, large 20%), then
// runs through that segment's process. The win rate, times and value of a lead agree
// with the blended analysis within four standard errors. A lead's value V is 600 or
// 1,440 (small: probabilities 0.294 x 0.25 and 0.294 x 0.12) or 6,000 or 14,400 (large:
// 0.336 x 0.25 and 0.336 x 0.12), else 0; its standard error is sqrt(Var V / n).
TEST(SimulateTest, SegmentsAgreeWithTheBlendedAnalysis) {
  const Process p = saasPlans();
  const uint64_t n = 400000;
  expectAgreesWithAnalysis(p, n);
  SimulationResult r = simulateOk(p, prospects(n, 42));
  const double mean = 292.84416;
  const double square = 0.8 * (0.294 * 0.25 * 600 * 600 + 0.294 * 0.12 * 1440 * 1440) +
                        0.2 * (0.336 * 0.25 * 6000 * 6000 + 0.336 * 0.12 * 14400 * 14400);
  ASSERT_TRUE(r.revenue);
  EXPECT_NEAR(*r.revenue / n, mean, 4 * std::sqrt((square - mean * mean) / n));
  ASSERT_EQ(r.segments.size(), 2u);
  EXPECT_EQ(r.segments[0].name, "small");
  EXPECT_EQ(r.segments[0].finished + r.segments[1].finished, n);
  EXPECT_NEAR(double(r.segments[0].finished) / n, 0.8, 4 * std::sqrt(0.8 * 0.2 / n));
  const double large = double(r.segments[1].wins) / r.segments[1].finished;
  EXPECT_NEAR(large, 0.12432, 4 * std::sqrt(0.12432 * (1 - 0.12432) / r.segments[1].finished));
  EXPECT_EQ(r.segments[0].wins + r.segments[1].wins, r.wins);
  // The same seed, the same revenue, whatever the thread count.
  SimulationResult two = simulateOk(p, prospects(n, 42, 2));
  expectSameResult(r, two);
  EXPECT_EQ(r.revenue, two.revenue);
}

TEST(SimulateTest, TheStraightChainFiguresAreTheHandWorkedOnes) {
  // The same comparison against the hand-worked values of MarkovTest.
  SimulationResult r = simulateOk(straightChain(), prospects(400000, 7));
  EXPECT_NEAR(r.winRate, 0.108, 4 * std::sqrt(0.108 * 0.892 / 400000));
  EXPECT_NEAR(r.daysToWin.mean, 14.0, 4 * r.daysToWin.standardError());
  EXPECT_NEAR(r.daysToClose.mean, 6.89, 4 * r.daysToClose.standardError());
  // A win passes each stage once: variance is the sum of the three triangular
  // variances (a^2 + b^2 + c^2 - ab - ac - bc) / 18 = 3/18 + 39/18 + 63/18 = 35/6.
  EXPECT_NEAR(r.daysToWin.stddev * r.daysToWin.stddev, 35.0 / 6, 0.05 * 35.0 / 6);
}

TEST(SimulateTest, CountsEveryOutcome) {
  // One stage: 20% to won_a, 30% to won_b, 50% to lost. No time.
  Process p;
  addStage(p, "s");
  addWon(p, "won_a");
  addWon(p, "won_b");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.2);
  addEdge(p, 0, 2, 0.3);
  addEdge(p, 0, 3, 0.5);
  const uint64_t n = 200000;
  SimulationResult r = simulateOk(p, prospects(n));
  ASSERT_EQ(r.outcomeCounts.size(), 4u);
  EXPECT_EQ(r.outcomeCounts[0], 0u);
  EXPECT_EQ(r.outcomeCounts[1] + r.outcomeCounts[2] + r.outcomeCounts[3], n);
  EXPECT_EQ(r.wins, r.outcomeCounts[1] + r.outcomeCounts[2]);
  const double shares[] = {0.2, 0.3, 0.5};
  for (int k = 0; k < 3; ++k)
    EXPECT_NEAR(r.outcomeCounts[k + 1] / double(n), shares[k],
                4 * std::sqrt(shares[k] * (1 - shares[k]) / n));
  EXPECT_EQ(r.transitions, n); // one transition each
  EXPECT_EQ(r.daysToWin.mean, 0.0);
  EXPECT_EQ(r.daysToWin.p90, 0.0);
}

TEST(SimulateTest, FixedTimesGiveExactDays) {
  // a (fixed 3 days) -> b (fixed 4.5 days) -> won: every prospect wins in 7.5 days.
  Process p;
  addStage(p, "a", {3, 3, 3});
  addStage(p, "b", {4.5, 4.5, 4.5});
  addWon(p, "won");
  addEdge(p, 0, 1, 1.0);
  addEdge(p, 1, 2, 1.0);
  SimulationResult r = simulateOk(p, prospects(10000));
  EXPECT_EQ(r.wins, 10000u);
  EXPECT_EQ(r.winRate, 1.0);
  EXPECT_EQ(r.winRateHigh, 1.0);
  EXPECT_EQ(r.daysToWin.mean, 7.5);
  EXPECT_EQ(r.daysToWin.stddev, 0.0);
  EXPECT_EQ(r.daysToWin.p10, 7.5);
  EXPECT_EQ(r.daysToWin.p50, 7.5);
  EXPECT_EQ(r.daysToWin.p90, 7.5);
  EXPECT_EQ(r.daysToClose.mean, 7.5);
  EXPECT_EQ(r.transitions, 20000u);
}

TEST(SimulateTest, PercentilesOfATwoValuedTime) {
  // a (fixed 10 days): 50% won at once, 50% to b (fixed 10 days) then won.
  // Days to win are 10 or 20, half each: P10 = 10, P90 = 20, mean 15.
  Process p;
  addStage(p, "a", {10, 10, 10});
  addStage(p, "b", {10, 10, 10});
  addWon(p, "won");
  addEdge(p, 0, 2, 0.5);
  addEdge(p, 0, 1, 0.5);
  addEdge(p, 1, 2, 1.0);
  const uint64_t n = 100000;
  SimulationResult r = simulateOk(p, prospects(n));
  EXPECT_EQ(r.daysToWin.p10, 10.0);
  EXPECT_EQ(r.daysToWin.p90, 20.0);
  EXPECT_NEAR(r.daysToWin.mean, 15.0, 4 * 5 / std::sqrt(double(n)));
  EXPECT_NEAR(r.daysToWin.stddev, 5.0, 0.01);
}

TEST(SimulateTest, PercentilesOfATriangularTime) {
  // One stage of triangular(0, 10, 10) then won: F(x) = x^2 / 100, so
  // P10 = sqrt(10), P50 = sqrt(50), P90 = sqrt(90). The SE of a sample quantile is
  // sqrt(q (1 - q) / n) / f(x_q), f(x) = x / 50.
  Process p;
  addStage(p, "a", {0, 10, 10});
  addWon(p, "won");
  addEdge(p, 0, 1, 1.0);
  const double n = 400000;
  SimulationResult r = simulateOk(p, prospects(400000));
  for (auto [q, got] : {std::pair{0.1, r.daysToWin.p10}, std::pair{0.5, r.daysToWin.p50},
                        std::pair{0.9, r.daysToWin.p90}}) {
    const double x = std::sqrt(100 * q);
    EXPECT_NEAR(got, x, 4 * std::sqrt(q * (1 - q) / n) / (x / 50)) << q;
  }
}

void expectSameResult(const SimulationResult& a, const SimulationResult& b) {
  EXPECT_EQ(a.prospects, b.prospects);
  EXPECT_EQ(a.wins, b.wins);
  EXPECT_EQ(a.unfinished, b.unfinished);
  EXPECT_EQ(a.winRate, b.winRate);
  EXPECT_EQ(a.winRateLow, b.winRateLow);
  EXPECT_EQ(a.winRateHigh, b.winRateHigh);
  EXPECT_EQ(a.transitions, b.transitions);
  EXPECT_EQ(a.outcomeCounts, b.outcomeCounts);
  for (auto [x, y] :
       {std::pair{a.daysToWin, b.daysToWin}, std::pair{a.daysToClose, b.daysToClose}}) {
    EXPECT_EQ(x.count, y.count);
    EXPECT_EQ(x.mean, y.mean); // bit-identical, not merely close
    EXPECT_EQ(x.stddev, y.stddev);
    if (!std::isnan(x.p10)) {
      EXPECT_EQ(x.p10, y.p10);
      EXPECT_EQ(x.p50, y.p50);
      EXPECT_EQ(x.p90, y.p90);
    }
  }
}

TEST(SimulateTest, TheSameSeedGivesTheSameNumbersWhateverTheThreadCount) {
  // 50,001 prospects: 13 blocks of 4096, the last partial, split unevenly.
  const Process p = loop();
  SimulationResult one = simulateOk(p, prospects(50001, 9, 1));
  SimulationResult two = simulateOk(p, prospects(50001, 9, 2));
  SimulationResult three = simulateOk(p, prospects(50001, 9, 3));
  SimulationResult many = simulateOk(p, prospects(50001, 9, 64)); // more threads than blocks
  expectSameResult(one, two);
  expectSameResult(one, three);
  expectSameResult(one, many);
  SimulationResult again = simulateOk(p, prospects(50001, 9, 1));
  expectSameResult(one, again);
}

TEST(SimulateTest, AnotherSeedGivesOtherNumbers) {
  SimulationResult a = simulateOk(loop(), prospects(20000, 1));
  SimulationResult b = simulateOk(loop(), prospects(20000, 2));
  EXPECT_NE(a.daysToClose.mean, b.daysToClose.mean);
}

TEST(SimulateTest, ProspectIKeepsItsDrawsWhenMoreProspectsAreSimulated) {
  // The first block of 4096 prospects draws the same numbers in a run of 4096 and in a
  // run of 8192,
  // so the second run's wins are at least... exactly the first's plus the new ones'.
  Process p;
  addStage(p, "s");
  addWon(p, "won");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.5);
  addEdge(p, 0, 2, 0.5);
  SimulationResult small = simulateOk(p, prospects(4096, 3));
  SimulationResult large = simulateOk(p, prospects(8192, 3, 2));
  SimulationResult rest = simulateOk(p, prospects(8192, 3));
  EXPECT_EQ(large.wins, rest.wins);
  EXPECT_GE(large.wins, small.wins);
}

TEST(SimulateTest, MaxStepsStopsAProspectCaughtInALoop) {
  // a <-> b almost forever: b leads to won once in a billion visits. (A loop with no
  // way out at all is refused by verify() before any prospect is simulated.)
  Process p;
  addStage(p, "a");
  addStage(p, "b");
  addWon(p, "won");
  addEdge(p, 0, 1, 1.0);
  addEdge(p, 1, 0, 1.0 - 1e-9);
  addEdge(p, 1, 2, 1e-9);
  SimulationOptions o = prospects(100);
  o.maxSteps = 50;
  SimulationResult r = simulateOk(p, o);
  EXPECT_EQ(r.unfinished, 100u);
  EXPECT_EQ(r.wins, 0u);
  EXPECT_EQ(r.transitions, 5000u);
  EXPECT_EQ(r.daysToClose.count, 0u);
  EXPECT_TRUE(std::isnan(r.daysToClose.mean));
  EXPECT_TRUE(std::isnan(r.daysToWin.p50));
}

TEST(SimulateTest, StartingAtAnOutcomeEndsAtOnce) {
  Process p;
  addWon(p, "won");
  SimulationResult r = simulateOk(p, prospects(10));
  EXPECT_EQ(r.wins, 10u);
  EXPECT_EQ(r.transitions, 0u);
  EXPECT_EQ(r.daysToWin.mean, 0.0);
}

TEST(SimulateTest, ReportsProgressFromTheCallingThreadEndingAtOne) {
  for (unsigned threads : {1u, 2u}) {
    std::vector<double> seen;
    SimulationOptions o = prospects(100000, 1, threads);
    o.progress = [&](double f) { seen.push_back(f); };
    simulateOk(loop(), o);
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.back(), 1.0);
    for (size_t i = 1; i < seen.size(); ++i)
      EXPECT_LE(seen[i - 1], seen[i]);
  }
}

TEST(SimulateTest, WilsonIntervalMatchesTheFormula) {
  // 10 of 100, z = 1.959964: center (0.1 + z^2/200) / (1 + z^2/100), half-width
  // z sqrt(0.1 * 0.9 / 100 + z^2 / 40000) / (1 + z^2/100): (0.05523, 0.17437).
  auto [low, high] = wilsonInterval(10, 100);
  EXPECT_NEAR(low, 0.0552291370606751, 1e-12);
  EXPECT_NEAR(high, 0.17436566150491345, 1e-12);
  auto [zeroLow, zeroHigh] = wilsonInterval(0, 50);
  EXPECT_EQ(zeroLow, 0.0);
  EXPECT_NEAR(zeroHigh, 0.07134759913335872, 1e-12);
  auto [allLow, allHigh] = wilsonInterval(50, 50);
  EXPECT_NEAR(allLow, 0.9286524008666414, 1e-12);
  EXPECT_EQ(allHigh, 1.0);
}

TEST(SimulateTest, RejectsBadProcessesAndOptions) {
  EXPECT_EQ(simulateError(loop(), prospects(0)),
            "the number of prospects to simulate is 0; expected at least 1");
  EXPECT_EQ(simulateError(Process{}, prospects(1)), "the process has no states");

  Process sum = straightChain();
  sum.transitions[0].probability = 0.5;
  EXPECT_EQ(simulateError(sum, prospects(1)),
            "the transitions out of stage 'lead' add up to 90%; expected 100%");

  Process dead;
  addStage(dead, "a");
  addWon(dead, "won");
  EXPECT_EQ(simulateError(dead, prospects(1)),
            "stage 'a' can never reach a won or lost outcome, so a prospect there would stay in "
            "the process forever");

  Process range = straightChain();
  range.transitions[0].to = 9;
  EXPECT_EQ(simulateError(range, prospects(1)),
            "a transition refers to state index 9, but the process has 5 states");

  Process time = straightChain();
  time.states[1].time = Holding{5, 4, 9};
  EXPECT_EQ(simulateError(time, prospects(1)),
            "the time of 'meeting' is min 5, typical 4, max 9 days; expected 0 <= min <= typical "
            "<= max");

  Process start = straightChain();
  start.start = 5;
  EXPECT_EQ(simulateError(start, prospects(1)),
            "the start state is index 5, but the process has 5 states");
}

} // namespace
} // namespace salesc::rt
