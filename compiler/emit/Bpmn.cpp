//===- Bpmn.cpp - A process as BPMN 2.0 XML with diagram interchange ------===//
//
// One non-executable process: a start event into the start stage's task, a task per
// stage, an exclusive gateway after each stage with more than one exit, an end event
// per outcome, and an exclusive gateway that merges the ways into a task or end event
// that has several (bpmnlint's fake-join). A sign-off stage's task is followed by a
// parallel split into a task per role and a parallel join, then its exclusive gateway.
// When a stage has an owner, the process is a pool with a lane per team (BpmnLanes.h). A gateway's
// flows are named with their conversion rates; its remainder flow is its default (taken when no
// other is), the others carry the rate as their condition. A task's single exit takes everyone and
// is left unnamed. Ids are made of element kinds and state, role or transition indexes, never of
// user names, so they are valid NCNames and stable. Shapes are centred where Graphviz put the
// states (y flipped: Graphviz grows up, BPMN down), with BPMN's usual sizes (BpmnShapes.h); a
// gateway sits at the right of its task, a merging gateway at its left, the start event
// at the left of the start task; waypoints join the shapes' borders through the points
// where Graphviz's spline passes (without lanes: lanes move the shapes).
// Colours use both the OMG and the bpmn.io colour extensions.
//
//===----------------------------------------------------------------------===//
#include "BpmnLabels.h"
#include "BpmnLanes.h"
#include "BpmnShapes.h"
#include "Emit.h"
#include "Format.h"
#include "Routing.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Holding.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace salesc::emit {
namespace {

/// XML text: markup characters as entities, control characters a parser would
/// reject (or normalise away) dropped or written as references.
std::string xmlText(llvm::StringRef s, bool attribute) {
  std::string out;
  for (char c : s) {
    if (appendMarkupEntity(out, c))
      continue;
    switch (c) {
    case '"':
      out += attribute ? "&quot;" : "\"";
      break;
    case '\'':
      out += attribute ? "&apos;" : "'";
      break;
    case '\n':
      out += attribute ? "&#10;" : "\n";
      break;
    case '\t':
      out += attribute ? "&#9;" : "\t";
      break;
    case '\r':
      out += "&#13;";
      break;
    default:
      if (static_cast<unsigned char>(c) >= 0x20)
        out += c;
    }
  }
  return out;
}
std::string attr(llvm::StringRef s) {
  return xmlText(s, true);
}
std::string text(llvm::StringRef s) {
  return xmlText(s, false);
}

struct Node {
  std::string tag; ///< bpmn element name
  std::string id;
  std::string name;
  std::string documentation;
  Box box;
  std::vector<std::string> incoming, outgoing;
  std::string defaultFlow;
  const char* fill = nullptr;
  const char* stroke = nullptr;
  size_t state = 0;         ///< the state it belongs to: for its lane
  std::optional<Box> label; ///< where its name goes, for a named event or gateway
};

Node node(std::string tag, std::string id, std::string name, std::string documentation = "") {
  Node n;
  n.tag = std::move(tag);
  n.id = std::move(id);
  n.name = std::move(name);
  n.documentation = std::move(documentation);
  return n;
}

struct Flow {
  std::string id;
  size_t source = 0, target = 0; ///< indexes into the nodes
  std::string name;
  std::string condition; ///< a FEEL expression over `next` (docs/cli.md)
  std::string documentation;
  std::vector<Point> via; ///< where the Graphviz spline passes, BPMN coordinates
  std::vector<Point> waypoints;
  std::optional<Box> label; ///< where its name goes, if it has one
};

using namespace bpmn;
using namespace palette;
const double Margin = 40, LaneMargin = 30, PoolLabel = 30;
/// The language of the condition expressions: FEEL, as DMN 1.3 names it.
const char* const FeelUri = "https://www.omg.org/spec/DMN/20191111/FEEL/";

/// A layout for each state when the caller's does not match the process: the
/// states in a row, in index order.
Layout fallbackLayout(size_t states) {
  Layout l;
  for (size_t i = 0; i < states; ++i)
    l.nodes.push_back({200.0 * i + 100, 100, 160, 100});
  l.width = 200.0 * states;
  l.height = 200;
  return l;
}

std::string itemLine(llvm::StringRef title, const std::vector<rt::Item>& items) {
  if (items.empty())
    return "";
  std::string out = "\n" + title.str() + ":";
  for (const rt::Item& i : items)
    out += "\n- " + i.name + (i.description.empty() ? "" : ": " + i.description);
  return out;
}

/// The task's documentation: what the playbook says about the stage, as plain text.
std::string stageDocumentation(const rt::State& s, const rt::Analysis& a, size_t i) {
  std::string out = s.description;
  if (!s.owner.empty())
    out += "\nOwner: " + s.owner;
  out +=
      itemLine("Learn", s.learn) + itemLine("Provide", s.provide) + itemLine("Tactics", s.tactics);
  if (s.isSignoff())
    out += fmt::format("\nSign-off: all {} roles approve {}; the last answer after {} on average",
                       s.signoffs.size(), percent(rt::approvedShare(s.signoffs)),
                       days(rt::holdingMean(s)));
  else if (s.hasTime)
    out += "\nTime: " + formatTime(s.time) + ", mean " + days(s.time.mean());
  if (!s.exitCriteria.empty()) {
    out += "\nExit when:";
    for (const std::string& c : s.exitCriteria)
      out += "\n- [ ] " + c;
  }
  if (s.stalledAfter)
    out += "\nStalled after: " + days(*s.stalledAfter);
  if (i < a.winProbability.size())
    out += "\nWin probability from here: " + percent(a.winProbability[i]);
  return llvm::StringRef(out).trim().str();
}

/// A role's task's documentation: who, what it needs, what it approves and how fast.
std::string roleDocumentation(const rt::Process& p, const rt::Signoff& r) {
  std::string out;
  for (const rt::Role& role : p.roles)
    if (role.name == r.role)
      out = role.description + itemLine("Needs", role.needs);
  out += "\nApproves: " + percent(r.share) + "\nTime: " + formatTime(r.time) + ", mean " +
         days(r.time.mean());
  return llvm::StringRef(out).trim().str();
}

class BpmnWriter {
public:
  BpmnWriter(const rt::AnalyzedProcess& a, const Layout& layout)
      : p_(*a.process), a_(a.analysis),
        layout_(layout.nodes.size() == p_.states.size() ? layout
                                                        : fallbackLayout(p_.states.size())),
        lanes_(planLanes(a)) {}

  std::string build() {
    makeNodes();
    placeInLanes();
    makeFlows();
    route();
    return write();
  }

private:
  Point centre(uint32_t state) const {
    const Layout::Node& n = layout_.nodes[state];
    return {n.x, layout_.height - n.y};
  }
  size_t add(Node n) {
    nodes_.push_back(std::move(n));
    return nodes_.size() - 1;
  }
  size_t connect(std::string id, size_t from, size_t to, std::string name) {
    Flow f;
    f.id = std::move(id);
    f.source = from;
    f.target = to;
    f.name = std::move(name);
    nodes_[from].outgoing.push_back(f.id);
    nodes_[to].incoming.push_back(f.id);
    flows_.push_back(std::move(f));
    return flows_.size() - 1;
  }

  /// Adds a gateway named `name` (empty: none) of `tag` centred at (x, y) for `state`.
  size_t gateway(const char* tag, std::string id, std::string name, double x, double y,
                 size_t state) {
    Node g = node(tag, std::move(id), std::move(name));
    g.box = {x, y, GatewayD / 2, GatewayD / 2, Outline::Diamond};
    g.state = state;
    return add(std::move(g));
  }

  /// How far right of a state's centre its gateway sits (its merging gateway as far left):
  /// at the border of the box the layout gave it, clear of a shape `half` wide.
  double beside(uint32_t i, double half) const {
    return std::max(layout_.nodes[i].width / 2 - GatewayD / 2, half + GatewayGap + GatewayD / 2);
  }

  void makeNodes() {
    const size_t n = p_.states.size();
    std::vector<size_t> exits(n, 0), ways(n, 0);
    for (const rt::Transition& t : p_.transitions)
      if (t.from < n && t.to < n) {
        ++exits[t.from];
        ++ways[t.to];
      }
    bool entry = p_.start < n && !p_.states[p_.start].isOutcome();
    if (entry)
      ++ways[p_.start];
    stateNode_.assign(n, 0);
    inNode_.assign(n, 0);
    exitNode_.assign(n, 0);
    gatewayNode_.assign(n, SIZE_MAX);
    roleNodes_.assign(n, {});
    for (uint32_t i = 0; i < n; ++i) {
      const rt::State& s = p_.states[i];
      Point c = centre(i);
      bool merge = ways[i] > 1;
      double left = c.x; // the left of the leftmost shape, for the start event
      if (s.isOutcome()) {
        if (merge)
          left = c.x - beside(i, EventD / 2);
        inNode_[i] = merge ? gateway("exclusiveGateway", fmt::format("Gateway_{}_merge", i), "",
                                     left, c.y, i)
                           : SIZE_MAX;
        bool won = s.kind == rt::StateKind::Won;
        std::string kind = rt::toString(s.kind).str();
        Node end = node("endEvent", fmt::format("EndEvent_{}", i),
                        s.name == kind ? s.name : s.name + " (" + kind + ")", s.description);
        end.box = {c.x, c.y, EventD / 2, EventD / 2, Outline::Circle};
        end.fill = won ? WonFill : LostFill;
        end.stroke = won ? WonLine : LostLine;
        end.state = i;
        stateNode_[i] = add(std::move(end));
        if (!merge)
          inNode_[i] = stateNode_[i];
        exitNode_[i] = stateNode_[i];
        continue;
      }
      // The task, and what comes before it and after it, left to right.
      // A task wide enough for its name's longest word; a sign-off stage's keeps the room
      // the layout was asked for (BpmnShapes.h).
      double taskW = s.isSignoff() ? TaskW : taskWidthFor(s.name, TaskW);
      double taskX = c.x, mergeX = c.x - beside(i, taskW / 2);
      if (s.isSignoff()) {
        double start = c.x - signoffWidth(merge) / 2;
        mergeX = start + GatewayD / 2;
        taskX = start + (merge ? GatewayD + GatewayGap : 0) + TaskW / 2;
      }
      left = merge ? mergeX - GatewayD / 2 : taskX - taskW / 2;
      if (merge)
        inNode_[i] =
            gateway("exclusiveGateway", fmt::format("Gateway_{}_merge", i), "", mergeX, c.y, i);
      Node task = node("task", fmt::format("Task_{}", i), s.name, stageDocumentation(s, a_, i));
      task.box = {taskX, c.y, taskW / 2, TaskH / 2, Outline::Rect};
      task.fill = StageFill;
      task.stroke = a_.bottleneck == i ? BottleneckLine : StageLine;
      task.state = i;
      stateNode_[i] = add(std::move(task));
      if (!merge)
        inNode_[i] = stateNode_[i];
      exitNode_[i] = stateNode_[i];
      double gatewayX = c.x + beside(i, taskW / 2);
      if (s.isSignoff()) {
        double splitX = taskX + TaskW / 2 + GatewayGap + GatewayD / 2;
        double rolesX = splitX + GatewayD / 2 + RolesGap + RoleW / 2;
        double joinX = rolesX + RoleW / 2 + RolesGap + GatewayD / 2;
        gatewayX = joinX + GatewayD + GatewayGap;
        splitNode_[i] =
            gateway("parallelGateway", fmt::format("Gateway_{}_split", i), "", splitX, c.y, i);
        double y = c.y - signoffHeight(s.signoffs.size()) / 2 + RoleH / 2;
        for (size_t k = 0; k < s.signoffs.size(); ++k, y += RoleH + RoleGap) {
          const rt::Signoff& r = s.signoffs[k];
          Node role = node("task", fmt::format("Task_{}_role_{}", i, k),
                           fmt::format("{} signs off ({})", r.role, percent(r.share)),
                           roleDocumentation(p_, r));
          role.box = {rolesX, y, RoleW / 2, RoleH / 2, Outline::Rect};
          role.fill = "#ffffff";
          role.stroke = StageLine;
          role.state = i;
          roleNodes_[i].push_back(add(std::move(role)));
        }
        exitNode_[i] =
            gateway("parallelGateway", fmt::format("Gateway_{}_all", i), "", joinX, c.y, i);
      }
      if (exits[i] > 1)
        gatewayNode_[i] = gateway("exclusiveGateway", fmt::format("Gateway_{}", i),
                                  "Where next after " + s.name + "?", gatewayX, c.y, i);
      if (i == p_.start && entry) {
        Node e = node("startEvent", "StartEvent_1", "start");
        e.box = {left - 30 - EventD / 2, c.y, EventD / 2, EventD / 2, Outline::Circle};
        e.state = i;
        entry_ = add(std::move(e));
      }
    }
  }

  void makeFlows() {
    const size_t n = p_.states.size();
    if (entry_ != SIZE_MAX)
      connect("Flow_entry", entry_, inNode_[p_.start], "");
    for (uint32_t i = 0; i < n; ++i) {
      if (inNode_[i] != stateNode_[i])
        connect(fmt::format("Flow_{}_merge", i), inNode_[i], stateNode_[i], "");
      if (!roleNodes_[i].empty()) {
        connect(fmt::format("Flow_{}_split", i), stateNode_[i], splitNode_[i], "");
        for (size_t k = 0; k < roleNodes_[i].size(); ++k) {
          connect(fmt::format("Flow_{}_role_{}", i, k), splitNode_[i], roleNodes_[i][k], "");
          connect(fmt::format("Flow_{}_role_{}_done", i, k), roleNodes_[i][k], exitNode_[i], "");
        }
      }
      if (gatewayNode_[i] != SIZE_MAX)
        connect(fmt::format("Flow_{}_gateway", i), exitNode_[i], gatewayNode_[i], "");
    }
    for (size_t k = 0; k < p_.transitions.size(); ++k) {
      const rt::Transition& t = p_.transitions[k];
      if (t.from >= n || t.to >= n)
        continue;
      size_t from = gatewayNode_[t.from] != SIZE_MAX ? gatewayNode_[t.from] : exitNode_[t.from];
      // A task's only exit takes everyone: a rate there would say nothing.
      bool split = from == gatewayNode_[t.from];
      std::string rate = percent(t.probability);
      size_t f = connect(fmt::format("Flow_{}", k), from, inNode_[t.to],
                         !split       ? ""
                         : t.implicit ? rate + " (remainder)"
                                      : rate);
      Node& source = nodes_[from];
      if (split) {
        if (t.implicit && source.defaultFlow.empty())
          source.defaultFlow = flows_[f].id;
        else
          flows_[f].condition = condition(t.to);
        flows_[f].documentation =
            fmt::format("{} of the prospects go on to {}{}", rate, p_.states[t.to].name,
                        t.implicit ? " (the remainder)" : "");
      }
      if (k < layout_.edges.size() && lanes_.empty())
        flows_[f].via = interior(layout_.edges[k]);
    }
  }

  /// The condition of a gateway's flow to `state`: a FEEL expression over the process
  /// variable `next`, the name of the stage or outcome the deal goes to.
  std::string condition(uint32_t state) const {
    std::string name;
    for (char c : p_.states[state].name) {
      if (c == '"' || c == '\\')
        name += '\\';
      name += c;
    }
    return "next = \"" + name + "\"";
  }

  /// The on-curve points strictly inside a piecewise cubic Bézier (every third
  /// control point), in BPMN coordinates.
  std::vector<Point> interior(const std::vector<Point>& spline) const {
    std::vector<Point> out;
    if (spline.size() < 7 || (spline.size() - 1) % 3 != 0)
      return out;
    for (size_t i = 3; i + 3 < spline.size(); i += 3)
      out.push_back({spline[i].x, layout_.height - spline[i].y});
    return out;
  }

  /// With lanes, each shape moved into its lane's band (BpmnLanes.h).
  void placeInLanes() {
    if (lanes_.empty())
      return;
    std::vector<Box> shapes;
    std::vector<size_t> laneOf;
    for (const Node& n : nodes_) {
      shapes.push_back(n.box);
      laneOf.push_back(lanes_.ofState[n.state]);
    }
    bands_ = stackLanes(shapes, laneOf, lanes_.names.size());
    for (size_t k = 0; k < nodes_.size(); ++k)
      nodes_[k].box = shapes[k];
  }

  /// Waypoints around the other shapes (see route()); with lanes, the lanes and the pool
  /// around everything; then everything shifted so the drawing starts at (Margin, Margin).
  void route() {
    std::vector<Box> shapes;
    for (const Node& n : nodes_)
      shapes.push_back(n.box);
    for (Flow& f : flows_)
      f.waypoints = emit::route(shapes, f.source, f.target, f.via);
    if (nodes_.empty())
      return;
    placeLabels(shapes);
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    auto cover = [&](double x, double y) {
      minX = std::min(minX, x);
      minY = std::min(minY, y);
      maxX = std::max(maxX, x);
      maxY = std::max(maxY, y);
    };
    for (const Node& n : nodes_) {
      cover(n.box.left(), n.box.top());
      cover(n.box.right(), n.box.bottom());
    }
    for (const Flow& f : flows_)
      for (Point q : f.waypoints)
        cover(q.x, q.y);
    auto coverLabel = [&](const std::optional<Box>& l) {
      if (l) {
        cover(l->left(), l->top());
        cover(l->right(), l->bottom());
      }
    };
    for (const Node& n : nodes_)
      coverLabel(n.label);
    for (const Flow& f : flows_)
      coverLabel(f.label);
    if (!bands_.empty()) {
      bands_.front().top = std::min(bands_.front().top, minY - LaneMargin / 2);
      bands_.back().bottom = std::max(bands_.back().bottom, maxY + LaneMargin / 2);
      laneLeft_ = minX - LaneMargin;
      laneRight_ = maxX + LaneMargin;
      minX = laneLeft_ - PoolLabel;
      minY = bands_.front().top;
    }
    double dx = Margin - minX, dy = Margin - minY;
    auto shift = [&](std::optional<Box>& l) {
      if (l) {
        l->cx += dx;
        l->cy += dy;
      }
    };
    for (Node& n : nodes_) {
      n.box.cx += dx;
      n.box.cy += dy;
      shift(n.label);
    }
    for (Flow& f : flows_) {
      for (Point& q : f.waypoints) {
        q.x += dx;
        q.y += dy;
      }
      shift(f.label);
    }
    laneLeft_ += dx;
    laneRight_ += dx;
    for (Band& b : bands_) {
      b.top += dy;
      b.bottom += dy;
    }
  }

  /// Where the names of events, gateways and flows go (BpmnLabels.h); a task's is inside it.
  void placeLabels(const std::vector<Box>& shapes) {
    std::vector<LabelOwner> owners;
    std::vector<std::optional<Box>*> slots;
    for (size_t k = 0; k < nodes_.size(); ++k)
      if (!nodes_[k].name.empty() && nodes_[k].tag != "task") {
        owners.push_back({k, SIZE_MAX, externalLabelSize(nodes_[k].name)});
        slots.push_back(&nodes_[k].label);
      }
    std::vector<std::vector<Point>> paths;
    for (size_t k = 0; k < flows_.size(); ++k) {
      paths.push_back(flows_[k].waypoints);
      if (!flows_[k].name.empty()) {
        owners.push_back({SIZE_MAX, k, externalLabelSize(flows_[k].name)});
        slots.push_back(&flows_[k].label);
      }
    }
    std::vector<Box> placed = emit::placeLabels(shapes, paths, owners);
    for (size_t k = 0; k < placed.size(); ++k)
      *slots[k] = placed[k];
  }

  /// The nodes as the file lists them: the start event first, then as they were made.
  std::vector<const Node*> inOrder() const {
    std::vector<const Node*> out;
    if (entry_ != SIZE_MAX)
      out.push_back(&nodes_[entry_]);
    for (size_t k = 0; k < nodes_.size(); ++k)
      if (k != entry_)
        out.push_back(&nodes_[k]);
    return out;
  }

  static std::string num(double v) { return fmt::format("{}", std::lround(v)); }
  static std::string bounds(double x, double y, double w, double h) {
    return "        <dc:Bounds x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) +
           "\" height=\"" + num(h) + "\" />\n";
  }
  /// A shape's or flow's label bounds, if it has a label.
  static std::string label(const std::optional<Box>& l) {
    if (!l)
      return "";
    return "        <bpmndi:BPMNLabel>\n  " + bounds(l->left(), l->top(), 2 * l->hw, 2 * l->hh) +
           "        </bpmndi:BPMNLabel>\n";
  }
  /// The bounds from (left, top) to (right, bottom), each rounded, so that lanes that
  /// touch still touch once rounded.
  static std::string between(double left, double top, double right, double bottom) {
    double l = std::round(left), t = std::round(top);
    return bounds(l, t, std::round(right) - l, std::round(bottom) - t);
  }

  /// The pool's participant, before the process it shows.
  std::string collaboration() const {
    return "  <bpmn:collaboration id=\"Collaboration_1\">\n"
           "    <bpmn:participant id=\"Participant_1\" name=\"" +
           attr(p_.description.empty() ? p_.name : p_.description) +
           "\" processRef=\"Process_1\" />\n  </bpmn:collaboration>\n";
  }

  /// The lanes and the flow nodes in each, at the start of the process.
  std::string laneSet() const {
    std::string o = "    <bpmn:laneSet id=\"LaneSet_1\">\n";
    for (size_t k = 0; k < lanes_.names.size(); ++k) {
      o += fmt::format("      <bpmn:lane id=\"Lane_{}\" name=\"{}\">\n", k, attr(lanes_.names[k]));
      for (const Node* n : inOrder())
        if (lanes_.ofState[n->state] == k)
          o += "        <bpmn:flowNodeRef>" + n->id + "</bpmn:flowNodeRef>\n";
      o += "      </bpmn:lane>\n";
    }
    return o + "    </bpmn:laneSet>\n";
  }

  /// The shapes of the pool and its lanes, one band under the other.
  std::string laneShapes() const {
    std::string o =
        "      <bpmndi:BPMNShape id=\"Participant_1_di\" bpmnElement=\"Participant_1\" "
        "isHorizontal=\"true\">\n" +
        between(laneLeft_ - PoolLabel, bands_.front().top, laneRight_, bands_.back().bottom) +
        "      </bpmndi:BPMNShape>\n";
    for (size_t k = 0; k < bands_.size(); ++k) {
      o += fmt::format("      <bpmndi:BPMNShape id=\"Lane_{0}_di\" bpmnElement=\"Lane_{0}\" "
                       "isHorizontal=\"true\"",
                       k);
      if (const char* fill = lanes_.fills[k])
        o += fmt::format(" bioc:fill=\"{0}\" color:background-color=\"{0}\"", fill);
      o += ">\n" + between(laneLeft_, bands_[k].top, laneRight_, bands_[k].bottom) +
           "      </bpmndi:BPMNShape>\n";
    }
    return o;
  }

  std::string write() const {
    std::string o =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" "
        "xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" "
        "xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xmlns:bioc=\"http://bpmn.io/schema/bpmn/biocolor/1.0\" "
        "xmlns:color=\"http://www.omg.org/spec/BPMN/non-normative/color/1.0\" "
        "id=\"Definitions_1\" targetNamespace=\"urn:salesc:process\" exporter=\"salesc\">\n";
    bool pool = !bands_.empty();
    if (pool)
      o += collaboration();
    o +=
        "  <bpmn:process id=\"Process_1\" name=\"" + attr(p_.name) + "\" isExecutable=\"false\">\n";
    if (!p_.description.empty())
      o += "    <bpmn:documentation>" + text(p_.description) + "</bpmn:documentation>\n";
    if (pool)
      o += laneSet();
    for (const Node* np : inOrder()) {
      const Node& n = *np;
      o += "    <bpmn:" + n.tag + " id=\"" + n.id + "\"";
      if (!n.name.empty())
        o += " name=\"" + attr(n.name) + "\"";
      if (!n.defaultFlow.empty())
        o += " default=\"" + n.defaultFlow + "\"";
      o += ">\n";
      if (!n.documentation.empty())
        o += "      <bpmn:documentation>" + text(n.documentation) + "</bpmn:documentation>\n";
      for (const std::string& f : n.incoming)
        o += "      <bpmn:incoming>" + f + "</bpmn:incoming>\n";
      for (const std::string& f : n.outgoing)
        o += "      <bpmn:outgoing>" + f + "</bpmn:outgoing>\n";
      o += "    </bpmn:" + n.tag + ">\n";
    }
    for (const Flow& f : flows_) {
      o += "    <bpmn:sequenceFlow id=\"" + f.id + "\"";
      if (!f.name.empty())
        o += " name=\"" + attr(f.name) + "\"";
      o += " sourceRef=\"" + nodes_[f.source].id + "\" targetRef=\"" + nodes_[f.target].id + "\"";
      if (f.condition.empty() && f.documentation.empty()) {
        o += " />\n";
        continue;
      }
      o += ">\n";
      if (!f.documentation.empty())
        o += "      <bpmn:documentation>" + text(f.documentation) + "</bpmn:documentation>\n";
      if (!f.condition.empty())
        o += "      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"" +
             std::string(FeelUri) + "\">" + text(f.condition) + "</bpmn:conditionExpression>\n";
      o += "    </bpmn:sequenceFlow>\n";
    }
    o += "  </bpmn:process>\n";
    o += "  <bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n"
         "    <bpmndi:BPMNPlane id=\"BPMNPlane_1\" bpmnElement=\"" +
         std::string(pool ? "Collaboration_1" : "Process_1") + "\">\n";
    if (pool)
      o += laneShapes();
    for (const Node* np : inOrder()) {
      const Node& n = *np;
      o += "      <bpmndi:BPMNShape id=\"" + n.id + "_di\" bpmnElement=\"" + n.id + "\"";
      if (n.tag == "exclusiveGateway")
        o += " isMarkerVisible=\"true\"";
      if (n.fill)
        o += fmt::format(" bioc:stroke=\"{0}\" bioc:fill=\"{1}\" color:background-color=\"{1}\" "
                         "color:border-color=\"{0}\"",
                         n.stroke, n.fill);
      const Box& b = n.box;
      o += ">\n" + bounds(b.left(), b.top(), 2 * b.hw, 2 * b.hh) + label(n.label) +
           "      </bpmndi:BPMNShape>\n";
    }
    for (const Flow& f : flows_) {
      o += "      <bpmndi:BPMNEdge id=\"" + f.id + "_di\" bpmnElement=\"" + f.id + "\">\n";
      for (Point q : f.waypoints)
        o += "        <di:waypoint x=\"" + num(q.x) + "\" y=\"" + num(q.y) + "\" />\n";
      o += label(f.label) + "      </bpmndi:BPMNEdge>\n";
    }
    o += "    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n";
    return o;
  }

  const rt::Process& p_;
  const rt::Analysis& a_;
  Layout layout_;
  std::vector<Node> nodes_;
  std::vector<Flow> flows_;
  std::vector<size_t> stateNode_;   ///< per state: its task or end event
  std::vector<size_t> inNode_;      ///< per state: where its ways in arrive (merge or itself)
  std::vector<size_t> exitNode_;    ///< per state: what its exits leave from (task or join)
  std::vector<size_t> gatewayNode_; ///< per state: its gateway, SIZE_MAX for none
  std::vector<size_t> splitNode_ = std::vector<size_t>(p_.states.size(), SIZE_MAX);
  std::vector<std::vector<size_t>> roleNodes_; ///< per sign-off stage: its roles' tasks
  size_t entry_ = SIZE_MAX;                    ///< the start event, SIZE_MAX for none
  LanePlan lanes_;
  std::vector<Band> bands_; ///< per lane, once placed; empty without lanes
  double laneLeft_ = 0, laneRight_ = 0;
};

} // namespace

std::string toBpmn(const rt::AnalyzedProcess& p, const Layout& layout) {
  return BpmnWriter(p, layout).build();
}

} // namespace salesc::emit
