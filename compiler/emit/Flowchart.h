//===- Flowchart.h - Processes as Graphviz graphs (inside emit) ------------===//
#ifndef SALESC_EMIT_FLOWCHART_H
#define SALESC_EMIT_FLOWCHART_H

#include "Emit.h"
#include "Graphviz.h"

namespace salesc::emit {

/// The font the flowchart's text is measured and drawn in: Liberation Sans (Debian's
/// fonts-liberation2), which has the widths of Arial and Helvetica, so a viewer without it
/// draws the text at the widths Graphviz laid out. The SVG names those after it.
inline constexpr const char* FontName = "Liberation Sans";

/// One process as a graph. With `notes`, a long process's remainders to a lost
/// outcome are drawn as notes beside their stages (the BPMN layout wants every
/// transition as an edge, so it passes false).
/// `o` says how it looks (the theme is applied by the caller: applyTheme, Theme.h).
Graph flowchart(const rt::AnalyzedProcess& p, const PictureOptions& o, bool notes = true);
/// Several processes: a cluster per channel, in it a cluster per process.
Graph flowchart(llvm::ArrayRef<rt::AnalyzedProcess> ps, const PictureOptions& o);

/// The simpler drawing of processes too large for the dot layout's time budget:
/// boxes of one size at sketchPositions(), straight lines, no share on the lines.
/// Laid out by the "nop" engine, which keeps the positions: linear in the graph.
Graph sketch(llvm::ArrayRef<rt::AnalyzedProcess> ps, const PictureOptions& o);

/// The size of a box in a sketch, in points.
inline constexpr double SketchWidth = 180, SketchHeight = 40;

/// Where a sketch puts each state's centre, in points, y growing upwards: a row per
/// depth (the fewest steps from the start), outcomes on the last row, states of one
/// row in their order in the process.
std::vector<Layout::Point> sketchPositions(const rt::AnalyzedProcess& p);

} // namespace salesc::emit

#endif // SALESC_EMIT_FLOWCHART_H
