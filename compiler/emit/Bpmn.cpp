//===- Bpmn.cpp - A process as BPMN 2.0 XML with diagram interchange ------===//
//
// One non-executable process: a start event into the start stage's task, a task per
// stage, an exclusive gateway after each stage with more than one exit, an end event
// per outcome. A gateway's flows are named with their conversion rates; its remainder
// flow is its default (taken when no other is), the others carry the rate as their
// condition. A task's single exit takes everyone and is left unnamed. Ids are made of
// element kinds and state or transition indexes, never of user names, so they are
// valid NCNames and stable. Shapes are centred where Graphviz put the states (y
// flipped: Graphviz grows up, BPMN down), with BPMN's usual sizes; a gateway sits at
// the right of its task, the start event at the left of the start task; waypoints
// join the shapes' borders through the points where Graphviz's spline passes.
// Colours use both the OMG and the bpmn.io colour extensions.
//
//===----------------------------------------------------------------------===//
#include "Emit.h"
#include "Format.h"
#include "Routing.h"
#include "salesc/runtime/Format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

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
  std::string condition;
  std::vector<Point> via; ///< where the Graphviz spline passes, BPMN coordinates
  std::vector<Point> waypoints;
};

const double TaskW = 100, TaskH = 80, EventD = 36, GatewayD = 50, Margin = 40;
using namespace palette;

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
  out +=
      itemLine("Learn", s.learn) + itemLine("Provide", s.provide) + itemLine("Tactics", s.tactics);
  if (s.hasTime)
    out += "\nTime: " + formatTime(s.time) + ", mean " + days(s.time.mean());
  if (s.stalledAfter)
    out += "\nStalled after: " + days(*s.stalledAfter);
  if (i < a.winProbability.size())
    out += "\nWin probability from here: " + percent(a.winProbability[i]);
  return llvm::StringRef(out).trim().str();
}

class BpmnWriter {
public:
  BpmnWriter(const rt::AnalyzedProcess& a, const Layout& layout)
      : p_(*a.process), a_(a.analysis),
        layout_(layout.nodes.size() == p_.states.size() ? layout
                                                        : fallbackLayout(p_.states.size())) {}

  std::string build() {
    makeNodes();
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

  void makeNodes() {
    const size_t n = p_.states.size();
    std::vector<size_t> exits(n, 0);
    for (const rt::Transition& t : p_.transitions)
      if (t.from < n && t.to < n)
        ++exits[t.from];
    stateNode_.assign(n, 0);
    gatewayNode_.assign(n, SIZE_MAX);
    if (p_.start < n && !p_.states[p_.start].isOutcome()) {
      Point c = centre(p_.start);
      double half = std::max(layout_.nodes[p_.start].width / 2, TaskW / 2);
      Node e = node("startEvent", "StartEvent_1", "start");
      e.box = {c.x - half - 30 - EventD / 2, c.y, EventD / 2, EventD / 2, Outline::Circle};
      entry_ = add(std::move(e));
    }
    for (uint32_t i = 0; i < n; ++i) {
      const rt::State& s = p_.states[i];
      Point c = centre(i);
      if (!s.isOutcome()) {
        Node task = node("task", fmt::format("Task_{}", i), s.name, stageDocumentation(s, a_, i));
        task.box = {c.x, c.y, TaskW / 2, TaskH / 2, Outline::Rect};
        task.fill = StageFill;
        task.stroke = a_.bottleneck == i ? BottleneckLine : StageLine;
        stateNode_[i] = add(std::move(task));
        if (exits[i] > 1) {
          double dx =
              std::max(layout_.nodes[i].width / 2 - GatewayD / 2, TaskW / 2 + 20 + GatewayD / 2);
          Node g = node("exclusiveGateway", fmt::format("Gateway_{}", i),
                        "Where next after " + s.name + "?");
          g.box = {c.x + dx, c.y, GatewayD / 2, GatewayD / 2, Outline::Diamond};
          gatewayNode_[i] = add(std::move(g));
        }
      } else {
        bool won = s.kind == rt::StateKind::Won;
        std::string kind = rt::toString(s.kind).str();
        Node end = node("endEvent", fmt::format("EndEvent_{}", i),
                        s.name == kind ? s.name : s.name + " (" + kind + ")", s.description);
        end.box = {c.x, c.y, EventD / 2, EventD / 2, Outline::Circle};
        end.fill = won ? WonFill : LostFill;
        end.stroke = won ? WonLine : LostLine;
        stateNode_[i] = add(std::move(end));
      }
    }
  }

  void makeFlows() {
    const size_t n = p_.states.size();
    if (entry_ != SIZE_MAX)
      connect("Flow_entry", entry_, stateNode_[p_.start], "");
    for (uint32_t i = 0; i < n; ++i)
      if (gatewayNode_[i] != SIZE_MAX)
        connect(fmt::format("Flow_{}_gateway", i), stateNode_[i], gatewayNode_[i], "");
    for (size_t k = 0; k < p_.transitions.size(); ++k) {
      const rt::Transition& t = p_.transitions[k];
      if (t.from >= n || t.to >= n)
        continue;
      size_t from = gatewayNode_[t.from] != SIZE_MAX ? gatewayNode_[t.from] : stateNode_[t.from];
      // A task's only exit takes everyone: a rate there would say nothing.
      bool split = from == gatewayNode_[t.from];
      std::string rate = percent(t.probability);
      size_t f = connect(fmt::format("Flow_{}", k), from, stateNode_[t.to],
                         !split       ? ""
                         : t.implicit ? rate + " (remainder)"
                                      : rate);
      Node& source = nodes_[from];
      if (split) {
        if (t.implicit && source.defaultFlow.empty())
          source.defaultFlow = flows_[f].id;
        else
          flows_[f].condition = rate;
      }
      if (k < layout_.edges.size())
        flows_[f].via = interior(layout_.edges[k]);
    }
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

  /// Waypoints around the other shapes (see route()), then everything shifted so the
  /// drawing starts at (Margin, Margin).
  void route() {
    std::vector<Box> shapes;
    for (const Node& n : nodes_)
      shapes.push_back(n.box);
    for (Flow& f : flows_)
      f.waypoints = emit::route(shapes, f.source, f.target, f.via);
    double minX = INFINITY, minY = INFINITY;
    for (const Node& n : nodes_) {
      minX = std::min(minX, n.box.cx - n.box.hw);
      minY = std::min(minY, n.box.cy - n.box.hh);
    }
    for (const Flow& f : flows_)
      for (Point q : f.waypoints) {
        minX = std::min(minX, q.x);
        minY = std::min(minY, q.y);
      }
    if (nodes_.empty())
      return;
    double dx = Margin - minX, dy = Margin - minY;
    for (Node& n : nodes_) {
      n.box.cx += dx;
      n.box.cy += dy;
    }
    for (Flow& f : flows_)
      for (Point& q : f.waypoints) {
        q.x += dx;
        q.y += dy;
      }
  }

  static std::string num(double v) { return fmt::format("{}", std::lround(v)); }

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
    o +=
        "  <bpmn:process id=\"Process_1\" name=\"" + attr(p_.name) + "\" isExecutable=\"false\">\n";
    if (!p_.description.empty())
      o += "    <bpmn:documentation>" + text(p_.description) + "</bpmn:documentation>\n";
    for (const Node& n : nodes_) {
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
      if (f.condition.empty()) {
        o += " />\n";
        continue;
      }
      o += ">\n      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" +
           text(f.condition) + "</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n";
    }
    o += "  </bpmn:process>\n";
    o += "  <bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n"
         "    <bpmndi:BPMNPlane id=\"BPMNPlane_1\" bpmnElement=\"Process_1\">\n";
    for (const Node& n : nodes_) {
      o += "      <bpmndi:BPMNShape id=\"" + n.id + "_di\" bpmnElement=\"" + n.id + "\"";
      if (n.tag == "exclusiveGateway")
        o += " isMarkerVisible=\"true\"";
      if (n.fill)
        o += fmt::format(" bioc:stroke=\"{0}\" bioc:fill=\"{1}\" color:background-color=\"{1}\" "
                         "color:border-color=\"{0}\"",
                         n.stroke, n.fill);
      const Box& b = n.box;
      o += ">\n        <dc:Bounds x=\"" + num(b.cx - b.hw) + "\" y=\"" + num(b.cy - b.hh) +
           "\" width=\"" + num(2 * b.hw) + "\" height=\"" + num(2 * b.hh) +
           "\" />\n      </bpmndi:BPMNShape>\n";
    }
    for (const Flow& f : flows_) {
      o += "      <bpmndi:BPMNEdge id=\"" + f.id + "_di\" bpmnElement=\"" + f.id + "\">\n";
      for (Point q : f.waypoints)
        o += "        <di:waypoint x=\"" + num(q.x) + "\" y=\"" + num(q.y) + "\" />\n";
      o += "      </bpmndi:BPMNEdge>\n";
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
  std::vector<size_t> gatewayNode_; ///< per state: its gateway, SIZE_MAX for none
  size_t entry_ = SIZE_MAX;         ///< the start event, SIZE_MAX for none
};

} // namespace

std::string toBpmn(const rt::AnalyzedProcess& p, const Layout& layout) {
  return BpmnWriter(p, layout).build();
}

} // namespace salesc::emit
