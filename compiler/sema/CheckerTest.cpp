//===- CheckerTest.cpp - Checking and lowering in-memory sources ----------===//
#include "Durations.h"

#include "Spelling.h"
#include "salesc/runtime/Format.h"

#include "frontend/Compilation.h"
#include "salesc/runtime/Markov.h"

#include <gtest/gtest.h>

namespace salesc::sema {
namespace {

struct Compiled {
  std::unique_ptr<frontend::Session> session;
  frontend::Unit unit;
  std::vector<std::string> messages;
  const rt::Process* process(llvm::StringRef name) const {
    for (const sema::ModelProcess& mp : unit.model.processes)
      if (mp.process.name == name)
        return &mp.process;
    return nullptr;
  }
};

Compiled compile(llvm::StringRef text) {
  Compiled c;
  LoadOptions load;
  load.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
  c.session = std::make_unique<frontend::Session>(load, diag::DiagOptions{});
  c.unit = c.session->compileText("/virtual/t.sales", text);
  for (const diag::Diagnostic& d : c.session->diags().sorted())
    c.messages.push_back(std::string(diag::kindInfo(d.kind).code) + " " + d.message);
  return c;
}

TEST(CheckerTest, LowersTimesSharesAndRemainders) {
  Compiled c = compile("process p {\n"
                       "  stage a { time 1 to 2 weeks; next b 60%; }\n"
                       "  stage b { time 36 hours; next won 25%; next a 5%; }\n"
                       "  won won; lost lost;\n}\n");
  ASSERT_TRUE(c.messages.empty()) << c.messages[0];
  const rt::Process* p = c.process("p");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->states[0].time.min, 7);
  EXPECT_EQ(p->states[0].time.typical, 10.5);
  EXPECT_EQ(p->states[0].time.max, 14);
  EXPECT_DOUBLE_EQ(p->states[1].time.mean(), 1.5);
  // a: 60% to b, 40% remainder to lost; b: 25% won, 5% back to a, 70% to lost.
  ASSERT_EQ(p->transitions.size(), 5u);
  EXPECT_DOUBLE_EQ(p->transitions[1].probability, 0.4);
  EXPECT_TRUE(p->transitions[1].implicit);
  EXPECT_EQ(p->states[p->transitions[4].to].name, "lost");
  EXPECT_DOUBLE_EQ(p->transitions[4].probability, 0.7);
}

TEST(CheckerTest, OtherwiseTakesTheRemainderWithSeveralLostOutcomes) {
  Compiled c = compile("process p {\n"
                       "  stage a { next won 30%; otherwise churned; }\n"
                       "  won won; lost churned; lost ghosted;\n}\n");
  ASSERT_TRUE(c.messages.empty()) << c.messages[0];
  const rt::Process* p = c.process("p");
  ASSERT_EQ(p->transitions.size(), 2u);
  EXPECT_EQ(p->states[p->transitions[1].to].name, "churned");
  EXPECT_DOUBLE_EQ(p->transitions[1].probability, 0.7);
}

TEST(CheckerTest, ExtendsReplacesPropertiesAndExitsAsAWhole) {
  Compiled c = compile("knowledge k1; knowledge k2;\n"
                       "process base {\n"
                       "  value 100 USD;\n"
                       "  stage a { learn k1; time 2 days; next b 50%; }\n"
                       "  stage b { learn k2; time 4 days; next won 20%; }\n"
                       "  won won; lost lost;\n}\n"
                       "process derived extends base {\n"
                       "  value 200 EUR;\n"
                       "  stage a { time 3 days; next c 40%; }\n"
                       "  stage c { learn k1; time 1 day; next b 90%; }\n}\n");
  ASSERT_TRUE(c.messages.empty()) << c.messages[0];
  const rt::Process* d = c.process("derived");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d->value, 200);
  EXPECT_EQ(d->currency, "EUR");
  ASSERT_EQ(d->states.size(), 5u); // a, b, c, won, lost: the new stage after the base's
  EXPECT_EQ(d->states[2].name, "c");
  EXPECT_EQ(d->states[0].time.min, 3) << "time replaced";
  ASSERT_EQ(d->states[0].learn.size(), 1u) << "learn kept from the base";
  EXPECT_EQ(d->states[0].learn[0].name, "k1");
  // a's exits replaced as a whole: 40% to c and 60% to lost, no edge to b.
  for (const rt::Transition& t : d->transitions)
    if (t.from == 0) {
      EXPECT_NE(d->states[t.to].name, "b");
    }
  // The base is unchanged.
  const rt::Process* b = c.process("base");
  EXPECT_EQ(b->states[0].time.min, 2);
  EXPECT_EQ(b->states.size(), 4u);
}

TEST(CheckerTest, PredictionsMatchTheHandWorkedQuickstart) {
  Compiled c = compile("process q {\n"
                       "  stage inquiry { time 1 to 3 days; next rep_call 60%; }\n"
                       "  stage rep_call { time 2 to 7 days typical 3 days; next demo 45%; }\n"
                       "  stage demo { time 1 to 2 weeks; next proposal 50%; next rep_call 10%; }\n"
                       "  stage proposal { time 1 to 3 weeks; next signed 40%; }\n"
                       "  won signed; lost lost;\n}\n");
  ASSERT_TRUE(c.messages.empty()) << c.messages[0];
  auto a = rt::analyze(*c.process("q"));
  ASSERT_TRUE(bool(a));
  // h(demo) = 0.5 * 0.4 + 0.1 * h(rep_call), h(rep_call) = 0.45 * h(demo)
  // => h(demo) = 0.2 / 0.955; h(inquiry) = 0.6 * 0.45 * 0.2 / 0.955 = 0.054 / 0.955.
  EXPECT_NEAR(a->winRate(), 0.054 / 0.955, 1e-12);
}

TEST(CheckerTest, SyntaxErrorsStopTheChecks) {
  Compiled c = compile("process p { stage a { learn nothing_declared } won won; }\n");
  ASSERT_EQ(c.messages.size(), 1u);
  EXPECT_EQ(c.messages[0].substr(0, 4), "S001");
  EXPECT_TRUE(c.unit.syntaxErrors);
}

TEST(CheckerTest, WarnsAboutTargetsWithBothNumbers) {
  Compiled c = compile("process p {\n  target win rate 50%;\n  target cycle 1 day;\n"
                       "  stage a { time 3 days; next won 20%; }\n  won won; lost lost;\n}\n");
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[0], "A001 the process predicts a win rate of 20% from 'a', below "
                           "its target of 50%");
  EXPECT_EQ(c.messages[1], "A002 the process predicts 3 days from 'a' to a won deal, above its "
                           "target of 1 day");
}

TEST(DurationsTest, UnitsAndFormatting) {
  EXPECT_EQ(daysPerUnit("hours"), 1.0 / 24);
  EXPECT_EQ(daysPerUnit("week"), 7.0);
  EXPECT_EQ(daysPerUnit("months"), 30.0);
  EXPECT_EQ(daysPerUnit("fortnight"), std::nullopt);
  EXPECT_EQ(rt::days(1), "1 day");
  EXPECT_EQ(rt::days(20.5), "20.5 days");
  EXPECT_EQ(rt::days(0.25), "6 hours");
}

TEST(SpellingTest, SuggestsCloseNamesOnly) {
  llvm::StringRef names[] = {"pricing", "proof", "problem_fit"};
  EXPECT_EQ(closest("pricng", names), "pricing");
  EXPECT_EQ(closest("prof", names), "proof");
  EXPECT_EQ(closest("weather", names), std::nullopt);
  EXPECT_EQ(closest("pricing", names), std::nullopt) << "never suggests the word itself";
}

} // namespace
} // namespace salesc::sema
