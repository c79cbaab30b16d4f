//===- Sensitivity.cpp - Where one more point of conversion pays most -----===//
//
// Moving δ of a stage i's lost share onto an edge i -> j changes the chain by a rank
// one update, so the new win probabilities follow exactly from N = (I - Q)^-1 without
// solving the chain again (Sherman-Morrison): with h the win probabilities,
//   j a stage:  h'(s) = h(s) + δ N(s,i) h(j) / (1 - δ N(j,i))
//   j won:      h'(s) = h(s) + δ N(s,i)
// (losing fewer prospects changes no win probability by itself). N(s,i), the visits
// to i from the start s, is the analysis's expectedVisits (row s of N). N(j,i) is 0
// unless j leads back to i, that is unless the edge i -> j lies on a loop (i and j in
// one block of the factorization); only a stage with such an edge costs a solve, for
// its column of N. A chain without loops needs no solve at all, and the worst case,
// every stage on one dense loop, one solve per stage as before.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Sensitivity.h"

#include "Chain.h"

#include "salesc/runtime/Verify.h"

#include <algorithm>

namespace salesc::rt {

std::vector<EdgeSensitivity> sensitivity(const Process& p, const Analysis& a) {
  std::vector<EdgeSensitivity> out;
  if (llvm::Error err = verify(p)) {
    llvm::consumeError(std::move(err));
    return out;
  }
  if (p.states.empty() || p.states[p.start].isOutcome())
    return out;
  llvm::Expected<Chain> chain = factorChain(p);
  if (!chain) {
    llvm::consumeError(chain.takeError()); // the analysis refuses such a chain too
    return out;
  }
  const SparseLU& lu = *chain->lu;
  const std::vector<size_t>& local = chain->local;
  std::vector<double> lost(p.states.size(), 0);
  for (const Transition& t : p.transitions)
    if (p.states[t.to].kind == StateKind::Lost)
      lost[t.from] += t.probability;
  auto hasLever = [&](const Transition& t) {
    return lost[t.from] > 0 && p.states[t.to].kind != StateKind::Lost;
  };

  // N(j, i) for the edges i -> j on a loop, one column of N per source stage.
  std::vector<uint32_t> onLoop;
  for (uint32_t t = 0; t < p.transitions.size(); ++t) {
    const Transition& edge = p.transitions[t];
    if (hasLever(edge) && !p.states[edge.to].isOutcome() &&
        lu.blockOf(local[edge.from]) == lu.blockOf(local[edge.to]))
      onLoop.push_back(t);
  }
  std::stable_sort(onLoop.begin(), onLoop.end(), [&](uint32_t x, uint32_t y) {
    return p.transitions[x].from < p.transitions[y].from;
  });
  std::vector<double> visitsBack(p.transitions.size(), 0.0);
  for (size_t g = 0; g < onLoop.size();) {
    const uint32_t from = p.transitions[onLoop[g]].from;
    std::vector<double> unit(lu.size(), 0.0);
    unit[local[from]] = 1;
    const std::vector<double> column = lu.solve(unit); // N(., from)
    for (; g < onLoop.size() && p.transitions[onLoop[g]].from == from; ++g)
      visitsBack[onLoop[g]] = column[local[p.transitions[onLoop[g]].to]];
  }

  for (uint32_t t = 0; t < p.transitions.size(); ++t) {
    const Transition& edge = p.transitions[t];
    if (!hasLever(edge))
      continue;
    const double delta = std::min(0.01, lost[edge.from]);
    const double visits = a.expectedVisits[edge.from]; // N(s, from)
    EdgeSensitivity e;
    e.transition = t;
    e.winRateGain = p.states[edge.to].isOutcome()
                        ? delta * visits // a won outcome
                        : delta * visits * a.winProbability[edge.to] / (1 - delta * visitsBack[t]);
    if (p.value)
      e.valuePerLeadGain = e.winRateGain * *p.value;
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [](const EdgeSensitivity& x, const EdgeSensitivity& y) {
    return x.winRateGain > y.winRateGain;
  });
  return out;
}

} // namespace salesc::rt
