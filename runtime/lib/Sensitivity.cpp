//===- Sensitivity.cpp - Where one more point of conversion pays most -----===//
#include "salesc/runtime/Sensitivity.h"

#include <algorithm>

namespace salesc::rt {

std::vector<EdgeSensitivity> sensitivity(const Process& p, const Analysis& a) {
  std::vector<EdgeSensitivity> out;
  double base = a.winRate();
  for (uint32_t t = 0; t < p.transitions.size(); ++t) {
    const Transition& edge = p.transitions[t];
    if (p.states[edge.from].isOutcome() || p.states[edge.to].kind == StateKind::Lost)
      continue;
    double lost = 0;
    for (const Transition& o : p.transitions)
      if (o.from == edge.from && p.states[o.to].kind == StateKind::Lost)
        lost += o.probability;
    if (lost <= 0)
      continue;
    double moved = std::min(0.01, lost);
    Process q = p;
    for (Transition& o : q.transitions)
      if (o.from == edge.from && p.states[o.to].kind == StateKind::Lost)
        o.probability -= moved * (o.probability / lost);
    q.transitions[t].probability += moved;
    llvm::Expected<Analysis> changed = analyze(q);
    if (!changed) {
      llvm::consumeError(changed.takeError());
      continue;
    }
    EdgeSensitivity s;
    s.transition = t;
    s.winRateGain = changed->winRate() - base;
    if (p.value)
      s.valuePerLeadGain = s.winRateGain * *p.value;
    out.push_back(s);
  }
  std::stable_sort(out.begin(), out.end(), [](const EdgeSensitivity& x, const EdgeSensitivity& y) {
    return x.winRateGain > y.winRateGain;
  });
  return out;
}

} // namespace salesc::rt
