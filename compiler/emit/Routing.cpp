//===- Routing.cpp - Polylines between shapes that go around the others ---===//
#include "Routing.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace salesc::emit {
namespace {

const double Gap = 25; ///< between a U-route's middle leg and the shapes it avoids

/// How many shapes other than the two ends the polyline passes through.
size_t crossings(const std::vector<Point>& path, const std::vector<Box>& shapes, size_t from,
                 size_t to) {
  size_t n = 0;
  for (size_t i = 0; i < shapes.size(); ++i) {
    if (i == from || i == to)
      continue;
    for (size_t k = 0; k + 1 < path.size(); ++k)
      if (shapes[i].crossedBy(path[k], path[k + 1])) {
        ++n;
        break;
      }
  }
  return n;
}

double length(const std::vector<Point>& path) {
  double l = 0;
  for (size_t k = 0; k + 1 < path.size(); ++k)
    l += std::hypot(path[k + 1].x - path[k].x, path[k + 1].y - path[k].y);
  return l;
}

enum class Side { Below, Above, Left, Right };

/// Leaves `from` and enters `to` by `side`, the middle leg pushed out past every
/// shape it would cross.
std::vector<Point> uRoute(const std::vector<Box>& shapes, size_t from, size_t to, Side side) {
  const Box& s = shapes[from];
  const Box& t = shapes[to];
  bool vertical = side == Side::Below || side == Side::Above; // the legs
  double sign = side == Side::Below || side == Side::Right ? 1 : -1;
  Point a = vertical ? Point{s.cx, s.cy + sign * s.hh} : Point{s.cx + sign * s.hw, s.cy};
  Point b = vertical ? Point{t.cx, t.cy + sign * t.hh} : Point{t.cx + sign * t.hw, t.cy};
  double c = sign > 0 ? std::max(vertical ? a.y : a.x, vertical ? b.y : b.x) + Gap
                      : std::min(vertical ? a.y : a.x, vertical ? b.y : b.x) - Gap;
  auto middle = [&](double at, Point& p, Point& q) {
    p = vertical ? Point{a.x, at} : Point{at, a.y};
    q = vertical ? Point{b.x, at} : Point{at, b.y};
  };
  for (size_t round = 0; round <= shapes.size(); ++round) {
    Point p, q;
    middle(c, p, q);
    bool moved = false;
    for (size_t i = 0; i < shapes.size(); ++i) {
      if (i == from || i == to || !shapes[i].crossedBy(p, q, Gap - 1))
        continue;
      const Box& o = shapes[i];
      double past = sign > 0 ? (vertical ? o.bottom() : o.right()) + Gap
                             : (vertical ? o.top() : o.left()) - Gap;
      c = sign > 0 ? std::max(c, past) : std::min(c, past);
      moved = true;
    }
    if (!moved)
      break;
  }
  Point p, q;
  middle(c, p, q);
  return {a, p, q, b};
}

/// Drops points equal to the one before.
std::vector<Point> simplified(const std::vector<Point>& path) {
  std::vector<Point> out;
  for (Point p : path)
    if (out.empty() || std::fabs(out.back().x - p.x) > 1e-9 || std::fabs(out.back().y - p.y) > 1e-9)
      out.push_back(p);
  return out;
}

} // namespace

bool Box::contains(Point p, double margin) const {
  return std::fabs(p.x - cx) <= hw + margin && std::fabs(p.y - cy) <= hh + margin;
}

Point Box::towards(Point q) const {
  double dx = q.x - cx, dy = q.y - cy;
  if (dx == 0 && dy == 0)
    return {cx, cy};
  double t;
  if (outline == Outline::Circle) {
    t = hw / std::hypot(dx, dy);
  } else if (outline == Outline::Diamond) {
    t = 1 / (std::fabs(dx) / hw + std::fabs(dy) / hh);
  } else {
    const double inf = std::numeric_limits<double>::infinity();
    t = std::min(dx == 0 ? inf : hw / std::fabs(dx), dy == 0 ? inf : hh / std::fabs(dy));
  }
  return {cx + dx * t, cy + dy * t};
}

bool Box::crossedBy(Point a, Point b, double margin) const {
  // Liang-Barsky: clip the segment's parameter range to each slab of the rectangle.
  double dx = b.x - a.x, dy = b.y - a.y;
  double p[4] = {-dx, dx, -dy, dy};
  double q[4] = {a.x - (left() - margin), right() + margin - a.x, a.y - (top() - margin),
                 bottom() + margin - a.y};
  double t0 = 0, t1 = 1;
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0)
        return false;
      continue;
    }
    double r = q[i] / p[i];
    if (p[i] < 0)
      t0 = std::max(t0, r);
    else
      t1 = std::min(t1, r);
    if (t0 > t1)
      return false;
  }
  return true;
}

std::vector<Point> route(const std::vector<Box>& shapes, size_t from, size_t to,
                         const std::vector<Point>& via) {
  const Box& s = shapes[from];
  const Box& t = shapes[to];
  std::vector<Point> inner;
  for (Point q : via)
    if (!s.contains(q) && !t.contains(q))
      inner.push_back(q);
  // Candidates in order of preference when they cross as few shapes: the straight
  // line, the layout engine's route, then the shortest U.
  std::vector<std::vector<Point>> candidates;
  candidates.push_back({s.towards({t.cx, t.cy}), t.towards({s.cx, s.cy})});
  if (!inner.empty()) {
    std::vector<Point> r{s.towards(inner.front())};
    r.insert(r.end(), inner.begin(), inner.end());
    r.push_back(t.towards(inner.back()));
    candidates.push_back(simplified(r));
  }
  const size_t straightAndVia = candidates.size();
  if (from != to)
    for (Side side : {Side::Below, Side::Above, Side::Left, Side::Right})
      candidates.push_back(simplified(uRoute(shapes, from, to, side)));
  size_t best = 0;
  size_t bestCrossings = std::numeric_limits<size_t>::max();
  double bestLength = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    size_t c = crossings(candidates[i], shapes, from, to);
    double l = length(candidates[i]);
    bool better =
        c < bestCrossings || (c == bestCrossings && i >= straightAndVia && l < bestLength);
    if (better) {
      best = i;
      bestCrossings = c;
      bestLength = l;
    }
  }
  return candidates[best];
}

} // namespace salesc::emit
