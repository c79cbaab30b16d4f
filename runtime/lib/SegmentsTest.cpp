//===- SegmentsTest.cpp - Values per outcome, margin and segments in the analysis ===//
//
// Every expected figure is worked out by hand in the comment above it; the first test
// is the contract of issue 10 (TestProcess.h saasPlans).
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Sensitivity.h"
#include "salesc/runtime/Verify.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

#include <cmath>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;

std::string verifyError(const Process& p) {
  llvm::Error e = verify(p);
  if (!e) {
    ADD_FAILURE() << "expected an error";
    return "";
  }
  return llvm::toString(std::move(e));
}

// Small: reaches upgrade_prompt with 0.7 x 0.6 x 0.7 = 0.294, which wins 25% + 12%:
// win rate 0.294 x 0.37 = 0.10878; a lead is worth 0.294 x (0.25 x 600 + 0.12 x 1,440)
// = 0.294 x 322.8 = 94.9032 USD. Large: 0.7 x 0.6 x 0.8 = 0.336, win rate 0.12432, worth
// 0.336 x (0.25 x 6,000 + 0.12 x 14,400) = 0.336 x 3,228 = 1,084.608 USD. Blended:
// 0.8 x 0.10878 + 0.2 x 0.12432 = 0.111888 and 0.8 x 94.9032 + 0.2 x 1,084.608 =
// 292.84416 USD; the margin (80%) 234.275328 USD a lead.
TEST(SegmentsTest, TheContractsWinRatesAndValuesPerLead) {
  const Process p = saasPlans();
  const Analysis a = analyzed(p);
  ASSERT_EQ(a.segments.size(), 2u);
  EXPECT_EQ(a.segments[0].name, "small");
  EXPECT_EQ(a.segments[1].name, "large");
  EXPECT_CLOSE(a.segments[0].share, 0.8);
  const Analysis& small = a.segments[0].analysis;
  const Analysis& large = a.segments[1].analysis;
  EXPECT_CLOSE(small.winRate(), 0.10878);
  EXPECT_CLOSE(*small.valuePerLead(), 94.9032);
  EXPECT_CLOSE(*small.marginPerLead, 94.9032 * 0.8);
  EXPECT_CLOSE(large.winRate(), 0.12432);
  EXPECT_CLOSE(*large.valuePerLead(), 1084.608);
  EXPECT_CLOSE(a.winRate(), 0.111888);
  EXPECT_CLOSE(*a.valuePerLead(), 292.84416);
  EXPECT_CLOSE(*a.marginPerLead, 234.275328);
  // Each won outcome's value in a segment: its own, else the segment's value.
  EXPECT_CLOSE(small.winValue[4], 600);
  EXPECT_CLOSE(small.winValue[5], 1440);
  EXPECT_CLOSE(large.winValue[4], 6000);
  EXPECT_CLOSE(large.winValue[5], 14400);
  // The value of the wins from upgrade_prompt: 322.8 and 3,228; a win there is worth
  // 322.8 / 0.37 on average in small.
  EXPECT_CLOSE(small.winValue[3], 322.8);
  EXPECT_CLOSE(large.winValue[3], 3228);
  EXPECT_CLOSE(*small.valuePerWin(3), 322.8 / 0.37);
  EXPECT_EQ(a.winRateTargetMet, std::optional<bool>(true)); // 11.1888% >= 5%
}

// P(segment | stage) = share x reach / sum. Both reach trial_use with 0.42, so there the
// weights are the shares: h = 0.8 x 0.7 x 0.37 + 0.2 x 0.8 x 0.37 = 0.2664. upgrade_prompt:
// small 0.8 x 0.294 = 0.2352, large 0.2 x 0.336 = 0.0672: weights 7/9 and 2/9; h = 0.37
// in both; the value of its wins 7/9 x 322.8 + 2/9 x 3,228 = 968.4. Visits from the start
// are the share-weighted reach (no loops): 0.8 x 0.294 + 0.2 x 0.336 = 0.3024; the
// outcomes' probabilities likewise: paid_annual 0.12 x 0.3024. At an outcome too the
// segments weigh by their odds of having reached it.
TEST(SegmentsTest, StageFiguresWeighSegmentsByTheirOddsOfHavingReachedTheStage) {
  const Process p = saasPlans();
  const Analysis a = analyzed(p);
  EXPECT_CLOSE(a.winProbability[2], 0.2664);
  EXPECT_CLOSE(a.winProbability[3], 0.37);
  EXPECT_CLOSE(a.winValue[3], 968.4);
  EXPECT_CLOSE(a.winValue[2], 0.8 * 0.7 * 322.8 + 0.2 * 0.8 * 3228);
  EXPECT_CLOSE(a.expectedVisits[3], 0.3024);
  EXPECT_CLOSE(a.reachProbability[3], 0.3024);
  EXPECT_CLOSE(a.expectedVisits[5], 0.12 * 0.3024);
  EXPECT_CLOSE(a.winProbability[5], 1);
  // A win at paid_annual is small's with 0.8 x 0.294 x 0.12 / (that + 0.2 x 0.336 x 0.12) =
  // 7/9, as at upgrade_prompt: worth 7/9 x 1,440 + 2/9 x 14,400 = 4,320.
  EXPECT_CLOSE(a.winValue[5], 4320);
  // The blended win rate is the stage's reach times its blended win probability.
  EXPECT_CLOSE(a.winRate(), 0.42 * a.winProbability[2]);
  // Days to close from upgrade_prompt are its mean, (1 + 2 + 7) / 3, in both segments.
  EXPECT_CLOSE(a.expectedDaysToClose[3], 10.0 / 3);
  EXPECT_CLOSE(a.meanDays[2], 31.0 / 3);
}

// Two segments of the straight chain (lead -> meeting -> proposal -> won, means 2, 5, 7):
// A (30%) as it is, win rate 0.6 x 0.45 x 0.4 = 0.108 in 14 days; B (70%) with lead ->
// meeting 50%, proposal -> won 50% and every time doubled: win rate 0.5 x 0.45 x 0.5 =
// 0.1125 in 28 days. Blended win rate 0.3 x 0.108 + 0.7 x 0.1125 = 0.11115; time to win
// (0.3 x 0.108 x 14 + 0.7 x 0.1125 x 28) / 0.11115. At proposal A reached 0.27 and B
// 0.225: P(A | proposal) = 0.3 x 0.27 / (0.3 x 0.27 + 0.7 x 0.225) = 0.081 / 0.2385, and
// the stage's win probability 0.4 x that + 0.5 x the rest.
TEST(SegmentsTest, BlendedTimeToWinHasItsClosedForm) {
  Process p = straightChain();
  Process b = p;
  b.transitions[0].probability = 0.5;
  b.transitions[1].probability = 0.5;
  b.transitions[4].probability = 0.5;
  b.transitions[5].probability = 0.5;
  for (State& s : b.states) {
    s.time.min *= 2;
    s.time.typical *= 2;
    s.time.max *= 2;
  }
  p.segments.push_back(Segment{"a", "", 0.3, p});
  p.segments.push_back(Segment{"b", "", 0.7, b});
  const Analysis a = analyzed(p);
  EXPECT_CLOSE(a.winRate(), 0.11115);
  EXPECT_CLOSE(a.expectedDaysToWin[0], (0.3 * 0.108 * 14 + 0.7 * 0.1125 * 28) / 0.11115);
  const double wA = 0.081 / 0.2385;
  EXPECT_CLOSE(a.winProbability[2], wA * 0.4 + (1 - wA) * 0.5);
  EXPECT_CLOSE(a.expectedDaysToWin[2],
               (wA * 0.4 * 7 + (1 - wA) * 0.5 * 14) / (wA * 0.4 + (1 - wA) * 0.5));
  const double wMeeting = 0.3 * 0.6 / (0.3 * 0.6 + 0.7 * 0.5);
  EXPECT_CLOSE(a.winProbability[1], wMeeting * 0.18 + (1 - wMeeting) * 0.225);
  // No process value: no value figures.
  EXPECT_TRUE(a.winValue.empty());
  EXPECT_FALSE(a.valuePerLead());
  EXPECT_FALSE(a.marginPerLead);
  // Time shares still add up to 1: visits x mean days / days to close.
  double total = 0;
  for (uint32_t s = 0; s < 3; ++s)
    total += a.timeShare[s];
  EXPECT_CLOSE(total, 1);
  EXPECT_CLOSE(a.expectedDaysToClose[0],
               0.3 * (2 + 0.6 * 5 + 0.27 * 7) + 0.7 * (4 + 0.5 * 10 + 0.225 * 14));
}

// The quickstart's loop: demo -10%-> rep_call. rep_call is visited 0.6 / (1 - 0.45 x 0.1)
// times from inquiry but reached with 0.6: N(rep_call, rep_call) = 1 / 0.955.
TEST(SegmentsTest, ReachDividesTheVisitsByTheReturns) {
  const Process p = quickstartChain();
  const Analysis a = analyzed(p);
  EXPECT_CLOSE(a.expectedVisits[1], 0.6 / 0.955);
  EXPECT_CLOSE(a.reachProbability[1], 0.6);
  EXPECT_CLOSE(a.reachProbability[2], 0.27);
  EXPECT_CLOSE(a.reachProbability[0], 1);
  EXPECT_CLOSE(a.reachProbability[4], 0.054 / 0.955);
  // One value for every win: the value of a lead is the value times the win rate.
  EXPECT_CLOSE(*a.valuePerLead(), 15000 * 0.054 / 0.955);
  EXPECT_FALSE(a.marginPerLead); // no margin stated
  EXPECT_TRUE(a.segments.empty());
}

// A self-loop: a stage that repeats 50% of the time is reached once but visited twice.
TEST(SegmentsTest, ASelfLoopIsReachedOnce) {
  Process p;
  addStage(p, "talk", {1, 1, 1});
  addWon(p, "won");
  addLost(p, "lost");
  addEdge(p, 0, 0, 0.5);
  addEdge(p, 0, 1, 0.3);
  addRemainder(p, 0, 2, 0.2);
  const Analysis a = analyzed(p);
  EXPECT_CLOSE(a.expectedVisits[0], 2);
  EXPECT_CLOSE(a.reachProbability[0], 1);
}

// Two won outcomes, one with a value and one without, and no process value: the value of
// a lead is not known.
TEST(SegmentsTest, AWinWithoutAValueLeavesTheValueUnknown) {
  Process p;
  addStage(p, "offer");
  addWon(p, "monthly");
  addWon(p, "annual");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.3);
  addEdge(p, 0, 2, 0.2);
  addRemainder(p, 0, 3, 0.5);
  p.states[2].value = 1000;
  p.margin = 0.5;
  Analysis a = analyzed(p);
  EXPECT_TRUE(a.winValue.empty());
  EXPECT_FALSE(a.marginPerLead);
  // With the process's value the other win takes it: 0.3 x 100 + 0.2 x 1,000 = 230,
  // margin 115.
  p.value = 100;
  a = analyzed(p);
  EXPECT_CLOSE(*a.valuePerLead(), 230);
  EXPECT_CLOSE(*a.marginPerLead, 115);
  EXPECT_CLOSE(*a.valuePerWin(0), 460);
}

// One more point from trial_use's lost exit to upgrade_prompt, in both segments: each
// reaches trial_use with 0.42 and wins 0.37 from upgrade_prompt, so the win rate gains
// 0.01 x 0.42 x 0.37 = 0.001554 in both; the value gains 0.01 x 0.42 x 322.8 = 1.35576
// in small and 0.01 x 0.42 x 3,228 = 13.5576 in large, 3.796128 blended. upgrade_prompt
// -> paid_annual: small 0.01 x 0.294 (x 1,440 = 4.2336), large 0.01 x 0.336 (x 14,400 =
// 48.384): win rate 0.003024 and value 13.06368 blended.
TEST(SegmentsTest, SensitivityBlendsTheSegmentsGainsWithTheirWinValues) {
  const Process p = saasPlans();
  const Analysis a = analyzed(p);
  const std::vector<EdgeSensitivity> gains = sensitivity(p, a);
  auto gainOf = [&](uint32_t from, uint32_t to) {
    for (const EdgeSensitivity& e : gains)
      if (p.transitions[e.transition].from == from && p.transitions[e.transition].to == to)
        return e;
    ADD_FAILURE() << "no gain for " << from << " -> " << to;
    return EdgeSensitivity{};
  };
  const EdgeSensitivity trial = gainOf(2, 3);
  EXPECT_CLOSE(trial.winRateGain, 0.001554);
  EXPECT_CLOSE(*trial.valuePerLeadGain, 3.796128);
  const EdgeSensitivity annual = gainOf(3, 5);
  EXPECT_CLOSE(annual.winRateGain, 0.003024);
  EXPECT_CLOSE(*annual.valuePerLeadGain, 13.06368);
  EXPECT_EQ(gains.size(), 5u); // the stages' edges to a stage or a won outcome
  // Both plans gain the most win rate; by value the annual plan's edge is worth more.
  EXPECT_CLOSE(gains[0].winRateGain, 0.003024);
  EXPECT_CLOSE(*gainOf(3, 4).valuePerLeadGain, 0.8 * 0.00294 * 600 + 0.2 * 0.00336 * 6000);
}

// What a log without segments shows: at trial_use both segments are in their shares (both
// reached it with 0.42), so 0.8 x 70% + 0.2 x 80% = 72% move on, 28% lapse; elsewhere the
// segments agree. The blend is a valid chain; as the segments differ at one stage only,
// its win rate is the blended one (in general a mixture of chains is not a chain).
TEST(SegmentsTest, TheBlendedProcessMixesTheSegmentsAsTheyReachEachStage) {
  const Process p = saasPlans();
  const Process b = blendedProcess(p, analyzed(p));
  EXPECT_TRUE(b.segments.empty());
  ASSERT_EQ(b.transitions.size(), p.transitions.size());
  EXPECT_EQ(b.transitions[4].to, 3u);
  EXPECT_CLOSE(b.transitions[4].probability, 0.72);
  EXPECT_CLOSE(b.transitions[5].probability, 0.28);
  EXPECT_TRUE(b.transitions[5].implicit);
  EXPECT_CLOSE(b.transitions[0].probability, 0.7);
  EXPECT_CLOSE(b.transitions[7].probability, 0.12);
  EXPECT_FALSE(verify(b));
  EXPECT_CLOSE(analyzed(b).winRate(), 0.111888);
  // Without segments, the process itself.
  const Process q = straightChain();
  EXPECT_EQ(blendedProcess(q, analyzed(q)).transitions.size(), q.transitions.size());
}

TEST(SegmentsTest, VerifyChecksSegmentsValuesAndTheMargin) {
  Process p = saasPlans();
  EXPECT_FALSE(verify(p));

  Process q = p;
  q.segments[1].share = 0.3;
  EXPECT_EQ(verifyError(q), "the shares of the segments add up to 110%; expected 100%");
  q = p;
  q.segments[0].process.segments.push_back(q.segments[1]);
  EXPECT_EQ(verifyError(q), "segment 'small' has segments of its own");
  q = p;
  q.segments[1].process.states[4].name = "monthly";
  EXPECT_EQ(verifyError(q), "state 4 of segment 'large' is won 'monthly'; expected won "
                            "'paid_monthly', as in the process");
  q = p;
  q.segments[1].process.states.pop_back();
  EXPECT_EQ(verifyError(q), "segment 'large' has 6 states starting at index 0; expected the 7 "
                            "states of the process, starting at index 0");
  q = p;
  q.segments[1].name = "small";
  EXPECT_EQ(verifyError(q), "segment 'small' is declared twice");
  q = p;
  q.segments[1].process.transitions[4].probability = 0.9;
  EXPECT_EQ(verifyError(q), "segment 'large': the transitions out of stage 'trial_use' add up "
                            "to 110%; expected 100%");
  q = p;
  q.segments[1].process.currency = "EUR";
  EXPECT_EQ(verifyError(q), "segment 'large' counts in EUR; expected USD, the process's currency");
  q = p;
  q.margin = 1.2;
  EXPECT_EQ(verifyError(q), "the margin is 120%; expected above 0% and at most 100%");
  q = p;
  q.margin = 0;
  EXPECT_EQ(verifyError(q), "the margin is 0%; expected above 0% and at most 100%");
  q = p;
  q.states[6].value = 10;
  EXPECT_EQ(verifyError(q), "lost outcome 'abandoned' has a value; only won outcomes have one");
  q = p;
  q.states[5].value = 2e15;
  EXPECT_EQ(verifyError(q),
            "the value of outcome 'paid_annual' is 2e+15; expected above 0 and at most 1e15");
}

} // namespace
} // namespace salesc::rt
