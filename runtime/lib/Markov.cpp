//===- Markov.cpp - Absorbing Markov chain analysis of a process ----------===//
#include "salesc/runtime/Markov.h"

#include "Chain.h"

#include "salesc/runtime/Graph.h"
#include "salesc/runtime/Holding.h"
#include "salesc/runtime/Verify.h"

#include <fmt/format.h>

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace salesc::rt {
namespace {

constexpr double TieTolerance = 1e-12; ///< relative; loads this close count as a tie

llvm::Error fail(std::string message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

} // namespace

double Analysis::winRate() const {
  return start < winProbability.size() ? winProbability[start] : 0.0;
}

std::optional<double> Analysis::valuePerLead() const {
  if (start >= winValue.size())
    return std::nullopt;
  return winValue[start];
}

std::optional<double> Analysis::valuePerWin(uint32_t s) const {
  if (s >= winValue.size() || !(winProbability[s] > 0))
    return std::nullopt;
  return winValue[s] / winProbability[s];
}

bool Analysis::winsWithin(double limitDays) const {
  return winRate() > 0 && start < expectedDaysToWin.size() &&
         expectedDaysToWin[start] <= limitDays + TargetTolerance;
}

namespace {

/// The derived facts of `a` (Markov.h), from its figures and the graph of `p`.
void deriveFacts(const Process& p, Analysis& a) {
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (!p.states[i].isOutcome() && a.timeShare[i] > 0)
      a.bottlenecks.push_back(i);
  std::stable_sort(a.bottlenecks.begin(), a.bottlenecks.end(),
                   [&](uint32_t x, uint32_t y) { return a.timeShare[x] > a.timeShare[y]; });
  // The bottleneck breaks near-ties (TieTolerance) by state order: it leads the ranking.
  if (a.bottleneck) {
    auto it = std::find(a.bottlenecks.begin(), a.bottlenecks.end(), *a.bottleneck);
    if (it != a.bottlenecks.end())
      std::rotate(a.bottlenecks.begin(), it, it + 1);
  }
  if (p.targetWinRate)
    a.winRateTargetMet = a.winRate() >= *p.targetWinRate - TargetTolerance;
  if (p.targetCycleDays && a.winRate() > 0)
    a.cycleTargetMet = a.winsWithin(*p.targetCycleDays);
  a.backEdges = backEdges(p);
  a.depth = depths(p);
}

} // namespace

// What SparseLU's pivoting relies on (SparseLU.h). verify() gives q_ij >= 0 and, for
// every stage, Σ_j q_ij <= 1 (up to limits::SumTolerance of rounding in the shares), so
// every row of I − Q is weakly diagonally dominant: 1 − q_ii >= Σ_{j≠i} q_ij. It also
// gives that every stage reaches an outcome, so from every row a path of entries leads
// to a strictly dominant row (one with a share to an outcome). Such a matrix (weakly
// chained diagonally dominant, with a positive diagonal and the rest <= 0) is a
// non-singular M-matrix, and so is every Schur complement of it, in any symmetric
// order: its pivots are positive, rows stay dominant, and elimination on the diagonal
// is stable. What the matrix cannot show is a loop taken with a probability so close
// to 1 that I − Q is singular to working precision: such a chain is refused.
llvm::Expected<Chain> factorChain(const Process& p) {
  const size_t n = p.states.size();
  Chain c;
  std::vector<uint32_t>& stages = c.stages;
  std::vector<size_t>& local = c.local;
  local.assign(n, NotStage);
  for (uint32_t i = 0; i < n; ++i)
    if (!p.states[i].isOutcome()) {
      local[i] = stages.size();
      stages.push_back(i);
    }
  const size_t k = stages.size();

  // I − Q, the 1 of the diagonal first: SparseMatrix adds up in order, so 1 − q_ii
  // is rounded as subtracting q_ii from 1.
  std::vector<MatrixEntry> iMinusQ;
  iMinusQ.reserve(k + p.transitions.size());
  for (size_t i = 0; i < k; ++i)
    iMinusQ.push_back({uint32_t(i), uint32_t(i), 1.0});
  std::vector<double>& winNow = c.winNow; // R . 1_won
  std::vector<double>& mean = c.mean;
  winNow.assign(k, 0.0);
  mean.resize(k);
  for (size_t i = 0; i < k; ++i)
    mean[i] = holdingMean(p.states[stages[i]]);
  for (const Transition& t : p.transitions) {
    const size_t i = local[t.from];
    if (!p.states[t.to].isOutcome())
      iMinusQ.push_back({uint32_t(i), uint32_t(local[t.to]), -t.probability});
    else if (p.states[t.to].kind == StateKind::Won)
      winNow[i] += t.probability;
  }
  c.lu = SparseLU::factor(SparseMatrix(k, iMinusQ));
  if (!c.lu)
    return fail("the process cannot be analyzed: some loop between stages is taken with a "
                "probability too close to 100%");
  return c;
}

namespace {

/// reachProbability: visits / N(s, s) for a stage, where N(s, s) = 1 / (1 - q_ss) for a
/// stage alone in its block of the factorization (on no loop but its own), and else
/// from one solve for the column of N.
void solveReach(const Process& p, const Chain& c, Analysis& a) {
  const SparseLU& lu = *c.lu;
  const size_t k = c.stages.size();
  std::vector<size_t> blockSize(k, 0);
  for (size_t i = 0; i < k; ++i)
    ++blockSize[lu.blockOf(i)];
  std::vector<double> selfLoop(k, 0.0);
  for (const Transition& t : p.transitions)
    if (t.from == t.to)
      selfLoop[c.local[t.from]] += t.probability;
  a.reachProbability = a.expectedVisits;
  for (size_t i = 0; i < k; ++i) {
    const uint32_t s = c.stages[i];
    if (a.expectedVisits[s] <= 0)
      continue;
    double returns = 1 / (1 - selfLoop[i]); // N(s, s)
    if (blockSize[lu.blockOf(i)] > 1) {
      std::vector<double> unit(k, 0.0);
      unit[i] = 1;
      returns = lu.solve(unit)[i];
    }
    a.reachProbability[s] = std::clamp(a.expectedVisits[s] / std::max(returns, 1.0), 0.0, 1.0);
  }
}

/// winValue: with b(i) the sum over the edges i -> o to a won outcome of their share x
/// the value of a win at o, (I - Q) x = b.
void solveWinValue(const Process& p, const Chain& c, const std::vector<bool>& canWin, Analysis& a) {
  for (const Transition& t : p.transitions)
    if (p.states[t.to].kind == StateKind::Won && t.probability > 0 && !p.winValue(t.to))
      return; // a win whose value nobody stated: no value figure at all
  a.winValue.assign(p.states.size(), 0.0);
  if (p.value && p.oneWinValue()) {
    // One value for every win: the value times the win probability, exactly.
    for (uint32_t s = 0; s < p.states.size(); ++s)
      a.winValue[s] = *p.value * a.winProbability[s];
    return;
  }
  const size_t k = c.stages.size();
  std::vector<double> b(k, 0.0);
  for (const Transition& t : p.transitions)
    if (p.states[t.to].kind == StateKind::Won)
      b[c.local[t.from]] += t.probability * p.winValue(t.to).value_or(0.0);
  const std::vector<double> x = c.lu->solve(b);
  for (uint32_t s = 0; s < p.states.size(); ++s) {
    if (p.states[s].kind == StateKind::Won)
      a.winValue[s] = p.winValue(s).value_or(0.0);
    else if (c.local[s] != NotStage && canWin[s])
      a.winValue[s] = std::max(x[c.local[s]], 0.0);
  }
}

/// timeShare and the bottleneck, from the visits and the mean times.
void shareTime(const Process& p, Analysis& a) {
  const double total = a.expectedDaysToClose[p.start];
  double bestLoad = 0.0;
  a.bottleneck.reset();
  for (uint32_t s = 0; s < p.states.size(); ++s) {
    if (p.states[s].isOutcome())
      continue;
    const double load = a.expectedVisits[s] * a.meanDays[s];
    a.timeShare[s] = total > 0 ? load / total : 0.0;
    if (load > 0 && (!a.bottleneck || load > bestLoad * (1 + TieTolerance))) {
      a.bottleneck = s;
      bestLoad = load;
    }
  }
}

/// The figures of Markov.h from the factored chain: h, t, u and v (see analyze()).
void solveFigures(const Process& p, const Chain& c, Analysis& a) {
  const size_t n = p.states.size();
  const size_t k = c.stages.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<uint32_t>& stages = c.stages;
  const std::vector<size_t>& local = c.local;
  const std::vector<double>& mean = c.mean;
  const SparseLU& lu = *c.lu;
  // Graph facts make the figures exact where the algebra only gets close.
  const std::vector<bool> canWin =
      canReach(p, [](const State& s) { return s.kind == StateKind::Won; });
  const std::vector<bool> canLose =
      canReach(p, [](const State& s) { return s.kind == StateKind::Lost; });
  const std::vector<bool> entered = reachableFrom(p, p.start);

  std::vector<double> h = lu.solve(c.winNow);
  for (size_t i = 0; i < k; ++i)
    h[i] = !canWin[stages[i]] ? 0.0 : !canLose[stages[i]] ? 1.0 : std::clamp(h[i], 0.0, 1.0);
  const std::vector<double> t = lu.solve(mean);
  std::vector<double> meanTimesH(k);
  for (size_t i = 0; i < k; ++i)
    meanTimesH[i] = mean[i] * h[i];
  const std::vector<double> u = lu.solve(meanTimesH); // u = h * (time to win | win)
  std::vector<double> v(k, 0.0);
  if (local[p.start] != NotStage) {
    std::vector<double> unit(k, 0.0);
    unit[local[p.start]] = 1.0;
    v = lu.solveTransposed(unit);
  }

  a.winProbability.assign(n, 0.0);
  a.expectedDaysToClose.assign(n, 0.0);
  a.expectedDaysToWin.assign(n, nan);
  a.expectedVisits.assign(n, 0.0);
  a.meanDays.assign(n, 0.0);
  a.timeShare.assign(n, 0.0);
  for (uint32_t s = 0; s < n; ++s) {
    if (p.states[s].kind == StateKind::Won) {
      a.winProbability[s] = 1.0;
      a.expectedDaysToWin[s] = 0.0;
    }
    const size_t i = local[s];
    if (i == NotStage)
      continue;
    a.winProbability[s] = h[i];
    a.meanDays[s] = mean[i];
    a.expectedDaysToClose[s] = std::max(t[i], 0.0);
    if (h[i] > 0)
      a.expectedDaysToWin[s] = std::max(u[i] / h[i], 0.0);
    a.expectedVisits[s] = entered[s] ? std::max(v[i], 0.0) : 0.0;
  }
  if (local[p.start] == NotStage)
    a.expectedVisits[p.start] = 1.0; // entering at an outcome ends there
  for (const Transition& tr : p.transitions)
    if (p.states[tr.to].isOutcome())
      a.expectedVisits[tr.to] += a.expectedVisits[tr.from] * tr.probability;

  solveReach(p, c, a);
  solveWinValue(p, c, canWin, a);
  shareTime(p, a);
}

} // namespace

namespace {

/// The margin per lead of one chain's figures.
void marginOf(const Process& p, Analysis& a) {
  if (std::optional<double> v = a.valuePerLead(); v && p.margin)
    a.marginPerLead = *v * *p.margin;
}

/// The figures of `a` replaced by the blend of its segments' (analyze()).
void blendSegments(const Process& p, Analysis& a) {
  const size_t n = p.states.size();
  const std::vector<SegmentAnalysis>& segs = a.segments;
  const bool values =
      llvm::all_of(segs, [](const SegmentAnalysis& g) { return !g.analysis.winValue.empty(); });
  a.winValue.assign(values ? n : 0, 0.0);
  for (uint32_t s = 0; s < n; ++s) {
    // P(g | reached s), the shares where no segment reaches s.
    std::vector<double> w(segs.size());
    double reached = 0, visits = 0, visitTime = 0;
    for (size_t g = 0; g < segs.size(); ++g) {
      const Analysis& x = segs[g].analysis;
      w[g] = segs[g].share * x.reachProbability[s];
      reached += w[g];
      visits += segs[g].share * x.expectedVisits[s];
      visitTime += segs[g].share * x.expectedVisits[s] * x.meanDays[s];
    }
    for (size_t g = 0; g < segs.size(); ++g)
      w[g] = reached > 0 ? w[g] / reached : segs[g].share;
    double win = 0, close = 0, winTime = 0, value = 0, mean = 0;
    for (size_t g = 0; g < segs.size(); ++g) {
      const Analysis& x = segs[g].analysis;
      win += w[g] * x.winProbability[s];
      close += w[g] * x.expectedDaysToClose[s];
      if (x.winProbability[s] > 0)
        winTime += w[g] * x.winProbability[s] * x.expectedDaysToWin[s];
      if (values)
        value += w[g] * x.winValue[s];
      mean += w[g] * x.meanDays[s];
    }
    a.winProbability[s] = win;
    a.expectedDaysToClose[s] = close;
    a.expectedDaysToWin[s] = win > 0 ? winTime / win : std::numeric_limits<double>::quiet_NaN();
    a.expectedVisits[s] = visits;
    a.reachProbability[s] = reached;
    a.meanDays[s] = visits > 0 ? visitTime / visits : mean;
    if (values)
      a.winValue[s] = value;
  }
  shareTime(p, a);
  a.marginPerLead.reset();
  double margin = 0;
  for (const SegmentAnalysis& g : segs) {
    if (!g.analysis.marginPerLead)
      return;
    margin += g.share * *g.analysis.marginPerLead;
  }
  a.marginPerLead = margin;
}

} // namespace

llvm::Expected<Analysis> analyze(const Process& p) {
  Analysis a;
  a.start = p.start;
  if (p.states.empty())
    return a;
  if (llvm::Error err = verify(p))
    return err;
  llvm::Expected<Chain> chain = factorChain(p);
  if (!chain)
    return chain.takeError();
  solveFigures(p, *chain, a);
  marginOf(p, a);
  for (const Segment& g : p.segments) {
    llvm::Expected<Analysis> x = analyze(g.process);
    if (!x)
      return fail(fmt::format("segment '{}': {}", g.name, llvm::toString(x.takeError())));
    a.segments.push_back(SegmentAnalysis{g.name, g.share, std::move(*x)});
  }
  if (!a.segments.empty())
    blendSegments(p, a);
  deriveFacts(p, a);
  return a;
}

Process blendedProcess(const Process& p, const Analysis& a) {
  if (p.segments.empty() || a.segments.size() != p.segments.size())
    return p;
  Process out = p;
  out.segments.clear();
  out.transitions.clear();
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    if (p.states[i].isOutcome())
      continue;
    double reached = 0;
    for (const SegmentAnalysis& g : a.segments)
      reached += g.share * g.analysis.reachProbability[i];
    // The transitions out of i in every segment, by target, in the order first met.
    std::vector<Transition> edges;
    for (size_t g = 0; g < p.segments.size(); ++g) {
      const double w =
          reached > 0 ? p.segments[g].share * a.segments[g].analysis.reachProbability[i] / reached
                      : p.segments[g].share;
      for (const Transition& t : p.segments[g].process.transitions) {
        if (t.from != i)
          continue;
        auto same = llvm::find_if(edges, [&](const Transition& e) { return e.to == t.to; });
        if (same == edges.end())
          same = edges.insert(edges.end(), Transition{i, t.to, 0.0, t.implicit});
        same->probability += w * t.probability;
      }
    }
    for (Transition& e : edges)
      for (const Transition& own : p.transitions)
        if (own.from == i && own.to == e.to)
          e.implicit = own.implicit;
    out.transitions.insert(out.transitions.end(), edges.begin(), edges.end());
  }
  return out;
}

} // namespace salesc::rt
