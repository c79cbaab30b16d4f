//===- TablesTest.cpp - Tests of the tables.json loader -------------------===//
#include "salesc/runtime/Tables.h"

#include "salesc/runtime/Markov.h"

#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace salesc::rt {
namespace {

std::string golden(llvm::StringRef example) {
  return std::string(SALESC_SOURCE_DIR) + "/tests/golden/" + example.str() + "/tables.json";
}

std::vector<Process> loadOk(llvm::StringRef json) {
  llvm::Expected<std::vector<Process>> ps = loadTables(json, "t.json");
  if (!ps) {
    ADD_FAILURE() << llvm::toString(ps.takeError());
    return {};
  }
  return std::move(*ps);
}

std::string loadError(llvm::StringRef json) {
  llvm::Expected<std::vector<Process>> ps = loadTables(json, "t.json");
  if (ps)
    return "no error";
  return llvm::toString(ps.takeError());
}

/// A small valid document: a(0) -> b(1) -> won(2); remainders to lost(3).
const char* const Base = R"({
  "format": "salesc-tables",
  "version": 1,
  "generator": "test",
  "processes": [
    {
      "name": "p",
      "description": "",
      "channel": null,
      "offering": null,
      "brand": null,
      "currency": null,
      "value": null,
      "targets": {"win_rate": null, "cycle_days": null},
      "start": 0,
      "states": [
        {"name": "a", "kind": "stage", "description": "", "learn": [], "provide": [],
         "tactics": [], "time": {"min": 1, "typical": 2, "max": 3, "mean": 2},
         "stalled_after_days": null},
        {"name": "b", "kind": "stage", "description": "", "learn": [], "provide": [],
         "tactics": [], "time": null, "stalled_after_days": null},
        {"name": "won", "kind": "won", "description": ""},
        {"name": "lost", "kind": "lost", "description": ""}
      ],
      "transitions": [
        {"from": 0, "to": 1, "probability": 0.6, "implicit": false},
        {"from": 0, "to": 3, "probability": 0.4, "implicit": true},
        {"from": 1, "to": 2, "probability": 0.3, "implicit": false},
        {"from": 1, "to": 3, "probability": 0.7, "implicit": true}
      ]
    }
  ]
}
)";

/// `document` with the first occurrence of `from` replaced by `to` (which must occur).
std::string edited(const char* document, llvm::StringRef from, llvm::StringRef to) {
  std::string s = document;
  size_t at = s.find(from.str());
  EXPECT_NE(at, std::string::npos) << from.str();
  if (at != std::string::npos)
    s.replace(at, from.size(), to.str());
  return s;
}

/// Base, edited.
std::string edit(llvm::StringRef from, llvm::StringRef to) {
  return edited(Base, from, to);
}

TEST(TablesTest, LoadsTheQuickstartTables) {
  llvm::Expected<std::vector<Process>> ps = loadTablesFile(golden("quickstart"));
  ASSERT_TRUE(bool(ps)) << llvm::toString(ps.takeError());
  ASSERT_EQ(ps->size(), 1u);
  const Process& p = (*ps)[0];
  EXPECT_EQ(p.name, "direct_consulting");
  EXPECT_EQ(p.description, "Direct sales of consulting");
  EXPECT_EQ(p.channel, "direct");
  EXPECT_EQ(p.offering, "consulting");
  ASSERT_TRUE(p.brand.has_value());
  EXPECT_EQ(p.brand->name, "acme");
  EXPECT_EQ(p.brand->description, "Acme Consulting");
  EXPECT_EQ(p.brand->values,
            (std::vector<std::string>{"professional", "trustworthy", "good_value"}));
  EXPECT_TRUE(p.brand->forbiddenTactics.empty());
  EXPECT_EQ(p.brand->forbiddenCategories, (std::vector<std::string>{"pushy"}));
  EXPECT_EQ(p.brand->requirements, (std::vector<Requirement>{Requirement::Materials}));
  EXPECT_EQ(p.brand->maxStages, std::nullopt);
  EXPECT_EQ(p.brand->maxCycleDays, std::nullopt);
  EXPECT_EQ(p.currency, "USD");
  EXPECT_EQ(p.value, 15000.0);
  EXPECT_EQ(p.targetWinRate, 0.05);
  EXPECT_EQ(p.targetCycleDays, 60.0);
  EXPECT_EQ(p.start, 0u);

  std::vector<std::string> names;
  for (const State& s : p.states)
    names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"inquiry", "rep_call", "demo", "proposal", "signed",
                                             "lost"}));
  EXPECT_EQ(p.states[0].kind, StateKind::Stage);
  EXPECT_EQ(p.states[4].kind, StateKind::Won);
  EXPECT_EQ(p.states[5].kind, StateKind::Lost);

  const State& demo = p.states[2];
  EXPECT_EQ(demo.description, "In-person meeting and product demo");
  EXPECT_TRUE(demo.hasTime);
  EXPECT_EQ(demo.time.min, 7.0);
  EXPECT_EQ(demo.time.typical, 10.5);
  EXPECT_EQ(demo.time.max, 14.0);
  EXPECT_EQ(demo.stalledAfter, 30.0);
  ASSERT_EQ(demo.learn.size(), 1u);
  EXPECT_EQ(demo.learn[0].name, "proof");
  EXPECT_EQ(demo.learn[0].description, "Evidence that it worked for companies like theirs");
  ASSERT_EQ(demo.provide.size(), 1u);
  EXPECT_EQ(demo.provide[0].name, "case_study");
  ASSERT_EQ(demo.tactics.size(), 1u);
  EXPECT_EQ(demo.tactics[0].name, "product_demo");
  EXPECT_EQ(p.states[1].learn.size(), 2u);
  EXPECT_EQ(p.states[1].time.mean(), 4.0); // (2 + 3 + 7) / 3
  EXPECT_EQ(p.states[0].stalledAfter, std::nullopt);
  EXPECT_TRUE(p.states[3].tactics.empty());
  EXPECT_FALSE(p.states[4].hasTime);

  ASSERT_EQ(p.transitions.size(), 9u);
  EXPECT_EQ(p.transitions[0].from, 0u);
  EXPECT_EQ(p.transitions[0].to, 1u);
  EXPECT_EQ(p.transitions[0].probability, 0.6); // exactly the double 0.6
  EXPECT_FALSE(p.transitions[0].implicit);
  EXPECT_EQ(p.transitions[1].to, 5u);
  EXPECT_EQ(p.transitions[1].probability, 0.4);
  EXPECT_TRUE(p.transitions[1].implicit);
  EXPECT_EQ(p.transitions[5].from, 2u); // demo back to rep_call
  EXPECT_EQ(p.transitions[5].to, 1u);
  EXPECT_EQ(p.transitions[5].probability, 0.1);
}

TEST(TablesTest, TheQuickstartAnalysesToTheHandWorkedWinRate) {
  // h(proposal) = 0.4; h(demo) = 0.5 * 0.4 + 0.1 * h(rep_call); h(rep_call) = 0.45 * h(demo)
  // so h(demo) = 0.2 / (1 - 0.045) = 0.2 / 0.955, h(rep_call) = 0.09 / 0.955 and
  // h(inquiry) = 0.6 * 0.09 / 0.955 = 0.054 / 0.955.
  llvm::Expected<std::vector<Process>> ps = loadTablesFile(golden("quickstart"));
  ASSERT_TRUE(bool(ps)) << llvm::toString(ps.takeError());
  llvm::Expected<Analysis> a = analyze((*ps)[0]);
  ASSERT_TRUE(bool(a)) << llvm::toString(a.takeError());
  EXPECT_NEAR(a->winProbability[0], 0.054 / 0.955, 1e-12);
  EXPECT_NEAR(a->winProbability[1], 0.09 / 0.955, 1e-12);
  EXPECT_NEAR(a->winProbability[2], 0.2 / 0.955, 1e-12);
  EXPECT_NEAR(a->winProbability[3], 0.4, 1e-12);
}

TEST(TablesTest, LoadsEveryGoldenExample) {
  const std::pair<const char*, std::vector<std::string>> examples[] = {
      {"quickstart", {"direct_consulting"}},
      {"luxury_cars", {"showroom_grand_tourer"}},
      {"saas_multichannel", {"online_team", "online_enterprise", "partner_enterprise"}},
      {"industrial", {"direct_press"}},
  };
  for (const auto& [example, expected] : examples) {
    llvm::Expected<std::vector<Process>> ps = loadTablesFile(golden(example));
    ASSERT_TRUE(bool(ps)) << llvm::toString(ps.takeError());
    std::vector<std::string> names;
    for (const Process& p : *ps) {
      names.push_back(p.name);
      llvm::Expected<Analysis> a = analyze(p);
      EXPECT_TRUE(bool(a)) << example << ": " << llvm::toString(a.takeError());
      if (a) {
        EXPECT_GT(a->winRate(), 0.0) << p.name;
      }
    }
    EXPECT_EQ(names, expected) << example;
  }
}

TEST(TablesTest, NumbersReadBackExactly) {
  // Written as the shortest text that reads back to the same double (as the emitter does).
  const double values[] = {0.6, 0.1, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1e-7, 0.05, 10.5, 1.0 / 7};
  for (double v : values) {
    const std::string json = edit(R"("value": null)", fmt::format("\"value\": {}", v));
    std::vector<Process> ps = loadOk(json);
    ASSERT_EQ(ps.size(), 1u);
    EXPECT_EQ(*ps[0].value, v) << fmt::format("{}", v);
  }
  // Probabilities like 1/3 + 2/3 that sum to 1 only up to rounding are accepted.
  std::string thirds = edit(R"("probability": 0.6,)", fmt::format("\"probability\": {},", 1.0 / 3));
  thirds.replace(thirds.find(R"("probability": 0.4,)"), 19,
                 fmt::format("\"probability\": {},", 2.0 / 3));
  std::vector<Process> ps = loadOk(thirds);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].transitions[0].probability, 1.0 / 3);
  EXPECT_EQ(ps[0].transitions[1].probability, 2.0 / 3);
}

TEST(TablesTest, LoadsTheBaseDocument) {
  std::vector<Process> ps = loadOk(Base);
  ASSERT_EQ(ps.size(), 1u);
  const Process& p = ps[0];
  EXPECT_EQ(p.channel, "");
  EXPECT_FALSE(p.brand.has_value());
  EXPECT_EQ(p.value, std::nullopt);
  EXPECT_EQ(p.targetWinRate, std::nullopt);
  EXPECT_TRUE(p.states[0].hasTime);
  EXPECT_FALSE(p.states[1].hasTime);
  EXPECT_EQ(p.states[1].time.max, 0.0);
}

TEST(TablesTest, NullableFieldsMayBeLeftOutAndAByteOrderMarkIsSkipped) {
  const char* minimal = R"({"format": "salesc-tables", "version": 1, "processes": [
    {"name": "p", "start": 0,
     "states": [{"name": "a", "kind": "stage"}, {"name": "w", "kind": "won"}],
     "transitions": [{"from": 0, "to": 1, "probability": 1}]}]})";
  std::vector<Process> ps = loadOk(std::string("\xEF\xBB\xBF") + minimal);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].states.size(), 2u);
  EXPECT_FALSE(ps[0].transitions[0].implicit);
  EXPECT_EQ(ps[0].transitions[0].probability, 1.0);
  EXPECT_TRUE(loadOk(R"({"format": "salesc-tables", "version": 1, "processes": []})").empty());
}

TEST(TablesTest, ReportsSyntaxErrorsWithLineAndColumn) {
  // Line 3 is `  "version": 1,,`: the second comma is column 16.
  EXPECT_EQ(loadError("{\n  \"format\": \"salesc-tables\",\n  \"version\": 1,,\n}"),
            "t.json:3:16: invalid JSON: expected object key");
  EXPECT_EQ(loadError(""), "t.json:1:1: invalid JSON: unexpected EOF");
  EXPECT_EQ(loadError("{\"format\": \"salesc-tables\"\n"),
            "t.json:2:1: invalid JSON: expected , or } after object property");
  EXPECT_EQ(loadError("{\"a\": [1 2]}"),
            "t.json:1:10: invalid JSON: expected , or ] after array element");
  EXPECT_EQ(loadError("{}\n  x"), "t.json:2:3: invalid JSON: text after end of document");
  EXPECT_EQ(loadError("{\"a\": \"\xff\"}"), "t.json:1:8: invalid JSON: invalid UTF-8 sequence");
}

/// A version 2 document: the contract's committee with its roles, a team that owns the
/// stages, exit criteria and what a material teaches.
const char* const Committee = R"({
  "format": "salesc-tables",
  "version": 2,
  "generator": "test",
  "processes": [
    {
      "name": "p", "description": "", "channel": null, "offering": null, "brand": null,
      "currency": "EUR", "value": 240000, "targets": {"win_rate": null, "cycle_days": null},
      "roles": [
        {"name": "cfo", "description": "Chief financial officer",
         "needs": [{"name": "payback", "description": "Payback period"}]},
        {"name": "safety", "description": "Safety officer", "needs": []}
      ],
      "teams": [{"name": "field", "description": "Field sales engineers"}],
      "start": 0,
      "states": [
        {"name": "committee", "kind": "stage", "description": "", "owner": "field",
         "learn": [{"name": "payback", "description": "Payback period"}],
         "provide": [{"name": "calculator", "description": "", "teaches": ["payback"]}],
         "tactics": [],
         "time": null,
         "signoffs": [
           {"role": "cfo", "share": 0.7, "time": {"min": 14, "typical": 21, "max": 42, "mean": 25.666666666666668}},
           {"role": "safety", "share": 0.95, "time": {"min": 7, "typical": 14, "max": 21, "mean": 14}}
         ],
         "exit_criteria": ["Budget owner named", "Payback agreed"],
         "stalled_after_days": null},
        {"name": "order", "kind": "won", "description": "", "crm_labels": ["Closed Won", "Won"]},
        {"name": "lost", "kind": "lost", "description": ""}
      ],
      "transitions": [
        {"from": 0, "to": 1, "probability": 0.665, "implicit": false},
        {"from": 0, "to": 2, "probability": 0.335, "implicit": true}
      ]
    }
  ]
}
)";

std::string editCommittee(llvm::StringRef from, llvm::StringRef to) {
  return edited(Committee, from, to);
}

TEST(TablesTest, LoadsVersionTwoWithRolesTeamsAndSignoffs) {
  std::vector<Process> ps = loadOk(Committee);
  ASSERT_EQ(ps.size(), 1u);
  const Process& p = ps[0];
  ASSERT_EQ(p.roles.size(), 2u);
  EXPECT_EQ(p.roles[0].name, "cfo");
  EXPECT_EQ(p.roles[0].description, "Chief financial officer");
  ASSERT_EQ(p.roles[0].needs.size(), 1u);
  EXPECT_EQ(p.roles[0].needs[0].name, "payback");
  EXPECT_TRUE(p.roles[1].needs.empty());
  ASSERT_EQ(p.teams.size(), 1u);
  EXPECT_EQ(p.teams[0].name, "field");
  const State& c = p.states[0];
  EXPECT_EQ(c.owner, "field");
  EXPECT_FALSE(c.hasTime);
  ASSERT_EQ(c.signoffs.size(), 2u);
  EXPECT_EQ(c.signoffs[0].role, "cfo");
  EXPECT_EQ(c.signoffs[0].share, 0.7);
  EXPECT_EQ(c.signoffs[0].time.max, 42);
  EXPECT_EQ(c.signoffs[1].time.typical, 14);
  EXPECT_EQ(c.exitCriteria, (std::vector<std::string>{"Budget owner named", "Payback agreed"}));
  EXPECT_EQ(c.provide[0].teaches, (std::vector<std::string>{"payback"}));
  EXPECT_TRUE(c.crmLabels.empty());
  EXPECT_EQ(p.states[1].crmLabels, (std::vector<std::string>{"Closed Won", "Won"}));
  EXPECT_TRUE(c.learn[0].teaches.empty());
  llvm::Expected<Analysis> a = analyze(p);
  ASSERT_TRUE(bool(a)) << llvm::toString(a.takeError());
  EXPECT_NEAR(a->winRate(), 0.665, 1e-12);
}

TEST(TablesTest, VersionOneStillLoads) {
  // The quickstart's tables as salesc wrote them in version 1, and as it writes them now:
  // the same processes, with no roles, teams, owners, sign-offs or exit criteria.
  llvm::Expected<std::vector<Process>> v1 =
      loadTablesFile(std::string(SALESC_SOURCE_DIR) + "/tests/tables/quickstart-v1.json");
  ASSERT_TRUE(bool(v1)) << llvm::toString(v1.takeError());
  llvm::Expected<std::vector<Process>> v2 = loadTablesFile(golden("quickstart"));
  ASSERT_TRUE(bool(v2)) << llvm::toString(v2.takeError());
  ASSERT_EQ(v1->size(), 1u);
  ASSERT_EQ(v2->size(), 1u);
  const Process &old = (*v1)[0], &now = (*v2)[0];
  EXPECT_EQ(old.name, now.name);
  ASSERT_EQ(old.states.size(), now.states.size());
  for (size_t i = 0; i < old.states.size(); ++i) {
    EXPECT_EQ(old.states[i].name, now.states[i].name);
    EXPECT_EQ(old.states[i].time.mean(), now.states[i].time.mean());
    EXPECT_TRUE(old.states[i].signoffs.empty());
    EXPECT_TRUE(old.states[i].owner.empty());
  }
  ASSERT_EQ(old.transitions.size(), now.transitions.size());
  for (size_t i = 0; i < old.transitions.size(); ++i)
    EXPECT_EQ(old.transitions[i].probability, now.transitions[i].probability);
  EXPECT_TRUE(old.roles.empty());
  // A version 1 document's fields of version 2 are not read.
  std::vector<Process> ignored = loadOk(edit(
      R"("time": null,)",
      R"("time": null, "signoffs": [{"role": "x", "share": 0.5, "time": {"min": 1, "typical": 1, "max": 1}}], "owner": "nobody",)"));
  ASSERT_EQ(ignored.size(), 1u);
  EXPECT_TRUE(ignored[0].states[1].signoffs.empty());
  EXPECT_TRUE(ignored[0].states[1].owner.empty());
}

TEST(TablesTest, RefusesBrokenSignoffsRolesAndTeams) {
  const std::pair<std::string, std::string> cases[] = {
      {editCommittee(R"("share": 0.7)", R"("share": 1.7)"),
       "t.json: process 'p': role 'cfo' approves 170% at stage 'committee'; expected a share "
       "above 0% and at most 100%"},
      {editCommittee(R"("share": 0.7, )", ""),
       "t.json: process 'p', state 0 ('committee'), sign-off 0: missing field 'share'"},
      {editCommittee(R"("min": 14, "typical": 21)", R"("min": 24, "typical": 21)"),
       "t.json: process 'p', state 0 ('committee'), sign-off 0: the time is min 24, typical 21, "
       "max 42 days; expected 0 <= min <= typical <= max"},
      {editCommittee(R"(, "time": {"min": 7)", R"(, "time": null, "x": {"min": 7)"),
       "t.json: process 'p', state 0 ('committee'), sign-off 1: field 'time' is null; expected "
       "an object"},
      {editCommittee(R"("role": "safety")", R"("role": "legal")"),
       "t.json: process 'p': role 'legal' signs off at stage 'committee' but is not a role of "
       "the process"},
      {editCommittee(R"("owner": "field")", R"("owner": "marketing")"),
       "t.json: process 'p': stage 'committee' is owned by 'marketing', which is not a team of "
       "the process"},
      {editCommittee(R"("probability": 0.665)", R"("probability": 0.6)"),
       "t.json: process 'p': the transitions out of stage 'committee' add up to 93.5%; expected "
       "100%"},
      {editCommittee(R"("time": null,)", R"("time": {"min": 1, "typical": 2, "max": 3},)"),
       "t.json: process 'p': stage 'committee' has both a time and sign-offs; a sign-off stage "
       "lasts until its last role answers"},
      {editCommittee(R"({"name": "safety")", R"({"name": "cfo")"),
       "t.json: process 'p', role 1: two roles are named 'cfo'"},
      {editCommittee(R"("exit_criteria": ["Budget owner named")", R"("exit_criteria": [3)"),
       "t.json: process 'p', state 0 ('committee'): an entry of 'exit_criteria' is a number; "
       "expected a string"},
      {editCommittee(R"("crm_labels": ["Closed Won", "Won"])", R"("crm_labels": ["Won", ""])"),
       "t.json: process 'p', state 1 ('order'): an entry of 'crm_labels' is empty; a CRM label "
       "has at least one letter or digit"},
      {editCommittee(R"("teaches": ["payback"])", R"("teaches": "payback")"),
       "t.json: process 'p', state 0 ('committee'): field 'teaches' is a string; expected an "
       "array"},
      {editCommittee(R"("kind": "won", "description": "",)",
                     R"("kind": "won", "description": "", "owner": "field",)"),
       "t.json: process 'p', state 1 ('order'): outcome 'order' has sign-offs, an owner or exit "
       "criteria; only stages have them"},
  };
  for (const auto& [json, message] : cases)
    EXPECT_EQ(loadError(json), message);
}

TEST(TablesTest, RefusesOtherFormatsAndVersions) {
  EXPECT_EQ(loadError("[]"), "t.json: the document is an array; expected an object");
  EXPECT_EQ(loadError(R"({"version": 1})"),
            "t.json: not a salesc tables file: expected \"format\": \"salesc-tables\"");
  EXPECT_EQ(loadError(edit(R"("format": "salesc-tables")", R"("format": "bpmn")")),
            "t.json: not a salesc tables file: expected \"format\": \"salesc-tables\"");
  EXPECT_EQ(loadError(edit(R"("version": 1)", R"("version": 3)")),
            "t.json: tables version 3 is not supported by this salesc (it reads versions 1 to 2)");
  EXPECT_EQ(loadError(edit(R"("version": 1)", R"("version": 0)")),
            "t.json: tables version 0 is not supported by this salesc (it reads versions 1 to 2)");
  EXPECT_EQ(loadError(edit(R"("version": 1,)", "")), "t.json: missing field 'version'");
  EXPECT_EQ(loadError(edit(R"("version": 1)", R"("version": "1")")),
            "t.json: field 'version' is a string; expected a whole number");
  EXPECT_EQ(loadError(R"({"format": "salesc-tables", "version": 1})"),
            "t.json: missing field 'processes'");
}

TEST(TablesTest, ReportsWrongFieldsNamingTheProcessAndState) {
  const std::pair<std::string, std::string> cases[] = {
      {edit(R"("name": "p",)", ""), "t.json: process 0: missing field 'name'"},
      {edit(R"("name": "p")", R"("name": 7)"),
       "t.json: process 0: field 'name' is a number; expected a string"},
      {edit(R"("description": "",)", R"("description": [],)"),
       "t.json: process 'p': field 'description' is an array; expected a string or null"},
      {edit(R"("value": null)", R"("value": -3)"),
       "t.json: process 'p': the value is -3; expected above 0 and at most 1e15"},
      {edit(R"("value": null)", R"("value": "15000")"),
       "t.json: process 'p': field 'value' is a string; expected a number or null"},
      {edit(R"("win_rate": null)", R"("win_rate": 5)"),
       "t.json: process 'p': the target win rate is 5; expected a probability above 0 and at "
       "most 1"},
      {edit(R"("cycle_days": null)", R"("cycle_days": 0)"),
       "t.json: process 'p': the target cycle is 0 days; expected more than 0 and at most "
       "36500"},
      {edit(R"("brand": null)", R"("brand": {"name": "b", "requires": ["speed"]})"),
       "t.json: process 'p': brand 'b' requires 'speed'; expected 'knowledge', 'materials', "
       "'time', 'values' or 'teaching'"},
      {edit(R"("brand": null)", R"("brand": {"name": "b", "values": [1]})"),
       "t.json: process 'p': an entry of 'values' is a number; expected a string"},
      {edit(R"("brand": null)", R"("brand": 3)"),
       "t.json: process 'p': field 'brand' is a number; expected an object"},
      {edit(R"("start": 0)", R"("start": 9)"),
       "t.json: process 'p': field 'start' is 9, but the process has 4 states"},
      {edit(R"("start": 0)", R"("start": 2)"),
       "t.json: process 'p': the start state 'won' is an outcome; expected a stage"},
      {edit(R"("start": 0)", R"("start": -1)"),
       "t.json: process 'p': field 'start' is -1; expected a whole number, 0 or more"},
      {edit(R"("start": 0)", R"("start": 0.5)"),
       "t.json: process 'p': field 'start' is 0.5; expected a whole number, 0 or more"},
      {edit(R"("start": 0,)", ""), "t.json: process 'p': missing field 'start'"},
      {edit(R"("kind": "stage")", R"("kind": "stag")"),
       "t.json: process 'p', state 0 ('a'): field 'kind' is 'stag'; expected 'stage', 'won' or "
       "'lost'"},
      {edit(R"("name": "b", "kind": "stage",)", R"("name": "b",)"),
       "t.json: process 'p', state 1 ('b'): missing field 'kind'"},
      {edit(R"("name": "b")", R"("name": "a")"), "t.json: process 'p', state 1 ('a'): two states "
                                                 "are named 'a'"},
      {edit(R"("name": "b")", R"("name": "")"), "t.json: process 'p', state 1: the state name is "
                                                "empty"},
      // Text with a control character is refused, shown escaped; a long name is cut.
      {edit(R"("name": "b")", R"("name": "b\u001b[2J")"),
       "t.json: process 'p', state 1: field 'name' holds a control character: 'b\\x1B[2J'"},
      {edit(R"("description": "",)", R"("description": "x\u009b1m",)"),
       "t.json: process 'p': field 'description' holds a control character: 'x\\xC2\\x9B1m'"},
      {edit(R"("name": "b", "kind": "stage")", "\"name\": \"" + std::string(200, 'b') +
                                                   "\", \"kind\": \"" + std::string(100, 'k') +
                                                   "\""),
       "t.json: process 'p', state 1 ('" + std::string(80, 'b') +
           "...' (200 bytes)): field 'kind' is '" + std::string(80, 'k') +
           "...' (100 bytes); expected 'stage', 'won' or 'lost'"},
      {edit(R"("learn": [],)", R"("learn": [{"description": "x"}],)"),
       "t.json: process 'p', state 0 ('a'): missing field 'name'"},
      {edit(R"("learn": [],)", R"("learn": ["x"],)"),
       "t.json: process 'p', state 0 ('a'): entry 0 of 'learn' is a string; expected an object"},
      {edit(R"("min": 1, "typical": 2)", R"("min": 3, "typical": 2)"),
       "t.json: process 'p', state 0 ('a'): the time is min 3, typical 2, max 3 days; expected 0 "
       "<= min <= typical <= max"},
      {edit(R"("min": 1)", R"("min": -1)"),
       "t.json: process 'p', state 0 ('a'): the time is min -1, typical 2, max 3 days; expected "
       "0 <= min <= typical <= max"},
      {edit(R"("mean": 2)", R"("mean": 2.5)"),
       "t.json: process 'p', state 0 ('a'): the mean time is 2.5 days, but (min + typical + max) "
       "/ 3 is 2"},
      {edit(R"("max": 3, )", ""), "t.json: process 'p', state 0 ('a'): missing field 'max'"},
      {edit(R"("time": null, "stalled_after_days": null)",
            R"("time": null, "stalled_after_days": -2)"),
       "t.json: process 'p', state 1 ('b'): field 'stalled_after_days' is -2; expected 0 or "
       "more"},
      {edit(
           R"({"name": "won", "kind": "won", "description": ""})",
           R"({"name": "won", "kind": "won", "description": "", "time": {"min": 1, "typical": 1, "max": 1}})"),
       "t.json: process 'p', state 2 ('won'): outcome 'won' has a time, a stall limit or items; "
       "only stages have them"},
      {edit(R"("to": 1,)", R"("to": 4,)"),
       "t.json: process 'p', transition 0: field 'to' is 4, but the process has 4 states"},
      {edit(R"("from": 0, "to": 1,)", R"("from": 7, "to": 1,)"),
       "t.json: process 'p', transition 0: field 'from' is 7, but the process has 4 states"},
      {edit(R"("from": 1, "to": 3,)", R"("from": 3, "to": 1,)"),
       "t.json: process 'p', transition 3: outcome 'lost' has a transition to 'b'; an outcome "
       "ends the process"},
      {edit(R"("probability": 0.6,)", R"("probability": 0,)"),
       "t.json: process 'p', transition 0: the transition from 'a' to 'b' has probability 0; "
       "expected more than 0 and at most 1"},
      {edit(R"("probability": 0.6,)", R"("probability": 1.5,)"),
       "t.json: process 'p', transition 0: the transition from 'a' to 'b' has probability 1.5; "
       "expected more than 0 and at most 1"},
      {edit(R"("probability": 0.6,)", R"("probability": 0.5,)"),
       "t.json: process 'p': the transitions out of stage 'a' add up to 90%; expected 100%"},
      {edit(R"("probability": 0.6,)", R"("probability": 0.600000001,)"),
       "t.json: process 'p': the transitions out of stage 'a' add up to 100.0000001%; expected "
       "100%"},
      {edit(R"("implicit": false)", R"("implicit": "no")"),
       "t.json: process 'p', transition 0: field 'implicit' is a string; expected true or false"},
      {edit(R"(,
        {"from": 1, "to": 2, "probability": 0.3, "implicit": false},
        {"from": 1, "to": 3, "probability": 0.7, "implicit": true})",
            ""),
       "t.json: process 'p': stage 'b' can never reach a won or lost outcome, so a prospect "
       "there would stay in the process forever"},
      {edit(R"("transitions": [)", R"("transitions": 5, "x": [)"),
       "t.json: process 'p': field 'transitions' is a number; expected an array"},
      {edit(R"("processes": [)", R"("processes": [3,)"),
       "t.json: process 0: the entry is a number; expected an object"},
  };
  for (const auto& [json, message] : cases)
    EXPECT_EQ(loadError(json), message);
}

TEST(TablesTest, RefusesWhatTheLanguageForbids) {
  EXPECT_EQ(loadError(edit(R"({"from": 1, "to": 3, "probability": 0.7, "implicit": true})",
                           R"({"from": 1, "to": 3, "probability": 0.35, "implicit": true},
        {"from": 1, "to": 3, "probability": 0.35, "implicit": false})")),
            "t.json: process 'p', transition 4: two transitions go from 'b' to 'lost'; give each "
            "pair one transition with the combined probability");
  // The same process twice.
  std::string doc = Base;
  size_t open = doc.find("    {\n      \"name\": \"p\"");
  size_t close = doc.find("\n  ]\n}");
  std::string process = doc.substr(open, close - open);
  doc.insert(close, ",\n" + process);
  EXPECT_EQ(loadError(doc), "t.json: process 'p': an earlier process has the same name");
}

TEST(TablesTest, ASumWithinTheToleranceIsAccepted) {
  EXPECT_EQ(loadOk(edit(R"("probability": 0.6,)", R"("probability": 0.6000000001,)")).size(), 1u);
}

TEST(TablesTest, AFileThatCannotBeReadIsAnError) {
  llvm::Expected<std::vector<Process>> ps = loadTablesFile("/nonexistent/tables.json");
  ASSERT_FALSE(bool(ps));
  EXPECT_EQ(llvm::toString(ps.takeError()),
            "/nonexistent/tables.json: cannot read the file: No such file or directory");
}

TEST(TablesTest, RefusesNestingThatWouldOverflowTheStack) {
  // 40,000 levels once crashed llvm::json::parse (SIGSEGV).
  std::string deep = std::string(40000, '[') + std::string(40000, ']');
  llvm::Expected<std::vector<Process>> r = loadTables(deep, "deep.json");
  ASSERT_FALSE(bool(r));
  EXPECT_EQ(llvm::toString(r.takeError()),
            "deep.json:1:65: arrays and objects nest more than 64 deep; a tables.json nests 7");
  // Brackets inside strings are text, not nesting.
  std::string text = "{\"format\": \"" + std::string(1000, '[') + "\"}";
  r = loadTables(text, "strings.json");
  ASSERT_FALSE(bool(r));
  EXPECT_EQ(llvm::toString(r.takeError()).find("nest"), std::string::npos);
}

TEST(TablesTest, RefusesTablesOverTheSizeLimit) {
  std::string big(MaxTablesBytes + 1, ' ');
  llvm::Expected<std::vector<Process>> r = loadTables(big, "big.json");
  ASSERT_FALSE(bool(r));
  EXPECT_EQ(llvm::toString(r.takeError()),
            "big.json: the file is 65 MiB; salesc reads tables of up to 64 MiB");
}

} // namespace
} // namespace salesc::rt
