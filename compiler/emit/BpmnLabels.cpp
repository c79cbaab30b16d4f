//===- BpmnLabels.cpp - Where the labels of a BPMN diagram go -------------===//
#include "BpmnLabels.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace salesc::emit {
namespace {

/// Arial's advance widths of the printable ASCII characters, in thousandths of an em.
const short ArialWidths[95] = {
    278,  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' ' to /
    556,  556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
    667,  778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
    333,  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
    556,  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};     // p to ~

const double Safety = 1.1;    ///< how much wider than Arial the estimate is
const double ExternalPx = 11; ///< bpmn-js's outside labels
/// Where an outside label wraps: 90 px of Arial (bpmn-js's own width for a new label), in
/// the estimate's units. bpmn-js wraps the text at the width of the label's bounds.
const double ExternalMaxW = 90 * 1.1;
const double LineH = 14;                   ///< 11 px at a line height of 1.2, rounded up
const double TaskPx = 12, TaskPadding = 7; ///< bpmn-js's embedded labels
const double Clearance = 4;                ///< between a label and its owner, or anything else

double emWidth(llvm::StringRef text) {
  double w = 0;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 32 && c < 127)
      w += ArialWidths[c - 32];
    else if (c >= 0xE0)
      w += 1000; // a three- or four-byte sequence: CJK, emoji
    else if (c >= 0xC0)
      w += 667; // a two-byte sequence: an accented or Cyrillic letter
    else if (c < 0x80)
      w += 556;
  }
  return w / 1000;
}

/// Whether the segment a-b passes through `box` shrunk by 1 (touching is not crossing).
bool crossed(const Box& box, Point a, Point b) {
  return box.crossedBy(a, b, -1);
}

/// The candidate centres of a label of half size (hw, hh) for a shape: under it (where
/// bpmn-js puts it by default), above it, right, left, then the four corners.
std::vector<Point> shapeCandidates(const Box& s, double hw, double hh) {
  double below = s.bottom() + Clearance + hh, above = s.top() - Clearance - hh;
  double right = s.right() + Clearance + hw, left = s.left() - Clearance - hw;
  return {{s.cx, below},  {s.cx, above}, {right, s.cy}, {left, s.cy},       {right, above},
          {right, below}, {left, above}, {left, below}, {s.cx, below + 20}, {s.cx, above - 20}};
}

/// The candidate centres of a label for a flow: beside each segment, the longest first
/// (the first segment, which leaves the source, last), above or right of its middle
/// first, then below or left, then the same at a quarter and three quarters of it.
std::vector<Point> flowCandidates(const std::vector<Point>& path, double hw, double hh) {
  std::vector<size_t> order;
  for (size_t k = 0; k + 1 < path.size(); ++k)
    order.push_back(k);
  auto len = [&](size_t k) {
    return std::hypot(path[k + 1].x - path[k].x, path[k + 1].y - path[k].y);
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if ((a == 0) != (b == 0) && path.size() > 2)
      return b == 0;
    return len(a) > len(b);
  });
  std::vector<Point> out;
  for (double away : {0.0, 10.0, 20.0})
    for (double at : {0.5, 0.35, 0.65, 0.2, 0.8})
      for (size_t k : order) {
        Point a = path[k], b = path[k + 1];
        Point m{a.x + (b.x - a.x) * at, a.y + (b.y - a.y) * at};
        double dx = std::fabs(b.x - a.x), dy = std::fabs(b.y - a.y);
        double gap = Clearance + away;
        if (dx >= dy) { // mostly horizontal: above, then below, clear of the line's slope
          double rise = dy / std::max(dx, 1.0) * hw;
          out.push_back({m.x, m.y - rise - gap - hh});
          out.push_back({m.x, m.y + rise + gap + hh});
        } else {
          double run = dx / std::max(dy, 1.0) * hh;
          out.push_back({m.x + run + gap + hw, m.y});
          out.push_back({m.x - run - gap - hw, m.y});
        }
      }
  return out;
}

/// The places 8 px apart on the square ring of half side `r` around `from`.
std::vector<Point> ring(Point from, double r) {
  std::vector<Point> out;
  for (double t = -r; t < r; t += 8) {
    out.push_back({from.x + t, from.y - r});
    out.push_back({from.x + r, from.y + t});
    out.push_back({from.x - t, from.y + r});
    out.push_back({from.x - r, from.y - t});
  }
  return out;
}

} // namespace

double textWidth(llvm::StringRef text, double px) {
  return std::ceil(emWidth(text) * px * Safety);
}

Box externalLabelSize(llvm::StringRef text) {
  // Words filled into lines of at most ExternalMaxW; a longer word makes the label as wide
  // as itself, since bpmn-js cuts a word that its label's width cannot hold.
  double widest = 0, line = 0;
  size_t lines = 0;
  const double space = textWidth(" ", ExternalPx);
  llvm::SmallVector<llvm::StringRef, 8> words;
  text.split(words, ' ', -1, false);
  for (llvm::StringRef word : words) {
    double w = textWidth(word, ExternalPx);
    if (lines > 0 && line + space + w <= ExternalMaxW) {
      line += space + w;
    } else {
      ++lines;
      line = w;
    }
    widest = std::max(widest, line);
  }
  lines = std::max<size_t>(lines, 1);
  return {0, 0, std::max(widest, 10.0) / 2, lines * LineH / 2, Outline::Rect};
}

double taskWidthFor(llvm::StringRef name, double minimum) {
  double widest = 0;
  llvm::SmallVector<llvm::StringRef, 8> words;
  name.split(words, ' ', -1, false);
  for (llvm::StringRef word : words)
    widest = std::max(widest, textWidth(word, TaskPx));
  return std::max(minimum, std::ceil((widest + 2 * TaskPadding) / 10) * 10);
}

bool intersects(const Box& a, const Box& b, double margin) {
  return std::fabs(a.cx - b.cx) < a.hw + b.hw + margin &&
         std::fabs(a.cy - b.cy) < a.hh + b.hh + margin;
}

std::vector<Box> placeLabels(const std::vector<Box>& shapes,
                             const std::vector<std::vector<Point>>& flows,
                             const std::vector<LabelOwner>& labels) {
  // How far a ring search may have to go: past every shape and flow.
  double reach = 0;
  auto extend = [&](double x, double y) { reach = std::max({reach, std::fabs(x), std::fabs(y)}); };
  for (const Box& s : shapes) {
    extend(s.left(), s.top());
    extend(s.right(), s.bottom());
  }
  for (const std::vector<Point>& f : flows)
    for (Point q : f)
      extend(q.x, q.y);
  std::vector<Box> placed;
  for (const LabelOwner& l : labels) {
    double hw = l.size.hw, hh = l.size.hh;
    // A place's cost: Blocked for each shape or label it overlaps, a thousand for each
    // flow that crosses it (its own flow too: the label goes beside it, not across it).
    const double Blocked = 1e6;
    auto cost = [&](Point c) {
      Box b{c.x, c.y, hw, hh, Outline::Rect};
      double sum = 0;
      for (const Box& s : shapes)
        sum += intersects(b, s, Clearance) ? Blocked : 0;
      for (const Box& p : placed)
        sum += intersects(b, p, Clearance) ? Blocked : 0;
      for (const std::vector<Point>& f : flows)
        for (size_t k = 0; k + 1 < f.size(); ++k)
          if (crossed(b, f[k], f[k + 1])) {
            sum += 1e3;
            break;
          }
      return sum;
    };
    auto cheapest = [&](const std::vector<Point>& candidates) {
      size_t best = 0;
      double bestCost = std::numeric_limits<double>::infinity();
      for (size_t c = 0; c < candidates.size(); ++c) {
        double v = cost(candidates[c]);
        if (v < bestCost) {
          best = c;
          bestCost = v;
        }
      }
      return std::make_pair(best, bestCost);
    };
    std::vector<Point> candidates;
    if (l.shape < shapes.size())
      candidates = shapeCandidates(shapes[l.shape], hw, hh);
    else if (l.flow < flows.size() && flows[l.flow].size() >= 2)
      candidates = flowCandidates(flows[l.flow], hw, hh);
    if (candidates.empty())
      candidates.push_back({0, 0});
    auto [best, bestCost] = cheapest(candidates);
    Point at = candidates[best];
    if (bestCost >= Blocked) {
      // Nowhere near is free: the nearest free place around the first candidate, found
      // ring by ring (the first ring with a free place, its cheapest).
      // Past `reach` every place is free, so the search ends.
      Point from = candidates.front();
      double last = reach + std::fabs(from.x) + std::fabs(from.y) + 2 * (hw + hh) + 8;
      for (double r = 8; r <= last; r += 8) {
        std::vector<Point> places = ring(from, r);
        auto [k, v] = cheapest(places);
        if (v < Blocked) {
          at = places[k];
          break;
        }
      }
    }
    placed.push_back({at.x, at.y, hw, hh, Outline::Rect});
  }
  return placed;
}

} // namespace salesc::emit
