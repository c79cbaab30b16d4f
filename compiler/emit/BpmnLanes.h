//===- BpmnLanes.h - The lanes of a BPMN diagram: one per owner team (inside emit) ===//
//
// When any stage of a process has an owner (`owner TEAM;`), its BPMN diagram is a pool
// with one lane per team that owns a stage, in the order of Process::teams, and one more,
// "No owner", for the stages without one. A stage's gateways and roles' tasks go with it,
// the start event with the start stage, and an outcome with the stage that sends it the
// most prospects. Each lane is a horizontal band: its shapes keep their places from the
// layout across the page and, down the page, their places relative to each other.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_BPMNLANES_H
#define SALESC_EMIT_BPMNLANES_H

#include "Routing.h"

#include "salesc/runtime/Markov.h"

#include <string>
#include <vector>

namespace salesc::emit {

/// Which lane each state goes in. Invariant: `ofState` is empty (no lanes) or indexes
/// `names` for every state.
struct LanePlan {
  std::vector<std::string> names; ///< each lane's label: the team's description or name
  std::vector<const char*> fills; ///< each lane's colour; nullptr for "No owner"
  std::vector<size_t> ofState;    ///< per state of the process, its lane
  bool empty() const { return names.empty(); }
};

/// The lanes of `p`, or none when no stage has an owner.
LanePlan planLanes(const rt::AnalyzedProcess& p);

/// A lane's band, top to bottom, in the coordinates of the shapes.
struct Band {
  double top = 0, bottom = 0;
};

/// Moves `shapes` down or up so that those of lane k (`laneOf[i]` for shape i) lie in the
/// k-th band, the bands one under the other from the top of the first shape, each as
/// tall as its shapes need plus a margin above and below. Returns the bands.
std::vector<Band> stackLanes(std::vector<Box>& shapes, const std::vector<size_t>& laneOf,
                             size_t lanes);

} // namespace salesc::emit

#endif // SALESC_EMIT_BPMNLANES_H
