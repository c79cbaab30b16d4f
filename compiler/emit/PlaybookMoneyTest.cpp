//===- PlaybookMoneyTest.cpp - Segments and campaigns in the playbook and flowchart ===//
//
// The figures are worked by hand from salesProcess() (EmitTestProcesses.h): from the
// start, P(win) = 0.6 x 0.45 x W(demo), W(demo) = 0.5 x W(proposal) / (1 - 0.1 x 0.45),
// W(proposal) = 0.4 as written and 0.8 in the segment `big`. So `small` (the process as
// written) wins 0.6 x 0.45 x 0.2 / 0.955 = 5.6545%, `big` 11.3089%; blended with shares
// 75% and 25%, 7.0681%.
//
//===----------------------------------------------------------------------===//
#include "PlaybookMoney.h"
#include "Emit.h"
#include "EmitTestProcesses.h"
#include "FlowchartLabels.h"
#include "SegmentDiff.h"

#include <gtest/gtest.h>

namespace salesc::emit {
namespace {

using namespace salesc::emit::testing;

/// salesProcess() with a 50% margin, an annual outcome worth 40,000 USD that no stage
/// reaches, and two segments: small (75%, as written) and big (25%, deals worth 30,000 USD
/// and 80% of proposals go on to the contract).
rt::Process segmented() {
  rt::Process p = salesProcess();
  p.margin = 0.5;
  p.states.push_back(state("annual", rt::StateKind::Won, "Pays a year"));
  p.states.back().value = 40000;
  rt::Segment small{"small", "Small firms", 0.75, p};
  rt::Segment big{"big", "Large firms", 0.25, p};
  big.process.value = 30000;
  for (rt::Transition& t : big.process.transitions)
    if (t.from == 3)
      t.probability = t.to == 4 ? 0.8 : 0.2;
  p.segments = {small, big};
  return p;
}

rt::Campaign campaign(std::optional<std::string> segment, double targetRoi) {
  rt::Campaign c;
  c.name = segment ? "big_ads" : "fair";
  c.process = "direct_consulting";
  c.leads = 1000;
  c.cost = 10000;
  c.currency = "USD";
  c.segment = segment;
  c.targetRoi = targetRoi;
  return c;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(SegmentDiffTest, SaysWhatASegmentStatesDifferently) {
  rt::Process p = segmented();
  EXPECT_TRUE(differences(p, p.segments[0]).empty());
  std::vector<Difference> ds = differences(p, p.segments[1]);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].where, "");
  EXPECT_EQ(ds[0].what, "value");
  EXPECT_EQ(ds[0].process, "15,000 USD");
  EXPECT_EQ(ds[0].segment, "30,000 USD");
  EXPECT_EQ(ds[1].where, "proposal");
  EXPECT_EQ(ds[1].what, "next contract");
  EXPECT_EQ(ds[1].process, "40%");
  EXPECT_EQ(ds[1].segment, "80%"); // the remainder to lost follows; it is not listed
}

TEST(SegmentDiffTest, OutcomeValuesTimesAndAddedExitsDiffer) {
  rt::Process p = segmented();
  rt::Segment g = p.segments[0];
  g.process.states[7].value = 50000;
  g.process.states[1].time = {1, 2, 4};
  g.process.transitions.push_back({0, 2, 0.1, false});
  std::vector<Difference> ds = differences(p, g);
  ASSERT_EQ(ds.size(), 3u);
  EXPECT_EQ(ds[0].where, "inquiry");
  EXPECT_EQ(ds[0].what, "next demo");
  EXPECT_EQ(ds[0].process, "none");
  EXPECT_EQ(ds[0].segment, "10%");
  EXPECT_EQ(ds[1].where, "rep_call");
  EXPECT_EQ(ds[1].what, "time");
  EXPECT_EQ(ds[2].where, "annual");
  EXPECT_EQ(ds[2].process, "40,000 USD");
  EXPECT_EQ(ds[2].segment, "50,000 USD");
}

TEST(PlaybookMoneyTest, SegmentsTableHasEachSegmentsFiguresAndWhatDiffers) {
  rt::Process p = segmented();
  rt::AnalyzedProcess a = analyzed(p);
  std::string md = playbookSegments(a);
  // small: 15,000 x 5.6545% = 848.17 USD a lead, half of it margin; big: 30,000 x 11.3089%.
  EXPECT_TRUE(has(md, "| **small**: Small firms | 75% | 5.65% | 848.17 USD | 424.08 USD |")) << md;
  EXPECT_TRUE(has(md, "| **big**: Large firms | 25% | 11.3% | 3,392.67 USD | 1,696.34 USD |"))
      << md;
  EXPECT_TRUE(has(md, "| big | the process | value | 15,000 USD | 30,000 USD |")) << md;
  EXPECT_TRUE(has(md, "| big | proposal | next contract | 40% | 80% |")) << md;
  EXPECT_FALSE(has(md, "| small |")) << md;
  EXPECT_EQ(playbookSegments(analyzed(salesProcess())), "");
}

TEST(PlaybookMoneyTest, CampaignsTableHasThePredictedReturn) {
  rt::Process p = segmented();
  rt::AnalyzedProcess a = analyzed(p);
  a.campaigns = {campaign(std::nullopt, 80), campaign("big", 1)};
  std::string md = playbookCampaigns(a);
  // fair: 1000 x (0.75 x 848.1675 + 0.25 x 3,392.6702) = 1,484,293.19 USD, margin half of
  // it, ROI (742,146.60 - 10,000) / 10,000 = 7321.5%; 70.68 customers (7.0681%).
  EXPECT_TRUE(has(md, "| **fair** | 1,000 | 10,000 USD | inquiry (start) | all | 70.68 | "
                      "1,484,293.19 USD | 742,146.60 USD | 7321.5% | 8000%, **missed** |"))
      << md;
  // big_ads: 1000 x 3,392.6702 = 3,392,670.16 USD; ROI (1,696,335.08 - 10,000) / 10,000.
  EXPECT_TRUE(has(md, "| **big\\_ads** | 1,000 | 10,000 USD | inquiry (start) | big | 113.09 | "
                      "3,392,670.16 USD | 1,696,335.08 USD | 16863.4% | 100%, met |"))
      << md;
  EXPECT_EQ(playbookCampaigns(analyzed(p)), "");
}

TEST(PlaybookMoneyTest, PlaybookShowsMarginAndValuesPerOutcome) {
  rt::Process p = segmented();
  std::string md = toMarkdown(analyzed(p), "");
  EXPECT_TRUE(has(md, "- **Gross margin:** 50%")) << md;
  EXPECT_TRUE(has(md, "| signed | won | Signs and pays | 15,000 USD |")) << md;
  EXPECT_TRUE(has(md, "| annual | won | Pays a year | 40,000 USD |")) << md;
  EXPECT_TRUE(has(md, "| lost | lost | Did not buy |  |")) << md;
  EXPECT_TRUE(has(md, "## Segments")) << md;
}

TEST(FlowchartMoneyTest, TitleSaysSegmentsDifferencesAndCampaigns) {
  rt::Process p = segmented();
  rt::AnalyzedProcess a = analyzed(p);
  a.campaigns = {campaign(std::nullopt, 80)};
  std::string title = titleLabel(a);
  EXPECT_TRUE(has(title, "<B>small</B> 75% of leads, wins 5.65%, 848.17 USD a lead")) << title;
  EXPECT_TRUE(has(title, "<B>big</B> differs: value 30,000 USD (process 15,000 USD) · proposal: "
                         "next contract 80% (process 40%)"))
      << title;
  EXPECT_TRUE(has(title, "<B>fair</B> 1,000 leads for 10,000 USD, ROI 7321.5% (target 8000%, "))
      << title;
  EXPECT_TRUE(has(title, ">missed</FONT>)")) << title;
  EXPECT_TRUE(has(outcomeLabel(p, 7), "worth 40,000 USD")) << outcomeLabel(p, 7);
  EXPECT_FALSE(has(outcomeLabel(p, 6), "worth")) << outcomeLabel(p, 6);
  EXPECT_EQ(moneyLines(analyzed(salesProcess())), "");
}

} // namespace
} // namespace salesc::emit
