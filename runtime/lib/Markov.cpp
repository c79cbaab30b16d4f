//===- Markov.cpp - Absorbing Markov chain analysis of a process ----------===//
#include "salesc/runtime/Markov.h"

#include "salesc/runtime/Graph.h"
#include "salesc/runtime/LinearSolve.h"
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

constexpr size_t NotStage = ~size_t(0);

/// The transient part of the chain: the stages numbered 0..k-1 in state order (`local`
/// maps a state to its number, NotStage for outcomes), R·1_won, the mean times, and
/// I − Q factored once.
struct Chain {
  std::vector<uint32_t> stages;
  std::vector<size_t> local;
  std::vector<double> winNow;
  std::vector<double> mean;
  std::optional<LUFactorization> lu;
};

llvm::Expected<Chain> factorChain(const Process& p) {
  // Number the stages 0..k-1 in state order; `local` maps a state to its stage number.
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

  SquareMatrix iMinusQ = SquareMatrix::identity(k);
  std::vector<double>& winNow = c.winNow; // R . 1_won
  std::vector<double>& mean = c.mean;
  winNow.assign(k, 0.0);
  mean.resize(k);
  for (size_t i = 0; i < k; ++i)
    mean[i] = p.states[stages[i]].time.mean();
  for (const Transition& t : p.transitions) {
    const size_t i = local[t.from];
    if (!p.states[t.to].isOutcome())
      iMinusQ(i, local[t.to]) -= t.probability;
    else if (p.states[t.to].kind == StateKind::Won)
      winNow[i] += t.probability;
  }
  c.lu = LUFactorization::factor(std::move(iMinusQ));
  if (!c.lu)
    return fail("the process cannot be analyzed: some loop between stages is taken with a "
                "probability too close to 100%");
  return c;
}

/// The figures of Markov.h from the factored chain: h, t, u and v (see analyze()).
void solveFigures(const Process& p, const Chain& c, Analysis& a) {
  const size_t n = p.states.size();
  const size_t k = c.stages.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<uint32_t>& stages = c.stages;
  const std::vector<size_t>& local = c.local;
  const std::vector<double>& mean = c.mean;
  const LUFactorization& lu = *c.lu;
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
