//===- VerifyTest.cpp - One check of a model's invariants, one wording -----===//
#include "salesc/runtime/Verify.h"

#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Simulate.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

namespace salesc::rt {
namespace {

using namespace testing;

std::string verifyError(const Process& p) {
  llvm::Error e = verify(p);
  return e ? llvm::toString(std::move(e)) : "no error";
}

/// The same broken model, whoever catches it, is described in the same words.
void everyConsumerSays(const Process& p, const std::string& message) {
  EXPECT_EQ(verifyError(p), message);
  llvm::Expected<Analysis> a = analyze(p);
  EXPECT_EQ(a ? "no error" : llvm::toString(a.takeError()), message);
  SimulationOptions o;
  o.prospects = 1;
  o.threads = 1;
  llvm::Expected<SimulationResult> s = simulate(p, o);
  EXPECT_EQ(s ? "no error" : llvm::toString(s.takeError()), message);
}

TEST(VerifyTest, AWellFormedProcessPasses) {
  EXPECT_EQ(verifyError(straightChain()), "no error");
  EXPECT_EQ(verifyError(Process{}), "no error");
}

TEST(VerifyTest, EveryConsumerReportsABrokenModelAlike) {
  Process sums = straightChain();
  sums.transitions[0].probability = 0.5;
  everyConsumerSays(sums, "the transitions out of stage 'lead' add up to 90%; expected 100%");

  Process slow = straightChain();
  slow.states[1].time = {1, 2, 40000};
  everyConsumerSays(slow, "the time of stage 'meeting' is over 36500 days (100 years)");

  Process stalled = straightChain();
  stalled.states[0].stalledAfter = -1;
  everyConsumerSays(stalled,
                    "the stall limit of stage 'lead' is -1 days; expected 0 to 36500 (100 years)");

  Process outcome = straightChain();
  addEdge(outcome, 3, 4, 1.0);
  everyConsumerSays(outcome, "outcome 'won' has a transition to 'lost'; an outcome ends the "
                             "process");

  Process trapped = straightChain();
  addStage(trapped, "limbo");
  addStage(trapped, "void");
  addEdge(trapped, 5, 6, 1.0);
  addEdge(trapped, 6, 5, 1.0);
  everyConsumerSays(trapped, "stages 'limbo' and 'void' can never reach a won or lost outcome, "
                             "so a prospect there would stay in the process forever");
}

TEST(VerifyTest, SettingsStayWithinTheLimits) {
  Process p = straightChain();
  p.value = 2e15;
  EXPECT_EQ(verifyError(p), "the value is 2e+15; expected above 0 and at most 1e15");
  p.value = 1e15;
  EXPECT_EQ(verifyError(p), "no error");
  p.targetWinRate = 0;
  EXPECT_EQ(verifyError(p),
            "the target win rate is 0; expected a probability above 0 and at most 1");
  p.targetWinRate = 1;
  p.targetCycleDays = limits::MaxDays + 1;
  EXPECT_EQ(verifyError(p), "the target cycle is 36501 days; expected more than 0 and at most "
                            "36500");
  p.targetCycleDays = std::nan("");
  EXPECT_NE(verifyError(p), "no error") << "NaN is not a number of days";
}

TEST(VerifyTest, TimesAreOrderedAndFinite) {
  Process p = straightChain();
  p.states[2].time = {5, 4, 9};
  EXPECT_EQ(verifyError(p), "the time of 'proposal' is min 5, typical 4, max 9 days; expected 0 "
                            "<= min <= typical <= max");
  p.states[2].time = {1, 2, INFINITY};
  EXPECT_EQ(verifyError(p), "the time of stage 'proposal' is over 36500 days (100 years)");
}

} // namespace
} // namespace salesc::rt
