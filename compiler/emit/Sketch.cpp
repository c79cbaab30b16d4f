//===- Sketch.cpp - Positions for processes too large to lay out ----------===//
#include "Flowchart.h"

#include "salesc/runtime/Graph.h"

#include <algorithm>

namespace salesc::emit {

std::vector<Layout::Point> sketchPositions(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  const std::vector<uint32_t>& depth = ap.analysis.depth;
  // Rows: stages by depth (those the start cannot reach after the deepest), then outcomes.
  uint32_t deepest = 0;
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (!p.states[i].isOutcome() && i < depth.size() && depth[i] != rt::Unreachable)
      deepest = std::max(deepest, depth[i]);
  std::vector<uint32_t> row(p.states.size());
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    bool reached = i < depth.size() && depth[i] != rt::Unreachable;
    row[i] = p.states[i].isOutcome() ? deepest + 2 : reached ? depth[i] : deepest + 1;
  }
  // Number the rows in use from the top.
  std::vector<uint32_t> used(deepest + 3, 0);
  for (uint32_t r : row)
    used[r] = 1;
  uint32_t rows = 0;
  for (uint32_t& u : used)
    u = u ? rows++ : 0;
  for (uint32_t& r : row)
    r = used[r];
  std::vector<uint32_t> filled(rows, 0);
  std::vector<Layout::Point> out(p.states.size());
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    uint32_t column = filled[row[i]]++;
    out[i].x = SketchWidth / 2 + column * (SketchWidth + 36);
    out[i].y = SketchHeight / 2 + (rows - 1 - row[i]) * (SketchHeight + 54);
  }
  return out;
}

} // namespace salesc::emit
