//===- Sensitivity.cpp - Where one more point of conversion pays most -----===//
//
// Moving δ of a stage i's lost share onto an edge i -> j changes the chain by a rank
// one update, so the new win probabilities follow exactly from N = (I - Q)^-1 without
// solving the chain again (Sherman-Morrison): with h the win probabilities,
//   j a stage:  h'(s) = h(s) + δ N(s,i) h(j) / (1 - δ N(j,i))
//   j won:      h'(s) = h(s) + δ N(s,i)
// (losing fewer prospects changes no win probability by itself). One factorisation
// and one solve per source stage: O(n^3) for the whole table, not per edge.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Sensitivity.h"

#include "salesc/runtime/LinearSolve.h"

#include <algorithm>
#include <map>

namespace salesc::rt {

std::vector<EdgeSensitivity> sensitivity(const Process& p, const Analysis& a) {
  std::vector<EdgeSensitivity> out;
  std::vector<int64_t> transient(p.states.size(), -1);
  size_t n = 0;
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (!p.states[i].isOutcome())
      transient[i] = static_cast<int64_t>(n++);
  if (n == 0 || p.start >= p.states.size() || transient[p.start] < 0)
    return out;
  SquareMatrix m = SquareMatrix::identity(n);
  std::vector<double> lost(p.states.size(), 0);
  for (const Transition& t : p.transitions) {
    if (transient[t.from] < 0)
      continue;
    if (transient[t.to] >= 0)
      m(transient[t.from], transient[t.to]) -= t.probability;
    else if (p.states[t.to].kind == StateKind::Lost)
      lost[t.from] += t.probability;
  }
  std::optional<LUFactorization> lu = LUFactorization::factor(std::move(m));
  if (!lu)
    return out;                                    // the analysis refuses such a chain too
  std::map<uint32_t, std::vector<double>> columns; // N(., i) for each source stage i
  auto column = [&](uint32_t state) -> const std::vector<double>& {
    auto it = columns.find(state);
    if (it != columns.end())
      return it->second;
    std::vector<double> e(n, 0);
    e[transient[state]] = 1;
    return columns.emplace(state, lu->solve(e)).first->second;
  };
  const size_t s = transient[p.start];
  for (uint32_t t = 0; t < p.transitions.size(); ++t) {
    const Transition& edge = p.transitions[t];
    if (transient[edge.from] < 0 || p.states[edge.to].kind == StateKind::Lost ||
        lost[edge.from] <= 0)
      continue;
    double delta = std::min(0.01, lost[edge.from]);
    const std::vector<double>& N = column(edge.from);
    double gain;
    if (transient[edge.to] >= 0)
      gain = delta * N[s] * a.winProbability[edge.to] / (1 - delta * N[transient[edge.to]]);
    else
      gain = delta * N[s]; // a won outcome
    EdgeSensitivity e;
    e.transition = t;
    e.winRateGain = gain;
    if (p.value)
      e.valuePerLeadGain = gain * *p.value;
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [](const EdgeSensitivity& x, const EdgeSensitivity& y) {
    return x.winRateGain > y.winRateGain;
  });
  return out;
}

} // namespace salesc::rt
