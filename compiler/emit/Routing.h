//===- Routing.h - Polylines between shapes that go around the others -----===//
#ifndef SALESC_EMIT_ROUTING_H
#define SALESC_EMIT_ROUTING_H

#include "Emit.h"

#include <vector>

namespace salesc::emit {

using Point = Layout::Point;

enum class Outline { Rect, Circle, Diamond };

/// A shape of a diagram: centre, half sizes and outline, y growing downwards.
/// Invariant: hw > 0 and hh > 0.
struct Box {
  double cx = 0, cy = 0, hw = 0, hh = 0;
  Outline outline = Outline::Rect;

  double left() const { return cx - hw; }
  double right() const { return cx + hw; }
  double top() const { return cy - hh; }
  double bottom() const { return cy + hh; }
  /// Whether `p` is inside the bounding rectangle grown by `margin`.
  bool contains(Point p, double margin = 1) const;
  /// The point of the outline on the way from the centre to `q`.
  Point towards(Point q) const;
  /// Whether the segment a-b passes through the bounding rectangle grown by `margin`.
  bool crossedBy(Point a, Point b, double margin = 4) const;
};

/// The waypoints of a flow from `shapes[from]` to `shapes[to]`, border to border: the
/// route that passes through the fewest other shapes among, in order of preference,
/// the straight line, the line through `via` (where a layout engine routed the edge;
/// points inside either end's shape are dropped), and the shortest of four U-shaped
/// routes leaving and entering by the same side (below, above, left, right), each
/// with its middle leg pushed out past the shapes it would cross.
std::vector<Point> route(const std::vector<Box>& shapes, size_t from, size_t to,
                         const std::vector<Point>& via);

} // namespace salesc::emit

#endif // SALESC_EMIT_ROUTING_H
