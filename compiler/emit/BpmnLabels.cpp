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

const double Safety = 1.1;      ///< how much wider than Arial the estimate is
const double ExternalPx = 11;   ///< bpmn-js's outside labels
const double ExternalMaxW = 90; ///< where bpmn-js wraps them
const double LineH = 14;        ///< 11 px at a line height of 1.2, rounded up
const double TaskPx = 12, TaskPadding = 5;
const double Clearance = 4; ///< between a label and its owner, or anything else

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
  for (double at : {0.5, 0.25, 0.75})
    for (size_t k : order) {
      Point a = path[k], b = path[k + 1];
      Point m{a.x + (b.x - a.x) * at, a.y + (b.y - a.y) * at};
      double dx = std::fabs(b.x - a.x), dy = std::fabs(b.y - a.y);
      if (dx >= dy) { // mostly horizontal: above, then below, clear of the line's slope
        double rise = dy / std::max(dx, 1.0) * hw;
        out.push_back({m.x, m.y - rise - Clearance - hh});
        out.push_back({m.x, m.y + rise + Clearance + hh});
      } else {
        double run = dx / std::max(dy, 1.0) * hh;
        out.push_back({m.x + run + Clearance + hw, m.y});
        out.push_back({m.x - run - Clearance - hw, m.y});
      }
    }
  return out;
}

} // namespace

double textWidth(llvm::StringRef text, double px) {
  return std::ceil(emWidth(text) * px * Safety);
}

Box externalLabelSize(llvm::StringRef text) {
  // Words filled into lines of at most ExternalMaxW, as bpmn-js does; a longer word is
  // cut by bpmn-js into lines of that width.
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
      lines += w > ExternalMaxW ? static_cast<size_t>(std::ceil(w / ExternalMaxW)) : 1;
      line = std::min(w, ExternalMaxW);
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
  return std::max(minimum, std::ceil((widest + 2 * TaskPadding + 4) / 10) * 10);
}

bool intersects(const Box& a, const Box& b, double margin) {
  return std::fabs(a.cx - b.cx) < a.hw + b.hw + margin &&
         std::fabs(a.cy - b.cy) < a.hh + b.hh + margin;
}

std::vector<Box> placeLabels(const std::vector<Box>& shapes,
                             const std::vector<std::vector<Point>>& flows,
                             const std::vector<LabelOwner>& labels) {
  std::vector<Box> placed;
  for (const LabelOwner& l : labels) {
    double hw = l.size.hw, hh = l.size.hh;
    std::vector<Point> candidates;
    if (l.shape < shapes.size())
      candidates = shapeCandidates(shapes[l.shape], hw, hh);
    else if (l.flow < flows.size() && flows[l.flow].size() >= 2)
      candidates = flowCandidates(flows[l.flow], hw, hh);
    if (candidates.empty())
      candidates.push_back({0, 0});
    // Hitting a shape or a label costs more than any number of flows crossing.
    size_t best = 0;
    double bestCost = std::numeric_limits<double>::infinity();
    for (size_t c = 0; c < candidates.size(); ++c) {
      Box b{candidates[c].x, candidates[c].y, hw, hh, Outline::Rect};
      double cost = 0;
      for (const Box& s : shapes)
        cost += intersects(b, s, Clearance) ? 1e6 : 0;
      for (const Box& p : placed)
        cost += intersects(b, p, Clearance) ? 1e6 : 0;
      for (size_t f = 0; f < flows.size(); ++f) {
        if (f == l.flow)
          continue;
        for (size_t k = 0; k + 1 < flows[f].size(); ++k)
          if (crossed(b, flows[f][k], flows[f][k + 1])) {
            cost += 1e3;
            break;
          }
      }
      if (l.flow < flows.size()) // its own flow beside it, not through it
        for (size_t k = 0; k + 1 < flows[l.flow].size(); ++k)
          if (crossed(b, flows[l.flow][k], flows[l.flow][k + 1])) {
            cost += 1e3;
            break;
          }
      if (cost < bestCost) {
        best = c;
        bestCost = cost;
      }
    }
    placed.push_back({candidates[best].x, candidates[best].y, hw, hh, Outline::Rect});
  }
  return placed;
}

} // namespace salesc::emit
