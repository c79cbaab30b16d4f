//===- ReportTest.cpp - The runtime reports, byte for byte, without a process ===//
//
// One small process worked by hand: a (2 days) -50%-> b (4 days) -40%-> won, the rest
// lost; a deal is worth 1,000 USD. Win rate from a: 0.5 x 0.4 = 20%; time to win: every
// winner spends 2 + 4 = 6 days; time to close: 2 + 0.5 x 4 = 4 days; visits a 1, b 0.5;
// share of time a 2/4 = 50%, b 0.5 x 4 / 4 = 50%. One more point on a -> b: 0.51 x 0.4
// = 20.4% (+0.4 pt, +4 USD a lead); on b -> won: 0.5 x 0.41 = 20.5% (+0.5 pt, +5 USD).
//
//===----------------------------------------------------------------------===//
#include "Report.h"

#include "llvm/Support/JSON.h"

#include <gtest/gtest.h>

namespace salesc::report {
namespace {

rt::Process handWorked() {
  rt::Process p;
  p.name = "p";
  auto state = [&](std::string name, rt::StateKind kind, double days) {
    rt::State s;
    s.name = std::move(name);
    s.kind = kind;
    s.time = {days, days, days};
    s.hasTime = days > 0;
    p.states.push_back(std::move(s));
  };
  state("a", rt::StateKind::Stage, 2);
  state("b", rt::StateKind::Stage, 4);
  state("won", rt::StateKind::Won, 0);
  state("lost", rt::StateKind::Lost, 0);
  p.transitions = {{0, 1, 0.5, false}, {0, 3, 0.5, true}, {1, 2, 0.4, false}, {1, 3, 0.6, true}};
  p.value = 1000;
  p.currency = "USD";
  p.targetWinRate = 0.25;
  p.targetCycleDays = 10;
  return p;
}

struct Fixture {
  rt::Process process = handWorked();
  std::vector<rt::AnalyzedProcess> analyzed;
  Fixture() {
    llvm::Expected<rt::Analysis> a = rt::analyze(process);
    EXPECT_TRUE(bool(a));
    analyzed.push_back(rt::AnalyzedProcess{&process, std::move(*a)});
  }
};

TEST(Report, AnalyzeTextIsTheHandWorkedFigures) {
  Fixture f;
  EXPECT_EQ(analyzeText(f.analyzed),
            "p\n"
            "  win rate from the start (a): 20% (target 25%, missed)\n"
            "  expected time to win: 6 days (target 10 days, met)\n"
            "  expected time until any outcome: 4 days\n"
            "  value of a lead: 200 USD (1,000 USD x 20%)\n"
            "\n"
            "  stage  win probability  days to win  days to close  visits  share of time\n"
            "  -------------------------------------------------------------------------\n"
            "  a                  20%         6.00           4.00   1.000            50%\n"
            "  b                  40%         4.00           4.00   0.500            50%\n"
            "\n"
            "  bottlenecks (share of the expected time): a 50%, b 50%\n"
            "\n"
            "  where one more point of conversion pays most:\n"
            "  edge      win rate gain  value per lead gain\n"
            "  --------------------------------------------\n"
            "  b -> won      +0.500 pt               +5 USD\n"
            "  a -> b        +0.400 pt               +4 USD\n");
}

TEST(Report, AnalyzeJsonHoldsTheSameFigures) {
  Fixture f;
  llvm::Expected<llvm::json::Value> doc = llvm::json::parse(analyzeJson(f.analyzed));
  ASSERT_TRUE(bool(doc)) << llvm::toString(doc.takeError());
  const llvm::json::Object* p = (*doc->getAsObject()->getArray("processes"))[0].getAsObject();
  EXPECT_NEAR(*p->getNumber("win_probability"), 0.2, 1e-12);
  EXPECT_NEAR(*p->getNumber("expected_days_to_win"), 6, 1e-12);
  EXPECT_NEAR(*p->getNumber("expected_days_to_close"), 4, 1e-12);
  EXPECT_NEAR(*p->getNumber("value_per_lead"), 200, 1e-9);
  EXPECT_EQ(*p->getString("currency"), "USD");
  const llvm::json::Array& outcomes = *p->getArray("outcomes");
  EXPECT_EQ(*outcomes[0].getAsObject()->getString("kind"), "won");
  EXPECT_NEAR(*outcomes[0].getAsObject()->getNumber("probability"), 0.2, 1e-12);
  EXPECT_EQ(*outcomes[1].getAsObject()->getString("kind"), "lost");
  EXPECT_NEAR(*outcomes[1].getAsObject()->getNumber("probability"), 0.8, 1e-12);
  const llvm::json::Array& stages = *p->getArray("stages");
  EXPECT_EQ(*stages[0].getAsObject()->getNumber("mean_days"), 2);
  EXPECT_EQ(*stages[1].getAsObject()->getNumber("mean_days"), 4);
  EXPECT_EQ(stages[0].getAsObject()->get("signoffs"), nullptr) << "not a sign-off stage";
  EXPECT_TRUE(p->getArray("signoff_sensitivity")->empty());
  const llvm::json::Array& sens = *p->getArray("sensitivity");
  ASSERT_EQ(sens.size(), 2u);
  EXPECT_NEAR(*sens[0].getAsObject()->getNumber("win_rate_gain"), 0.005, 1e-12);
  EXPECT_NEAR(*sens[1].getAsObject()->getNumber("value_per_lead_gain"), 4, 1e-9);
}

/// The hand-worked process in two segments of half the leads each, with a margin of 50%:
/// x as it is (wins 20%, 200 USD a lead), y with b -> won 60% and a value of 2,000 USD
/// (wins 0.5 x 0.6 = 30%, 0.3 x 2,000 = 600 USD a lead). Blended: 25%, 400 USD a lead,
/// margin 200 USD; every winner takes 6 days in both. At b, x reached it with 0.5 and y
/// too, so the weights are the shares: 0.5 x 40% + 0.5 x 60% = 50%. The wins at `won` are
/// worth 400 / 0.25 = 1,600 USD on average. One more point on a -> b: +0.01 x 40% in x
/// and 0.01 x 60% in y, +0.5 pt blended, worth 0.01 x 400 = 4 USD a lead in x and 0.01 x
/// 1,200 = 12 USD in y, +8 USD blended; on b -> won: 0.01 x 0.5 = +0.5 pt in both, +5 USD
/// a lead in x and +10 USD in y, +7.5 USD blended.
struct SegmentFixture {
  rt::Process process = handWorked();
  std::vector<rt::AnalyzedProcess> analyzed;
  SegmentFixture() {
    process.margin = 0.5;
    rt::Process y = process;
    y.transitions[2].probability = 0.6;
    y.transitions[3].probability = 0.4;
    y.value = 2000;
    process.segments = {{"x", "", 0.5, process}, {"y", "", 0.5, y}};
    llvm::Expected<rt::Analysis> a = rt::analyze(process);
    EXPECT_TRUE(bool(a)) << llvm::toString(a.takeError());
    analyzed.push_back(rt::AnalyzedProcess{&process, std::move(*a)});
  }
};

TEST(Report, AnalyzeTextShowsSegmentsValuesAndMargin) {
  SegmentFixture f;
  EXPECT_EQ(analyzeText(f.analyzed),
            "p\n"
            "  win rate from the start (a): 25% (target 25%, met)\n"
            "  expected time to win: 6 days (target 10 days, met)\n"
            "  expected time until any outcome: 4 days\n"
            "  value of a lead: 400 USD (the sum over won outcomes of P(win there) x the value "
            "of a win there)\n"
            "  margin per lead: 200 USD\n"
            "\n"
            "  stage  win probability  days to win  days to close  visits  share of time\n"
            "  -------------------------------------------------------------------------\n"
            "  a                  25%         6.00           4.00   1.000            50%\n"
            "  b                  50%         4.00           4.00   0.500            50%\n"
            "\n"
            "  bottlenecks (share of the expected time): a 50%, b 50%\n"
            "\n"
            "  value by won outcome:\n"
            "  outcome  probability  value of a win  value per lead\n"
            "  ----------------------------------------------------\n"
            "  won              25%       1,600 USD         400 USD\n"
            "\n"
            "  segments (the figures above blend them):\n"
            "  segment  share  win rate  days to win  value per lead  margin per lead\n"
            "  ----------------------------------------------------------------------\n"
            "  x          50%       20%         6.00         200 USD          100 USD\n"
            "  y          50%       30%         6.00         600 USD          300 USD\n"
            "\n"
            "  where one more point of conversion pays most:\n"
            "  edge      win rate gain  value per lead gain\n"
            "  --------------------------------------------\n"
            "  a -> b        +0.500 pt               +8 USD\n"
            "  b -> won      +0.500 pt            +7.50 USD\n");
}

TEST(Report, AnalyzeJsonHoldsTheSegments) {
  SegmentFixture f;
  llvm::Expected<llvm::json::Value> doc = llvm::json::parse(analyzeJson(f.analyzed));
  ASSERT_TRUE(bool(doc)) << llvm::toString(doc.takeError());
  const llvm::json::Object* p = (*doc->getAsObject()->getArray("processes"))[0].getAsObject();
  EXPECT_NEAR(*p->getNumber("win_probability"), 0.25, 1e-12);
  EXPECT_NEAR(*p->getNumber("value_per_lead"), 400, 1e-9);
  EXPECT_NEAR(*p->getNumber("margin_per_lead"), 200, 1e-9);
  EXPECT_NEAR(*p->getNumber("margin"), 0.5, 1e-12);
  const llvm::json::Object& won = *(*p->getArray("outcomes"))[0].getAsObject();
  EXPECT_NEAR(*won.getNumber("value_per_lead"), 400, 1e-9);
  const llvm::json::Array& segments = *p->getArray("segments");
  ASSERT_EQ(segments.size(), 2u);
  const llvm::json::Object& y = *segments[1].getAsObject();
  EXPECT_EQ(*y.getString("name"), "y");
  EXPECT_NEAR(*y.getNumber("share"), 0.5, 1e-12);
  EXPECT_NEAR(*y.getNumber("win_probability"), 0.3, 1e-12);
  EXPECT_NEAR(*y.getNumber("value_per_lead"), 600, 1e-9);
  EXPECT_NEAR(*y.getNumber("margin_per_lead"), 300, 1e-9);
  EXPECT_NEAR(*y.getNumber("expected_days_to_win"), 6, 1e-12);
  const llvm::json::Array& sens = *p->getArray("sensitivity");
  ASSERT_EQ(sens.size(), 2u);
  const llvm::json::Object& ab = *sens[0].getAsObject();
  EXPECT_EQ(*ab.getString("from"), "a");
  EXPECT_NEAR(*ab.getNumber("win_rate_gain"), 0.005, 1e-12);
  EXPECT_NEAR(*ab.getNumber("value_per_lead_gain"), 8, 1e-9);
  EXPECT_NEAR(*sens[1].getAsObject()->getNumber("value_per_lead_gain"), 7.5, 1e-9);
}

/// A review by two roles, worked by hand: legal approves 80% after exactly 2 days, the
/// CFO 50% after 1 to 9 days (typical 5); 0.8 x 0.5 = 40% go on to won, the rest are lost;
/// a deal is worth 1,000 USD. The review lasts max(2, T_cfo): E = 2 + E[(T_cfo - 2)+] =
/// 2 + (E[T_cfo] - 2) + ∫1..2 F_cfo = 5 + ∫1..2 (y - 1)^2 / 32 dy = 5 + 1/96 = 5.01 days.
/// One more point of approval: legal 0.4 x 0.01 / 0.8 = +0.5 pt (+5 USD a lead), the CFO
/// 0.4 x 0.01 / 0.5 = +0.8 pt (+8 USD); one more point on review -> won +1 pt (+10 USD).
rt::Process review() {
  rt::Process p;
  p.name = "review";
  p.roles = {{"legal", "", {}}, {"cfo", "", {}}};
  p.states.resize(3);
  p.states[0].name = "review";
  p.states[0].signoffs = {{"legal", 0.8, {2, 2, 2}}, {"cfo", 0.5, {1, 5, 9}}};
  p.states[1].name = "won";
  p.states[1].kind = rt::StateKind::Won;
  p.states[2].name = "lost";
  p.states[2].kind = rt::StateKind::Lost;
  p.transitions = {{0, 1, 0.4, false}, {0, 2, 0.6, true}};
  p.value = 1000;
  p.currency = "USD";
  return p;
}

TEST(Report, AnalyzeShowsEachSignoffStagesRoles) {
  rt::Process p = review();
  llvm::Expected<rt::Analysis> a = rt::analyze(p);
  ASSERT_TRUE(bool(a)) << llvm::toString(a.takeError());
  std::vector<rt::AnalyzedProcess> analyzed{rt::AnalyzedProcess{&p, std::move(*a)}};
  EXPECT_EQ(analyzeText(analyzed),
            "review\n"
            "  win rate from the start (review): 40%\n"
            "  expected time to win: 5.01 days\n"
            "  expected time until any outcome: 5.01 days\n"
            "  value of a lead: 400 USD (1,000 USD x 40%)\n"
            "\n"
            "  stage   win probability  days to win  days to close  visits  share of time\n"
            "  --------------------------------------------------------------------------\n"
            "  review              40%         5.01           5.01   1.000           100%\n"
            "\n"
            "  bottlenecks (share of the expected time): review 100%\n"
            "\n"
            "  sign-off at review: all 2 roles approve 40% of the deals; the last answer comes "
            "after 5.01 days on average\n"
            "  role   share  mean days  one more point  value per lead gain\n"
            "  ------------------------------------------------------------\n"
            "  legal    80%       2.00       +0.500 pt               +5 USD\n"
            "  cfo      50%       5.00       +0.800 pt               +8 USD\n"
            "  most likely to block: cfo (approves 50%); slowest: cfo (5 days on average)\n"
            "\n"
            "  where one more point of conversion pays most:\n"
            "  edge           win rate gain  value per lead gain\n"
            "  -------------------------------------------------\n"
            "  review -> won      +1.000 pt              +10 USD\n");

  llvm::Expected<llvm::json::Value> doc = llvm::json::parse(analyzeJson(analyzed));
  ASSERT_TRUE(bool(doc)) << llvm::toString(doc.takeError());
  const llvm::json::Object* process = (*doc->getAsObject()->getArray("processes"))[0].getAsObject();
  const llvm::json::Object* stage = (*process->getArray("stages"))[0].getAsObject();
  EXPECT_NEAR(*stage->getNumber("mean_days"), 5 + 1.0 / 96, 1e-12);
  const llvm::json::Array& roles = *stage->getArray("signoffs");
  ASSERT_EQ(roles.size(), 2u);
  EXPECT_EQ(*roles[1].getAsObject()->getString("role"), "cfo");
  EXPECT_EQ(*roles[1].getAsObject()->getNumber("share"), 0.5);
  EXPECT_EQ(*roles[1].getAsObject()->getNumber("mean_days"), 5);
  EXPECT_EQ(*stage->getString("most_likely_to_block"), "cfo");
  EXPECT_EQ(*stage->getString("slowest"), "cfo");
  EXPECT_NEAR(*stage->getNumber("approved_share"), 0.4, 1e-15);
  const llvm::json::Array& gains = *process->getArray("signoff_sensitivity");
  ASSERT_EQ(gains.size(), 2u);
  const llvm::json::Object* legal = gains[0].getAsObject();
  EXPECT_EQ(*legal->getString("stage"), "review");
  EXPECT_EQ(*legal->getString("role"), "legal");
  EXPECT_EQ(*legal->getNumber("share_step"), 0.01);
  EXPECT_NEAR(*legal->getNumber("win_rate_gain"), 0.005, 1e-15);
  EXPECT_NEAR(*gains[1].getAsObject()->getNumber("value_per_lead_gain"), 8, 1e-12);
}

TEST(Report, RoiTextIsTheHandWorkedFigures) {
  Fixture f;
  // 100 leads x 20% = 20 customers, 20,000 USD for 1,000 USD: ROI 1900%, 50 USD a
  // customer, break-even at 1,000 / (0.2 x 1,000) = 5 leads.
  rt::RoiResult r = rt::roi(f.process, f.analyzed[0].analysis, 100, 1000);
  std::string text = roiText({RoiRun{&f.process, r}});
  EXPECT_NE(text.find("p: a campaign of 100 leads costing 1,000 USD\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  win rate 20%: expected customers 20.00 ("), std::string::npos) << text;
  EXPECT_NE(text.find("  expected revenue 20,000 USD ("), std::string::npos) << text;
  EXPECT_NE(text.find("  ROI 1900% ((revenue - cost) / cost)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  break-even at 5.0 leads\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  cost per customer 50 USD\n"), std::string::npos) << text;
  llvm::Expected<llvm::json::Value> doc = llvm::json::parse(roiJson({RoiRun{&f.process, r}}));
  ASSERT_TRUE(bool(doc));
  const llvm::json::Object* p = (*doc->getAsObject()->getArray("processes"))[0].getAsObject();
  EXPECT_NEAR(*p->getNumber("roi"), 19, 1e-9);
  EXPECT_NEAR(*p->getNumber("break_even_leads"), 5, 1e-9);
}

// Found by fuzz_events_csv: a deal id that is not UTF-8 (a CSV written in Windows-1252)
// reached llvm::json as it was, which stops a build with assertions. It is kept byte for
// byte, as the escape of a lone surrogate (U+DC80 + byte).
TEST(Report, DealIdsThatAreNotUtf8AreKeptExactInJson) {
  Fixture f;
  f.process.states[1].stalledAfter = 10;
  // d\xff skips from a to won (a move the process lacks); e\xfe has been in b for 99 days.
  std::vector<rt::StageEvent> events = {
      {"d\xff", 0, 0, 2}, {"d\xff", 2, 1, 3}, {"e\xfe", 0, 0, 4}, {"e\xfe", 1, 1, 5}};
  rt::ConformResult r = rt::conform(f.process, events, 100);
  rt::LoadReport load;
  std::string json = conformJson({&f.process, &r, &load, nullptr});
  EXPECT_TRUE(bool(llvm::json::parse(json)));
  EXPECT_NE(json.find("\"d\\udcff\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"deal\": \"e\\udcfe\""), std::string::npos) << json;
}

TEST(Report, ManyProcessesAreSeparatedByABlankLine) {
  Fixture f;
  f.analyzed.push_back(f.analyzed[0]);
  std::string one = analyzeText({f.analyzed[0]});
  EXPECT_EQ(analyzeText(f.analyzed), one + "\n" + one);
}

} // namespace
} // namespace salesc::report
