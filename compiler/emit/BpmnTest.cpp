//===- BpmnTest.cpp - BPMN from hand-built processes, its routes and the XML reader ===//
#include "BpmnLabels.h"
#include "Emit.h"
#include "EmitTestProcesses.h"
#include "MiniXml.h"
#include "Routing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace salesc::emit {
namespace {

using namespace salesc::emit::testing;
using namespace salesc::testing;

/// A layout like dot's for salesProcess, left to right, y growing upwards.
Layout salesLayout() {
  Layout l;
  l.width = 1400;
  l.height = 400;
  for (int i = 0; i < 5; ++i)
    l.nodes.push_back({100.0 + 250 * i, 300, 200, 120});
  l.nodes.push_back({1350, 300, 80, 40}); // signed
  l.nodes.push_back({700, 60, 80, 40});   // lost
  for (const rt::Transition& t : salesProcess().transitions) {
    const Layout::Node& a = l.nodes[t.from];
    const Layout::Node& b = l.nodes[t.to];
    // One Bézier segment, or two through a point above the row for the loop back.
    if (t.to < t.from)
      l.edges.push_back({{a.x, a.y},
                         {a.x, 380},
                         {a.x, 380},
                         {(a.x + b.x) / 2, 390},
                         {b.x, 380},
                         {b.x, 380},
                         {b.x, b.y}});
    else
      l.edges.push_back({{a.x, a.y}, {a.x, a.y}, {b.x, b.y}, {b.x, b.y}});
  }
  return l;
}

struct Bpmn {
  XmlElement root;
  std::map<std::string, const XmlElement*> byId;
  std::vector<const XmlElement*> all;
  std::vector<const XmlElement*> named(llvm::StringRef tag) const {
    std::vector<const XmlElement*> out;
    for (const XmlElement* e : all)
      if (e->name == tag)
        out.push_back(e);
    return out;
  }
  const XmlElement& diOf(const std::string& id) const {
    for (const XmlElement* e : all)
      if (e->attr("bpmnElement") == id)
        return *e;
    ADD_FAILURE() << "no diagram element for " << id;
    return root;
  }
  double bound(const std::string& id, llvm::StringRef which) const {
    for (const XmlElement& c : diOf(id).children)
      if (c.name == "dc:Bounds")
        return std::strtod(c.attr(which).value_or("nan").c_str(), nullptr);
    return NAN;
  }
};

/// Parses `xml` and checks what bpmn.io needs to open it: unique NCName ids, every
/// reference resolved, flow nodes listing exactly the flows that use them, one
/// shape or edge per element.
Bpmn checkedBpmn(const std::string& xml) {
  Bpmn b;
  std::string error;
  std::optional<XmlElement> root = parseXml(xml, error);
  if (!root) {
    ADD_FAILURE() << error << "\n" << xml;
    return b;
  }
  b.root = std::move(*root);
  b.all = b.root.all();
  EXPECT_EQ(b.root.name, "bpmn:definitions");
  for (const XmlElement* e : b.all)
    if (auto id = e->attr("id")) {
      EXPECT_TRUE(llvm::StringRef(*id).find_first_not_of(
                      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") ==
                      llvm::StringRef::npos &&
                  !std::isdigit(static_cast<unsigned char>((*id)[0])))
          << *id;
      EXPECT_TRUE(b.byId.emplace(*id, e).second) << "duplicate id " << *id;
    }
  std::map<std::string, std::multiset<std::string>> in, out, listedIn, listedOut;
  for (const XmlElement* e : b.all) {
    for (const char* ref : {"sourceRef", "targetRef", "bpmnElement", "default"})
      if (auto id = e->attr(ref)) {
        EXPECT_TRUE(b.byId.count(*id)) << ref << "=" << *id << " is not resolved";
      }
    if (e->name == "bpmn:sequenceFlow") {
      out[*e->attr("sourceRef")].insert(*e->attr("id"));
      in[*e->attr("targetRef")].insert(*e->attr("id"));
    }
    for (const XmlElement& c : e->children) {
      if (c.name == "bpmn:incoming" || c.name == "bpmn:outgoing") {
        EXPECT_TRUE(b.byId.count(c.text)) << c.name << " " << c.text << " is not resolved";
        (c.name == "bpmn:incoming" ? listedIn : listedOut)[*e->attr("id")].insert(c.text);
      }
    }
  }
  EXPECT_EQ(in, listedIn);
  EXPECT_EQ(out, listedOut);
  for (const XmlElement* e : b.all) {
    llvm::StringRef tag = e->name;
    if (tag == "bpmn:startEvent" || tag == "bpmn:task" || tag == "bpmn:exclusiveGateway" ||
        tag == "bpmn:parallelGateway" || tag == "bpmn:endEvent") {
      EXPECT_EQ(b.diOf(*e->attr("id")).name, "bpmndi:BPMNShape");
    }
    if (tag == "bpmn:sequenceFlow") {
      const XmlElement& edge = b.diOf(*e->attr("id"));
      EXPECT_EQ(edge.name, "bpmndi:BPMNEdge");
      EXPECT_GE(edge.children.size(), 2u);
    }
  }
  return b;
}

TEST(EmitBpmnTest, EveryReferenceResolves) {
  rt::Process p = salesProcess();
  rt::AnalyzedProcess a = analyzed(p);
  std::string xml = toBpmn(a, salesLayout());
  Bpmn b = checkedBpmn(xml);
  EXPECT_EQ(b.named("bpmn:process").size(), 1u);
  EXPECT_EQ(b.named("bpmn:process")[0]->attr("isExecutable"), "false");
  EXPECT_EQ(b.named("bpmn:startEvent").size(), 1u);
  EXPECT_EQ(b.named("bpmn:task").size(), 5u);
  EXPECT_EQ(b.named("bpmn:endEvent").size(), 2u);
  // 1 entry flow, 4 task -> gateway flows, 10 transitions, 2 merges (into rep_call and lost).
  EXPECT_EQ(b.named("bpmn:sequenceFlow").size(), 17u);
  EXPECT_EQ(b.byId["Task_2"]->attr("name"), "demo");
  EXPECT_EQ(b.byId["EndEvent_5"]->attr("name"), "signed (won)");
  EXPECT_EQ(b.byId["EndEvent_6"]->attr("name"), "lost");
  EXPECT_EQ(toBpmn(a, salesLayout()), xml); // deterministic
}

TEST(EmitBpmnTest, GatewaysOnlyWhereAStageHasSeveralExits) {
  rt::Process p = salesProcess();
  Bpmn b = checkedBpmn(toBpmn(analyzed(p), salesLayout()));
  std::set<std::string> gateways;
  for (const XmlElement* g : b.named("bpmn:exclusiveGateway"))
    if (g->attr("name"))
      gateways.insert(*g->attr("id"));
  EXPECT_EQ(gateways, (std::set<std::string>{"Gateway_0", "Gateway_1", "Gateway_2", "Gateway_3"}));
  EXPECT_EQ(b.byId["Gateway_2"]->attr("name"), "Where next after demo?");
  // contract has one exit: its task flows straight to the won end event.
  const XmlElement* f = b.byId["Flow_9"];
  EXPECT_EQ(f->attr("sourceRef"), "Task_4");
  EXPECT_EQ(f->attr("targetRef"), "EndEvent_5");
  EXPECT_FALSE(f->attr("name"));
  EXPECT_TRUE(f->children.empty());
  // inquiry's gateway: the flow to rep_call has a FEEL condition on `next`, its rate in its
  // name and documentation; the remainder is the default, without a condition.
  EXPECT_EQ(b.byId["Gateway_0"]->attr("default"), "Flow_1");
  EXPECT_EQ(b.byId["Flow_1"]->attr("name"), "40% (remainder)");
  ASSERT_EQ(b.byId["Flow_1"]->children.size(), 1u);
  EXPECT_EQ(b.byId["Flow_1"]->children[0].text,
            "40% of the prospects go on to lost (the remainder)");
  const XmlElement* rate = b.byId["Flow_0"];
  EXPECT_EQ(rate->attr("sourceRef"), "Gateway_0");
  EXPECT_EQ(rate->attr("name"), "60%");
  ASSERT_EQ(rate->children.size(), 2u);
  EXPECT_EQ(rate->children[0].name, "bpmn:documentation");
  EXPECT_EQ(rate->children[0].text, "60% of the prospects go on to rep_call");
  EXPECT_EQ(rate->children[1].name, "bpmn:conditionExpression");
  EXPECT_EQ(rate->children[1].text, "next = \"rep_call\"");
  EXPECT_EQ(rate->children[1].attr("xsi:type"), "bpmn:tFormalExpression");
  EXPECT_EQ(rate->children[1].attr("language"), "https://www.omg.org/spec/DMN/20191111/FEEL/");
}

TEST(EmitBpmnTest, ShapesFollowTheLayoutWithYFlipped) {
  rt::Process p = salesProcess();
  Bpmn b = checkedBpmn(toBpmn(analyzed(p), salesLayout()));
  // lost is below the row in Graphviz (y 60 < 300), so below it in BPMN too.
  EXPECT_GT(b.bound("EndEvent_6", "y"), b.bound("Task_0", "y") + 80);
  EXPECT_LT(b.bound("Task_0", "x"), b.bound("Task_1", "x"));
  EXPECT_EQ(b.bound("Task_1", "x") - b.bound("Task_0", "x"), 250);
  EXPECT_EQ(b.bound("Task_0", "width"), 100);
  // The start event is left of the start task, gateways right of their task.
  EXPECT_LT(b.bound("StartEvent_1", "x") + b.bound("StartEvent_1", "width"),
            b.bound("Task_0", "x"));
  for (int i = 0; i < 4; ++i) {
    std::string task = "Task_" + std::to_string(i), gateway = "Gateway_" + std::to_string(i);
    EXPECT_GT(b.bound(gateway, "x"), b.bound(task, "x") + b.bound(task, "width"));
    EXPECT_LT(b.bound(gateway, "x"), b.bound("Task_" + std::to_string(i + 1), "x"));
  }
  // The drawing starts at the margin.
  double minX = INFINITY, minY = INFINITY;
  for (const XmlElement* e : b.all)
    if (e->name == "di:waypoint" || e->name == "dc:Bounds") {
      minX = std::min(minX, std::strtod(e->attr("x")->c_str(), nullptr));
      minY = std::min(minY, std::strtod(e->attr("y")->c_str(), nullptr));
    }
  EXPECT_EQ(minX, 40);
  EXPECT_EQ(minY, 40);
}

TEST(EmitBpmnTest, NoFlowPassesThroughAnotherShape) {
  rt::Process p = salesProcess();
  Bpmn b = checkedBpmn(toBpmn(analyzed(p), salesLayout()));
  std::map<std::string, Box> boxes;
  for (const XmlElement* s : b.named("bpmndi:BPMNShape")) {
    std::string id = *s->attr("bpmnElement");
    double x = b.bound(id, "x"), y = b.bound(id, "y"), w = b.bound(id, "width"),
           h = b.bound(id, "height");
    boxes[id] = Box{x + w / 2, y + h / 2, w / 2, h / 2};
  }
  for (const XmlElement* f : b.named("bpmn:sequenceFlow")) {
    std::vector<Point> points;
    for (const XmlElement& w : b.diOf(*f->attr("id")).children)
      if (w.name == "di:waypoint")
        points.push_back({std::strtod(w.attr("x")->c_str(), nullptr),
                          std::strtod(w.attr("y")->c_str(), nullptr)});
    for (const auto& [id, box] : boxes) {
      if (id == f->attr("sourceRef") || id == f->attr("targetRef"))
        continue;
      for (size_t k = 0; k + 1 < points.size(); ++k)
        EXPECT_FALSE(box.crossedBy(points[k], points[k + 1], 0))
            << *f->attr("id") << " passes through " << id;
    }
  }
  // demo's loop back to rep_call cannot go straight: it would cross demo's task.
  EXPECT_GT(b.diOf("Flow_5").children.size(), 2u);
}

/// The label bounds of each element of `b` that has them, by the element's id.
std::map<std::string, Box> labelBoxes(const Bpmn& b) {
  std::map<std::string, Box> out;
  for (const XmlElement* l : b.named("bpmndi:BPMNLabel"))
    for (const XmlElement* di : b.all)
      for (const XmlElement& c : di->children)
        if (&c == l) {
          const XmlElement& r = l->children.at(0);
          auto v = [&](const char* k) { return std::strtod(r.attr(k)->c_str(), nullptr); };
          out[*di->attr("bpmnElement")] = {v("x") + v("width") / 2, v("y") + v("height") / 2,
                                           v("width") / 2, v("height") / 2};
        }
  return out;
}

TEST(EmitBpmnTest, EveryOutsideNameHasALabelThatOverlapsNothing) {
  for (const rt::Process& p : {salesProcess(), committeeProcess()}) {
    Bpmn b =
        checkedBpmn(toBpmn(analyzed(p), p.name == salesProcess().name ? salesLayout() : Layout{}));
    std::map<std::string, Box> labels = labelBoxes(b);
    size_t named = 0;
    for (const XmlElement* e : b.all) {
      llvm::StringRef tag = e->name;
      if (!e->attr("name") || tag == "bpmn:task" || tag == "bpmn:process" ||
          tag == "bpmn:participant" || tag == "bpmn:lane")
        continue;
      ++named;
      EXPECT_TRUE(labels.count(*e->attr("id"))) << p.name << ": " << *e->attr("id");
    }
    EXPECT_EQ(labels.size(), named);
    std::map<std::string, Box> shapes;
    for (const XmlElement* s : b.named("bpmndi:BPMNShape")) {
      std::string id = *s->attr("bpmnElement");
      if (id.rfind("Task", 0) == 0 || id.rfind("Gateway", 0) == 0 ||
          id.find("Event") != std::string::npos)
        shapes[id] = {b.bound(id, "x") + b.bound(id, "width") / 2,
                      b.bound(id, "y") + b.bound(id, "height") / 2, b.bound(id, "width") / 2,
                      b.bound(id, "height") / 2};
    }
    for (auto i = labels.begin(); i != labels.end(); ++i) {
      for (auto j = std::next(i); j != labels.end(); ++j)
        EXPECT_FALSE(intersects(i->second, j->second))
            << p.name << ": labels of " << i->first << " and " << j->first;
      for (const auto& [id, s] : shapes)
        EXPECT_FALSE(intersects(i->second, s))
            << p.name << ": label of " << i->first << " and shape " << id;
    }
  }
}

TEST(BpmnLabelsTest, SizesFollowArialAndWrapAt90) {
  EXPECT_EQ(externalLabelSize("60%").hh, 7);
  EXPECT_LE(externalLabelSize("60%").hw * 2, 30);
  // Two lines of at most 90 px of Arial (99 estimated): "Where next after" and "activation?".
  Box two = externalLabelSize("Where next after activation?");
  EXPECT_EQ(two.hh, 14);
  EXPECT_LE(two.hw * 2, 99);
  EXPECT_GE(two.hw * 2, 85);
  // A word wider than that is a line of its own, and the label as wide as it: bpmn-js
  // wraps at the label's width and would cut the word.
  Box word = externalLabelSize("Where next after upgrade_prompt_for_enterprise?");
  EXPECT_EQ(word.hh, 14);
  EXPECT_GE(word.hw * 2, textWidth("upgrade_prompt_for_enterprise?", 11));
  EXPECT_GT(word.hw * 2, 99);
  EXPECT_EQ(taskWidthFor("demo", 100), 100);
  EXPECT_GT(taskWidthFor("upgrade_prompt", 100), 100);
  EXPECT_EQ(std::fmod(taskWidthFor("upgrade_prompt", 100), 10), 0);
}

TEST(BpmnLabelsTest, LabelsAvoidShapesEachOtherAndFlows) {
  // A gateway with three exits, flows right, up-right and down-right, its label and
  // each flow's.
  std::vector<Box> shapes{{100, 100, 25, 25, Outline::Diamond},
                          {300, 100, 50, 40},
                          {300, 0, 18, 18, Outline::Circle},
                          {300, 200, 18, 18, Outline::Circle}};
  std::vector<std::vector<Point>> flows{
      {{125, 100}, {250, 100}}, {{118, 82}, {282, 0}}, {{118, 118}, {282, 200}}};
  std::vector<LabelOwner> owners{{0, SIZE_MAX, externalLabelSize("Where next after demo?")},
                                 {2, SIZE_MAX, externalLabelSize("won")},
                                 {3, SIZE_MAX, externalLabelSize("lost")}};
  for (size_t f = 0; f < flows.size(); ++f)
    owners.push_back({SIZE_MAX, f, externalLabelSize("45% (remainder)")});
  std::vector<Box> placed = placeLabels(shapes, flows, owners);
  ASSERT_EQ(placed.size(), owners.size());
  for (size_t i = 0; i < placed.size(); ++i) {
    EXPECT_EQ(placed[i].hw, owners[i].size.hw);
    for (size_t j = i + 1; j < placed.size(); ++j)
      EXPECT_FALSE(intersects(placed[i], placed[j])) << i << " " << j;
    for (const Box& s : shapes)
      EXPECT_FALSE(intersects(placed[i], s)) << i;
    for (size_t f = 0; f < flows.size(); ++f)
      if (f != owners[i].flow) {
        EXPECT_FALSE(placed[i].crossedBy(flows[f][0], flows[f][1], -1)) << i << " crossed by " << f;
      }
  }
}

TEST(EmitBpmnTest, ATaskIsWideEnoughForItsName) {
  rt::Process p = salesProcess();
  p.states[1].name = "upgrade_prompt_for_enterprise";
  Bpmn b = checkedBpmn(toBpmn(analyzed(p), salesLayout()));
  EXPECT_GE(b.bound("Task_1", "width"), taskWidthFor(p.states[1].name, 100));
  EXPECT_GT(b.bound("Gateway_1", "x"), b.bound("Task_1", "x") + b.bound("Task_1", "width"));
  EXPECT_EQ(b.bound("Task_0", "width"), 100);
}

TEST(EmitBpmnTest, FlowsMergeBeforeATaskOrEventThatSeveralReach) {
  rt::Process p = salesProcess();
  Bpmn b = checkedBpmn(toBpmn(analyzed(p), salesLayout()));
  // rep_call is reached from inquiry and from demo, lost from four stages.
  std::set<std::string> merges;
  for (const XmlElement* g : b.named("bpmn:exclusiveGateway"))
    if (!g->attr("name"))
      merges.insert(*g->attr("id"));
  EXPECT_EQ(merges, (std::set<std::string>{"Gateway_1_merge", "Gateway_6_merge"}));
  EXPECT_EQ(b.byId["Flow_1_merge"]->attr("sourceRef"), "Gateway_1_merge");
  EXPECT_EQ(b.byId["Flow_1_merge"]->attr("targetRef"), "Task_1");
  EXPECT_EQ(b.byId["Flow_5"]->attr("targetRef"), "Gateway_1_merge"); // demo's loop back
  // No task or event joins flows itself (bpmnlint's fake-join); a merge sits left of its task.
  for (const XmlElement* e : b.all)
    if (e->name == "bpmn:task" || e->name == "bpmn:endEvent") {
      size_t in = 0;
      for (const XmlElement& c : e->children)
        in += c.name == "bpmn:incoming";
      EXPECT_LE(in, 1u) << *e->attr("id");
    }
  EXPECT_LT(b.bound("Gateway_1_merge", "x") + 50, b.bound("Task_1", "x"));
}

TEST(EmitBpmnTest, ASignoffStageIsAParallelSplitAndJoin) {
  rt::Process p = committeeProcess();
  Bpmn b = checkedBpmn(toBpmn(analyzed(p), Layout{}));
  std::set<std::string> parallel;
  for (const XmlElement* g : b.named("bpmn:parallelGateway"))
    parallel.insert(*g->attr("id"));
  EXPECT_EQ(parallel, (std::set<std::string>{"Gateway_1_split", "Gateway_1_all"}));
  auto flow = [&](const char* id, const char* from, const char* to) {
    ASSERT_TRUE(b.byId.count(id)) << id;
    EXPECT_EQ(b.byId[id]->attr("sourceRef"), from) << id;
    EXPECT_EQ(b.byId[id]->attr("targetRef"), to) << id;
  };
  flow("Flow_1_split", "Task_1", "Gateway_1_split");
  flow("Flow_1_role_0", "Gateway_1_split", "Task_1_role_0");
  flow("Flow_1_role_1", "Gateway_1_split", "Task_1_role_1");
  flow("Flow_1_role_0_done", "Task_1_role_0", "Gateway_1_all");
  flow("Flow_1_role_1_done", "Task_1_role_1", "Gateway_1_all");
  flow("Flow_1_gateway", "Gateway_1_all", "Gateway_1");
  flow("Flow_2", "Gateway_1", "EndEvent_2");
  EXPECT_EQ(b.byId["Task_1_role_0"]->attr("name"), "cfo signs off (80%)");
  EXPECT_EQ(b.byId["Task_1_role_0"]->children.at(0).text,
            "Chief financial officer\nNeeds:\n- payback: Payback period\nApproves: 80%\nTime: 3 "
            "days, mean 3 days");
  // The approved share carries its rate; the remainder is the default.
  EXPECT_EQ(b.byId["Flow_2"]->attr("name"), "40%");
  EXPECT_EQ(b.byId["Gateway_1"]->attr("default"), "Flow_3");
  // Split, roles and join left to right; the roles one above the other.
  EXPECT_LT(b.bound("Task_1", "x"), b.bound("Gateway_1_split", "x"));
  EXPECT_LT(b.bound("Gateway_1_split", "x"), b.bound("Task_1_role_0", "x"));
  EXPECT_EQ(b.bound("Task_1_role_0", "x"), b.bound("Task_1_role_1", "x"));
  EXPECT_LT(b.bound("Task_1_role_0", "y") + b.bound("Task_1_role_0", "height"),
            b.bound("Task_1_role_1", "y"));
  EXPECT_LT(b.bound("Task_1_role_0", "x"), b.bound("Gateway_1_all", "x"));
  EXPECT_LT(b.bound("Gateway_1_all", "x"), b.bound("Gateway_1", "x"));
}

TEST(EmitBpmnTest, StagesAreInOneLanePerOwnerTeam) {
  rt::Process p = committeeProcess();
  Bpmn b = checkedBpmn(toBpmn(analyzed(p), Layout{}));
  ASSERT_EQ(b.named("bpmn:participant").size(), 1u);
  EXPECT_EQ(b.named("bpmn:participant")[0]->attr("processRef"), "Process_1");
  EXPECT_EQ(b.named("bpmndi:BPMNPlane")[0]->attr("bpmnElement"), "Collaboration_1");
  std::vector<const XmlElement*> lanes = b.named("bpmn:lane");
  ASSERT_EQ(lanes.size(), 2u);
  EXPECT_EQ(lanes[0]->attr("name"), "Field sales");
  EXPECT_EQ(lanes[1]->attr("name"), "No owner");
  std::map<std::string, std::set<std::string>> members;
  for (const XmlElement* lane : lanes)
    for (const XmlElement& ref : lane->children)
      members[*lane->attr("id")].insert(ref.text);
  // visit, its gateway and the start event in field's lane; the committee with its roles
  // in "No owner"; lost goes with visit, which sends it the most prospects (0.5 > 0.3).
  EXPECT_EQ(members["Lane_0"], (std::set<std::string>{"StartEvent_1", "Task_0", "Gateway_0",
                                                      "EndEvent_3", "Gateway_3_merge"}));
  EXPECT_EQ(members["Lane_1"].count("Task_1_role_1"), 1u);
  EXPECT_EQ(members["Lane_1"].count("EndEvent_2"), 1u);
  size_t flowNodes = 0;
  for (const XmlElement* e : b.all)
    flowNodes += e->name == "bpmn:task" || e->name == "bpmn:startEvent" ||
                 e->name == "bpmn:endEvent" || llvm::StringRef(e->name).endswith("Gateway");
  EXPECT_EQ(members["Lane_0"].size() + members["Lane_1"].size(), flowNodes);
  // Every shape lies inside its lane's band, the lanes inside the pool.
  for (const auto& [lane, ids] : members)
    for (const std::string& id : ids) {
      EXPECT_GE(b.bound(id, "y"), b.bound(lane, "y")) << id;
      EXPECT_LE(b.bound(id, "y") + b.bound(id, "height"),
                b.bound(lane, "y") + b.bound(lane, "height"))
          << id;
      EXPECT_GE(b.bound(id, "x"), b.bound(lane, "x")) << id;
    }
  EXPECT_EQ(b.bound("Lane_0", "y") + b.bound("Lane_0", "height"), b.bound("Lane_1", "y"));
  EXPECT_EQ(b.bound("Participant_1", "x") + 30, b.bound("Lane_0", "x"));
}

TEST(EmitBpmnTest, WithoutOwnersThereAreNoLanes) {
  rt::Process p = salesProcess();
  Bpmn b = checkedBpmn(toBpmn(analyzed(p), salesLayout()));
  EXPECT_TRUE(b.named("bpmn:collaboration").empty());
  EXPECT_TRUE(b.named("bpmn:laneSet").empty());
  EXPECT_EQ(b.named("bpmndi:BPMNPlane")[0]->attr("bpmnElement"), "Process_1");
}

TEST(RoutingTest, GoesAroundWhatIsInTheWay) {
  // a and c on a row with b between them: a U below b, leaving and entering by the
  // bottom; with nothing in the way, a straight line border to border.
  std::vector<Box> shapes{{0, 0, 10, 10}, {100, 0, 20, 30}, {200, 0, 10, 10, Outline::Circle}};
  std::vector<Point> r = route(shapes, 0, 2, {});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].x, 0);
  EXPECT_EQ(r[0].y, 10);
  EXPECT_EQ(r[1].y, 30 + 25);
  EXPECT_EQ(r[2].x, 200);
  EXPECT_EQ(r[3].y, 10);
  shapes[1].cy = 100;
  r = route(shapes, 0, 2, {});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].x, 10);
  EXPECT_EQ(r[1].x, 190);
}

TEST(RoutingTest, OutlinesAreMetOnTheirBorder) {
  Box rect{0, 0, 50, 40}, circle{0, 0, 18, 18, Outline::Circle},
      diamond{0, 0, 25, 25, Outline::Diamond};
  EXPECT_EQ(rect.towards({100, 0}).x, 50);
  EXPECT_EQ(rect.towards({0, -100}).y, -40);
  EXPECT_NEAR(circle.towards({100, 100}).x, 18 / std::sqrt(2.0), 1e-12);
  EXPECT_EQ(diamond.towards({100, 100}).x, 12.5);
  EXPECT_TRUE(rect.crossedBy({-100, 0}, {100, 0}));
  EXPECT_FALSE(rect.crossedBy({-100, 50}, {100, 50}));
}

TEST(EmitBpmnTest, WithoutAMatchingLayoutStatesAreLaidInARow) {
  rt::Process p = salesProcess();
  Bpmn b = checkedBpmn(toBpmn(analyzed(p), Layout{}));
  EXPECT_EQ(b.named("bpmndi:BPMNShape").size(), 1u + 5 + 4 + 2 + 2);
  EXPECT_EQ(b.named("bpmndi:BPMNEdge").size(), 17u);
}

TEST(EmitBpmnTest, TextIsEscapedAndReadsBack) {
  rt::Process p = hostileProcess();
  p.states[0].description += std::string("\x01 bell");
  rt::AnalyzedProcess a = analyzed(p);
  std::string xml = toBpmn(a, Layout{});
  EXPECT_EQ(xml.find("<script"), std::string::npos);
  Bpmn b = checkedBpmn(xml);
  EXPECT_EQ(b.named("bpmn:process")[0]->attr("name"), p.name);
  EXPECT_EQ(b.byId["Task_0"]->attr("name"), p.states[0].name);
  EXPECT_EQ(b.byId["EndEvent_1"]->attr("name"), "w]on# (won)");
  const XmlElement& doc = b.byId["Task_0"]->children.at(0);
  EXPECT_EQ(doc.name, "bpmn:documentation");
  EXPECT_TRUE(llvm::StringRef(doc.text).startswith(
      "1. Call <b>now</b> | \"ask\" & 'listen'\n# not a heading bell\nTime: 1 day"))
      << doc.text;
  EXPECT_EQ(b.byId["EndEvent_2"]->children.at(0).text, "no\r\nway");
}

TEST(EmitBpmnTest, AProcessWithoutStatesIsAnEmptyDiagram) {
  rt::Process p;
  p.name = "empty";
  Bpmn b = checkedBpmn(toBpmn(rt::AnalyzedProcess{&p, {}}, Layout{}));
  EXPECT_EQ(b.named("bpmn:process").size(), 1u);
  EXPECT_TRUE(b.named("bpmndi:BPMNShape").empty());
}

// --- The XML reader the BPMN tests rely on ----------------------------------------

TEST(MiniXmlTest, RejectsWhatIsNotWellFormed) {
  std::string error;
  for (const char* bad : {"<a>", "<a></b>", "<a x='1' x='2'/>", "<a x=\"<\"/>", "<a>&nbsp;</a>",
                          "<p:a/>", "<a>&#0;</a>", "<a/><b/>", "<a x=1/>", "<a>\x01</a>",
                          "<a><!-- -- --></a>", "<a>]]></a>", "<a>\xff</a>"}) {
    EXPECT_FALSE(parseXml(bad, error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
  std::optional<XmlElement> ok = parseXml(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\">\n"
      "<p:a xmlns:p=\"urn:p\" p:x='&lt;&#65;&#x42;'><!-- c --><b>t&amp;<![CDATA[<u>]]></b></p:a>",
      error);
  ASSERT_TRUE(ok) << error;
  EXPECT_EQ(ok->attr("p:x"), "<AB");
  EXPECT_EQ(ok->children[0].text, "t&<u>");
}
} // namespace
} // namespace salesc::emit
