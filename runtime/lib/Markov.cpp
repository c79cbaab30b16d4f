//===- Markov.cpp - Absorbing Markov chain analysis of a process ----------===//
#include "salesc/runtime/Markov.h"

#include "Chain.h"

#include "salesc/runtime/Graph.h"
#include "salesc/runtime/Holding.h"
#include "salesc/runtime/Verify.h"

#include <fmt/format.h>

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

  const double total = a.expectedDaysToClose[p.start];
  double bestLoad = 0.0;
  for (size_t i = 0; i < k; ++i) {
    const uint32_t s = stages[i];
    const double load = a.expectedVisits[s] * mean[i];
    if (total > 0)
      a.timeShare[s] = load / total;
    if (load > 0 && (!a.bottleneck || load > bestLoad * (1 + TieTolerance))) {
      a.bottleneck = s;
      bestLoad = load;
    }
  }
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
  deriveFacts(p, a);
  return a;
}

} // namespace salesc::rt
