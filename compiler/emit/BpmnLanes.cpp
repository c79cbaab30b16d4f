//===- BpmnLanes.cpp - The lanes of a BPMN diagram: one per owner team ----===//
#include "BpmnLanes.h"

#include "Format.h"

#include <algorithm>
#include <cmath>

namespace salesc::emit {

LanePlan planLanes(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  LanePlan plan;
  bool owned = llvm::any_of(p.states, [](const rt::State& s) { return !s.owner.empty(); });
  if (!owned)
    return plan;
  for (size_t k = 0; k < p.teams.size(); ++k) {
    const rt::Team& t = p.teams[k];
    plan.names.push_back(t.description.empty() ? t.name : t.description);
    plan.fills.push_back(palette::teamFill(k));
  }
  const size_t none = plan.names.size();
  plan.ofState.assign(p.states.size(), none);
  bool anyWithout = false;
  for (size_t i = 0; i < p.states.size(); ++i) {
    const rt::State& s = p.states[i];
    if (s.isOutcome())
      continue;
    auto team = llvm::find_if(p.teams, [&](const rt::Team& t) { return t.name == s.owner; });
    if (team != p.teams.end())
      plan.ofState[i] = team - p.teams.begin();
    else
      anyWithout = true;
  }
  // An outcome goes with the stage that sends it the most prospects (the first of equals).
  const std::vector<double>& visits = ap.analysis.expectedVisits;
  for (size_t i = 0; i < p.states.size(); ++i) {
    if (!p.states[i].isOutcome())
      continue;
    double most = -1;
    for (const rt::Transition& t : p.transitions) {
      if (t.to != i || t.from >= p.states.size())
        continue;
      double flow = (t.from < visits.size() ? visits[t.from] : 0) * t.probability;
      if (flow > most) {
        most = flow;
        plan.ofState[i] = plan.ofState[t.from];
      }
    }
    anyWithout = anyWithout || plan.ofState[i] == none;
  }
  if (anyWithout) {
    plan.names.push_back("No owner");
    plan.fills.push_back(nullptr);
  }
  return plan;
}

std::vector<Band> stackLanes(std::vector<Box>& shapes, const std::vector<size_t>& laneOf,
                             size_t lanes) {
  const double margin = 30, empty = 80;
  std::vector<double> top(lanes, INFINITY), bottom(lanes, -INFINITY);
  double first = INFINITY;
  for (size_t i = 0; i < shapes.size(); ++i) {
    top[laneOf[i]] = std::min(top[laneOf[i]], shapes[i].top());
    bottom[laneOf[i]] = std::max(bottom[laneOf[i]], shapes[i].bottom());
    first = std::min(first, shapes[i].top());
  }
  std::vector<Band> bands(lanes);
  double y = std::isfinite(first) ? first - margin : 0;
  for (size_t k = 0; k < lanes; ++k) {
    bands[k].top = y;
    y += std::isfinite(top[k]) ? bottom[k] - top[k] + 2 * margin : empty;
    bands[k].bottom = y;
  }
  for (size_t i = 0; i < shapes.size(); ++i) {
    size_t k = laneOf[i];
    shapes[i].cy += bands[k].top + margin - top[k];
  }
  return bands;
}

} // namespace salesc::emit
