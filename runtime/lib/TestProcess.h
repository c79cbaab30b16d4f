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

} // namespace salesc::rt::testing

#endif // SALESC_RUNTIME_TESTPROCESS_H
