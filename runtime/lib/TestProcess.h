//===- TestProcess.h - Terse construction of processes for unit tests -----===//
#ifndef SALESC_RUNTIME_TESTPROCESS_H
#define SALESC_RUNTIME_TESTPROCESS_H

#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"
#include "salesc/runtime/Random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include <string>
#include <utility>
#include <vector>

/// EXPECT_NEAR with a tolerance of 1e-9 relative to the expected figure (absolute below 1).
#define EXPECT_CLOSE(actual, expected)                                                             \
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(double(expected))))

namespace salesc::rt::testing {

/// The analysis of `p`, or an empty one after a test failure that says why.
inline Analysis analyzed(const Process& p) {
  llvm::Expected<Analysis> a = analyze(p);
  if (!a) {
    ADD_FAILURE() << llvm::toString(a.takeError());
    return Analysis{};
  }
  return std::move(*a);
}

/// Appends a state and returns its index.
inline uint32_t addState(Process& p, std::string name, StateKind kind, Holding time = {}) {
  State s;
  s.name = std::move(name);
  s.kind = kind;
  s.time = time;
  s.hasTime = time.max > 0;
  p.states.push_back(std::move(s));
  return static_cast<uint32_t>(p.states.size() - 1);
}

inline uint32_t addStage(Process& p, std::string name, Holding time = {}) {
  return addState(p, std::move(name), StateKind::Stage, time);
}
inline uint32_t addWon(Process& p, std::string name) {
  return addState(p, std::move(name), StateKind::Won);
}
inline uint32_t addLost(Process& p, std::string name) {
  return addState(p, std::move(name), StateKind::Lost);
}

inline void addEdge(Process& p, uint32_t from, uint32_t to, double probability) {
  p.transitions.push_back(Transition{from, to, probability, false});
}

/// The remainder edge the source left implicit (`otherwise`, or to the one lost outcome).
inline void addRemainder(Process& p, uint32_t from, uint32_t to, double probability) {
  p.transitions.push_back(Transition{from, to, probability, true});
}

/// Appends a sign-off stage (no time of its own) whose roles sign off with the given
/// shares and times, declaring each role in p.roles if it is not yet; returns its index.
/// Its transitions are added with addEdge (the approved share, the product of the
/// shares) and addRemainder.
inline uint32_t addSignoffStage(Process& p, std::string name, std::vector<Signoff> signoffs) {
  for (const Signoff& s : signoffs) {
    bool declared = false;
    for (const Role& r : p.roles)
      declared = declared || r.name == s.role;
    if (!declared)
      p.roles.push_back(Role{s.role, "", {}});
  }
  const uint32_t i = addStage(p, std::move(name));
  p.states[i].signoffs = std::move(signoffs);
  return i;
}

/// lead(0) -60%-> meeting(1) -45%-> proposal(2) -40%-> won(3); the remainders to
/// lost(4). Mean times 2, 5 and 7 days. Worked by hand in MarkovTest: win
/// probabilities 0.108, 0.18, 0.4; days to win 14; days to close 6.89 from lead.
inline Process straightChain() {
  Process p;
  addStage(p, "lead", {1, 2, 3});
  addStage(p, "meeting", {2, 4, 9});
  addStage(p, "proposal", {3, 6, 12});
  addWon(p, "won");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.60);
  addEdge(p, 0, 4, 0.40);
  addEdge(p, 1, 2, 0.45);
  addEdge(p, 1, 4, 0.55);
  addEdge(p, 2, 3, 0.40);
  addEdge(p, 2, 4, 0.60);
  return p;
}

/// The contract (examples/industrial.sales), by hand: inquiry(0), 1 to 2 weeks,
/// -40%-> site_visit(1), 2 to 4 weeks, -60%-> committee(2), where plant_manager signs off
/// 90% within 1 to 2 weeks, cfo 70% within 2 to 6 weeks typical 3 weeks and safety 95%
/// within 1 to 3 weeks, -59.85%-> order(3, won); the remainders to lost(4). Value
/// 240,000 EUR. Worked by hand in HoldingTest and MarkovTest: win rate 14.364%, the
/// committee's mean time 6167/240 days.
inline Process industrial() {
  Process p;
  p.name = "direct_press";
  p.value = 240'000;
  p.currency = "EUR";
  addStage(p, "inquiry", {7, 10.5, 14});
  addStage(p, "site_visit", {14, 21, 28});
  addSignoffStage(p, "committee",
                  {{"plant_manager", 0.90, {7, 10.5, 14}},
                   {"cfo", 0.70, {14, 21, 42}},
                   {"safety", 0.95, {7, 14, 21}}});
  addWon(p, "order");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.40);
  addRemainder(p, 0, 4, 0.60);
  addEdge(p, 1, 2, 0.60);
  addRemainder(p, 1, 4, 0.40);
  const double approved = 0.90 * 0.70 * 0.95;
  addEdge(p, 2, 3, approved);
  addRemainder(p, 2, 4, 1 - approved);
  return p;
}

/// examples/quickstart.sales: inquiry(0) -60%-> rep_call(1) -45%-> demo(2) -50%->
/// proposal(3) -40%-> signed(4), demo -10%-> rep_call, the remainders to lost(5); value
/// 15,000. Win rate 0.054 / 0.955 (RoiTest works it out).
inline Process quickstartChain() {
  Process p;
  addStage(p, "inquiry", {1, 2, 3});
  addStage(p, "rep_call", {2, 3, 7});
  addStage(p, "demo", {7, 10.5, 14});
  addStage(p, "proposal", {7, 14, 21});
  addWon(p, "signed");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.6);
  addRemainder(p, 0, 5, 0.4);
  addEdge(p, 1, 2, 0.45);
  addRemainder(p, 1, 5, 0.55);
  addEdge(p, 2, 3, 0.5);
  addEdge(p, 2, 1, 0.1);
  addRemainder(p, 2, 5, 0.4);
  addEdge(p, 3, 4, 0.4);
  addRemainder(p, 3, 5, 0.6);
  p.value = 15000;
  return p;
}

/// The contract of issue 10 (examples/saas_plans.sales), by hand: self_serve_trial of
/// stdlib/std/processes.sales with `paid` removed. sign_up(0), 1 to 24 hours, -70%->
/// activation(1), 1 to 5 days typical 2, -60%-> trial_use(2), 7 to 14 days typical 10,
/// -70%-> upgrade_prompt(3), 1 to 7 days typical 2, -25%-> paid_monthly(4, won), -12%->
/// paid_annual(5, won, value 1,440 USD); the remainders to abandoned(6, lost). Value 600
/// USD, margin 80%. Segment small (80%) is the process as it is; segment large (20%) has
/// value 6,000 USD, paid_annual 14,400 USD and trial_use -80%-> upgrade_prompt.
inline Process saasPlans() {
  Process p;
  p.name = "web_trial";
  p.currency = "USD";
  p.value = 600;
  p.margin = 0.8;
  p.targetWinRate = 0.05;
  addStage(p, "sign_up", {1.0 / 24, 12.5 / 24, 1});
  addStage(p, "activation", {1, 2, 5});
  addStage(p, "trial_use", {7, 10, 14});
  addStage(p, "upgrade_prompt", {1, 2, 7});
  addWon(p, "paid_monthly");
  addWon(p, "paid_annual");
  addLost(p, "abandoned");
  p.states[5].value = 1440;
  const double shares[] = {0.70, 0.60, 0.70};
  for (uint32_t i = 0; i < 3; ++i) {
    addEdge(p, i, i + 1, shares[i]);
    addRemainder(p, i, 6, 1 - shares[i]);
  }
  addEdge(p, 3, 4, 0.25);
  addEdge(p, 3, 5, 0.12);
  addRemainder(p, 3, 6, 1 - 0.25 - 0.12);
  Process large = p;
  large.value = 6000;
  large.states[5].value = 14400;
  large.transitions[4].probability = 0.80; // trial_use -> upgrade_prompt
  large.transitions[5].probability = 0.20; // its remainder
  p.segments.push_back(Segment{"small", "Teams under 50 seats", 0.8, p});
  p.segments.push_back(Segment{"large", "Teams of 50 seats or more", 0.2, large});
  return p;
}

/// A log of `deals` deals walking `p` exactly as it states, entering over `days` days
/// (uniformly), with times drawn from each stage's triangular distribution; events go
/// past the last entry. With `values`, each deal has a value uniform in [5000, 50000),
/// given on each of its rows.
inline std::vector<StageEvent> generatedLog(const Process& p, uint64_t seed, int deals,
                                            double days = 200, bool values = false) {
  Xoshiro256 rng(seed);
  std::vector<StageEvent> log;
  for (int d = 0; d < deals; ++d) {
    const std::string id = "g" + std::to_string(d);
    uint32_t s = 0;
    double t = rng.uniform() * days;
    std::optional<double> value;
    if (values)
      value = 5000 + 45000 * rng.uniform();
    for (int step = 0; step < 100; ++step) {
      log.push_back(StageEvent{id, s, t, 0, std::nullopt, value});
      if (p.states[s].isOutcome())
        break;
      const Holding& h = p.states[s].time;
      t += Triangular(h.min, h.typical, h.max).sample(rng);
      double u = rng.uniform();
      const uint32_t from = s;
      for (const Transition& e : p.transitions)
        if (e.from == from) {
          s = e.to; // the last edge of the stage when rounding leaves u >= 0
          if ((u -= e.probability) < 0)
            break;
        }
    }
  }
  return log;
}

} // namespace salesc::rt::testing

#endif // SALESC_RUNTIME_TESTPROCESS_H
