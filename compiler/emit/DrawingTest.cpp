//===- DrawingTest.cpp - Layout budgets and the simpler drawings ----------===//
#include "EmitTestProcesses.h"
#include "Flowchart.h"
#include "MiniXml.h"

#include <gtest/gtest.h>

namespace salesc::emit {
namespace {

using namespace salesc::emit::testing;

struct Warnings {
  std::vector<std::string> said;
  DrawOptions options(DrawOptions::Step from, double seconds = 60) {
    DrawOptions o;
    o.seconds = seconds;
    o.from = from;
    o.warn = [this](const std::string& m) { said.push_back(m); };
    return o;
  }
};

TEST(DrawingTest, SketchPositionsAreRowsByDepthWithOutcomesLast) {
  rt::Process p = salesProcess();
  rt::AnalyzedProcess ap = analyzed(p);
  std::vector<Layout::Point> at = sketchPositions(ap);
  ASSERT_EQ(at.size(), p.states.size());
  // Depths: inquiry 0, rep_call 1, demo 2, proposal 3, contract 4; then signed and
  // lost share the last row (6 rows, y growing upwards, 94 points apart).
  const double row = SketchHeight + 54, column = SketchWidth + 36;
  for (uint32_t i = 0; i < 5; ++i) {
    EXPECT_DOUBLE_EQ(at[i].x, SketchWidth / 2) << i;
    EXPECT_DOUBLE_EQ(at[i].y, SketchHeight / 2 + (5 - i) * row) << i;
  }
  EXPECT_DOUBLE_EQ(at[5].x, SketchWidth / 2);
  EXPECT_DOUBLE_EQ(at[6].x, SketchWidth / 2 + column);
  EXPECT_DOUBLE_EQ(at[5].y, SketchHeight / 2);
  EXPECT_DOUBLE_EQ(at[6].y, SketchHeight / 2);
}

TEST(DrawingTest, AStageTheStartCannotReachGetsARowOfItsOwn) {
  rt::Process p;
  p.name = "p";
  p.states = {stage("a", "", {1, 1, 1}), stage("orphan", "", {1, 1, 1}),
              state("won", rt::StateKind::Won), state("lost", rt::StateKind::Lost)};
  p.transitions = {{0, 2, 0.5, false}, {0, 3, 0.5, true}, {1, 2, 1, false}};
  rt::AnalyzedProcess ap = analyzed(p);
  std::vector<Layout::Point> at = sketchPositions(ap);
  const double row = SketchHeight + 54;
  EXPECT_DOUBLE_EQ(at[0].y, SketchHeight / 2 + 2 * row); // depth 0
  EXPECT_DOUBLE_EQ(at[1].y, SketchHeight / 2 + row);     // unreachable: after the stages
  EXPECT_DOUBLE_EQ(at[2].y, SketchHeight / 2);           // outcomes last
  EXPECT_DOUBLE_EQ(at[3].y, SketchHeight / 2);
}

TEST(DrawingTest, TheFullLayoutWithinItsTimeSaysNothing) {
  rt::Process p = salesProcess();
  Warnings w;
  std::string svg = render(analyzed(p), "svg", w.options(DrawOptions::Step::Full));
  EXPECT_TRUE(w.said.empty());
  EXPECT_NE(svg.find("60%"), std::string::npos) << "shares on the lines";
}

TEST(DrawingTest, StraightLinesKeepEveryLabelAndSaySo) {
  rt::Process p = salesProcess();
  Warnings w;
  std::string svg = render(analyzed(p), "svg", w.options(DrawOptions::Step::Straight));
  ASSERT_EQ(w.said.size(), 1u);
  EXPECT_NE(w.said[0].find("process 'direct_consulting': the flowchart could not be laid out "
                           "within 60 s; it is drawn with straight lines"),
            std::string::npos)
      << w.said[0];
  EXPECT_NE(svg.find("60%"), std::string::npos);
  EXPECT_NE(svg.find("Bottleneck"), std::string::npos);
  std::string error;
  EXPECT_TRUE(salesc::testing::parseXml(svg, error)) << error;
}

TEST(DrawingTest, ASketchHasEveryStateAndTransitionAtItsPosition) {
  rt::Process p = salesProcess();
  Warnings w;
  std::string svg = render(analyzed(p), "svg", w.options(DrawOptions::Step::Sketch));
  ASSERT_EQ(w.said.size(), 1u);
  EXPECT_NE(w.said[0].find("drawn as a sketch"), std::string::npos) << w.said[0];
  std::string error;
  EXPECT_TRUE(salesc::testing::parseXml(svg, error)) << error;
  for (const rt::State& s : p.states)
    EXPECT_NE(svg.find("<title>" + s.name + "</title>"), std::string::npos) << s.name;
  for (const rt::Transition& t : p.transitions)
    EXPECT_NE(svg.find("<title>" + p.states[t.from].name + "&#45;&gt;" + p.states[t.to].name +
                       "</title>"),
              std::string::npos)
        << p.states[t.from].name << " -> " << p.states[t.to].name;
  EXPECT_EQ(svg.find("60%"), std::string::npos) << "no shares on a sketch's lines";
  EXPECT_NE(svg.find("wins 5.65%"), std::string::npos) << "the win probability stays";
  std::string png = render(analyzed(p), "png", w.options(DrawOptions::Step::Sketch));
  EXPECT_EQ(png.substr(1, 3), "PNG");
}

TEST(DrawingTest, ADrawingThatCannotBeSketchedInTimeIsAnError) {
  rt::Process p = salesProcess();
  Warnings w;
  try {
    render(analyzed(p), "svg", w.options(DrawOptions::Step::Full, 1e-6));
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "process 'direct_consulting' (5 stages, 10 transitions) could not be drawn within "
              "1e-06 s, even as a sketch; give it more time with --layout-seconds");
  }
  EXPECT_TRUE(w.said.empty());
}

TEST(DrawingTest, TheBpmnLayoutFallsBackToTheSketchWithoutGraphviz) {
  rt::Process p = salesProcess();
  rt::AnalyzedProcess ap = analyzed(p);
  Warnings w;
  Layout l = layout(ap, w.options(DrawOptions::Step::Sketch, 1e-6));
  ASSERT_EQ(w.said.size(), 1u);
  EXPECT_NE(w.said[0].find("placed in rows"), std::string::npos) << w.said[0];
  std::vector<Layout::Point> at = sketchPositions(ap);
  ASSERT_EQ(l.nodes.size(), p.states.size());
  for (size_t i = 0; i < at.size(); ++i) {
    EXPECT_DOUBLE_EQ(l.nodes[i].x, at[i].x);
    EXPECT_DOUBLE_EQ(l.nodes[i].y, at[i].y);
    EXPECT_DOUBLE_EQ(l.nodes[i].width, SketchWidth);
  }
  ASSERT_EQ(l.edges.size(), p.transitions.size());
  EXPECT_DOUBLE_EQ(l.edges[0][1].y, at[1].y);
  EXPECT_DOUBLE_EQ(l.width, SketchWidth / 2 + SketchWidth + 36 + SketchWidth / 2);
}

TEST(DrawingTest, TheStraightBpmnLayoutComesThroughThePipeWhole) {
  rt::Process p = salesProcess();
  rt::AnalyzedProcess ap = analyzed(p);
  Warnings w;
  Layout full = layout(ap, w.options(DrawOptions::Step::Full));
  EXPECT_TRUE(w.said.empty());
  Layout straight = layout(ap, w.options(DrawOptions::Step::Straight));
  ASSERT_EQ(w.said.size(), 1u);
  ASSERT_EQ(straight.nodes.size(), p.states.size());
  ASSERT_EQ(straight.edges.size(), p.transitions.size());
  for (const auto& e : straight.edges)
    EXPECT_GE(e.size(), 2u);
  EXPECT_GT(straight.width, 0);
  EXPECT_DOUBLE_EQ(full.nodes[3].width, straight.nodes[3].width) << "same boxes, other lines";
}

} // namespace
} // namespace salesc::emit
