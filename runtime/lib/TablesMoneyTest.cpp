//===- TablesMoneyTest.cpp - tables.json: outcome values, margin, segments, campaigns ===//
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Tables.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

namespace salesc::rt {
namespace {

/// offer(0) -30%-> monthly(1, won), -20%-> annual(2, won, `annual` its value), the rest
/// lost(3); `extra` ends the process object (",\"margin\": 0.8" ...).
std::string process(const std::string& name, double value, double annual,
                    const std::string& extra = "") {
  return fmt::format(R"({{"name": "{}", "description": "", "currency": "USD", "value": {},
    "start": 0,
    "states": [
      {{"name": "offer", "kind": "stage", "description": ""}},
      {{"name": "monthly", "kind": "won", "description": ""}},
      {{"name": "annual", "kind": "won", "description": "", "value": {}}},
      {{"name": "lost", "kind": "lost", "description": ""}}],
    "transitions": [
      {{"from": 0, "to": 1, "probability": 0.3}},
      {{"from": 0, "to": 2, "probability": 0.2}},
      {{"from": 0, "to": 3, "probability": 0.5, "implicit": true}}]{}}})",
                     name, value, annual, extra);
}

std::string document(const std::string& segments, const std::string& campaigns, int version = 2) {
  return fmt::format(R"({{"format": "salesc-tables", "version": {}, "generator": "test",
    "processes": [{}]{}}})",
                     version, process("plans", 100, 1000, ", \"margin\": 0.5" + segments),
                     campaigns);
}

const std::string Segments =
    ", \"segments\": [{\"name\": \"small\", \"description\": \"\", \"share\": 0.75, "
    "\"process\": " +
    process("plans", 100, 1000, ", \"margin\": 0.5") +
    "}, {\"name\": \"large\", \"description\": \"\", \"share\": 0.25, \"process\": " +
    process("plans", 400, 4000, ", \"margin\": 0.5") + "}]";

const std::string Campaigns =
    ", \"campaigns\": [{\"name\": \"ads\", \"description\": \"Ads\", \"process\": \"plans\", "
    "\"leads\": 100, \"cost\": 500, \"currency\": \"USD\", \"enters\": 0, \"segment\": "
    "\"large\", \"target_roi\": 1.5}, {\"name\": \"mail\", \"description\": \"\", "
    "\"process\": \"plans\", \"leads\": 10, \"cost\": 0}]";

TablesDocument loadOk(const std::string& json) {
  llvm::Expected<TablesDocument> doc = loadTablesDocument(json, "t.json");
  if (!doc) {
    ADD_FAILURE() << llvm::toString(doc.takeError());
    return {};
  }
  return std::move(*doc);
}

std::string loadError(const std::string& json) {
  llvm::Expected<TablesDocument> doc = loadTablesDocument(json, "t.json");
  if (doc) {
    ADD_FAILURE() << "expected an error";
    return "";
  }
  return llvm::toString(doc.takeError());
}

// The value of a lead: small 0.3 x 100 + 0.2 x 1,000 = 230, large 0.3 x 400 + 0.2 x
// 4,000 = 920; blended 0.75 x 230 + 0.25 x 920 = 402.5, margin 201.25.
TEST(TablesMoneyTest, OutcomeValuesMarginSegmentsAndCampaignsLoad) {
  const TablesDocument doc = loadOk(document(Segments, Campaigns));
  ASSERT_EQ(doc.processes.size(), 1u);
  const Process& p = doc.processes[0];
  EXPECT_EQ(p.margin, std::optional<double>(0.5));
  EXPECT_EQ(p.states[2].value, std::optional<double>(1000));
  EXPECT_FALSE(p.states[1].value);
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_EQ(p.segments[1].name, "large");
  EXPECT_EQ(p.segments[1].share, 0.25);
  EXPECT_EQ(p.segments[1].process.states[2].value, std::optional<double>(4000));
  llvm::Expected<Analysis> a = analyze(p);
  ASSERT_TRUE(bool(a)) << llvm::toString(a.takeError());
  EXPECT_NEAR(*a->valuePerLead(), 402.5, 1e-9);
  EXPECT_NEAR(*a->marginPerLead, 201.25, 1e-9);

  ASSERT_EQ(doc.campaigns.size(), 2u);
  const Campaign& ads = doc.campaigns[0];
  EXPECT_EQ(ads.name, "ads");
  EXPECT_EQ(ads.description, "Ads");
  EXPECT_EQ(ads.process, "plans");
  EXPECT_EQ(ads.leads, 100);
  EXPECT_EQ(ads.cost, 500);
  EXPECT_EQ(ads.currency, "USD");
  EXPECT_EQ(ads.enters, std::optional<uint32_t>(0));
  EXPECT_EQ(ads.segment, std::optional<std::string>("large"));
  EXPECT_EQ(ads.targetRoi, std::optional<double>(1.5));
  const Campaign& mail = doc.campaigns[1];
  EXPECT_FALSE(mail.enters);
  EXPECT_FALSE(mail.segment);
  EXPECT_FALSE(mail.targetRoi);
  // loadTables gives the processes alone.
  llvm::Expected<std::vector<Process>> processes = loadTables(document(Segments, Campaigns), "t");
  ASSERT_TRUE(bool(processes));
  EXPECT_EQ(processes->size(), 1u);
}

TEST(TablesMoneyTest, VersionOneDoesNotReadThem) {
  // Version 1 has no outcome values, margin, segments or campaigns: they are not read.
  const TablesDocument doc = loadOk(document(Segments, Campaigns, 1));
  EXPECT_FALSE(doc.processes[0].margin);
  EXPECT_FALSE(doc.processes[0].states[2].value);
  EXPECT_TRUE(doc.processes[0].segments.empty());
  EXPECT_TRUE(doc.campaigns.empty());
}

/// `text` with the first `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(TablesMoneyTest, BrokenSegmentsAndCampaignsAreRefused) {
  EXPECT_EQ(loadError(document(replaced(Segments, "0.25", "0.5"), "")),
            "t.json: process 'plans': the shares of the segments add up to 125%; expected 100%");
  EXPECT_EQ(loadError(document(Segments, replaced(Campaigns, "\"large\"", "\"medium\""))),
            "t.json: campaign 'ads': field 'segment' is 'medium', which is not a segment of "
            "'plans'");
  EXPECT_EQ(loadError(document(Segments, replaced(Campaigns, "\"enters\": 0", "\"enters\": 2"))),
            "t.json: campaign 'ads': field 'enters' is 2; expected the index of a stage of "
            "'plans'");
  EXPECT_EQ(loadError(document(Segments, replaced(Campaigns, "\"plans\"", "\"other\""))),
            "t.json: campaign 'ads': field 'process' is 'other', which is not a process of the "
            "file");
  EXPECT_EQ(loadError(document(Segments, replaced(Campaigns, "\"leads\": 100", "\"leads\": 0"))),
            "t.json: campaign 'ads': it has 0 leads costing 500; expected leads above 0 and at "
            "most 1e12, and a cost from 0 to 1e15");
  const std::string lost = "\"kind\": \"lost\", \"description\": \"\"";
  EXPECT_EQ(loadError(replaced(document("", ""), lost, lost + ", \"value\": 5")),
            "t.json: process 'plans': lost outcome 'lost' has a value; only won outcomes have one");
}

} // namespace
} // namespace salesc::rt
