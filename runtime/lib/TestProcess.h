//===- TestProcess.h - Terse construction of processes for unit tests -----===//
#ifndef SALESC_RUNTIME_TESTPROCESS_H
#define SALESC_RUNTIME_TESTPROCESS_H

#include "salesc/runtime/Model.h"

#include <string>
#include <utility>
#include <vector>

namespace salesc::rt::testing {

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

} // namespace salesc::rt::testing

#endif // SALESC_RUNTIME_TESTPROCESS_H
