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

TEST(VerifyTest, SignoffStages) {
  EXPECT_EQ(verifyError(industrial()), "no error");
  auto broken = [](const std::function<void(Process&)>& edit) {
    Process p = industrial();
    edit(p);
    return verifyError(p);
  };
  EXPECT_EQ(broken([](Process& p) { p.states[2].signoffs[1].share = 0; }),
            "role 'cfo' approves 0% at stage 'committee'; expected a share above 0% and at most "
            "100%");
  EXPECT_EQ(broken([](Process& p) { p.states[2].signoffs[1].share = 1.5; }),
            "role 'cfo' approves 150% at stage 'committee'; expected a share above 0% and at "
            "most 100%");
  EXPECT_EQ(broken([](Process& p) {
              p.states[2].signoffs[0].time = {9, 8, 10};
            }),
            "the time of role 'plant_manager' at stage 'committee' is min 9, typical 8, max 10 "
            "days; expected 0 <= min <= typical <= max");
  EXPECT_EQ(broken([](Process& p) { p.states[2].signoffs[2].time.max = 1e9; }),
            "the time of role 'safety' at stage 'committee' is over 36500 days (100 years)");
  EXPECT_EQ(broken([](Process& p) {
              p.states[2].time = {1, 2, 3};
              p.states[2].hasTime = true;
            }),
            "stage 'committee' has both a time and sign-offs; a sign-off stage lasts until its "
            "last role answers");
  EXPECT_EQ(broken([](Process& p) { p.states[2].signoffs[2].role = "cfo"; }),
            "role 'cfo' signs off twice at stage 'committee'");
  EXPECT_EQ(broken([](Process& p) { p.roles.pop_back(); }),
            "role 'safety' signs off at stage 'committee' but is not a role of the process");
  EXPECT_EQ(broken([](Process& p) {
              p.states[2].signoffs.resize(65, {"x", 1, {}});
            }),
            "stage 'committee' has 65 sign-offs; salesc analyzes at most 64 per stage");
  EXPECT_EQ(broken([](Process& p) {
              p.states[3].signoffs = {{"cfo", 1, {}}};
            }),
            "outcome 'order' has sign-offs; only stages have them");
  // The approved share travels on the one explicit transition, as the product.
  EXPECT_EQ(broken([](Process& p) { p.transitions[4].implicit = true; }),
            "sign-off stage 'committee' has 0 transitions besides the remainder; expected one, "
            "to its 'next' target");
  EXPECT_EQ(broken([](Process& p) {
              p.transitions[4].probability = 0.5;
              p.transitions[5].probability = 0.5;
            }),
            "the transition from sign-off stage 'committee' to 'order' has probability 50%; "
            "expected 59.85%, the product of the roles' shares");
  // Owners are teams of the process.
  EXPECT_EQ(broken([](Process& p) { p.states[0].owner = "marketing"; }),
            "stage 'inquiry' is owned by 'marketing', which is not a team of the process");
  EXPECT_EQ(broken([](Process& p) {
              p.states[0].owner = "marketing";
              p.teams.push_back({"marketing", "Marketing"});
            }),
            "no error");
}

} // namespace
} // namespace salesc::rt
