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
// One more point of approval by a role of a sign-off stage i moves Δ = a δ / s from
// the stage's remainder edges (to k, in proportions w_k) onto its approved edge (to j),
// a being the approved share and s the role's. The same update gives, with
// D = h(j) - Σ w_k h(k) and c = N(j,i) - Σ w_k N(k,i) (0 for an outcome):
//   h'(s) = h(s) + Δ N(s,i) D / (1 - Δ c)
// which is the formula above when the remainder goes to a lost outcome.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Sensitivity.h"

#include "Chain.h"

#include "salesc/runtime/Holding.h"
#include "salesc/runtime/Verify.h"

#include <algorithm>

namespace salesc::rt {
namespace {

/// The factored chain of `p`, or nullopt when there is nothing to gain: a model that
/// breaks its invariants or that the analysis refuses, or one that starts at an outcome.
std::optional<Chain> chainOf(const Process& p) {
  if (llvm::Error err = verify(p)) {
    llvm::consumeError(std::move(err));
    return std::nullopt;
  }
  if (p.states.empty() || p.states[p.start].isOutcome())
    return std::nullopt;
  llvm::Expected<Chain> chain = factorChain(p);
  if (!chain) {
    llvm::consumeError(chain.takeError()); // the analysis refuses such a chain too
    return std::nullopt;
  }
  return std::move(*chain);
}

/// Whether every win takes the process's value (then a value gain is the win rate gain
/// times it, exactly as before outcomes had values of their own).
bool uniformValue(const Process& p) {
  return p.value && p.oneWinValue();
}

/// sensitivity() of one chain: `p` without segments (or a segment's process).
std::vector<EdgeSensitivity> chainSensitivity(const Process& p, const Analysis& a) {
  std::vector<EdgeSensitivity> out;
  std::optional<Chain> chain = chainOf(p);
  if (!chain)
    return out;
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
    e.shareStep = delta;
    const double back = p.states[edge.to].isOutcome() ? 0.0 : visitsBack[t];
    e.winRateGain = p.states[edge.to].isOutcome()
                        ? delta * visits // a won outcome
                        : delta * visits * a.winProbability[edge.to] / (1 - delta * back);
    if (!a.winValue.empty())
      e.valuePerLeadGain = uniformValue(p)
                               ? e.winRateGain * *p.value
                               : delta * visits * a.winValue[edge.to] / (1 - delta * back);
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [](const EdgeSensitivity& x, const EdgeSensitivity& y) {
    return x.winRateGain > y.winRateGain;
  });
  return out;
}

/// signoffSensitivity() of one chain.
std::vector<SignoffSensitivity> chainSignoffSensitivity(const Process& p, const Analysis& a) {
  std::vector<SignoffSensitivity> out;
  std::optional<Chain> chain = chainOf(p);
  if (!chain)
    return out;
  const SparseLU& lu = *chain->lu;
  const std::vector<size_t>& local = chain->local;
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const State& stage = p.states[i];
    const std::optional<uint32_t> approved = approvedTransition(p, i);
    if (!approved)
      continue;
    const uint32_t j = p.transitions[*approved].to;
    const double share = p.transitions[*approved].probability;
    // The remainder edges, and whether a target leads back to i (then N(., i) is needed).
    auto onLoop = [&](uint32_t target) {
      return !p.states[target].isOutcome() && lu.blockOf(local[i]) == lu.blockOf(local[target]);
    };
    std::vector<const Transition*> rest;
    double restTotal = 0;
    bool loops = onLoop(j);
    for (const Transition& t : p.transitions)
      if (t.from == i && t.implicit) {
        rest.push_back(&t);
        restTotal += t.probability;
        loops = loops || onLoop(t.to);
      }
    std::vector<double> column; // N(., i)
    if (loops) {
      std::vector<double> unit(lu.size(), 0.0);
      unit[local[i]] = 1;
      column = lu.solve(unit);
    }
    auto visitsBack = [&](uint32_t target) { // N(target, i)
      return column.empty() || p.states[target].isOutcome() ? 0.0 : column[local[target]];
    };
    double d = a.winProbability[j], c = visitsBack(j);
    double dValue = a.winValue.empty() ? 0.0 : a.winValue[j];
    for (const Transition* t : rest) {
      const double w = t->probability / restTotal;
      d -= w * a.winProbability[t->to];
      c -= w * visitsBack(t->to);
      if (!a.winValue.empty())
        dValue -= w * a.winValue[t->to];
    }
    for (uint32_t r = 0; r < stage.signoffs.size(); ++r) {
      SignoffSensitivity e;
      e.state = i;
      e.signoff = r;
      const double roleShare = stage.signoffs[r].share;
      e.shareStep = restTotal > 0 ? std::min(0.01, 1 - roleShare) : 0.0;
      const double delta = std::min(restTotal, share * e.shareStep / roleShare);
      if (delta > 0)
        e.winRateGain = delta * a.expectedVisits[i] * d / (1 - delta * c);
      if (!a.winValue.empty())
        e.valuePerLeadGain = uniformValue(p) ? e.winRateGain * *p.value
                             : delta > 0 ? delta * a.expectedVisits[i] * dValue / (1 - delta * c)
                                         : 0.0;
      out.push_back(e);
    }
  }
  return out;
}

/// The share-weighted sum of the segments' figures `each(segment process, analysis)`,
/// matched to the parent's entries by `same` (an edge by its states, a role by its stage
/// and index); an entry no segment has is left out.
template <typename T, typename Each, typename Same>
std::vector<T> blend(const Process& p, const Analysis& a, std::vector<T> parent, Each each,
                     Same same) {
  std::vector<bool> any(parent.size(), false);
  for (T& e : parent) {
    e.winRateGain = 0;
    e.valuePerLeadGain = a.winValue.empty() ? std::nullopt : std::optional<double>(0.0);
  }
  for (size_t g = 0; g < p.segments.size(); ++g) {
    const Process& q = p.segments[g].process;
    const double share = p.segments[g].share;
    for (const T& x : each(q, a.segments[g].analysis))
      for (size_t i = 0; i < parent.size(); ++i)
        if (same(q, x, parent[i])) {
          any[i] = true;
          parent[i].winRateGain += share * x.winRateGain;
          if (parent[i].valuePerLeadGain)
            parent[i].valuePerLeadGain =
                *parent[i].valuePerLeadGain + share * x.valuePerLeadGain.value_or(0.0);
        }
  }
  std::vector<T> out;
  for (size_t i = 0; i < parent.size(); ++i)
    if (any[i])
      out.push_back(parent[i]);
  return out;
}

bool segmented(const Process& p, const Analysis& a) {
  return !a.segments.empty() && a.segments.size() == p.segments.size();
}

} // namespace

std::vector<EdgeSensitivity> sensitivity(const Process& p, const Analysis& a) {
  if (!segmented(p, a))
    return chainSensitivity(p, a);
  std::vector<EdgeSensitivity> parent;
  for (uint32_t t = 0; t < p.transitions.size(); ++t)
    if (p.states[p.transitions[t].to].kind != StateKind::Lost) {
      EdgeSensitivity e;
      e.transition = t;
      parent.push_back(e);
    }
  auto same = [&](const Process& q, const EdgeSensitivity& x, const EdgeSensitivity& e) {
    const Transition& mine = q.transitions[x.transition];
    const Transition& theirs = p.transitions[e.transition];
    return mine.from == theirs.from && mine.to == theirs.to;
  };
  std::vector<EdgeSensitivity> out = blend(p, a, parent, chainSensitivity, same);
  // The step is each segment's: the smallest one any segment moved is said.
  for (size_t g = 0; g < p.segments.size(); ++g)
    for (const EdgeSensitivity& x : chainSensitivity(p.segments[g].process, a.segments[g].analysis))
      for (EdgeSensitivity& e : out)
        if (same(p.segments[g].process, x, e))
          e.shareStep = std::min(e.shareStep, x.shareStep);
  std::stable_sort(out.begin(), out.end(), [](const EdgeSensitivity& x, const EdgeSensitivity& y) {
    return x.winRateGain > y.winRateGain;
  });
  return out;
}

std::vector<SignoffSensitivity> signoffSensitivity(const Process& p, const Analysis& a) {
  if (!segmented(p, a))
    return chainSignoffSensitivity(p, a);
  std::vector<SignoffSensitivity> parent;
  for (uint32_t i = 0; i < p.states.size(); ++i)
    for (uint32_t r = 0; r < p.states[i].signoffs.size(); ++r) {
      SignoffSensitivity e;
      e.state = i;
      e.signoff = r;
      parent.push_back(e);
    }
  std::vector<SignoffSensitivity> out =
      blend(p, a, parent, chainSignoffSensitivity,
            [](const Process&, const SignoffSensitivity& x, const SignoffSensitivity& e) {
              return x.state == e.state && x.signoff == e.signoff;
            });
  // The step is each segment's; with the same share in every segment, the same.
  for (SignoffSensitivity& e : out)
    for (size_t g = 0; g < p.segments.size(); ++g)
      for (const SignoffSensitivity& x :
           chainSignoffSensitivity(p.segments[g].process, a.segments[g].analysis))
        if (x.state == e.state && x.signoff == e.signoff)
          e.shareStep = std::max(e.shareStep, x.shareStep);
  return out;
}

} // namespace salesc::rt
