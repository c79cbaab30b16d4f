//===- ForecastSnapshot.cpp - The open deals as they stand, stage by stage -===//
#include "salesc/runtime/Forecast.h"

#include "salesc/runtime/Holding.h"

#include <algorithm>

namespace salesc::rt {

double dealValue(const Process& p, const Analysis& a, const Deal& d) {
  if (d.value)
    return *d.value;
  if (p.oneWinValue())
    return p.value.value_or(0.0);
  if (d.segment && *d.segment < a.segments.size())
    return a.segments[*d.segment].analysis.valuePerWin(d.state).value_or(0.0);
  return a.valuePerWin(d.state).value_or(0.0);
}

double dealWinProbability(const Analysis& a, const Deal& d) {
  if (d.segment && *d.segment < a.segments.size())
    return a.segments[*d.segment].analysis.winProbability[d.state];
  return a.winProbability[d.state];
}

double dealWeighted(const Analysis& a, const Deal& d) {
  if (d.value)
    return *d.value * dealWinProbability(a, d);
  // The expected value of its wins from its stage (in its segment, or blended by
  // P(segment | stage)); 0 without values.
  const Analysis& x =
      d.segment && *d.segment < a.segments.size() ? a.segments[*d.segment].analysis : a;
  return x.winValue.empty() ? 0.0 : x.winValue[d.state];
}

double stageMaxDays(const State& s) {
  return s.isOutcome() ? 0.0 : holdingRange(s).second;
}

std::vector<StalledDeal> stalledDeals(const Process& p, llvm::ArrayRef<Deal> deals, double asOf) {
  std::vector<StalledDeal> out;
  for (const Deal& d : deals) {
    if (d.state >= p.states.size() || p.states[d.state].isOutcome())
      continue;
    const std::optional<double>& limit = p.states[d.state].stalledAfter;
    const double age = asOf - d.entered;
    if (limit && age > *limit)
      out.push_back(StalledDeal{d.id, d.state, age, *limit, d.line});
  }
  std::stable_sort(out.begin(), out.end(), [](const StalledDeal& x, const StalledDeal& y) {
    return x.daysInStage - x.limit > y.daysInStage - y.limit;
  });
  return out;
}

namespace {

/// The maximum time a deal's stage has for it: its segment's, else (segment not known)
/// the largest over the segments, else the process's. 0: no maximum.
double maxDaysFor(const Process& p, const Analysis& a, const Deal& d) {
  if (p.segments.empty() || a.segments.size() != p.segments.size())
    return stageMaxDays(p.states[d.state]);
  if (d.segment && *d.segment < p.segments.size())
    return stageMaxDays(p.segments[*d.segment].process.states[d.state]);
  double longest = 0;
  for (const Segment& g : p.segments)
    longest = std::max(longest, stageMaxDays(g.process.states[d.state]));
  return longest;
}

} // namespace

void snapshotPipeline(const Process& p, const Analysis& a, llvm::ArrayRef<Deal> deals, double asOf,
                      ForecastResult& r) {
  r.stalled = stalledDeals(p, deals, asOf);
  r.stages.clear();
  std::vector<int64_t> row(p.states.size(), -1); // state -> its entry of r.stages
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (!p.states[i].isOutcome()) {
      row[i] = static_cast<int64_t>(r.stages.size());
      r.stages.push_back(StageSnapshot{i, 0, 0, 0});
    }
  for (const Deal& d : deals) {
    if (d.state >= p.states.size() || p.states[d.state].isOutcome()) {
      ++r.ignoredDeals;
      continue;
    }
    DealSnapshot s;
    s.id = d.id;
    s.state = d.state;
    s.line = d.line;
    s.daysInStage = std::max(0.0, asOf - d.entered);
    s.winProbability = dealWinProbability(a, d);
    s.value = dealValue(p, a, d);
    s.weighted = dealWeighted(a, d);
    const std::optional<double>& limit = p.states[d.state].stalledAfter;
    s.stalled = limit && asOf - d.entered > *limit;
    const double longest = maxDaysFor(p, a, d);
    s.overdue = longest > 0 && s.daysInStage >= longest;
    if (s.overdue) {
      r.overdue.push_back(OverdueDeal{d.id, d.state, s.daysInStage, longest, s.weighted, d.line});
      r.overdueWeighted += s.weighted;
    }
    StageSnapshot& stage = r.stages[row[d.state]];
    ++stage.deals;
    stage.value += s.value;
    stage.weighted += s.weighted;
    r.pipelineValue += s.value;
    r.weightedPipeline += s.weighted;
    r.expectedWinsEventually += s.winProbability;
    r.deals.push_back(std::move(s));
  }
  r.openDeals = r.deals.size();
  std::stable_sort(
      r.overdue.begin(), r.overdue.end(),
      [](const OverdueDeal& x, const OverdueDeal& y) { return x.weighted > y.weighted; });
}

} // namespace salesc::rt
