//===- MarkovTest.cpp - Tests of the absorbing Markov chain analysis ------===//
//
// Every expected figure is worked out by hand in the comment above it.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Markov.h"

#include "salesc/runtime/Holding.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

#include <cmath>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;

constexpr double Tol = 1e-9;

Analysis analyzeOk(const Process& p) {
  llvm::Expected<Analysis> a = analyze(p);
  if (!a) {
    ADD_FAILURE() << llvm::toString(a.takeError());
    return Analysis{};
  }
  return std::move(*a);
}

std::string analyzeError(const Process& p) {
  llvm::Expected<Analysis> a = analyze(p);
  if (a) {
    ADD_FAILURE() << "expected an error";
    return "";
  }
  return llvm::toString(a.takeError());
}

TEST(MarkovTest, StraightChainMultipliesConversionRates) {
  // Win probability is the product of the rates still ahead:
  //   proposal 0.4, meeting 0.45*0.4 = 0.18, lead 0.6*0.18 = 0.108.
  // Time to close = own mean + rate onward * time to close of the next stage:
  //   proposal 7, meeting 5 + 0.45*7 = 8.15, lead 2 + 0.6*8.15 = 6.89.
  // Time to win: a win passes every stage ahead, so it is the plain sum of means:
  //   proposal 7, meeting 5+7 = 12, lead 2+5+7 = 14.
  // Visits from lead: lead 1, meeting 0.6, proposal 0.6*0.45 = 0.27;
  //   won 0.27*0.4 = 0.108, lost 0.4 + 0.6*0.55 + 0.27*0.6 = 0.4+0.33+0.162 = 0.892.
  Analysis a = analyzeOk(straightChain());
  ASSERT_EQ(a.winProbability.size(), 5u);
  EXPECT_NEAR(a.winProbability[0], 0.108, Tol);
  EXPECT_NEAR(a.winProbability[1], 0.18, Tol);
  EXPECT_NEAR(a.winProbability[2], 0.4, Tol);
  EXPECT_EQ(a.winProbability[3], 1.0);
  EXPECT_EQ(a.winProbability[4], 0.0);
  EXPECT_NEAR(a.winRate(), 0.108, Tol);

  EXPECT_NEAR(a.expectedDaysToClose[0], 6.89, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[1], 8.15, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[2], 7, Tol);
  EXPECT_EQ(a.expectedDaysToClose[3], 0.0);
  EXPECT_EQ(a.expectedDaysToClose[4], 0.0);

  EXPECT_NEAR(a.expectedDaysToWin[0], 14, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[1], 12, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[2], 7, Tol);
  EXPECT_EQ(a.expectedDaysToWin[3], 0.0);
  EXPECT_TRUE(std::isnan(a.expectedDaysToWin[4]));

  EXPECT_NEAR(a.expectedVisits[0], 1, Tol);
  EXPECT_NEAR(a.expectedVisits[1], 0.6, Tol);
  EXPECT_NEAR(a.expectedVisits[2], 0.27, Tol);
  EXPECT_NEAR(a.expectedVisits[3], 0.108, Tol);
  EXPECT_NEAR(a.expectedVisits[4], 0.892, Tol);
}

TEST(MarkovTest, TheContractsCommitteeSignsOffInParallel) {
  // The contract (TestProcess.h industrial()): the committee moves on
  // 0.9 * 0.7 * 0.95 = 0.5985, so from inquiry the win rate is 0.4 * 0.6 * 0.5985 =
  // 0.14364. Mean times: inquiry 10.5 (1 to 2 weeks, the midpoint typical), site_visit
  // 21, the committee the mean of the maximum of its roles' times, 6167/240 (HoldingTest).
  //   to win:   every stage once: 10.5 + 21 + 6167/240 = 13727/240 = 57.1958 days;
  //   to close: 10.5 + 0.4 * (21 + 0.6 * 6167/240) = 25.067 days.
  const double committee = 6167.0 / 240;
  Analysis a = analyzeOk(industrial());
  EXPECT_NEAR(a.winRate(), 0.14364, Tol);
  EXPECT_NEAR(a.winProbability[2], 0.5985, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[0], 13727.0 / 240, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[2], committee, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[0], 25.067, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[2], committee, Tol);
  EXPECT_EQ(a.meanDays, (std::vector<double>{10.5, 21, holdingMean(industrial().states[2]), 0, 0}));
  EXPECT_NEAR(a.meanDays[2], committee, Tol);
  // Visits 1, 0.4, 0.24: the committee's load 0.24 * 25.6958 = 6.167 against inquiry's
  // 10.5 and site_visit's 8.4.
  EXPECT_NEAR(a.timeShare[2], 0.24 * committee / 25.067, Tol);
  EXPECT_EQ(a.bottleneck, std::optional<uint32_t>(0));
}

TEST(MarkovTest, BottleneckAndTimeSharesOfTheStraightChain) {
  // Expected days per stage = visits * mean: lead 1*2 = 2, meeting 0.6*5 = 3,
  // proposal 0.27*7 = 1.89; total 6.89 = time to close from lead. Meeting is the
  // bottleneck; shares 2/6.89, 3/6.89, 1.89/6.89; outcomes 0.
  Analysis a = analyzeOk(straightChain());
  EXPECT_EQ(a.bottleneck, 1u);
  EXPECT_NEAR(a.timeShare[0], 2 / 6.89, Tol);
  EXPECT_NEAR(a.timeShare[1], 3 / 6.89, Tol);
  EXPECT_NEAR(a.timeShare[2], 1.89 / 6.89, Tol);
  EXPECT_EQ(a.timeShare[3], 0.0);
  EXPECT_EQ(a.timeShare[4], 0.0);
}

TEST(MarkovTest, LoopBackToThePreviousStageIsAGeometricSeries) {
  // qualify(0, mean 1) -80%-> demo(1, mean (1+2+3)/3 = 2), 20% -> lost(3);
  // demo -50%-> won(2), 10% back to qualify, 40% -> lost.
  // One pass qualify->demo->qualify happens with r = 0.8*0.1 = 0.08, so
  //   visits qualify = 1 + r + r^2 + ... = 1/0.92 = 25/23, demo = 0.8/0.92 = 20/23.
  //   win per pass 0.8*0.5 = 0.4: h(qualify) = 0.4/0.92 = 10/23,
  //   h(demo) = 0.5 + 0.1*10/23 = 25/46.
  //   won = (20/23)*0.5 = 10/23, lost = (25/23)*0.2 + (20/23)*0.4 = 13/23.
  //   t(qualify) = 25/23*1 + 20/23*2 = 65/23, t(demo) = 2 + 0.1*65/23 = 105/46
  //   (check: 1 + 0.8*105/46 = 130/46 = 65/23).
  // Time to win from qualify: K round trips before the winning pass, each pass
  // 1+2 = 3 days; P(K=k | win) is proportional to 0.08^k, so E[K | win] =
  // 0.08/0.92 = 2/23 and tau(qualify) = 3*(1 + 2/23) = 75/23 (> t: losing at
  // qualify is quick). From demo: [0.5*2 + 0.1*(10/23)*(2 + 75/23)] / (25/46)
  //   = (529/529 + 121/529) * 46/25 = 650/529 * 46/25 = 52/23.
  Process p;
  addStage(p, "qualify", {1, 1, 1});
  addStage(p, "demo", {1, 2, 3});
  addWon(p, "won");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.8);
  addEdge(p, 0, 3, 0.2);
  addEdge(p, 1, 2, 0.5);
  addEdge(p, 1, 0, 0.1);
  addEdge(p, 1, 3, 0.4);
  Analysis a = analyzeOk(p);
  EXPECT_NEAR(a.expectedVisits[0], 25.0 / 23, Tol);
  EXPECT_NEAR(a.expectedVisits[1], 20.0 / 23, Tol);
  EXPECT_NEAR(a.expectedVisits[2], 10.0 / 23, Tol);
  EXPECT_NEAR(a.expectedVisits[3], 13.0 / 23, Tol);
  EXPECT_NEAR(a.winProbability[0], 10.0 / 23, Tol);
  EXPECT_NEAR(a.winProbability[1], 25.0 / 46, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[0], 65.0 / 23, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[1], 105.0 / 46, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[0], 75.0 / 23, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[1], 52.0 / 23, Tol);
}

TEST(MarkovTest, SelfLoopVisitsAreOneOverOneMinusP) {
  // intro(0, mean 1) -100%-> negotiation(1, mean (2+3+4)/3 = 3);
  // negotiation -25%-> itself, 50% -> won(2), 25% -> lost(3).
  //   visits: intro 1, negotiation 1/(1-0.25) = 4/3;
  //   won (4/3)*0.5 = 2/3, lost (4/3)*0.25 = 1/3; h = 0.5/0.75 = 2/3 for both stages.
  //   t(negotiation) = 3*4/3 = 4, t(intro) = 1 + 4 = 5.
  //   The number of repeats does not depend on how negotiation ends, so time to
  //   win equals time to close: 4 and 5.
  //   Load: intro 1*1 = 1, negotiation (4/3)*3 = 4: shares 0.2 and 0.8, bottleneck 1.
  Process p;
  addStage(p, "intro", {1, 1, 1});
  addStage(p, "negotiation", {2, 3, 4});
  addWon(p, "won");
  addLost(p, "lost");
  addEdge(p, 0, 1, 1.0);
  addEdge(p, 1, 1, 0.25);
  addEdge(p, 1, 2, 0.5);
  addEdge(p, 1, 3, 0.25);
  Analysis a = analyzeOk(p);
  EXPECT_NEAR(a.expectedVisits[0], 1, Tol);
  EXPECT_NEAR(a.expectedVisits[1], 4.0 / 3, Tol);
  EXPECT_NEAR(a.expectedVisits[2], 2.0 / 3, Tol);
  EXPECT_NEAR(a.expectedVisits[3], 1.0 / 3, Tol);
  EXPECT_NEAR(a.winProbability[0], 2.0 / 3, Tol);
  EXPECT_NEAR(a.winProbability[1], 2.0 / 3, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[0], 5, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[1], 4, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[0], 5, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[1], 4, Tol);
  EXPECT_NEAR(a.timeShare[0], 0.2, Tol);
  EXPECT_NEAR(a.timeShare[1], 0.8, Tol);
  EXPECT_EQ(a.bottleneck, 1u);
}

TEST(MarkovTest, SeveralWonAndLostOutcomes) {
  // States interleave outcomes and stages; start is state 1:
  //   0 self-serve (won), 1 qualify (mean (0+1+2)/3 = 1), 2 disqualified (lost),
  //   3 demo (mean (2+4+6)/3 = 4), 4 enterprise (won), 5 competitor (lost),
  //   6 no decision (lost).
  // qualify: 50% demo, 20% disqualified, 30% self-serve.
  // demo: 50% enterprise, 25% competitor, 25% no decision.
  //   h(demo) = 0.5, h(qualify) = 0.3 + 0.5*0.5 = 0.55.
  //   Ending from qualify: self-serve 0.3, disqualified 0.2, enterprise 0.5*0.5 = 0.25,
  //   competitor 0.5*0.25 = 0.125, no decision 0.125 (sum 1).
  //   t(demo) = 4, t(qualify) = 1 + 0.5*4 = 3.
  //   Time to win from qualify: self-serve wins after 1 day (weight 0.3), enterprise
  //   after 1+4 = 5 days (weight 0.25): (0.3*1 + 0.25*5)/0.55 = 1.55/0.55 = 31/11.
  Process p;
  addWon(p, "self-serve");
  addStage(p, "qualify", {0, 1, 2});
  addLost(p, "disqualified");
  addStage(p, "demo", {2, 4, 6});
  addWon(p, "enterprise");
  addLost(p, "competitor");
  addLost(p, "no decision");
  p.start = 1;
  addEdge(p, 1, 3, 0.5);
  addEdge(p, 1, 2, 0.2);
  addEdge(p, 1, 0, 0.3);
  addEdge(p, 3, 4, 0.5);
  addEdge(p, 3, 5, 0.25);
  addEdge(p, 3, 6, 0.25);
  Analysis a = analyzeOk(p);
  EXPECT_NEAR(a.winRate(), 0.55, Tol);
  EXPECT_NEAR(a.winProbability[3], 0.5, Tol);
  EXPECT_EQ(a.winProbability[0], 1.0);
  EXPECT_EQ(a.winProbability[4], 1.0);
  EXPECT_EQ(a.winProbability[2], 0.0);
  EXPECT_EQ(a.winProbability[5], 0.0);
  EXPECT_EQ(a.winProbability[6], 0.0);

  EXPECT_NEAR(a.expectedVisits[1], 1, Tol);
  EXPECT_NEAR(a.expectedVisits[3], 0.5, Tol);
  EXPECT_NEAR(a.expectedVisits[0], 0.3, Tol);
  EXPECT_NEAR(a.expectedVisits[2], 0.2, Tol);
  EXPECT_NEAR(a.expectedVisits[4], 0.25, Tol);
  EXPECT_NEAR(a.expectedVisits[5], 0.125, Tol);
  EXPECT_NEAR(a.expectedVisits[6], 0.125, Tol);

  EXPECT_NEAR(a.expectedDaysToClose[1], 3, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[3], 4, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[1], 31.0 / 11, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[3], 4, Tol);
  EXPECT_EQ(a.expectedDaysToWin[0], 0.0);
  EXPECT_EQ(a.expectedDaysToWin[4], 0.0);
  EXPECT_TRUE(std::isnan(a.expectedDaysToWin[2]));
}

TEST(MarkovTest, TimeToWinIsConditionalOnWinning) {
  // screen(0, mean 1): 50% build, 20% hopeless, 30% lost.
  // build(1, mean (5+10+15)/3 = 10): 100% won.   hopeless(2, mean 2): 100% lost.
  //   h: build 1, hopeless 0 (exactly), screen 0.5.
  //   t(screen) = 1 + 0.5*10 + 0.2*2 = 6.4: most prospects leave quickly.
  //   Every win goes screen -> build, so tau(screen) = 1 + 10 = 11
  //   (h-transform: u = 1*0.5 + 0.5*(10*1) + 0.2*0 = 5.5, 5.5/0.5 = 11).
  //   tau(hopeless) is undefined (NaN): it never wins.
  Process p;
  addStage(p, "screen", {1, 1, 1});
  addStage(p, "build", {5, 10, 15});
  addStage(p, "hopeless", {1, 2, 3});
  addWon(p, "won");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.5);
  addEdge(p, 0, 2, 0.2);
  addEdge(p, 0, 4, 0.3);
  addEdge(p, 1, 3, 1.0);
  addEdge(p, 2, 4, 1.0);
  Analysis a = analyzeOk(p);
  EXPECT_NEAR(a.winProbability[0], 0.5, Tol);
  EXPECT_EQ(a.winProbability[1], 1.0);
  EXPECT_EQ(a.winProbability[2], 0.0);
  EXPECT_NEAR(a.expectedDaysToClose[0], 6.4, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[1], 10, Tol);
  EXPECT_NEAR(a.expectedDaysToClose[2], 2, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[0], 11, Tol);
  EXPECT_NEAR(a.expectedDaysToWin[1], 10, Tol);
  EXPECT_TRUE(std::isnan(a.expectedDaysToWin[2]));
}

TEST(MarkovTest, BottleneckTiesGoToTheLowestIndex) {
  // States: 0 "review" (mean 2), 1 "intro" (mean 2, the start), 2 won, 3 lost.
  // intro -> review 100%; review 50% won, 50% lost. Both stages are visited once
  // for 2 days: a tie, so the bottleneck is index 0 although intro comes first.
  // Shares 2/4 = 0.5 each.
  Process p;
  addStage(p, "review", {2, 2, 2});
  addStage(p, "intro", {1, 2, 3});
  addWon(p, "won");
  addLost(p, "lost");
  p.start = 1;
  addEdge(p, 1, 0, 1.0);
  addEdge(p, 0, 2, 0.5);
  addEdge(p, 0, 3, 0.5);
  Analysis a = analyzeOk(p);
  EXPECT_EQ(a.bottleneck, 0u);
  EXPECT_NEAR(a.timeShare[0], 0.5, Tol);
  EXPECT_NEAR(a.timeShare[1], 0.5, Tol);
}

TEST(MarkovTest, StagesWithoutTimeHaveNoBottleneck) {
  // Same shape with no times: every mean is 0, so all times are 0, time to win
  // is 0 where winning is possible, and there is no bottleneck.
  Process p;
  addStage(p, "review");
  addStage(p, "intro");
  addWon(p, "won");
  addLost(p, "lost");
  p.start = 1;
  addEdge(p, 1, 0, 1.0);
  addEdge(p, 0, 2, 0.5);
  addEdge(p, 0, 3, 0.5);
  Analysis a = analyzeOk(p);
  EXPECT_EQ(a.bottleneck, std::nullopt);
  EXPECT_EQ(a.timeShare, std::vector<double>(4, 0.0));
  EXPECT_EQ(a.expectedDaysToClose[1], 0.0);
  EXPECT_EQ(a.expectedDaysToWin[1], 0.0);
  EXPECT_NEAR(a.winRate(), 0.5, Tol);
}

TEST(MarkovTest, TrappedStagesAreNamedInTheError) {
  // demo <-> trial loop forever (the 0% edge to won is never taken) and limbo has
  // no transitions at all.
  Process p;
  addStage(p, "intro");
  addStage(p, "demo");
  addStage(p, "trial");
  addWon(p, "won");
  addLost(p, "lost");
  addStage(p, "limbo");
  addEdge(p, 0, 1, 0.5);
  addEdge(p, 0, 4, 0.5);
  addEdge(p, 1, 2, 1.0);
  addEdge(p, 2, 1, 1.0);
  addEdge(p, 2, 3, 0.0);
  EXPECT_EQ(analyzeError(p), "stages 'demo', 'trial' and 'limbo' can never reach a won or lost "
                             "outcome, so a prospect there would stay in the process forever");

  Process one;
  addStage(one, "stuck");
  addWon(one, "won");
  EXPECT_EQ(analyzeError(one), "stage 'stuck' can never reach a won or lost outcome, so a "
                               "prospect there would stay in the process forever");
}

TEST(MarkovTest, BrokenModelInvariantsAreErrors) {
  Process sums = straightChain();
  sums.transitions[1].probability = 0.3; // lead: 60% + 30%
  EXPECT_EQ(analyzeError(sums), "the transitions out of stage 'lead' add up to 90%; expected 100%");

  Process range = straightChain();
  range.transitions[0].probability = 1.2;
  range.transitions[1].probability = -0.2;
  EXPECT_EQ(analyzeError(range), "the transition from 'lead' to 'meeting' has probability 120%; "
                                 "expected a value between 0% and 100%");

  Process fromOutcome = straightChain();
  addEdge(fromOutcome, 3, 0, 0.0);
  EXPECT_EQ(analyzeError(fromOutcome),
            "outcome 'won' has a transition to 'lead'; an outcome ends the process");

  Process badIndex = straightChain();
  addEdge(badIndex, 0, 9, 0.0);
  EXPECT_EQ(analyzeError(badIndex),
            "a transition refers to state index 9, but the process has 5 states");

  Process badStart = straightChain();
  badStart.start = 5;
  EXPECT_EQ(analyzeError(badStart), "the start state is index 5, but the process has 5 states");

  Process badTime = straightChain();
  badTime.states[1].time = Holding{4, 2, 9};
  EXPECT_EQ(analyzeError(badTime), "the time of 'meeting' is min 4, typical 2, max 9 days; "
                                   "expected 0 <= min <= typical <= max");
}

TEST(MarkovTest, ProcessesWithoutStagesDoNotCrash) {
  // No states at all: empty figures and a win rate of 0.
  Analysis empty = analyzeOk(Process{});
  EXPECT_TRUE(empty.winProbability.empty());
  EXPECT_TRUE(empty.expectedVisits.empty());
  EXPECT_EQ(empty.bottleneck, std::nullopt);
  EXPECT_EQ(empty.winRate(), 0.0);

  // Only outcomes, starting at "won": the prospect ends there at once.
  Process outcomes;
  addWon(outcomes, "won");
  addLost(outcomes, "lost");
  Analysis a = analyzeOk(outcomes);
  EXPECT_EQ(a.winProbability, (std::vector<double>{1, 0}));
  EXPECT_EQ(a.expectedVisits, (std::vector<double>{1, 0}));
  EXPECT_EQ(a.expectedDaysToClose, (std::vector<double>{0, 0}));
  EXPECT_EQ(a.expectedDaysToWin[0], 0.0);
  EXPECT_TRUE(std::isnan(a.expectedDaysToWin[1]));
  EXPECT_EQ(a.timeShare, (std::vector<double>{0, 0}));
  EXPECT_EQ(a.bottleneck, std::nullopt);
  EXPECT_EQ(a.winRate(), 1.0);
}

TEST(MarkovTest, FiguresSatisfyTheirDefiningEquations) {
  // A larger process with skips and two loops back; check the defining equations
  // directly rather than hand-computed values:
  //   h_i = sum_j Q_ij h_j + R_i,won     t_i = m_i + sum_j Q_ij t_j
  //   v_j = [j = start] + sum_i v_i Q_ij  t(start) = sum_i v_i m_i
  //   outcome visits sum to 1 and the won ones to the win rate.
  Process p;
  addStage(p, "lead", {1, 2, 3});
  addStage(p, "call", {0, 1, 5});
  addStage(p, "demo", {2, 3, 7});
  addStage(p, "proposal", {4, 6, 11});
  addStage(p, "negotiation", {3, 5, 13});
  uint32_t won = addWon(p, "won");
  uint32_t partner = addWon(p, "won via partner");
  uint32_t lost = addLost(p, "lost");
  addEdge(p, 0, 1, 0.7);
  addEdge(p, 0, 2, 0.1);
  addEdge(p, 0, lost, 0.2);
  addEdge(p, 1, 2, 0.5);
  addEdge(p, 1, 0, 0.2);
  addEdge(p, 1, lost, 0.3);
  addEdge(p, 2, 3, 0.6);
  addEdge(p, 2, partner, 0.1);
  addEdge(p, 2, lost, 0.3);
  addEdge(p, 3, 4, 0.5);
  addEdge(p, 3, 2, 0.15);
  addEdge(p, 3, lost, 0.35);
  addEdge(p, 4, won, 0.55);
  addEdge(p, 4, 4, 0.15);
  addEdge(p, 4, lost, 0.3);
  Analysis a = analyzeOk(p);

  const size_t n = p.states.size();
  std::vector<double> hRhs(n, 0.0), tRhs(n, 0.0), vRhs(n, 0.0);
  for (uint32_t i = 0; i < n; ++i)
    if (!p.states[i].isOutcome())
      tRhs[i] = p.states[i].time.mean();
  vRhs[p.start] = 1.0;
  for (const Transition& tr : p.transitions) {
    hRhs[tr.from] += tr.probability * a.winProbability[tr.to];
    tRhs[tr.from] += tr.probability * a.expectedDaysToClose[tr.to];
    if (!p.states[tr.to].isOutcome())
      vRhs[tr.to] += a.expectedVisits[tr.from] * tr.probability;
  }
  double load = 0;
  for (uint32_t i = 0; i < 5; ++i) {
    EXPECT_NEAR(a.winProbability[i], hRhs[i], Tol) << p.states[i].name;
    EXPECT_NEAR(a.expectedDaysToClose[i], tRhs[i], Tol) << p.states[i].name;
    EXPECT_NEAR(a.expectedVisits[i], vRhs[i], Tol) << p.states[i].name;
    load += a.expectedVisits[i] * p.states[i].time.mean();
  }
  EXPECT_NEAR(a.expectedDaysToClose[p.start], load, Tol);
  EXPECT_NEAR(a.expectedVisits[won] + a.expectedVisits[partner] + a.expectedVisits[lost], 1, Tol);
  EXPECT_NEAR(a.expectedVisits[won] + a.expectedVisits[partner], a.winRate(), Tol);
}

/// The share stage i of a long chain sends on: 0.999, 0.998 or 0.997 in turn.
double onward(uint32_t i) {
  return 0.999 - 0.001 * (i % 3);
}
/// The mean time of stage i of a long chain: 1 to 5 days in turn.
double meanDays(uint32_t i) {
  return 1 + i % 5;
}

TEST(MarkovTest, FiveThousandStagesInARowHaveTheirClosedForms) {
  // Stage i sends p_i on (the last one to won) and the rest to lost. From stage i:
  //   win probability  prod_{k >= i} p_k
  //   days to close    sum_{j >= i} m_j prod_{i <= k < j} p_k (stage j is reached with
  //                    the product of the shares before it)
  //   days to win      sum_{j >= i} m_j (a winner passes every stage once)
  //   visits from s0   prod_{k < j} p_k
  const uint32_t n = 5000;
  Process p;
  for (uint32_t i = 0; i < n; ++i)
    addStage(p, "s" + std::to_string(i), {meanDays(i), meanDays(i), meanDays(i)});
  const uint32_t won = addWon(p, "won"), lost = addLost(p, "lost");
  for (uint32_t i = 0; i < n; ++i) {
    addEdge(p, i, i + 1 < n ? i + 1 : won, onward(i));
    addEdge(p, i, lost, 1 - onward(i));
  }
  Analysis a = analyzeOk(p);
  ASSERT_EQ(a.winProbability.size(), n + 2u);
  double win = 1, close = 0, toWin = 0;
  for (uint32_t i = n; i-- > 0;) {
    win *= onward(i);
    close = meanDays(i) + onward(i) * close;
    toWin += meanDays(i);
    EXPECT_NEAR(a.winProbability[i], win, 1e-12 * win) << i;
    EXPECT_NEAR(a.expectedDaysToClose[i], close, 1e-12 * close) << i;
    EXPECT_NEAR(a.expectedDaysToWin[i], toWin, 1e-12 * toWin) << i;
  }
  double reached = 1;
  for (uint32_t i = 0; i < n; ++i) {
    EXPECT_NEAR(a.expectedVisits[i], reached, 1e-12 * reached) << i;
    reached *= onward(i);
  }
  EXPECT_NEAR(a.expectedVisits[won], win, 1e-12 * win);
  EXPECT_NEAR(a.expectedVisits[lost], 1 - win, 1e-12);
}

TEST(MarkovTest, FiveThousandStagesWithLoopsBackHaveTheirClosedForms) {
  // 2,500 pairs (a_k, b_k): a_k sends p on to b_k, b_k sends r_k on to a_{k+1} (the
  // last to won) and s back to a_k; the rest is lost. Entering a pair at a_k:
  //   visits to a_k   1 / (1 - p s) (each round a -> b -> a has probability p s)
  //   visits to b_k   p / (1 - p s)
  //   leaving forward f_k = p r_k / (1 - p s)
  // so from a_0: win probability prod_k f_k; days to close sum_k (prod_{j<k} f_j)
  // (m_a + p m_b) / (1 - p s). Given that the prospect wins, it leaves b_k forward
  // with probability 1 - p s and goes back with p s (the h-transform: from b_k, r_k
  // h(a_{k+1}) / h(b_k) = 1 - p s), so days to win are sum_k (m_a + m_b) / (1 - p s).
  const uint32_t pairs = 2500;
  const double pOn = 0.999, s = 0.0015;
  auto r = [](uint32_t k) { return 0.998 - 0.001 * (k % 2); };
  const double ma = 2, mb = 3;
  Process p;
  for (uint32_t k = 0; k < pairs; ++k) {
    addStage(p, "a" + std::to_string(k), {ma, ma, ma});
    addStage(p, "b" + std::to_string(k), {mb, mb, mb});
  }
  const uint32_t won = addWon(p, "won"), lost = addLost(p, "lost");
  for (uint32_t k = 0; k < pairs; ++k) {
    const uint32_t a = 2 * k, b = 2 * k + 1;
    addEdge(p, a, b, pOn);
    addEdge(p, a, lost, 1 - pOn);
    addEdge(p, b, k + 1 < pairs ? a + 2 : won, r(k));
    addEdge(p, b, a, s);
    addEdge(p, b, lost, 1 - r(k) - s);
  }
  Analysis an = analyzeOk(p);
  double win = 1, close = 0, toWin = 0;
  for (uint32_t k = 0; k < pairs; ++k) {
    const double round = 1 - pOn * s;
    EXPECT_NEAR(an.expectedVisits[2 * k], win / round, 1e-12) << k;
    EXPECT_NEAR(an.expectedVisits[2 * k + 1], win * pOn / round, 1e-12) << k;
    close += win * (ma + pOn * mb) / round;
    toWin += (ma + mb) / round;
    win *= pOn * r(k) / round;
  }
  EXPECT_NEAR(an.winRate(), win, 1e-12 * win);
  EXPECT_NEAR(an.expectedDaysToClose[0], close, 1e-12 * close);
  EXPECT_NEAR(an.expectedDaysToWin[0], toWin, 1e-12 * toWin);
  EXPECT_NEAR(an.expectedVisits[won], win, 1e-12 * win);
}

TEST(MarkovTest, ALoopTooCloseToCertainIsRefused) {
  // a always goes on to b; b goes back to a with 1 - 2^-52 and loses the rest (about
  // 2e-16). Every stage reaches an outcome, so the model is sound, but the last pivot
  // of I - Q, 2^-52, is below 2 stages x epsilon: the figures would be noise.
  Process p;
  const uint32_t a = addStage(p, "a", {1, 1, 1}), b = addStage(p, "b", {1, 1, 1});
  const uint32_t lost = addLost(p, "lost");
  addWon(p, "won");
  addEdge(p, a, b, 1);
  addEdge(p, b, a, 1 - 0x1p-52);
  addEdge(p, b, lost, 0x1p-52);
  EXPECT_EQ(analyzeError(p), "the process cannot be analyzed: some loop between stages is "
                             "taken with a probability too close to 100%");
  // Losing 2^-40 (about 1e-12) of them instead is far enough from certain.
  p.transitions[1].probability = 1 - 0x1p-40;
  p.transitions[2].probability = 0x1p-40;
  Analysis an = analyzeOk(p);
  EXPECT_EQ(an.winRate(), 0);
  EXPECT_NEAR(an.expectedVisits[a], 0x1p40, 0x1p40 * 1e-3);
}

} // namespace
} // namespace salesc::rt

namespace salesc::rt {
namespace {

// The derived facts of straightChain(), worked by hand: mean times 2, 5 and 7 days
// and visits 1, 0.6 and 0.27 give loads 2, 3 and 1.89 (6.89 days to close): meeting
// leads, then lead, then proposal. The win rate is 0.108, the time to win 14 days.
TEST(MarkovFacts, BottlenecksTargetsDepthsAndLoops) {
  Process p = testing::straightChain();
  p.targetWinRate = 0.108;
  p.targetCycleDays = 14;
  llvm::Expected<Analysis> a = analyze(p);
  ASSERT_TRUE(bool(a));
  EXPECT_EQ(a->bottlenecks, (std::vector<uint32_t>{1, 0, 2}));
  EXPECT_EQ(a->bottleneck, 1u);
  EXPECT_EQ(a->winRateTargetMet, true);
  EXPECT_EQ(a->cycleTargetMet, true);
  EXPECT_EQ(a->depth, (std::vector<uint32_t>{0, 1, 2, 3, 1}));
  EXPECT_EQ(a->backEdges, std::vector<bool>(p.transitions.size(), false));

  // One tolerance, TargetTolerance, on both targets.
  p.targetWinRate = 0.108 + TargetTolerance / 2;
  p.targetCycleDays = 14 - TargetTolerance / 2;
  a = analyze(p);
  EXPECT_EQ(a->winRateTargetMet, true);
  EXPECT_EQ(a->cycleTargetMet, true);
  p.targetWinRate = 0.108 + 2 * TargetTolerance;
  p.targetCycleDays = 14 - 2 * TargetTolerance;
  a = analyze(p);
  EXPECT_EQ(a->winRateTargetMet, false);
  EXPECT_EQ(a->cycleTargetMet, false);
  EXPECT_TRUE(a->winsWithin(14));
  EXPECT_FALSE(a->winsWithin(13.99));

  // No target: no verdict. A loop back from proposal to meeting is a back edge.
  p.targetWinRate.reset();
  p.targetCycleDays.reset();
  p.transitions[5].probability = 0.3; // proposal -> lost
  testing::addEdge(p, 2, 1, 0.3);     // proposal -> meeting
  a = analyze(p);
  ASSERT_TRUE(bool(a)) << llvm::toString(a.takeError());
  EXPECT_FALSE(a->winRateTargetMet.has_value());
  EXPECT_FALSE(a->cycleTargetMet.has_value());
  EXPECT_TRUE(a->backEdges.back());
  EXPECT_EQ(std::count(a->backEdges.begin(), a->backEdges.end(), true), 1);
}

TEST(MarkovFacts, NoWinnerMeansNoCycleVerdict) {
  Process p;
  testing::addStage(p, "a", {1, 1, 1});
  testing::addWon(p, "won");
  testing::addLost(p, "lost");
  testing::addEdge(p, 0, 2, 1.0);
  p.targetCycleDays = 10;
  llvm::Expected<Analysis> a = analyze(p);
  ASSERT_TRUE(bool(a));
  EXPECT_FALSE(a->cycleTargetMet.has_value());
  EXPECT_FALSE(a->winsWithin(1000));
  EXPECT_EQ(a->bottlenecks, (std::vector<uint32_t>{0}));
}

} // namespace
} // namespace salesc::rt
