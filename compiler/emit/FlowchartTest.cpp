//===- FlowchartTest.cpp - Graphviz DOT, SVG and PNG of a process ---------===//
#include "Emit.h"
#include "FlowchartLabels.h"
#include "MiniXml.h"

#include "frontend/Compilation.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>
#include <gtest/gtest.h>

namespace salesc::emit {
namespace {

using namespace salesc::testing;

TEST(FlowchartLabels, EscapesMarkupQuotesAndBreaksLines) {
  EXPECT_EQ(html("a<b>&\"c'\r\nd"), "a&lt;b&gt;&amp;&quot;c&#39;<BR ALIGN=\"LEFT\"/>d");
}

/// Compiles `path` and analyzes its processes; the session owns the models.
struct Compiled {
  std::unique_ptr<frontend::Session> session;
  frontend::Unit unit;
  std::vector<rt::AnalyzedProcess> processes;
};

Compiled compile(const std::string& path, const std::string& text = "") {
  Compiled c;
  sema::LoadOptions load;
  load.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
  c.session = std::make_unique<frontend::Session>(load, diag::DiagOptions{});
  c.unit = text.empty() ? c.session->compileFile(path) : c.session->compileText(path, text);
  EXPECT_FALSE(c.session->diags().hasErrors()) << path;
  for (size_t i : c.unit.model.rootProcesses) {
    auto a = rt::analyze(c.unit.model.processes[i].process);
    EXPECT_TRUE(bool(a));
    c.processes.push_back(rt::AnalyzedProcess{&c.unit.model.processes[i].process, std::move(*a)});
  }
  return c;
}

void keep(const std::string& name, const std::string& bytes) {
  // Debugging aid: SALESC_KEEP_RENDERINGS=DIR writes what the tests render, to look at.
  if (const char* dir = std::getenv("SALESC_KEEP_RENDERINGS")) {
    std::error_code ec;
    llvm::raw_fd_ostream os(std::string(dir) + "/" + name, ec);
    os << bytes;
  }
}

TEST(FlowchartTest, DotHasEveryStateAndEdgeWithStableNames) {
  Compiled c = compile(SALESC_SOURCE_DIR "/examples/quickstart.sales");
  ASSERT_EQ(c.processes.size(), 1u);
  std::string dot = toDot(c.processes[0]);
  keep("quickstart.dot", dot);
  for (const char* s : {"inquiry", "rep_call", "demo", "proposal", "signed", "lost"})
    EXPECT_NE(dot.find(std::string("\t") + s + "\t["), std::string::npos) << s << "\n" << dot;
  EXPECT_NE(dot.find("inquiry -> rep_call"), std::string::npos);
  EXPECT_NE(dot.find("demo -> rep_call"), std::string::npos);
  EXPECT_NE(dot.find("label=\"60%\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"40% (rest)\""), std::string::npos) << "remainder labelled";
  EXPECT_NE(dot.find("Bottleneck"), std::string::npos);
  EXPECT_EQ(dot.find("0x"), std::string::npos) << "no pointers in names";
  EXPECT_EQ(toDot(c.processes[0]), dot) << "deterministic";
}

TEST(FlowchartTest, RendersSvgAndPngReproducibly) {
  Compiled c = compile(SALESC_SOURCE_DIR "/examples/quickstart.sales");
  std::string svg = render(c.processes[0], "svg");
  keep("quickstart.svg", svg);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(render(c.processes[0], "svg"), svg) << "same input, same bytes";
  std::string error;
  EXPECT_TRUE(testing::parseXml(svg, error)) << "the SVG is not well-formed XML: " << error;
  std::string png = render(c.processes[0], "png");
  keep("quickstart.png", png);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  auto be32 = [&](size_t at) {
    return (uint32_t(uint8_t(png[at])) << 24) | (uint32_t(uint8_t(png[at + 1])) << 16) |
           (uint32_t(uint8_t(png[at + 2])) << 8) | uint32_t(uint8_t(png[at + 3]));
  };
  uint32_t width = be32(16), height = be32(20);
  EXPECT_GT(width, 400u);
  EXPECT_LT(width, 6000u);
  EXPECT_GT(height, 100u);
  EXPECT_LT(height, 6000u);
}

TEST(FlowchartTest, LabelsAreEscaped) {
  Compiled c =
      compile("/virtual/escape.sales", "process p \"Quotes \\\" & <script>alert(1)</script>\" {\n"
                                       "  stage a \"a < b > c & d\" { next won 50%; }\n"
                                       "  won won \"<b>won</b>\"; lost lost;\n}\n");
  ASSERT_EQ(c.processes.size(), 1u);
  std::string svg = render(c.processes[0], "svg");
  keep("escape.svg", svg);
  EXPECT_EQ(svg.find("<script"), std::string::npos) << "a description became markup";
  EXPECT_EQ(svg.find("<b>won"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(svg.find("a &lt; b &gt; c &amp; d"), std::string::npos);
  std::string error;
  EXPECT_TRUE(testing::parseXml(svg, error)) << error;
  std::string dot = toDot(c.processes[0]);
  EXPECT_EQ(dot.find("<script"), std::string::npos);
}

TEST(FlowchartTest, SeveralProcessesAreClustersGroupedByChannel) {
  Compiled c = compile(SALESC_SOURCE_DIR "/examples/saas_multichannel.sales");
  ASSERT_GE(c.processes.size(), 2u);
  std::string dot = toDot(c.processes);
  EXPECT_NE(dot.find("subgraph cluster_channel_online"), std::string::npos) << dot;
  EXPECT_NE(dot.find("subgraph cluster_channel_partners"), std::string::npos);
  for (const rt::AnalyzedProcess& p : c.processes)
    EXPECT_NE(dot.find("subgraph cluster_process_" + p.process->name), std::string::npos);
  keep("saas.svg", render(c.processes, "svg"));
  keep("saas.png", render(c.processes, "png"));
}

TEST(FlowchartTest, LongProcessesShowRemaindersAsNotesBesideEachStage) {
  std::string text = "process long {\n";
  for (int i = 0; i < 9; ++i)
    text += "  stage s" + std::to_string(i) + " { time 1 day; next " +
            (i < 8 ? "s" + std::to_string(i + 1) : std::string("won")) + " 70%; }\n";
  text += "  won won;\n  lost lost;\n}\n";
  Compiled c = compile("/virtual/long.sales", text);
  ASSERT_EQ(c.processes.size(), 1u);
  std::string dot = toDot(c.processes[0]);
  keep("long.dot", dot);
  EXPECT_NE(dot.find("rankdir=TB"), std::string::npos);
  for (int i = 0; i < 9; ++i)
    EXPECT_NE(dot.find("\"s" + std::to_string(i) + "(lost)\""), std::string::npos) << i;
  EXPECT_EQ(dot.find("-> lost"), std::string::npos) << "no line runs to a shared lost box";
  // The BPMN layout still has every transition as an edge.
  Layout l = layout(c.processes[0]);
  for (const auto& e : l.edges)
    EXPECT_FALSE(e.empty());
  std::string svg = render(c.processes[0], "svg");
  std::string error;
  EXPECT_TRUE(testing::parseXml(svg, error)) << error;
}

TEST(FlowchartTest, LayoutGivesEveryStateAndTransitionAPlace) {
  Compiled c = compile(SALESC_SOURCE_DIR "/examples/quickstart.sales");
  Layout l = layout(c.processes[0]);
  const rt::Process& p = *c.processes[0].process;
  ASSERT_EQ(l.nodes.size(), p.states.size());
  ASSERT_EQ(l.edges.size(), p.transitions.size());
  for (const Layout::Node& n : l.nodes) {
    EXPECT_GT(n.width, 0);
    EXPECT_GE(n.x, 0);
    EXPECT_LE(n.x, l.width);
  }
  for (const auto& e : l.edges)
    EXPECT_GE(e.size(), 4u);
}

} // namespace
} // namespace salesc::emit

namespace salesc::emit {
namespace {

// Issue 14: Japanese wraps between characters, Hebrew is aligned right, times read in the
// unit written, money has thousands separators, items go by description unless asked.
TEST(FlowchartTextTest, ScriptsTimesMoneyAndDescriptions) {
  Compiled c = compile(SALESC_SOURCE_DIR "/tests/svgtext/scripts.sales");
  ASSERT_EQ(c.processes.size(), 1u);
  const std::string dot = toDot(c.processes[0]);
  // 見込み客が... (44 characters, no space) on lines of at most 19 characters.
  EXPECT_NE(dot.find("見込み客がキャンペーンに反応して資料を<BR ALIGN=\"LEFT\"/>請求し、"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("ALIGN=\"RIGHT\" BALIGN=\"RIGHT\"><I>פגישה"), std::string::npos) << dot;
  EXPECT_NE(dot.find("1 to 2 months, mean 1.5 months"), std::string::npos) << dot;
  EXPECT_NE(dot.find("value per lead 477,728 JPY"), std::string::npos) << dot;
  EXPECT_NE(dot.find("会社案内のパンフレット"), std::string::npos) << "materials by description";
  PictureOptions names;
  names.identifiers = true;
  const std::string byName = toDot(c.processes[0], names);
  EXPECT_EQ(byName.find("会社案内のパンフレット"), std::string::npos);
  EXPECT_NE(byName.find(">brochure<"), std::string::npos) << byName;
}

/// The y of the SVG <text> that holds `words`; NaN when none does.
double textY(const std::string& svg, llvm::StringRef words) {
  size_t at = svg.find(words.str());
  size_t open = at == std::string::npos ? at : svg.rfind("<text", at);
  size_t y = open == std::string::npos ? open : svg.find(" y=\"", open);
  return y == std::string::npos || y > at ? std::nan("") : std::atof(svg.c_str() + y + 4);
}

// Issue 14: wrapped CJK lines are 1.4 em apart (CjkLineHeight), in a stage's description
// (upright: CJK has no italics), in its details and in an outcome's description; Latin
// lines keep Graphviz's spacing.
TEST(FlowchartTextTest, CjkLinesHaveRoomBetweenThem) {
  Compiled c = compile(SALESC_SOURCE_DIR "/tests/svgtext/scripts.sales");
  ASSERT_EQ(c.processes.size(), 1u);
  const std::string svg = render(c.processes[0], "svg");
  // The stage's description, 12 pt: at least 1.4 x 12 = 16.8 pt from line to line.
  EXPECT_GE(textY(svg, "請求し、営業担当者") - textY(svg, "見込み客が"), 16.5) << svg;
  EXPECT_EQ(toDot(c.processes[0]).find("<I>見込み客"), std::string::npos) << "upright";
  // What the prospect learns, 10 pt, and the won outcome's description, 10 pt.
  EXPECT_GE(textY(svg, "のような成果が") - textY(svg, "課題に合うかどうか"), 13.5) << svg;
  EXPECT_GE(textY(svg, "完了した") - textY(svg, "契約を締結し"), 13.5) << svg;
  // Hebrew keeps its italics and Graphviz's spacing.
  EXPECT_NE(toDot(c.processes[0]).find("<I>פגישה"), std::string::npos);
}

} // namespace
} // namespace salesc::emit
