//===- Verify.cpp - The invariants of a model, checked in one place -------===//
#include "salesc/runtime/Verify.h"

#include "salesc/runtime/Graph.h"

#include <fmt/format.h>

#include <cmath>
#include <vector>

namespace salesc::rt {
namespace {

llvm::Error fail(std::string message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// "stage 'a'", "stages 'a' and 'b'", "stages 'a', 'b' and 'c'".
std::string nameStages(const Process& p, const std::vector<uint32_t>& indices) {
  std::string out = indices.size() == 1 ? "stage " : "stages ";
  for (size_t i = 0; i < indices.size(); ++i) {
    if (i > 0)
      out += i + 1 == indices.size() ? " and " : ", ";
    out += "'" + p.states[indices[i]].name + "'";
  }
  return out;
}

/// Every stage can reach an outcome (a stage with no transitions cannot): otherwise a
/// prospect could stay forever, and the analysis's I - Q would be singular.
llvm::Error verifyClosing(const Process& p) {
  std::vector<bool> closes = canReach(p, [](const State& s) { return s.isOutcome(); });
  std::vector<uint32_t> trapped;
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (!closes[i])
      trapped.push_back(i);
  if (trapped.empty())
    return llvm::Error::success();
  return fail(nameStages(p, trapped) +
              " can never reach a won or lost outcome, so a prospect there would stay in the "
              "process forever");
}

/// A probability as the percentage it is, every digit kept: "90%", "100.0000001%".
std::string percent(double probability) {
  return fmt::format("{:.10g}%", probability * 100);
}

llvm::Error verifyState(const State& s) {
  const Holding& h = s.time;
  if (!(h.min >= 0 && h.min <= h.typical && h.typical <= h.max))
    return fail(fmt::format("the time of '{}' is min {}, typical {}, max {} days; expected 0 <= "
                            "min <= typical <= max",
                            s.name, h.min, h.typical, h.max));
  if (!(h.max <= limits::MaxDays))
    return fail(
        fmt::format("the time of stage '{}' is over {} days (100 years)", s.name, limits::MaxDays));
  if (s.stalledAfter && !(*s.stalledAfter >= 0 && *s.stalledAfter <= limits::MaxDays))
    return fail(fmt::format("the stall limit of stage '{}' is {} days; expected 0 to {} (100 "
                            "years)",
                            s.name, *s.stalledAfter, limits::MaxDays));
  return llvm::Error::success();
}

llvm::Error verifySettings(const Process& p) {
  if (p.value && !(*p.value > 0 && *p.value <= limits::MaxAmount))
    return fail(fmt::format("the value is {:g}; expected above 0 and at most 1e15", *p.value));
  if (p.targetWinRate && !(*p.targetWinRate > 0 && *p.targetWinRate <= 1))
    return fail(fmt::format("the target win rate is {}; expected a probability above 0 and at "
                            "most 1",
                            *p.targetWinRate));
  if (p.targetCycleDays && !(*p.targetCycleDays > 0 && *p.targetCycleDays <= limits::MaxDays))
    return fail(fmt::format("the target cycle is {} days; expected more than 0 and at most {}",
                            *p.targetCycleDays, limits::MaxDays));
  return llvm::Error::success();
}

llvm::Error verifyTransitions(const Process& p) {
  const size_t n = p.states.size();
  std::vector<double> sums(n, 0.0);
  for (const Transition& t : p.transitions) {
    if (t.from >= n || t.to >= n)
      return fail(
          fmt::format("a transition refers to state index {}, but the process has {} states",
                      std::max(t.from, t.to), n));
    const std::string& from = p.states[t.from].name;
    const std::string& to = p.states[t.to].name;
    if (p.states[t.from].isOutcome())
      return fail(fmt::format("outcome '{}' has a transition to '{}'; an outcome ends the process",
                              from, to));
    if (!(t.probability >= 0 && t.probability <= 1))
      return fail(fmt::format("the transition from '{}' to '{}' has probability {}; expected a "
                              "value between 0% and 100%",
                              from, to, percent(t.probability)));
    sums[t.from] += t.probability;
  }
  if (llvm::Error e = verifyClosing(p))
    return e;
  for (uint32_t i = 0; i < n; ++i) {
    if (p.states[i].isOutcome())
      continue;
    if (std::abs(sums[i] - 1.0) > limits::SumTolerance)
      return fail(fmt::format("the transitions out of stage '{}' add up to {}; expected 100%",
                              p.states[i].name, percent(sums[i])));
  }
  return llvm::Error::success();
}

} // namespace

llvm::Error verify(const Process& p) {
  if (p.states.empty())
    return llvm::Error::success();
  if (p.start >= p.states.size())
    return fail(fmt::format("the start state is index {}, but the process has {} states", p.start,
                            p.states.size()));
  for (const State& s : p.states)
    if (llvm::Error e = verifyState(s))
      return e;
  if (llvm::Error e = verifySettings(p))
    return e;
  return verifyTransitions(p);
}

} // namespace salesc::rt
