//===- TestProcess.h - Terse construction of processes for unit tests -----===//
#ifndef SALESC_RUNTIME_TESTPROCESS_H
#define SALESC_RUNTIME_TESTPROCESS_H

#include "salesc/runtime/Model.h"

#include <string>
#include <utility>

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

} // namespace salesc::rt::testing

#endif // SALESC_RUNTIME_TESTPROCESS_H
