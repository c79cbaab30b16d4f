//===- EmitTextTest.cpp - CSV, Markdown and Mermaid from hand-built processes ===//
#include "Emit.h"
#include "EmitTestProcesses.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace salesc::emit {
namespace {

using namespace salesc::emit::testing;

/// Reads RFC 4180 CSV with LF record ends: records of unquoted fields.
std::vector<std::vector<std::string>> readCsv(llvm::StringRef text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size(); ++i) {
        if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"')
          rows.back().back() += text[++i];
        else if (text[i] == '"')
          break;
        else
          rows.back().back() += text[i];
      }
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty())
    rows.pop_back(); // after the last LF
  return rows;
}

// --- CSV --------------------------------------------------------------------------

TEST(EmitCsvTest, StagesTableHasTheHeaderAndOneRowPerState) {
  rt::Process p = salesProcess();
  rt::AnalyzedProcess a = analyzed(p);
  std::vector<std::string> out = lines(toStagesCsv({a}));
  ASSERT_EQ(out.size(), 9u); // header, 7 states, the empty string after the last LF
  EXPECT_EQ(out[0], "process,index,name,kind,description,learn,provide,tactics,min_days,"
                    "typical_days,max_days,mean_days,stalled_after_days,win_probability,"
                    "expected_days_to_win,expected_days_to_close");
  // demo: win probability 0.5 * 0.4 + 0.1 * h(rep_call), h(rep_call) = 0.45 * h(demo),
  // so h(demo) = 0.2 / 0.955.
  std::vector<std::vector<std::string>> rows = readCsv(toStagesCsv({a}));
  EXPECT_EQ(rows[3][2], "demo");
  EXPECT_EQ(rows[3][12], "30");
  EXPECT_EQ(std::strtod(rows[3][13].c_str(), nullptr), a.analysis.winProbability[2]);
  EXPECT_EQ(out[1], "direct_consulting,0,inquiry,stage,Prospect asks for information,problem_fit,"
                    "brochure,email_follow_up,1,2,3,2,," +
                        rows[1][13] + "," + rows[1][14] + "," + rows[1][15]);
  // Outcomes: no time; a lost outcome never wins, so it has no time to win.
  EXPECT_EQ(out[6], "direct_consulting,5,signed,won,Signs and pays,,,,,,,,,1,0,0");
  EXPECT_EQ(out[7], "direct_consulting,6,lost,lost,Did not buy,,,,,,,,,0,,0");
  EXPECT_EQ(out[8], "");
}

TEST(EmitCsvTest, TransitionsTableNamesStatesAndMarksRemainders) {
  rt::Process p = salesProcess();
  std::vector<std::string> out = lines(toTransitionsCsv({analyzed(p)}));
  ASSERT_EQ(out.size(), 12u);
  EXPECT_EQ(out[0], "process,from,to,probability,implicit");
  EXPECT_EQ(out[1], "direct_consulting,inquiry,rep_call,0.6,false");
  EXPECT_EQ(out[2], "direct_consulting,inquiry,lost,0.4,true");
  EXPECT_EQ(out[10], "direct_consulting,contract,signed,1,false");
}

TEST(EmitCsvTest, QuotesFieldsWithCommasQuotesAndLineBreaks) {
  rt::Process p = hostileProcess();
  p.states[0].description = "Says \"hi\", then\nleaves";
  p.states[0].tactics = {{"a", ""}, {"b", ""}};
  rt::AnalyzedProcess a = analyzed(p);
  std::string csv = toStagesCsv({a});
  EXPECT_NE(csv.find("\"Says \"\"hi\"\", then\nleaves\""), std::string::npos) << csv;
  EXPECT_NE(csv.find(",a; b,"), std::string::npos);
  std::vector<std::vector<std::string>> rows = readCsv(csv);
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows)
    EXPECT_EQ(row.size(), 16u);
  EXPECT_EQ(rows[1][0], p.name);
  EXPECT_EQ(rows[1][2], p.states[0].name);
  EXPECT_EQ(rows[1][4], p.states[0].description);
  EXPECT_EQ(rows[3][4], "no\r\nway");
  EXPECT_EQ(readCsv(toTransitionsCsv({a}))[1][1], p.states[0].name);
}

TEST(EmitCsvTest, CellsASpreadsheetWouldRunAreNeutralized) {
  rt::Process p = hostileProcess();
  const char* formulas[] = {"=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx"};
  for (const char* f : formulas) {
    p.states[0].description = f;
    std::vector<std::vector<std::string>> rows = readCsv(toStagesCsv({analyzed(p)}));
    EXPECT_EQ(rows[1][4], std::string("'") + f) << f;
  }
  p.states[0].description = "a = b";
  EXPECT_EQ(readCsv(toStagesCsv({analyzed(p)}))[1][4], "a = b") << "only a first character";
  // Numbers stay numbers.
  EXPECT_EQ(readCsv(toTransitionsCsv({analyzed(p)}))[1][3].front(), '0');
}

TEST(EmitCsvTest, NumbersReadBackExactly) {
  rt::Process p;
  p.name = "p";
  p.states.push_back(stage("a", "", {0.1 + 0.2, 1.0 / 3, 1e-7 + 2}));
  p.states.push_back(state("w", rt::StateKind::Won));
  p.states.push_back(state("l", rt::StateKind::Lost));
  p.transitions = {{0, 1, 1.0 / 3, false}, {0, 2, 2.0 / 3, true}};
  rt::AnalyzedProcess a = analyzed(p);
  std::vector<std::vector<std::string>> stages = readCsv(toStagesCsv({a}));
  EXPECT_EQ(stages[1][8], "0.30000000000000004");
  EXPECT_EQ(std::strtod(stages[1][9].c_str(), nullptr), 1.0 / 3);
  EXPECT_EQ(std::strtod(stages[1][10].c_str(), nullptr), 1e-7 + 2);
  EXPECT_EQ(std::strtod(stages[1][11].c_str(), nullptr), p.states[0].time.mean());
  std::vector<std::vector<std::string>> edges = readCsv(toTransitionsCsv({a}));
  EXPECT_EQ(std::strtod(edges[1][3].c_str(), nullptr), 1.0 / 3);
  EXPECT_EQ(std::strtod(edges[2][3].c_str(), nullptr), 2.0 / 3);
}

TEST(EmitCsvTest, SeveralProcessesShareOneHeader) {
  rt::Process p = salesProcess(), q = hostileProcess();
  std::string csv = toTransitionsCsv({analyzed(p), analyzed(q)});
  EXPECT_EQ(readCsv(csv).size(), 1u + 10 + 2);
  EXPECT_EQ(csv.find("process,"), 0u);
  EXPECT_EQ(csv.find("process,", 1), std::string::npos);
}

// --- Markdown ---------------------------------------------------------------------

TEST(EmitMarkdownTest, HasEverySectionInOrder) {
  rt::Process p = salesProcess();
  std::string md = toMarkdown(analyzed(p), "direct_consulting.svg");
  size_t at = 0;
  for (const char* section :
       {"# Direct sales of consulting\n",
        "- **Process:** direct\\_consulting\n",
        "- **Channel:** direct\n",
        "- **Deal value:** 15,000 USD\n",
        "## Brand\n",
        "**acme** (Acme Consulting)",
        "- **Values every stage should show:** professional and "
        "good\\_value\n",
        "- **Kinds of tactics we never use:** pushy\n",
        "- **Every stage has:** literature or tools we provide\n",
        "## Flowchart\n",
        "![Flowchart](direct_consulting.svg)\n",
        "## Stages\n",
        "### 1. inquiry (start)\n",
        "**What the prospect must learn**\n\n- How the service solves the problem\n",
        "- Service brochure\n",
        "**Tactics**\n\n- email follow up\n\n**Time and odds**\n\n",
        "- **Time:** 1 to 3 days (typical 2), 2 days on average\n",
        "### 2. rep\\_call\n",
        "### 3. demo\n",
        "- **Stalled:** a deal still here after 30 days is flagged as stalled\n",
        "### 5. contract\n",
        "- **Time:** 1 day, 1 day on average\n",
        "## Outcomes\n",
        "| signed | won | Signs and pays |",
        "## Analysis\n",
        "| Win rate | ",
        "| Expected time to win | ",
        "| Value per lead (deal value × win rate) | ",
        "**Bottleneck:** "}) {
    size_t next = md.find(section, at);
    ASSERT_NE(next, std::string::npos) << "missing, or out of order: " << section << "\n" << md;
    at = next;
  }
}

TEST(EmitMarkdownTest, ExitTablesLabelTheRemainder) {
  rt::Process p = salesProcess();
  std::string md = toMarkdown(analyzed(p), "");
  EXPECT_NE(md.find("**Where prospects go next**\n\n| Next | Share |\n| --- | ---: |\n"
                    "| rep\\_call | 60% |\n| lost (lost outcome), the remainder | 40% |\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| proposal | 50% |\n| rep\\_call | 10% |\n"), std::string::npos);
  EXPECT_NE(md.find("| signed (won outcome) | 100% |\n"), std::string::npos);
}

TEST(EmitMarkdownTest, AnalysisComparesWithTheTargets) {
  rt::Process p = salesProcess();
  rt::AnalyzedProcess a = analyzed(p);
  // Win rate 0.6 * 0.45 * h(demo) = 0.27 * 0.2 / 0.955 = 5.65%, above the 5% target.
  std::string md = toMarkdown(a, "p.svg");
  EXPECT_NE(md.find("| Win rate | 5.65% | 5% | met |\n"), std::string::npos) << md;
  EXPECT_NE(md.find("| Value per lead (deal value × win rate) | 848.17 USD |  |  |\n"),
            std::string::npos);
  EXPECT_NE(md.find("| Expected time to win, against the brand's limit | "), std::string::npos);
  EXPECT_NE(md.find(" | 30 days | **missed** |\n"), std::string::npos);
  p.targetWinRate = 0.2;
  md = toMarkdown(analyzed(p), "p.svg");
  EXPECT_NE(md.find("| Win rate | 5.65% | 20% | **missed** |\n"), std::string::npos);
  // The bottleneck's row is marked; every stage has a row in the time table.
  ASSERT_TRUE(a.analysis.bottleneck);
  std::string b = p.states[*a.analysis.bottleneck].name;
  EXPECT_NE(md.find("| " + b + " (bottleneck) | "), std::string::npos);
  EXPECT_NE(md.find("| contract | "), std::string::npos);
}

TEST(EmitMarkdownTest, WithoutAnSvgTheFlowchartIsMermaid) {
  rt::Process p = salesProcess();
  rt::AnalyzedProcess a = analyzed(p);
  std::string md = toMarkdown(a, "");
  EXPECT_NE(md.find("## Flowchart\n\n```mermaid\n" + toMermaid(a) + "```\n"), std::string::npos);
  EXPECT_EQ(md.find("!["), std::string::npos);
  EXPECT_NE(toMarkdown(a, "my flow (v2).svg").find("![Flowchart](my%20flow%20%28v2%29.svg)"),
            std::string::npos);
}

TEST(EmitMarkdownTest, UserTextCannotBreakThePageOrInjectHtml) {
  rt::Process p = hostileProcess();
  std::string md = toMarkdown(analyzed(p), "x.svg");
  EXPECT_EQ(md.find("<script"), std::string::npos);
  EXPECT_EQ(md.find("<b>"), std::string::npos);
  EXPECT_EQ(md.find("<i>"), std::string::npos);
  std::vector<std::string> out = lines(md);
  EXPECT_EQ(out[0], "# \\# Deals \\| \"quotes\" &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                    "\\`code\\` \\$5 line two");
  EXPECT_NE(md.find("### 1. a\"b&lt;c&gt;&amp;d (start)\n\n1\\. Call &lt;b&gt;now&lt;/b&gt; \\| "
                    "\"ask\" &amp; 'listen' \\# not a heading\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| w\\]on\\# | won | yes \\| &lt;i&gt;really&lt;/i&gt; | 30% |\n"),
            std::string::npos);
  EXPECT_NE(md.find("| l\\`ost (lost outcome), the remainder | 70% |\n"), std::string::npos);
  EXPECT_NE(md.find("| l\\`ost | lost | no  way |"), std::string::npos);
  // Every table row has as many unescaped '|' as its header.
  for (const std::string& l : out) {
    if (l.empty() || l[0] != '|')
      continue;
    size_t bars = 0;
    for (size_t i = 0; i < l.size(); ++i)
      bars += l[i] == '|' && (i == 0 || l[i - 1] != '\\');
    EXPECT_TRUE(bars == 3 || bars == 4 || bars == 5) << l;
  }
}

TEST(EmitMarkdownTest, AProcessThatNeverWinsSaysSo) {
  rt::Process p;
  p.name = "p";
  p.targetCycleDays = 10;
  p.states = {stage("a", "", {1, 1, 1}), state("w", rt::StateKind::Won),
              state("l", rt::StateKind::Lost)};
  p.transitions = {{0, 2, 1.0, true}};
  std::string md = toMarkdown(analyzed(p), "");
  EXPECT_NE(md.find("- **Expected time to win from here:** none: no prospect wins from here\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| Expected time to win | none: no prospect wins | 10 days |  |\n"),
            std::string::npos);
}

TEST(EmitMarkdownTest, OwnersExitCriteriaSignoffsAndTheStakeholderMap) {
  rt::Process p = committeeProcess();
  std::string md = toMarkdown(analyzed(p), "");
  auto has = [&](const std::string& text) {
    EXPECT_NE(md.find(text), std::string::npos) << text << "\n" << md;
  };
  has("## Stakeholder map\n");
  has("| Role | Needs to know | Learns it at | Signs off at |\n");
  has("| **Chief financial officer** | Payback period | visit | committee: approves 80%, answers "
      "in 3 days |\n");
  has("| **Legal** | | | committee: approves 50%, answers in 5 days |\n");
  EXPECT_LT(md.find("## Stakeholder map"), md.find("## Stages"));
  has("### 1. visit (start)\n\nWe visit\n\n**Owner:** Field sales (field)\n");
  has("**Exit criteria**: before a deal moves on\n\n- [ ] Budget named\n");
  has("the deal moves on when all 2 approve (40% of the deals)");
  has("| cfo | 80% | 3 days | 3 days |\n| legal | 50% | 5 days | 5 days |\n");
  has("- **Time:** until the last role answers, 5 days on average\n");
  has("| won (won outcome), when every role approves | 40% |\n");
  // The time table: the committee's mean is that of the longest answer.
  has("| committee (bottleneck) | 0.5 | 5 days | ");
}

// --- Mermaid ----------------------------------------------------------------------

TEST(EmitMermaidTest, NodesAreIndexedAndRemaindersDotted) {
  rt::Process p = salesProcess();
  std::string m = toMermaid(analyzed(p));
  std::vector<std::string> out = lines(m);
  EXPECT_EQ(out[0], "flowchart TD");
  EXPECT_EQ(out[1], "  s0[\"inquiry<br/>1 to 3 days (typical 2)\"]");
  EXPECT_EQ(out[5], "  s4[\"contract<br/>1 day\"]");
  EXPECT_EQ(out[6], "  s5([\"signed<br/>won\"])");
  EXPECT_EQ(out[7], "  s6(\"lost\")"); // the name says the kind
  EXPECT_EQ(out[8], "  entry((\"start\"))");
  EXPECT_EQ(out[9], "  entry --> s0");
  EXPECT_EQ(out[10], "  s0 -->|\"60%\"| s1");
  EXPECT_EQ(out[11], "  s0 -.->|\"40% remainder\"| s6");
  EXPECT_NE(m.find("  class s0,s1,s2,s3,s4 stage\n  class s5 won\n  class s6 lost\n"),
            std::string::npos);
  // Links 0 (entry) .. 10: the remainders are links 2, 4, 7 and 9.
  EXPECT_NE(m.find("  linkStyle 2,4,7,9 stroke:#9e9e9e,color:#757575\n"), std::string::npos);
}

TEST(EmitMermaidTest, ASignoffStageSplitsIntoItsRolesAndJoins) {
  rt::Process p = committeeProcess();
  std::string m = toMermaid(analyzed(p));
  auto has = [&](const std::string& text) {
    EXPECT_NE(m.find(text), std::string::npos) << text << "\n" << m;
  };
  has("  s1[\"committee<br/>sign-off, 5 days on average<br/>bottleneck\"]\n"
      "  s1r0[\"cfo<br/>approves 80%<br/>3 days\"]\n"
      "  s1r1[\"legal<br/>approves 50%<br/>5 days\"]\n"
      "  s1j{{\"all approve: 40%\"}}\n");
  has("  s1 --> s1r0 --> s1j\n  s1 --> s1r1 --> s1j\n");
  // The stage's exits leave from the join, not from the stage.
  has("  s1j -->|\"40%\"| s2\n");
  has("  s1j -.->|\"60% remainder\"| s3\n");
  EXPECT_EQ(m.find("  s1 -->|"), std::string::npos);
  EXPECT_EQ(m.find("  s1 -.->"), std::string::npos);
  has("  class s1r0,s1r1 role\n  class s1j join\n");
  // Links: entry 0, the roles' 1 to 4, then the transitions 5 to 8; remainders 6 and 8.
  has("  linkStyle 6,8 stroke:");
}

TEST(EmitMermaidTest, LabelsAreEscaped) {
  rt::Process p = hostileProcess();
  std::string m = toMermaid(analyzed(p));
  EXPECT_NE(m.find("  s0[\"a#quot;b#lt;c#gt;#amp;d<br/>1 day<br/>bottleneck\"]\n"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("  s1([\"w]on#35;<br/>won\"])\n"), std::string::npos);
  EXPECT_NE(m.find("  s2(\"l#96;ost<br/>lost\")\n"), std::string::npos);
  EXPECT_EQ(m.find('`'), std::string::npos);
  EXPECT_EQ(m.find('&'), std::string::npos);
  for (const std::string& l : lines(m)) {
    size_t quotes = std::count(l.begin(), l.end(), '"');
    EXPECT_EQ(quotes % 2, 0u) << l;
  }
}

} // namespace
} // namespace salesc::emit
