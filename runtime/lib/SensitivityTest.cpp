//===- SensitivityTest.cpp - Gains from one more point of conversion ------===//
#include "salesc/runtime/Sensitivity.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace salesc::rt {
namespace {

using namespace testing;

/// Stages s0..sN-1 in a row: stage i sends rates[i] to the next (the last to won) and
/// the rest to lost.
Process chain(const std::vector<double>& rates) {
  Process p;
  std::vector<uint32_t> stages;
  for (size_t i = 0; i < rates.size(); ++i)
    stages.push_back(addStage(p, "s" + std::to_string(i), {1, 1, 1}));
  uint32_t won = addWon(p, "won"), lost = addLost(p, "lost");
  for (size_t i = 0; i < rates.size(); ++i) {
    addEdge(p, stages[i], i + 1 < rates.size() ? stages[i + 1] : won, rates[i]);
    if (rates[i] < 1)
      addEdge(p, stages[i], lost, 1 - rates[i]);
  }
  return p;
}

TEST(SensitivityTest, StraightChainGainsAreTheOtherRates) {
  // a -60%-> b -40%-> won, the rest lost. Win rate 0.6 * 0.4 = 0.24.
  // One more point on a->b: 0.61 * 0.4 = 0.244, a gain of 0.004.
  // One more point on b->won: 0.6 * 0.41 = 0.246, a gain of 0.006: the better lever.
  Process p = chain({0.6, 0.4});
  p.value = 1000;
  auto a = analyze(p);
  ASSERT_TRUE(bool(a));
  std::vector<EdgeSensitivity> s = sensitivity(p, *a);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(p.states[p.transitions[s[0].transition].to].kind, StateKind::Won);
  EXPECT_NEAR(s[0].winRateGain, 0.006, 1e-12);
  EXPECT_NEAR(*s[0].valuePerLeadGain, 6.0, 1e-9);
  EXPECT_NEAR(s[1].winRateGain, 0.004, 1e-12);
}

TEST(SensitivityTest, StagesThatLoseNoOneHaveNoLever) {
  // a sends everyone to b: moving a point needs a lost share to move.
  Process p = chain({1.0, 0.5});
  auto a = analyze(p);
  ASSERT_TRUE(bool(a));
  std::vector<EdgeSensitivity> s = sensitivity(p, *a);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0].winRateGain, 0.01, 1e-12); // 1.0 * 0.51 - 1.0 * 0.5
  EXPECT_FALSE(s[0].valuePerLeadGain) << "no value stated";
}

TEST(SensitivityTest, AStageLosingLessThanAPointMovesAllItLosesAndSaysSo) {
  // a -99.6%-> b -50%-> won: a loses 0.4%, which is all that can move onto a -> b:
  // 1.0 * 0.5 - 0.996 * 0.5 = 0.002. b moves a full point: 0.996 * 0.01 = 0.00996.
  Process p = chain({0.996, 0.5});
  std::vector<EdgeSensitivity> s = sensitivity(p, analyzed(p));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_CLOSE(s[0].shareStep, 0.01);
  EXPECT_CLOSE(s[0].winRateGain, 0.00996);
  EXPECT_CLOSE(s[1].shareStep, 0.004);
  EXPECT_CLOSE(s[1].winRateGain, 0.002);
}

/// Each gain of sensitivity(p) against solving the changed chain again; every stage
/// with a lever loses at least 1% to `lost`, its only lost outcome, and p.value is 100.
void expectGainsOfSolvingAgain(const Process& p, uint32_t lost) {
  auto base = analyze(p);
  ASSERT_TRUE(bool(base));
  std::vector<EdgeSensitivity> s = sensitivity(p, *base);
  for (const EdgeSensitivity& e : s) {
    const Transition& t = p.transitions[e.transition];
    Process q = p;
    double lostShare = 0;
    for (const Transition& o : p.transitions)
      if (o.from == t.from && o.to == lost)
        lostShare += o.probability;
    for (Transition& o : q.transitions)
      if (o.from == t.from && o.to == lost)
        o.probability -= 0.01 * o.probability / lostShare;
    q.transitions[e.transition].probability += 0.01;
    auto changed = analyze(q);
    ASSERT_TRUE(bool(changed));
    EXPECT_NEAR(e.winRateGain, changed->winRate() - base->winRate(), 1e-12)
        << p.states[t.from].name << " -> " << p.states[t.to].name;
    EXPECT_NEAR(*e.valuePerLeadGain, 100 * e.winRateGain, 1e-9);
  }
  for (size_t i = 1; i < s.size(); ++i)
    EXPECT_GE(s[i - 1].winRateGain, s[i].winRateGain) << "best first";
}

/// The update formula against solving the changed chain again, on a process with a
/// loop back, an edge to a stage and edges to two won outcomes.
TEST(SensitivityTest, AgreesWithSolvingTheChangedChainAgain) {
  Process p;
  uint32_t a = addStage(p, "a", {1, 2, 3}), b = addStage(p, "b", {2, 2, 2}),
           c = addStage(p, "c", {1, 1, 1});
  uint32_t won = addWon(p, "won"), big = addWon(p, "big"), lost = addLost(p, "lost");
  addEdge(p, a, b, 0.5);
  addEdge(p, a, lost, 0.5);
  addEdge(p, b, c, 0.4);
  addEdge(p, b, a, 0.2);
  addEdge(p, b, lost, 0.4);
  addEdge(p, c, won, 0.3);
  addEdge(p, c, big, 0.1);
  addEdge(p, c, b, 0.3);
  addEdge(p, c, lost, 0.3);
  p.value = 100;
  auto base = analyze(p);
  ASSERT_TRUE(bool(base));
  EXPECT_EQ(sensitivity(p, *base).size(), 6u); // every edge but the three to lost
  expectGainsOfSolvingAgain(p, lost);
}

/// The same on a longer chain whose loops go back one stage, two stages and to the
/// start, and some stages skip one ahead: edges on a loop and edges off every loop.
TEST(SensitivityTest, AgreesWithSolvingAgainOnALongChainWithLoops) {
  const uint32_t n = 40;
  Process p;
  for (uint32_t i = 0; i < n; ++i)
    addStage(p, "s" + std::to_string(i), {1, 1.0 + i % 4, 6});
  const uint32_t won = addWon(p, "won"), lost = addLost(p, "lost");
  for (uint32_t i = 0; i < n; ++i) {
    double rest = 1;
    auto edge = [&](uint32_t to, double share) {
      addEdge(p, i, to, share);
      rest -= share;
    };
    edge(i + 1 < n ? i + 1 : won, 0.6);
    if (i % 3 == 2)
      edge(i - 2, 0.1);
    if (i % 7 == 6)
      edge(0, 0.05);
    if (i % 5 == 1 && i + 2 < n)
      edge(i + 2, 0.1);
    if (i % 11 == 4)
      edge(i - 1, 0.08);
    addEdge(p, i, lost, rest);
  }
  p.value = 100;
  expectGainsOfSolvingAgain(p, lost);
}

TEST(SensitivityTest, FiveThousandStagesInARow) {
  // Stage i sends p_i = 0.999, 0.998 or 0.997 on and loses the rest, less than a
  // point: all of it moves. The win rate W = prod p_k becomes W (p_i + (1 - p_i)) / p_i,
  // a gain of W (1 - p_i) / p_i.
  std::vector<double> rates;
  for (uint32_t i = 0; i < 5000; ++i)
    rates.push_back(0.999 - 0.001 * (i % 3));
  Process p = chain(rates);
  auto a = analyze(p);
  ASSERT_TRUE(bool(a));
  std::vector<EdgeSensitivity> s = sensitivity(p, *a);
  ASSERT_EQ(s.size(), rates.size());
  for (const EdgeSensitivity& e : s) {
    const double rate = rates[p.transitions[e.transition].from];
    EXPECT_NEAR(e.winRateGain, a->winRate() * (1 - rate) / rate, 1e-12 * a->winRate())
        << "stage " << p.transitions[e.transition].from;
  }
}

TEST(SensitivityTest, OneMorePointOfApprovalByEachRole) {
  // The contract: the committee is reached by 0.4 * 0.6 = 0.24 of the leads and sends
  // a = 0.5985 to the order. One more point by a role with share s multiplies a by
  // (s + 0.01) / s, so the win rate gains 0.24 * a * 0.01 / s:
  //   plant_manager (90%) 0.0014364 / 0.9 = 0.001596, cfo (70%) 0.002052,
  //   safety (95%) 0.001512; times 240,000 EUR a lead: 383.04, 492.48, 362.88 EUR.
  Process p = industrial();
  auto a = analyze(p);
  ASSERT_TRUE(bool(a));
  std::vector<SignoffSensitivity> s = signoffSensitivity(p, *a);
  ASSERT_EQ(s.size(), 3u);
  const double gains[] = {0.001596, 0.002052, 0.001512};
  const double values[] = {383.04, 492.48, 362.88};
  for (uint32_t r = 0; r < 3; ++r) {
    EXPECT_EQ(s[r].state, 2u);
    EXPECT_EQ(s[r].signoff, r);
    EXPECT_EQ(s[r].shareStep, 0.01);
    EXPECT_NEAR(s[r].winRateGain, gains[r], 1e-15);
    EXPECT_NEAR(*s[r].valuePerLeadGain, values[r], 1e-9);
  }
}

/// Each role's gain against solving again the chain whose role approves one point more
/// (the approved edge scaled, the remainder edges of the stage paying for it).
void expectRoleGainsOfSolvingAgain(const Process& p) {
  auto base = analyze(p);
  ASSERT_TRUE(bool(base));
  for (const SignoffSensitivity& e : signoffSensitivity(p, *base)) {
    Process q = p;
    Signoff& role = q.states[e.state].signoffs[e.signoff];
    double approved = 0, rest = 0;
    for (const Transition& t : p.transitions)
      if (t.from == e.state)
        (t.implicit ? rest : approved) += t.probability;
    const double moved = approved * e.shareStep / role.share; // a (s + step) / s - a
    role.share += e.shareStep;
    for (Transition& t : q.transitions)
      if (t.from == e.state)
        t.probability =
            std::max(0.0, t.probability + (t.implicit ? -moved * t.probability / rest : moved));
    auto changed = analyze(q);
    ASSERT_TRUE(bool(changed)) << llvm::toString(changed.takeError());
    EXPECT_NEAR(e.winRateGain, changed->winRate() - base->winRate(), 1e-12)
        << p.states[e.state].name << ", role " << e.signoff;
  }
}

TEST(SensitivityTest, RoleGainsAgreeWithSolvingAgainWhenTheRemainderLoopsBack) {
  // prepare -70%-> review (a: 80% within 2 to 6 days, b: 50% within 1 to 9 days; approved
  // 40% -> won, otherwise back to prepare); prepare loses 30%. The remainder is a loop,
  // so N(prepare, review) enters the update.
  Process p;
  const uint32_t prepare = addStage(p, "prepare", {1, 2, 3});
  const uint32_t review =
      addSignoffStage(p, "review", {{"a", 0.8, {2, 3, 6}}, {"b", 0.5, {1, 5, 9}}});
  const uint32_t won = addWon(p, "won"), lost = addLost(p, "lost");
  addEdge(p, prepare, review, 0.7);
  addRemainder(p, prepare, lost, 0.3);
  addEdge(p, review, won, 0.4);
  addRemainder(p, review, prepare, 0.6);
  p.value = 100;
  expectRoleGainsOfSolvingAgain(p);
  // With the remainder lost instead, no loop: the plain product rule.
  p.transitions.back().to = lost;
  expectRoleGainsOfSolvingAgain(p);
  expectRoleGainsOfSolvingAgain(industrial());
}

TEST(SensitivityTest, ARoleNearOrAtAllApprovingGainsWhatIsLeft) {
  // Shares 99.5% and 100%: the first gains half a point, the second none.
  Process p;
  const uint32_t review =
      addSignoffStage(p, "review", {{"a", 0.995, {1, 2, 3}}, {"b", 1.0, {1, 1, 1}}});
  const uint32_t won = addWon(p, "won"), lost = addLost(p, "lost");
  addEdge(p, review, won, 0.995);
  addRemainder(p, review, lost, 0.005);
  auto a = analyze(p);
  ASSERT_TRUE(bool(a));
  std::vector<SignoffSensitivity> s = signoffSensitivity(p, *a);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_NEAR(s[0].shareStep, 0.005, 1e-15);
  EXPECT_NEAR(s[0].winRateGain, 0.005, 1e-15);
  EXPECT_EQ(s[1].shareStep, 0);
  EXPECT_EQ(s[1].winRateGain, 0);
  EXPECT_FALSE(s[0].valuePerLeadGain) << "no value stated";
  expectRoleGainsOfSolvingAgain(p);
}

} // namespace
} // namespace salesc::rt
