//===- ParseTest.cpp - Parsing in-memory sources into the AST -------------===//
#include "Parse.h"

#include "Keywords.h"
#include "diag/Location.h"

#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

namespace salesc::parse {
namespace {

struct Parsed {
  llvm::SourceMgr sm;
  std::unique_ptr<diag::DiagnosticEngine> diags;
  ParseResult result;
  std::vector<std::string> messages; ///< "line:col: message"
};

std::unique_ptr<Parsed> parse(llvm::StringRef text) {
  auto p = std::make_unique<Parsed>();
  unsigned id = p->sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, "t.sales"),
                                         llvm::SMLoc());
  p->diags = std::make_unique<diag::DiagnosticEngine>(p->sm, diag::DiagOptions{});
  p->result = parseModule(p->sm, id, *p->diags);
  for (const diag::Diagnostic& d : p->diags->sorted()) {
    diag::Location l = diag::resolve(p->sm, d.range.Start);
    p->messages.push_back(std::to_string(l.line) + ":" + std::to_string(l.column) + ": " +
                          d.message);
  }
  return p;
}

TEST(ParseTest, BuildsEveryPartOfAProcess) {
  auto p = parse("process p \"P\" for web, saas extends base {\n"
                 "  brand b; value 15_000 USD; target win rate 12.5%; target cycle 2 months;\n"
                 "  start s;\n"
                 "  stage s \"S\" { learn a, b; learn c; provide m; use t;\n"
                 "    time 2 days to 3 weeks typical 5 days; stalled after 30 days;\n"
                 "    next x 60%; otherwise lost; crm \"Demo Scheduled\", \"Demo\"; }\n"
                 "  won won \"W\" value 2 USD crm \"Closed Won\"; lost lost;\n}\n");
  ASSERT_TRUE(p->messages.empty()) << p->messages[0];
  ASSERT_EQ(p->result.module->decls.size(), 1u);
  auto* proc = llvm::dyn_cast<ast::ProcessDecl>(p->result.module->decls[0].get());
  ASSERT_TRUE(proc);
  EXPECT_EQ(proc->name.text, "p");
  ASSERT_EQ(proc->forList.size(), 2u);
  EXPECT_EQ(proc->extends->text, "base");
  EXPECT_EQ(proc->value[0].value.amount.value, 15000);
  EXPECT_EQ(proc->value[0].value.currency.text, "USD");
  EXPECT_EQ(proc->targetWinRate[0].value.amount.value, 12.5);
  EXPECT_EQ(proc->targetCycle[0].value.unit.text, "months");
  ASSERT_EQ(proc->stages.size(), 1u);
  const ast::Stage& s = *proc->stages[0];
  EXPECT_EQ(s.learn->names.size(), 3u) << "several learn lines append";
  ASSERT_EQ(s.times.size(), 1u);
  EXPECT_EQ(s.times[0].low.value, 2);
  EXPECT_EQ(s.times[0].lowUnit->text, "days");
  EXPECT_EQ(s.times[0].high->unit.text, "weeks");
  EXPECT_EQ(s.times[0].typical->amount.value, 5);
  ASSERT_EQ(s.next.size(), 1u);
  EXPECT_EQ(s.next[0].share->amount.value, 60);
  EXPECT_EQ(s.otherwise[0].text, "lost");
  ASSERT_EQ(proc->outcomes.size(), 2u);
  EXPECT_EQ(proc->outcomes[1].kind, ast::OutcomeKind::Lost);
  ASSERT_EQ(s.crm.size(), 1u);
  ASSERT_EQ(s.crm[0].labels.size(), 2u);
  EXPECT_EQ(s.crm[0].labels[0].value, "Demo Scheduled");
  EXPECT_EQ(s.crm[0].labels[1].value, "Demo");
  ASSERT_TRUE(proc->outcomes[0].crm);
  EXPECT_EQ(proc->outcomes[0].crm->labels[0].value, "Closed Won");
  EXPECT_EQ(proc->outcomes[0].value->amount.value, 2);
  EXPECT_FALSE(proc->outcomes[1].crm);
}

TEST(ParseTest, KeywordsAreAlsoNames) {
  auto p = parse("process process { stage time { time 1 day; next won 10%; } "
                 "won won; lost lost; }");
  EXPECT_TRUE(p->messages.empty()) << p->messages[0];
  auto* proc = llvm::cast<ast::ProcessDecl>(p->result.module->decls[0].get());
  EXPECT_EQ(proc->name.text, "process");
  EXPECT_EQ(proc->stages[0]->name.text, "time");
}

TEST(ParseTest, EveryKeywordIsAName) {
  for (const Keyword& k : keywords()) {
    auto p = parse("process p { stage " + k.spelling.str() + " { } }");
    EXPECT_TRUE(p->messages.empty()) << p->messages[0];
    auto* proc = llvm::cast<ast::ProcessDecl>(p->result.module->decls[0].get());
    ASSERT_EQ(proc->stages.size(), 1u) << k.spelling.str();
    EXPECT_EQ(proc->stages[0]->name.text, k.spelling);
  }
}

TEST(ParseTest, WordsSyntaxErrorsForAConsultantAndRecovers) {
  auto p = parse("process p {\n"
                 "  stage a {\n"
                 "    time 1 to 3 days\n"
                 "    next b 50%;\n"
                 "  }\n"
                 "  stage b { next won 10 }\n"
                 "  won won;\n"
                 "}\n");
  // Line 6 has two mistakes, each reported once: the share without '%' (read, as
  // `next won 10;` would be) and the missing ';'.
  ASSERT_EQ(p->messages.size(), 3u);
  EXPECT_EQ(p->messages[0], "3:21: expected ';' after the time");
  EXPECT_EQ(p->messages[1], "6:22: write this share as 10%: salesc writes shares with '%'");
  EXPECT_EQ(p->messages[2], "6:24: expected ';' after the 'next' line, found '}'");
  EXPECT_EQ(p->result.syntaxErrors, 3u);
  for (const std::string& m : p->messages)
    EXPECT_EQ(m.find("mismatched"), std::string::npos) << m;
}

TEST(ParseTest, RecoveryStopsAfterMaxSyntaxErrors) {
  std::string text;
  for (int i = 0; i < 300; ++i)
    text += "channel ;\n"; // one error a line
  auto p = parse(text);
  ASSERT_EQ(p->messages.size(), MaxSyntaxErrors + 1);
  EXPECT_EQ(p->messages[MaxSyntaxErrors - 1].substr(0, 4), "100:");
  EXPECT_EQ(p->messages.back(), "101:1: salesc stopped reading this file after 100 syntax "
                                "errors; fix the first ones and check again");
  EXPECT_EQ(p->result.syntaxErrors, MaxSyntaxErrors + 1);

  // Within one declaration too: 300 invalid characters on one line.
  std::string line = "channel";
  for (int i = 0; i < 300; ++i)
    line += " @";
  auto one = parse(line + ";\n");
  ASSERT_GE(one->messages.size(), MaxSyntaxErrors + 1);
  EXPECT_LE(one->messages.size(), MaxSyntaxErrors + 2); // and where the line was cut
  EXPECT_NE(one->messages.back().find("salesc stopped reading this file after 100"),
            std::string::npos);

  auto few = parse("channel ;\nchannel ;\n");
  EXPECT_EQ(few->messages.size(), 2u) << "under the limit, every error is reported";
}

TEST(ParseTest, NamesTheStatementExpectedAtTheStartOfALine) {
  auto p = parse("process p {\n  stage a { lern x; }\n}\n");
  ASSERT_GE(p->messages.size(), 1u);
  EXPECT_EQ(
      p->messages[0],
      "2:13: expected a stage line ('learn', 'provide', 'use', 'time', 'stalled after', "
      "'next', 'otherwise', 'owner', 'exit when', 'signoff' or 'crm') or '}' to close the stage, "
      "found 'lern'; did you mean 'learn'?");
}

TEST(ParseTest, ReportsEscapesAndTimesWithoutUnits) {
  auto p = parse("knowledge k \"a \\n b\";\nprocess p { stage a { time 3; } }\n");
  ASSERT_EQ(p->messages.size(), 2u);
  EXPECT_EQ(p->messages[0], "1:16: unknown escape '\\n' in a description; only \\\" and \\\\ "
                            "are allowed");
  EXPECT_EQ(p->messages[1], "2:28: this time has no unit; write hours, days, weeks or months "
                            "after the number, as in 'time 3 days'");
  EXPECT_EQ(p->result.syntaxErrors, 2u);
}

TEST(ParseTest, RefusesTextThatIsNotUtf8) {
  auto p = parse("knowledge k \"caf\xE9\";\n");
  ASSERT_EQ(p->messages.size(), 1u);
  EXPECT_EQ(p->messages[0], "1:17: this file is not UTF-8 text (bad byte 0xe9); save it as UTF-8");
}

} // namespace
} // namespace salesc::parse
