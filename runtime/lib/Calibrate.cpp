//===- Calibrate.cpp - A process's figures estimated from a stage history -===//
#include "salesc/runtime/Calibrate.h"

#include "salesc/runtime/Apportion.h"
#include "salesc/runtime/BetaDistribution.h"
#include "salesc/runtime/Format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace salesc::rt {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

EdgeCalibration edgeOf(const Transition& t, const EdgeConformance& e, double level) {
  EdgeCalibration c{t.from, t.to, t.probability, e.count, e.trials, NaN, NaN, NaN, t.implicit};
  if (e.trials == 0)
    return c;
  c.estimate = static_cast<double>(e.count) / static_cast<double>(e.trials);
  std::tie(c.low, c.high) = BetaDistribution::jeffreysPosterior(e.count, e.trials).interval(level);
  return c;
}

/// The shares of stage `s` in whole percents (Apportion.h), or why they are kept. With an
/// implicit remainder, the explicit edges take their share of every move out of the stage
/// and the remainder the rest (the moves the process lacks included); without one, their
/// shares of the moves they account for, so that they still add up to 100%.
void proposeShares(const Process& p, const Calibration& c, const StageCalibration& stage,
                   const CalibrateOptions& options, StageProposal& out) {
  const State& state = p.states[stage.state];
  std::vector<uint32_t> explicitEdges;
  bool remainder = false;
  for (uint32_t e = 0; e < p.transitions.size(); ++e)
    if (p.transitions[e].from == stage.state) {
      if (p.transitions[e].implicit)
        remainder = true;
      else
        explicitEdges.push_back(e);
    }
  if (explicitEdges.empty())
    return;
  if (state.isSignoff()) {
    out.sharesKept = "a sign-off stage: its share is the product of its roles' (the signoff "
                     "lines), which a stage history does not tell apart";
    return;
  }
  if (stage.left < options.minVisits) {
    out.sharesKept =
        fmt::format("{} left it, fewer than {}", counted(stage.left, "visit"), options.minVisits);
    return;
  }
  std::vector<uint64_t> counts;
  uint64_t accounted = 0;
  for (uint32_t e : explicitEdges) {
    counts.push_back(c.edges[e].count);
    accounted += c.edges[e].count;
  }
  const uint64_t total = remainder ? stage.left : accounted;
  if (remainder)
    counts.push_back(stage.left - accounted);
  if (total == 0) {
    out.sharesKept = "no visit left it by a move the stage states";
    return;
  }
  std::vector<int> units = largestRemainder(counts, total);
  // A `next` line's share is at least 1%: an edge rounded to 0 keeps 1%, taken from the
  // largest share.
  for (size_t k = 0; k < explicitEdges.size(); ++k)
    if (units[k] == 0) {
      ++units[k];
      --*std::max_element(units.begin(), units.end());
    }
  for (size_t k = 0; k < explicitEdges.size(); ++k)
    out.shares.push_back({explicitEdges[k], units[k]});
}

/// The estimates `d` in `unit`, each amount written by `amount`; the typical time kept
/// within the range as rounded.
template <typename Amount> TimeProposal timeIn(const Days& d, WrittenUnit unit, Amount amount) {
  TimeProposal t{d, std::move(unit), {}, {}, {}};
  t.min = amount(d.min / t.unit.days);
  t.max = amount(d.max / t.unit.days);
  t.typical = amount(std::clamp(d.typical / t.unit.days, std::stod(t.min), std::stod(t.max)));
  return t;
}

/// The time of a stage as its line would state it, or why it is kept.
void proposeTime(const State& state, const StageCalibration& stage, const CalibrateOptions& options,
                 StageProposal& out) {
  if (state.isSignoff()) {
    out.timeKept = "a sign-off stage: its time is its roles' (the signoff lines)";
    return;
  }
  if (!stage.stated) {
    out.timeKept = "it states no time, and calibrate only changes numbers (conform --suggest "
                   "proposes a time line)";
    return;
  }
  if (stage.visits < options.minVisits) {
    out.timeKept =
        fmt::format("{}, fewer than {}", counted(stage.visits, "visit"), options.minVisits);
    return;
  }
  const Days& d = stage.estimated;
  if (std::isnan(d.min) || std::isnan(d.typical) || std::isnan(d.max)) {
    out.timeKept = fmt::format("{} of its {} still open: too many to know how long the longest "
                               "take",
                               stage.open, counted(stage.visits, "visit"));
    return;
  }
  const bool fixed = stage.stated->min == stage.stated->max;
  TimeProposal t = timeIn(d, writtenUnit(state.timeWritten), unitAmount);
  if (!fixed && t.min == t.max) // a range narrower than a unit: one decimal
    t = timeIn(d, t.unit, [](double v) { return fmt::format("{:g}", std::round(v * 10) / 10); });
  if (t.min == "0" || (fixed && t.typical == "0")) {
    out.timeKept = "its visits' P10 is 0 days (events at the same moment): a time line "
                   "cannot state it";
    return;
  }
  if (!fixed && t.min == t.max) {
    out.timeKept = fmt::format("its P10 and P90 both round to {}: a range needs two ends",
                               withUnit(t.min, t.unit.plural));
    return;
  }
  out.time = std::move(t);
}

} // namespace

Calibration calibrate(const Process& p, llvm::ArrayRef<StageEvent> events, double asOf,
                      const CalibrateOptions& options) {
  Calibration c;
  c.observed = conform(p, events, asOf);
  for (size_t e = 0; e < p.transitions.size(); ++e)
    c.edges.push_back(edgeOf(p.transitions[e], c.observed.edges[e], options.level));
  for (uint32_t s = 0; s < p.states.size(); ++s) {
    const State& state = p.states[s];
    if (state.isOutcome())
      continue;
    const StageConformance& seen = c.observed.states[s];
    StageCalibration stage{s,           std::nullopt, {seen.kmP10, seen.kmMedian, seen.kmP90},
                           seen.visits, seen.open,    seen.left};
    if (state.hasTime)
      stage.stated = Days{state.time.min, state.time.typical, state.time.max};
    c.stages.push_back(stage);
  }
  for (const StageCalibration& stage : c.stages) {
    StageProposal proposal;
    proposal.state = stage.state;
    proposeShares(p, c, stage, options, proposal);
    proposeTime(p.states[stage.state], stage, options, proposal);
    c.proposals.push_back(std::move(proposal));
  }
  return c;
}

} // namespace salesc::rt
