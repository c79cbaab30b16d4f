//===- Verify.cpp - The invariants of a model, checked in one place -------===//
#include "salesc/runtime/Verify.h"

#include "salesc/runtime/Graph.h"
#include "salesc/runtime/Holding.h"

#include <fmt/format.h>

#include <algorithm>
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

/// `h` ordered and at most limits::MaxDays; `what` names it in the first message ("the
/// time of 'demo'"), `stage` in the second ("the time of stage 'demo'").
llvm::Error verifyHolding(const Holding& h, const std::string& what, const std::string& stage) {
  if (!(h.min >= 0 && h.min <= h.typical && h.typical <= h.max))
    return fail(fmt::format("{} is min {}, typical {}, max {} days; expected 0 <= min <= typical "
                            "<= max",
                            what, h.min, h.typical, h.max));
  if (!(h.max <= limits::MaxDays))
    return fail(fmt::format("{} is over {} days (100 years)", stage, limits::MaxDays));
  return llvm::Error::success();
}

/// A sign-off stage: no time of its own, and each role once, with a share in (0, 1] and a
/// valid time.
llvm::Error verifySignoffs(const State& s) {
  if (s.isOutcome())
    return fail(fmt::format("outcome '{}' has sign-offs; only stages have them", s.name));
  if (s.hasTime)
    return fail(fmt::format("stage '{}' has both a time and sign-offs; a sign-off stage lasts "
                            "until its last role answers",
                            s.name));
  if (s.signoffs.size() > limits::MaxSignoffs)
    return fail(fmt::format("stage '{}' has {} sign-offs; salesc analyzes at most {} per stage",
                            s.name, s.signoffs.size(), limits::MaxSignoffs));
  for (size_t i = 0; i < s.signoffs.size(); ++i) {
    const Signoff& r = s.signoffs[i];
    if (r.role.empty())
      return fail(fmt::format("a sign-off of stage '{}' names no role", s.name));
    for (size_t j = 0; j < i; ++j)
      if (s.signoffs[j].role == r.role)
        return fail(fmt::format("role '{}' signs off twice at stage '{}'", r.role, s.name));
    if (!(r.share > 0 && r.share <= 1))
      return fail(fmt::format("role '{}' approves {} at stage '{}'; expected a share above 0% and "
                              "at most 100%",
                              r.role, percent(r.share), s.name));
    const std::string what = fmt::format("the time of role '{}' at stage '{}'", r.role, s.name);
    if (llvm::Error e = verifyHolding(r.time, what, what))
      return e;
  }
  return llvm::Error::success();
}

llvm::Error verifyState(const State& s) {
  if (llvm::Error e = verifyHolding(s.time, fmt::format("the time of '{}'", s.name),
                                    fmt::format("the time of stage '{}'", s.name)))
    return e;
  if (s.isSignoff())
    if (llvm::Error e = verifySignoffs(s))
      return e;
  if (s.stalledAfter && !(*s.stalledAfter >= 0 && *s.stalledAfter <= limits::MaxDays))
    return fail(fmt::format("the stall limit of stage '{}' is {} days; expected 0 to {} (100 "
                            "years)",
                            s.name, *s.stalledAfter, limits::MaxDays));
  return llvm::Error::success();
}

llvm::Error verifySettings(const Process& p) {
  if (p.value && !(*p.value > 0 && *p.value <= limits::MaxAmount))
    return fail(fmt::format("the value is {:g}; expected above 0 and at most 1e15", *p.value));
  for (const State& s : p.states) {
    if (!s.value)
      continue;
    if (s.kind != StateKind::Won)
      return fail(fmt::format("{} '{}' has a value; only won outcomes have one",
                              s.isOutcome() ? "lost outcome" : "stage", s.name));
    if (!(*s.value > 0 && *s.value <= limits::MaxAmount))
      return fail(fmt::format("the value of outcome '{}' is {:g}; expected above 0 and at most "
                              "1e15",
                              s.name, *s.value));
  }
  if (p.margin && !(*p.margin > 0 && *p.margin <= 1))
    return fail(
        fmt::format("the margin is {}; expected above 0% and at most 100%", percent(*p.margin)));
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

/// Sign-off roles name roles of the process and owners its teams; the transition to a
/// sign-off stage's `next` target is its one explicit transition and carries the
/// product of the shares.
llvm::Error verifyPeople(const Process& p) {
  auto declared = [](const auto& list, const std::string& name) {
    return std::any_of(list.begin(), list.end(), [&](const auto& x) { return x.name == name; });
  };
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const State& s = p.states[i];
    if (!s.owner.empty() && !declared(p.teams, s.owner))
      return fail(fmt::format("stage '{}' is owned by '{}', which is not a team of the process",
                              s.name, s.owner));
    if (!s.isSignoff())
      continue;
    for (const Signoff& r : s.signoffs)
      if (!declared(p.roles, r.role))
        return fail(fmt::format("role '{}' signs off at stage '{}' but is not a role of the "
                                "process",
                                r.role, s.name));
    size_t explicitEdges = 0;
    for (const Transition& t : p.transitions)
      explicitEdges += t.from == i && !t.implicit;
    const std::optional<uint32_t> approved = approvedTransition(p, i);
    const double share = approvedShare(s.signoffs);
    if (explicitEdges != 1 || !approved)
      return fail(fmt::format("sign-off stage '{}' has {} transitions besides the remainder; "
                              "expected one, to its 'next' target",
                              s.name, explicitEdges));
    const Transition& t = p.transitions[*approved];
    if (std::abs(t.probability - share) > limits::SumTolerance)
      return fail(fmt::format("the transition from sign-off stage '{}' to '{}' has probability "
                              "{}; expected {}, the product of the roles' shares",
                              s.name, p.states[t.to].name, percent(t.probability), percent(share)));
  }
  return llvm::Error::success();
}

/// Segments: each a share in (0, 1], the shares adding up to 1, and a process with the
/// same states (names and kinds, in order) and start as `p`, no segments of its own, and
/// its own invariants.
llvm::Error verifySegments(const Process& p) {
  if (p.segments.empty())
    return llvm::Error::success();
  double total = 0;
  for (size_t i = 0; i < p.segments.size(); ++i) {
    const Segment& g = p.segments[i];
    for (size_t j = 0; j < i; ++j)
      if (p.segments[j].name == g.name)
        return fail(fmt::format("segment '{}' is declared twice", g.name));
    if (!(g.share > 0 && g.share <= 1))
      return fail(fmt::format("segment '{}' has a share of {}; expected above 0% and at most 100%",
                              g.name, percent(g.share)));
    total += g.share;
    const Process& q = g.process;
    if (!q.segments.empty())
      return fail(fmt::format("segment '{}' has segments of its own", g.name));
    if (q.states.size() != p.states.size() || q.start != p.start)
      return fail(fmt::format("segment '{}' has {} states starting at index {}; expected the {} "
                              "states of the process, starting at index {}",
                              g.name, q.states.size(), q.start, p.states.size(), p.start));
    for (size_t s = 0; s < p.states.size(); ++s)
      if (q.states[s].name != p.states[s].name || q.states[s].kind != p.states[s].kind)
        return fail(fmt::format("state {} of segment '{}' is {} '{}'; expected {} '{}', as in the "
                                "process",
                                s, g.name, toString(q.states[s].kind).str(), q.states[s].name,
                                toString(p.states[s].kind).str(), p.states[s].name));
    if (!q.currency.empty() && !p.currency.empty() && q.currency != p.currency)
      return fail(fmt::format("segment '{}' counts in {}; expected {}, the process's currency",
                              g.name, q.currency, p.currency));
    if (llvm::Error e = verify(q))
      return fail(fmt::format("segment '{}': {}", g.name, llvm::toString(std::move(e))));
  }
  if (std::abs(total - 1.0) > limits::SumTolerance)
    return fail(
        fmt::format("the shares of the segments add up to {}; expected 100%", percent(total)));
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
  if (llvm::Error e = verifyTransitions(p))
    return e;
  if (llvm::Error e = verifyPeople(p))
    return e;
  return verifySegments(p);
}

} // namespace salesc::rt
