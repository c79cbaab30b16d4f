//===- ExportMappingTest.cpp - Tests of --map files, presets and reshaping -===//
//
// Each preset reads an export written here with the headers that CRM writes, day-first
// dates, pound signs and thousands separators; counts are worked by hand from the rows.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/ExportMapping.h"
#include "salesc/runtime/Conform.h"
#include "salesc/runtime/Loaders.h"
#include "salesc/runtime/StageLabels.h"

#include "ExportValues.h"
#include "TestProcess.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;
using Errors = std::vector<std::string>;

/// qualification(0) -> demo(1) -> proposal_sent(2) -> signed(3, won); price(4) and
/// competitor(5) lost. The stage names are the CRM's labels ("Proposal Sent"), written as
/// names; "Closed Won" is the only won outcome.
Process sample() {
  Process p;
  p.name = "direct";
  addStage(p, "qualification", {1, 2, 3});
  addStage(p, "demo", {7, 10, 14});
  addStage(p, "proposal_sent", {7, 14, 21});
  addWon(p, "signed");
  addLost(p, "price");
  addLost(p, "competitor");
  addEdge(p, 0, 1, 0.6);
  addEdge(p, 0, 4, 0.4);
  addEdge(p, 1, 2, 0.5);
  addEdge(p, 1, 5, 0.5);
  addEdge(p, 2, 3, 0.4);
  addEdge(p, 2, 4, 0.6);
  return p;
}

/// What reading an export gave: the loaders' table, what was rejected and the notes.
struct Read {
  CsvTable table;
  LoadReport report;
  ReshapeNotes notes;
};

Read reshape(llvm::StringRef text, const ExportMapping& m, ExportKind kind,
             const Process& p = sample()) {
  Read r;
  llvm::Expected<CsvTable> table = reshapeExport(text, m, p, kind, "export.csv", r.report, r.notes);
  if (!table) {
    ADD_FAILURE() << llvm::toString(table.takeError());
    return r;
  }
  r.table = std::move(*table);
  return r;
}

ExportMapping preset(llvm::StringRef name, ExportKind kind = ExportKind::Events) {
  std::optional<ExportMapping> m = exportPreset(name, kind);
  EXPECT_TRUE(m) << name.str();
  return m.value_or(ExportMapping{});
}

ExportMapping mapping(llvm::StringRef yaml, ExportMapping base = {}) {
  llvm::Expected<ExportMapping> m = readExportMapping(yaml, "map.yaml", std::move(base));
  if (!m) {
    ADD_FAILURE() << llvm::toString(m.takeError());
    return ExportMapping{};
  }
  return std::move(*m);
}

std::string mappingError(llvm::StringRef yaml) {
  llvm::Expected<ExportMapping> m = readExportMapping(yaml, "map.yaml");
  if (m) {
    ADD_FAILURE() << "expected an error";
    return "";
  }
  return llvm::toString(m.takeError());
}

/// The events the loader reads from a reshaped table, as "deal stage YYYY-MM-DD".
std::vector<std::string> events(const Read& r, const Process& p = sample()) {
  LoadReport load;
  std::vector<StageEvent> es = loadEvents(r.table, p, "export.csv", load);
  EXPECT_EQ(load.errors, Errors{});
  std::vector<std::string> out;
  for (const StageEvent& e : es)
    out.push_back(e.deal + " " + p.states[e.state].name + " " + formatDate(e.time));
  return out;
}

TEST(ExportMappingTest, EveryPresetReadsForBothKinds) {
  for (const std::string& name : exportPresetNames()) {
    EXPECT_TRUE(exportPreset(name, ExportKind::Events)) << name;
    EXPECT_TRUE(exportPreset(name, ExportKind::Pipeline)) << name;
  }
  EXPECT_FALSE(exportPreset("sugarcrm", ExportKind::Events));
  EXPECT_EQ(exportPresetNames(),
            (std::vector<std::string>{"salesforce", "hubspot", "pipedrive", "dynamics", "zoho"}));
}

TEST(ExportMappingTest, ReadsEveryKey) {
  ExportMapping m = mapping(R"(layout: wide
columns:
  deal: Deal
  value: [Amount, Value]
  lost_reason: Why
stage_columns:
  Demo date: Demo
stages:
  Demo: demo
lost_reasons:
  Too dear: price
dates: {format: "%d/%m/%Y %H:%M", timezone: "+01:00"}
numbers: {decimal: ",", thousands: "."}
delimiter: ";"
)");
  EXPECT_EQ(m.layout, ExportMapping::Layout::Wide);
  EXPECT_EQ(m.deal, (std::vector<std::string>{"Deal"}));
  EXPECT_EQ(m.value, (std::vector<std::string>{"Amount", "Value"}));
  EXPECT_EQ(m.lostReason, (std::vector<std::string>{"Why"}));
  ASSERT_EQ(m.stageColumns.size(), 1u);
  EXPECT_EQ(m.stageColumns[0].first, "Demo date");
  ASSERT_EQ(m.stages.size(), 1u);
  EXPECT_EQ(m.stages[0].second, "demo");
  ASSERT_EQ(m.lostReasons.size(), 1u);
  EXPECT_EQ(m.dateFormat, "%d/%m/%Y %H:%M");
  EXPECT_EQ(m.timezoneMinutes, 60);
  EXPECT_EQ(m.decimal, ',');
  EXPECT_EQ(m.thousands, '.');
  EXPECT_EQ(m.delimiter, ';');
}

TEST(ExportMappingTest, ErrorsCarryTheirPlaceAndADidYouMean) {
  EXPECT_EQ(mappingError("layout: long\ncolumns:\n  deal: Id\n  stgae: Stage\n"),
            "map.yaml:4:3: unknown setting 'stgae' in 'columns'; did you mean 'stage'?");
  EXPECT_EQ(mappingError("layuot: long\n"),
            "map.yaml:1:1: unknown setting 'layuot' in a mapping file; did you mean 'layout'?");
  EXPECT_EQ(mappingError("layout: tall\n"),
            "map.yaml:1:9: the layout is 'long' (one row per stage change) or 'wide' (one row "
            "per deal, a date column per stage), not 'tall'");
  EXPECT_EQ(mappingError("dates:\n  timezone: Europe/London\n"),
            "map.yaml:2:13: 'Europe/London' is not a time zone salesc reads; write UTC or a "
            "fixed offset such as +01:00 (named zones with summer time are not read)");
  EXPECT_EQ(mappingError("dates:\n  format: \"%d/%m/%Y %Q\"\n"),
            "map.yaml:2:11: '%Q' is not a field salesc reads; it reads %Y %y %m %d %H %I %M %S "
            "%p %b %z and %%");
  EXPECT_EQ(mappingError("layout: wide\n"),
            "map.yaml:1:1: a wide layout needs 'stage_columns:', the date column of each stage "
            "(a header, or a pattern with one '*')");
  const std::string syntax = mappingError("columns:\n  deal: [Id\n");
  EXPECT_EQ(syntax.rfind("map.yaml:", 0), 0u) << syntax;
  EXPECT_NE(syntax.find("this is not valid YAML"), std::string::npos) << syntax;
}

TEST(ExportMappingTest, AmountsLoseCurrencySignsAndSeparators) {
  EXPECT_EQ(readExportAmount("£1,250,000.50", 0, 0), "1250000.50");
  EXPECT_EQ(readExportAmount("$44,000.00", 0, 0), "44000.00");
  EXPECT_EQ(readExportAmount("44.000,00 €", 0, 0), "44000.00");
  EXPECT_EQ(readExportAmount("GBP 12,500", 0, 0), "12500");
  EXPECT_EQ(readExportAmount("12,5", 0, 0), "12.5");
  EXPECT_EQ(readExportAmount("1\xC2\xA0"
                             "250,75",
                             ',', 0),
            "1250.75");
  EXPECT_EQ(readExportAmount("1.250.000", ',', '.'), "1250000");
  EXPECT_EQ(readExportAmount("1,250", '.', 0), std::nullopt);
  EXPECT_EQ(readExportAmount("about 5", 0, 0), std::nullopt);
}

TEST(ExportMappingTest, DatesInTheFormsExportsWrite) {
  std::string why;
  auto iso = [&](llvm::StringRef text, llvm::StringRef format = "", int zone = 0,
                 DayOrder order = DayOrder::DayFirst) {
    std::optional<ExportDate> d = readExportDate(text, format, order, zone, why);
    return d ? d->iso : "error: " + why;
  };
  EXPECT_EQ(iso("28/12/2015 14:05"), "2015-12-28T14:05:00+00:00");
  EXPECT_EQ(iso("12/28/2015", "", 0, DayOrder::MonthFirst), "2015-12-28");
  EXPECT_EQ(iso("28.12.2015"), "2015-12-28");
  EXPECT_EQ(iso("2025-04-10T22:31:37.000+0000"), "2025-04-10T22:31:37.000+0000");
  EXPECT_EQ(iso("2025-04-10 09:00", "", 60), "2025-04-10 09:00+01:00");
  EXPECT_EQ(iso("2025-04-10", "", 60), "2025-04-10"); // a date alone is never shifted
  EXPECT_EQ(iso("10 Apr 2025 9:05 PM", "%d %b %Y %I:%M %p"), "2025-04-10T21:05:00+00:00");
  EXPECT_EQ(iso("10/04/2025", "%d/%m/%Y %H:%M"), "2025-04-10");
  EXPECT_EQ(iso("31/02/2025"), "error: '31/02/2025' is not a date: 2025-02 has 28 days");
  EXPECT_EQ(dayOrderOf("28/12/2015"), DayOrder::DayFirst);
  EXPECT_EQ(dayOrderOf("12/28/2015"), DayOrder::MonthFirst);
  EXPECT_EQ(dayOrderOf("03/04/2015"), DayOrder::Unknown);
}

// `dd/mm/yyyy hh:mm[:ss]` is read at fixed places (the fast path of nearly every row);
// the same instant written so that only the general reader takes it (single digits) gives
// the same fields, checks and day number, to the last bit.
TEST(ExportMappingTest, FixedShapeDatesReadAsTheGeneralReaderReadsThem) {
  struct Case {
    const char* fixed;
    const char* general;
    DayOrder order;
  };
  const Case Cases[] = {
      {"05/01/2026 09:00", "5/1/2026 9:00", DayOrder::DayFirst},
      {"05/01/2026 09:00:07", "5/1/2026 9:00:07", DayOrder::DayFirst},
      {"01/05/2026 23:59:59", "1/5/2026 23:59:59", DayOrder::MonthFirst},
      {"29.02.2024T00:00", "29.2.2024 0:00", DayOrder::DayFirst},
      {"31-12-1999 12:30", "31-12-1999 12:30 ", DayOrder::Unknown},
  };
  for (const Case& c : Cases) {
    SCOPED_TRACE(c.fixed);
    std::string why;
    std::optional<ExportDate> a = readExportDate(c.fixed, "", c.order, 90, why, true);
    std::optional<ExportDate> b = readExportDate(c.general, "", c.order, 90, why, true);
    ASSERT_TRUE(a && b) << why;
    EXPECT_EQ(a->days, b->days);
    EXPECT_EQ(a->iso, b->iso);
  }
  // Out of range at fixed places is refused as the general reader refuses it.
  std::string why;
  for (const char* bad : {"30/02/2026 09:00", "05/13/2026 09:00", "05/01/2026 24:00",
                          "05/01/2026 09:60", "05/01/2026 09:00:60"}) {
    EXPECT_FALSE(readExportDate(bad, "", DayOrder::DayFirst, 0, why)) << bad;
    EXPECT_FALSE(why.empty()) << bad;
  }
  // A DayMemo changes no day number, and a day it does not hold is still checked.
  DayMemo memo;
  for (const char* t : {"05/01/2026 09:00", "05/01/2026 17:45:30", "06/01/2026 00:00",
                        "5/1/2026 9:00", "29/02/2024 12:00", "30/02/2024 12:00"}) {
    std::string whyMemo, whyPlain;
    std::optional<ExportDate> a =
        readExportDate(t, "", DayOrder::DayFirst, 60, whyMemo, false, &memo);
    std::optional<ExportDate> b = readExportDate(t, "", DayOrder::DayFirst, 60, whyPlain, false);
    ASSERT_EQ(a.has_value(), b.has_value()) << t;
    EXPECT_EQ(whyMemo, whyPlain) << t;
    if (a) {
      EXPECT_EQ(a->days, b->days) << t;
    }
  }
  EXPECT_EQ(memo.year, 2024u);
  EXPECT_EQ(memo.day, 29u);
  // A year under 100 written in four digits is left to the general reader: 0099 is 2099.
  std::optional<ExportDate> y =
      readExportDate("05/01/0099 09:00", "", DayOrder::DayFirst, 0, why, true);
  ASSERT_TRUE(y) << why;
  EXPECT_EQ(y->iso, "2099-01-05T09:00:00+00:00");
}

// Salesforce OpportunityHistory as Data Loader writes it: every value quoted, one row per
// save (amount changes repeat the stage), a custom lost-reason field.
TEST(ExportMappingTest, SalesforceOpportunityHistory) {
  const char* Export =
      "\"Id\",\"OpportunityId\",\"CreatedDate\",\"CreatedById\",\"StageName\",\"Amount\","
      "\"Probability\",\"ForecastCategory\",\"Loss_Reason__c\"\n"
      "\"008A1\",\"006A\",\"03/02/2025 09:15\",\"005X\",\"Qualification\",\"£12,500.00\",\"10\","
      "\"Pipeline\",\"\"\n"
      "\"008A2\",\"006A\",\"14/02/2025 16:40\",\"005X\",\"Demo Scheduled\",\"£12,500.00\",\"30\","
      "\"Pipeline\",\"\"\n"
      "\"008A3\",\"006A\",\"20/02/2025 10:00\",\"005X\",\"Demo Scheduled\",\"£14,000.00\",\"30\","
      "\"Pipeline\",\"\"\n"
      "\"008A4\",\"006A\",\"03/03/2025 11:00\",\"005X\",\"Proposal Sent\",\"£14,000.00\",\"60\","
      "\"Pipeline\",\"\"\n"
      "\"008A5\",\"006A\",\"21/03/2025 17:30\",\"005X\",\"Closed Won\",\"£14,000.00\",\"100\","
      "\"Closed\",\"\"\n"
      "\"008B1\",\"006B\",\"05/02/2025 08:00\",\"005X\",\"Qualification\",\"£1,200,000.00\","
      "\"10\",\"Pipeline\",\"\"\n"
      "\"008B2\",\"006B\",\"07/02/2025 12:00\",\"005X\",\"Closed Lost\",\"£1,200,000.00\",\"0\","
      "\"Omitted\",\"Price\"\n";
  // A label that is not a name: mapped in a map over the preset.
  Read r = reshape(Export, mapping("stages:\n  Demo Scheduled: demo\n", preset("salesforce")),
                   ExportKind::Events);
  EXPECT_EQ(r.report.errors, Errors{});
  EXPECT_EQ(r.report.rowsRead, 7u);
  EXPECT_EQ(events(r),
            (std::vector<std::string>{"006A qualification 2025-02-03", "006A demo 2025-02-14",
                                      "006A demo 2025-02-20", "006A proposal_sent 2025-03-03",
                                      "006A signed 2025-03-21", "006B qualification 2025-02-05",
                                      "006B price 2025-02-07"}));
  LoadReport load;
  ConformResult c = conform(sample(), loadEvents(r.table, sample(), "x", load), 20300);
  EXPECT_EQ(c.deals, 2u);
  EXPECT_EQ(c.repeatedEvents, 1u); // the amount change in Demo Scheduled
}

// HubSpot's deals export: one row per deal, a 'Date entered "<Stage> (<Pipeline>)"' column
// per stage, old portals' single quotes too; the default stage labels folded onto names.
TEST(ExportMappingTest, HubSpotWideDealsExport) {
  const char* Export =
      "Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Closed Lost Reason,"
      "Date entered \"Qualification (Sales Pipeline)\",Date entered \"Demo (Sales Pipeline)\","
      "Date entered 'Proposal Sent (Sales Pipeline)',Date entered \"Closed Won (Sales "
      "Pipeline)\",Date entered \"Closed Lost (Sales Pipeline)\"\n"
      "101,Acme,Closed Won,Sales Pipeline,\"£25,000\",21/03/2025,,03/02/2025 09:15,14/02/2025 "
      "16:40,03/03/2025 11:00,21/03/2025 17:30,\n"
      "102,Brill,Closed Lost,Sales Pipeline,\"£8,000\",07/02/2025,Competitor,05/02/2025 "
      "08:00,,,,07/02/2025 12:00\n"
      "103,Cobb,Demo,Sales Pipeline,\"£3,000\",,,06/02/2025 10:00,10/02/2025 10:00,,,\n";
  Read r = reshape(Export, preset("hubspot"), ExportKind::Events);
  EXPECT_EQ(r.report.errors, Errors{});
  EXPECT_EQ(events(r),
            (std::vector<std::string>{"101 qualification 2025-02-03", "101 demo 2025-02-14",
                                      "101 proposal_sent 2025-03-03", "101 signed 2025-03-21",
                                      "102 qualification 2025-02-05", "102 competitor 2025-02-07",
                                      "103 qualification 2025-02-06", "103 demo 2025-02-10"}));
  // The same export as a pipeline: the open deal 103, entered Demo on 10 February.
  Read open = reshape(Export, preset("hubspot", ExportKind::Pipeline), ExportKind::Pipeline);
  EXPECT_EQ(open.report.errors, Errors{});
  LoadReport load;
  std::vector<Deal> deals = loadPipeline(open.table, sample(), "x", load);
  ASSERT_EQ(deals.size(), 1u);
  EXPECT_EQ(deals[0].id, "103");
  EXPECT_EQ(formatDate(deals[0].entered), "2025-02-10");
  EXPECT_EQ(deals[0].value, 3000);
  EXPECT_EQ(open.notes.notes, Errors{"export.csv: left out 2 won or lost deals (not open)"});
}

TEST(ExportMappingTest, PipedriveFlowAndDealsExport) {
  const char* Flow = "deal_id,old_stage,new_stage,log_time,lost_reason\n"
                     "7,,Qualification,03/02/2025 09:15:00,\n"
                     "7,Qualification,Demo,04/02/2025 10:00:00,\n"
                     "7,Demo,Lost,20/02/2025 10:00:00,Went with a competitor\n"
                     "8,,Qualification,13/02/2025 09:15:00,\n";
  ExportMapping m =
      mapping("lost_reasons:\n  Went with a competitor: competitor\n", preset("pipedrive"));
  Read r = reshape(Flow, m, ExportKind::Events);
  EXPECT_EQ(r.report.errors, Errors{});
  EXPECT_EQ(events(r),
            (std::vector<std::string>{"7 qualification 2025-02-03", "7 demo 2025-02-04",
                                      "7 competitor 2025-02-20", "8 qualification 2025-02-13"}));
  const char* Deals =
      "Deal - ID;Deal - Title;Deal - Value;Deal - Currency of Value;Deal - Pipeline;Deal - "
      "Stage;Deal - Status;Deal - Last stage change\n"
      "7;Acme;1.250.000,00 €;EUR;Direct;Demo;Lost;20.02.2025 10:00\n"
      "8;Brill;12.000,50 €;EUR;Direct;Qualification;Open;13.02.2025 09:15\n"
      "9;Cobb;900,00 €;EUR;Partners;Demo;Open;14.02.2025 09:15\n";
  Read open = reshape(Deals, preset("pipedrive", ExportKind::Pipeline), ExportKind::Pipeline);
  EXPECT_EQ(open.report.errors, Errors{});
  LoadReport load;
  std::vector<Deal> deals = loadPipeline(open.table, sample(), "x", load);
  ASSERT_EQ(deals.size(), 1u);
  EXPECT_EQ(deals[0].id, "8");
  EXPECT_EQ(deals[0].value, 12000.5);
  EXPECT_EQ(open.notes.notes, (Errors{"export.csv: left out 1 row of other pipelines or processes",
                                      "export.csv: left out 1 won or lost deal (not open)"}));
}

// Pipedrive leaves 'Deal - Last stage change' empty on a deal that never moved: each row
// takes the first timestamp column it fills, in the mapping's order ('Deal - Deal created').
TEST(ExportMappingTest, EachRowTakesTheFirstTimestampItFills) {
  const char* Deals = "Deal - ID,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Last "
                      "stage change\n"
                      "21,Qualification,Open,2025-11-01 09:00:00,2025-11-28 09:00:00\n"
                      "24,Demo,Open,2025-11-02 09:00:00,\n"
                      "25,Demo,Open,,\n";
  Read open = reshape(Deals, preset("pipedrive", ExportKind::Pipeline), ExportKind::Pipeline);
  EXPECT_EQ(open.report.errors,
            Errors{"export.csv:4:15: deal '25' has no date for its stage 'Demo'"});
  LoadReport load;
  std::vector<Deal> deals = loadPipeline(open.table, sample(), "x", load);
  ASSERT_EQ(deals.size(), 2u);
  EXPECT_EQ(formatDate(deals[0].entered), "2025-11-28");
  EXPECT_EQ(deals[1].id, "24");
  EXPECT_EQ(formatDate(deals[1].entered), "2025-11-02");
}

TEST(ExportMappingTest, DynamicsStageHistoryAndExcelExport) {
  const char* History = "opportunityid,stagename,changedon\n"
                        "a1f0,Qualify,01/03/2025 09:00\n"
                        "a1f0,Develop,15/03/2025 09:00\n"
                        "a1f0,Won,30/03/2025 09:00\n";
  ExportMapping m =
      mapping("stages:\n  Qualify: qualification\n  Develop: demo\n  Propose: proposal_sent\n",
              preset("dynamics"));
  Read r = reshape(History, m, ExportKind::Events);
  EXPECT_EQ(r.report.errors, Errors{});
  EXPECT_EQ(events(r),
            (std::vector<std::string>{"a1f0 qualification 2025-03-01", "a1f0 demo 2025-03-15",
                                      "a1f0 signed 2025-03-30"}));
  const char* Excel = "(Do Not Modify) Opportunity,Topic,Status,Status Reason,Sales Stage,Est. "
                      "revenue,Currency,Active Stage Started On\n"
                      "b2,Big deal,Open,In Progress,Propose,\"£250,000.00\",Pound "
                      "Sterling,02/04/2025 08:00\n"
                      "b3,Lost deal,Lost,Out-Sold,Develop,\"£10,000.00\",Pound "
                      "Sterling,02/03/2025 08:00\n";
  ExportMapping pm = mapping("stages:\n  Develop: demo\n  Propose: proposal_sent\n",
                             preset("dynamics", ExportKind::Pipeline));
  Read open = reshape(Excel, pm, ExportKind::Pipeline);
  EXPECT_EQ(open.report.errors, Errors{});
  LoadReport load;
  std::vector<Deal> deals = loadPipeline(open.table, sample(), "x", load);
  ASSERT_EQ(deals.size(), 1u);
  EXPECT_EQ(deals[0].id, "b2");
  EXPECT_EQ(deals[0].value, 250000);
}

TEST(ExportMappingTest, ZohoStageHistory) {
  const char* Export =
      "Parent_Id,Stage,Amount,Probability,Expected_Revenue,Closing_Date,Modified_Time,"
      "Modified_By,Moved_To__s,Stage_Duration_Calendar_Days,Reason_For_Loss__s\n"
      "z1,Qualification,\"£5,000.00\",10,500,30/04/2025,2026-09-22T13:00:27-04:00,Ann,Demo,2,\n"
      "z1,Demo,\"£5,000.00\",30,1500,30/04/2025,2026-09-24T13:00:27-04:00,Ann,Closed Lost,5,\n"
      "z1,Closed Lost,\"£5,000.00\",0,0,30/04/2025,2026-09-29T13:00:27-04:00,Ann,,,Price\n";
  Read r = reshape(Export, preset("zoho"), ExportKind::Events);
  EXPECT_EQ(r.report.errors, Errors{});
  EXPECT_EQ(events(r), (std::vector<std::string>{"z1 qualification 2026-09-22",
                                                 "z1 demo 2026-09-24", "z1 price 2026-09-29"}));
}

// A label nothing maps: one error with its row count, the first row's place and a hint.
TEST(ExportMappingTest, AnUnknownLabelIsReportedWithItsRowsAndPlace) {
  const char* Export = "OpportunityId,CreatedDate,StageName\n"
                       "A,2025-02-03,Qualification\n"
                       "A,2025-02-04,Proposl Sent\n"
                       "B,2025-02-03,Proposl Sent\n"
                       "C,2025-02-03,Negotiation\n"
                       "C,2025-02-04,Clsoed Won\n";
  Read r = reshape(Export, preset("salesforce"), ExportKind::Events);
  EXPECT_EQ(r.report.rowsRejected, 4u);
  EXPECT_EQ(
      r.report.errors,
      (Errors{"export.csv:3:14: the label 'Proposl Sent' (2 rows) matches no stage or outcome "
              "of process 'direct'; did you mean 'proposal_sent'? Else map it to one in 'stages:' "
              "of a mapping file (--map)",
              "export.csv:5:14: the label 'Negotiation' (1 row) matches no stage or "
              "outcome of process 'direct'; map it to one in 'stages:' of a mapping file "
              "(--map)",
              // A generic label mistyped: the generic label.
              "export.csv:6:14: the label 'Clsoed Won' (1 row) matches no stage or outcome of "
              "process 'direct'; did you mean 'Closed Won'? Else map it to one in 'stages:' of "
              "a mapping file (--map)"}));
  EXPECT_EQ(events(r), (std::vector<std::string>{"A qualification 2025-02-03"}));
}

// "Closed Lost" when the process has several lost outcomes: no lost-reason column, or
// reasons that name none, is said as such, with the outcomes and the fix; never a "did you
// mean" a won outcome. "Closed Won" with several won outcomes likewise.
TEST(ExportMappingTest, AGenericLostLabelSaysWhyItNamesNoOutcome) {
  const std::string head = "export.csv:3:14: the label 'Closed Lost' (2 rows) stands for a lost "
                           "outcome, and process 'direct' has 2: 'price', 'competitor'; ";
  auto read = [](const char* history) {
    return reshape(history, preset("salesforce"), ExportKind::Events).report;
  };
  EXPECT_EQ(read("OpportunityId,CreatedDate,StageName\nA,2025-02-03,Qualification\n"
                 "A,2025-02-04,Closed Lost\nB,2025-02-04,Closed Lost\n")
                .errors,
            Errors{head + "no lost-reason column was found to tell which (looked for "
                          "Loss_Reason__c, Loss Reason, Lost Reason); name it in 'columns: "
                          "lost_reason:' of a mapping file (--map) and map its values in "
                          "'lost_reasons:', or map the label to one outcome in 'stages:'"});
  LoadReport unmatched = read("OpportunityId,CreatedDate,StageName,Loss Reason\n"
                              "A,2025-02-03,Qualification,\nA,2025-02-04,Closed Lost,Stalled\n"
                              "B,2025-02-04,Closed Lost,\nC,2025-02-04,Closed Lost,Price\n");
  EXPECT_EQ(unmatched.errors,
            Errors{head + "the lost reasons of its rows ('Stalled') name none of them; 1 of its "
                          "rows leaves 'Loss Reason' empty; map each reason to one in "
                          "'lost_reasons:' of a mapping file (--map), or the label to one outcome "
                          "in 'stages:'"});
  EXPECT_EQ(unmatched.rowsRejected, 2u); // C's reason names 'price'
  Process twoWins = sample();
  addWon(twoWins, "renewed");
  Read won = reshape("OpportunityId,CreatedDate,StageName\nA,2025-02-04,Closed Won\n",
                     preset("salesforce"), ExportKind::Events, twoWins);
  EXPECT_EQ(won.report.errors,
            Errors{"export.csv:2:14: the label 'Closed Won' (1 row) stands for a won outcome, and "
                   "process 'direct' has 2: 'signed', 'renewed'; map the label to one of them in "
                   "'stages:' of a mapping file (--map)"});
  // A misspelt lost label is not offered the won outcome's label, but the generic lost one.
  Process labelled = sample();
  labelled.states[3].crmLabels = {"Closed Won"};
  EXPECT_EQ(closestLabel(labelled, "Closed Lost 2"), "'Closed Lost'");
  EXPECT_EQ(closestLabel(labelled, "Closed Won 2"), "'Closed Won' (outcome 'signed')");
  EXPECT_EQ(closestLabel(labelled, "Closed Wno"), "'Closed Won' (outcome 'signed')");
}

// The process's CRM labels: after the map's `stages:`, before the names (a label that is
// another state's name takes its rows); a lost reason may be a lost outcome's label; and a
// label that matches nothing is offered the closest label.
TEST(ExportMappingTest, TheProcessesCrmLabelsComeAfterTheMapAndBeforeTheNames) {
  Process p = sample();
  p.states[1].crmLabels = {"Demo Scheduled", "Proposal Sent"};
  p.states[5].crmLabels = {"Lost to Competitor"};
  const char* Export = "OpportunityId,CreatedDate,StageName,Loss Reason\n"
                       "A,2025-02-03,demo scheduled,\n"
                       "B,2025-02-03,Qualification,\n"
                       "B,2025-02-04,Proposal Sent,\n"
                       "B,2025-02-05,Closed Lost,Lost to Competitor\n"
                       "C,2025-02-03,Demo Schedueld,\n";
  Read r = reshape(Export, preset("salesforce"), ExportKind::Events, p);
  EXPECT_EQ(r.report.errors,
            (Errors{"export.csv:6:14: the label 'Demo Schedueld' (1 row) matches no stage or "
                    "outcome of process 'direct'; did you mean 'Demo Scheduled' (stage 'demo')? "
                    "Else map it to one in 'stages:' of a mapping file (--map)"}));
  EXPECT_EQ(events(r, p),
            (std::vector<std::string>{"A demo 2025-02-03", "B qualification 2025-02-03",
                                      "B demo 2025-02-04", "B competitor 2025-02-05"}));
  Read mapped =
      reshape(Export, mapping("stages:\n  Demo Scheduled: qualification\n", preset("salesforce")),
              ExportKind::Events, p);
  EXPECT_EQ(events(mapped, p),
            (std::vector<std::string>{"A qualification 2025-02-03", "B qualification 2025-02-03",
                                      "B demo 2025-02-04", "B competitor 2025-02-05"}));
}

// A HubSpot portal with two pipelines: each row reads only the 'Date entered' columns of
// its own pipeline (a pipeline named with brackets too), and a note says the export mixes
// pipelines, each with its rows; a wide row with two unknown labels is one rejected row.
TEST(ExportMappingTest, HubSpotRowsReadTheirOwnPipelinesColumns) {
  const char* Export =
      "Record ID,Pipeline,Date entered \"Qualification (Sales Pipeline)\",Date entered \"Demo "
      "(Sales Pipeline)\",Date entered \"Qualification (Renewals (EMEA))\",Date entered "
      "\"Demo (Renewals (EMEA))\"\n"
      "101,Sales Pipeline,03/02/2025 09:15,14/02/2025 16:40,01/01/2025 00:00,\n"
      "201,Renewals (EMEA),,,05/02/2025 08:00,15/02/2025 08:00\n"
      "102,Sales Pipeline,06/02/2025 10:00,,,\n";
  Read r = reshape(Export, preset("hubspot"), ExportKind::Events);
  EXPECT_EQ(r.report.errors, Errors{});
  EXPECT_EQ(events(r),
            (std::vector<std::string>{"101 qualification 2025-02-03", "101 demo 2025-02-14",
                                      "201 qualification 2025-02-05", "201 demo 2025-02-15",
                                      "102 qualification 2025-02-06"}));
  EXPECT_EQ(r.notes.notes,
            Errors{"export.csv: the export holds deals of 2 pipelines ('Renewals (EMEA)' 1, "
                   "'Sales Pipeline' 2 rows), all read as process 'direct'; keep only its "
                   "pipeline's rows, or name the process as its pipeline is named in column "
                   "'Pipeline' (then the other pipelines' rows are left out)"});
  const char* Unknown = "Record ID,Date entered \"Lead (P)\",Date entered \"Pitch (P)\"\n"
                        "1,03/02/2025 09:15,04/02/2025 09:15\n";
  Read u = reshape(Unknown, preset("hubspot"), ExportKind::Events);
  EXPECT_EQ(u.report.rowsRead, 1u);
  EXPECT_EQ(u.report.rowsRejected, 1u);
  EXPECT_EQ(u.report.errors.size(), 2u); // one per label
}

// The same history, long and wide, reads to the same events and the same conformance.
TEST(ExportMappingTest, LongAndWideLayoutsAgree) {
  const char* Long = "Deal;Stage;When;Value\n"
                     "A;Qualification;03/02/2025 09:15;£1.000,00\n"
                     "B;Qualification;04/02/2025 09:15;£2.000,00\n"
                     "A;Demo;14/02/2025 16:40;£1.000,00\n"
                     "A;Closed Won;21/02/2025 16:40;£1.000,00\n"
                     "B;Too dear;10/02/2025 16:40;£2.000,00\n"
                     "C;Qualification;05/02/2025 09:15;£2.000,00\n"
                     "C;Demo;06/02/2025 09:15;£2.000,00\n";
  const char* Wide = "Deal;Qualified on;Demo on;Won on;Lost on;Lost because\n"
                     "C;05/02/2025 09:15;06/02/2025 09:15;;;\n"
                     "B;04/02/2025 09:15;;;10/02/2025 16:40;Too dear\n"
                     "A;03/02/2025 09:15;14/02/2025 16:40;21/02/2025 16:40;;\n";
  ExportMapping longMap = mapping(R"(layout: long
columns: {deal: Deal, stage: Stage, timestamp: When, value: Value}
stages: {Too dear: price}
dates: {format: "%d/%m/%Y %H:%M", timezone: UTC}
numbers: {decimal: ",", thousands: "."}
delimiter: ";"
)");
  ExportMapping wideMap = mapping(R"(layout: wide
columns: {deal: Deal, lost_reason: Lost because}
stage_columns: {Qualified on: Qualification, Demo on: Demo, Won on: Closed Won, Lost on: Lost}
lost_reasons: {Too dear: price}
dates: {format: "%d/%m/%Y %H:%M"}
)");
  Read l = reshape(Long, longMap, ExportKind::Events);
  Read w = reshape(Wide, wideMap, ExportKind::Events);
  EXPECT_EQ(l.report.errors, Errors{});
  EXPECT_EQ(w.report.errors, Errors{});
  std::vector<std::string> le = events(l), we = events(w);
  std::sort(le.begin(), le.end());
  std::sort(we.begin(), we.end());
  EXPECT_EQ(le, we);
  EXPECT_EQ(le.size(), 7u);
  LoadReport load;
  const Process p = sample();
  ConformResult a = conform(p, loadEvents(l.table, p, "l", load), 20200);
  ConformResult b = conform(p, loadEvents(w.table, p, "w", load), 20200);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.deals, b.deals);
  ASSERT_EQ(a.edges.size(), b.edges.size());
  for (size_t i = 0; i < a.edges.size(); ++i) {
    EXPECT_EQ(a.edges[i].count, b.edges[i].count);
    EXPECT_EQ(a.edges[i].trials, b.edges[i].trials);
  }
  ASSERT_EQ(a.states.size(), b.states.size());
}

// A `stage_columns:` pattern that matches every header ("*": "*", each column a stage
// named by its header) leaves out the columns 'columns:' names: the deal and the lost
// reason are not stages.
TEST(ExportMappingTest, WideCatchAllPatternSkipsNamedColumns) {
  const char* Wide = "Deal;Qualification;Demo;Closed Won;Lost;Lost because\n"
                     "C;05/02/2025 09:15;06/02/2025 09:15;;;\n"
                     "B;04/02/2025 09:15;;;10/02/2025 16:40;Too dear\n";
  Read w = reshape(Wide, mapping(R"(layout: wide
columns: {deal: Deal, lost_reason: Lost because}
stage_columns: {"*": "*"}
lost_reasons: {Too dear: price}
dates: {format: "%d/%m/%Y %H:%M"}
)"),
                   ExportKind::Events);
  EXPECT_EQ(w.report.errors, Errors{});
  EXPECT_EQ(w.report.rowsRejected, 0u);
  std::vector<std::string> we = events(w);
  std::sort(we.begin(), we.end());
  EXPECT_EQ(we.size(), 4u);
  for (const std::string& e : we) {
    EXPECT_EQ(e.find("Deal"), std::string::npos) << e;
    EXPECT_EQ(e.find("Lost because"), std::string::npos) << e;
  }
}

// A column the user's map names must be in the export (a preset's spellings may be
// absent): one error at the map's key, with the header and a "did you mean", and every
// row rejected, for a column the read needs (a pipeline's value), and for a wide map's
// `stage_columns:`; a note for one it can do without (a history's value, which a map shared
// with a pipeline names for the other file). A history's status is not looked for.
TEST(ExportMappingTest, AColumnTheMapNamesMustBeInTheExport) {
  const char* Long = "Opp Ref;Phase;Changed On;Deal Value\n"
                     "A;Qualification;13/02/2025 09:15;\"£1,000.00\"\n"
                     "A;Demo;14/02/2025 09:15;\"£1,000.00\"\n";
  const ExportMapping typo = mapping("columns:\n  deal: Opp Ref\n  stage: Phase\n  timestamp: "
                                     "Changed On\n  value: Deal Vaule\n  status: State\n");
  const std::string miss = "map.yaml:5:3: export.csv has no column 'Deal Vaule' ('value' in "
                           "'columns:'); did you mean 'Deal Value'? Its columns are 'Opp Ref', "
                           "'Phase', 'Changed On', 'Deal Value'";
  Read history = reshape(Long, typo, ExportKind::Events);
  EXPECT_EQ(history.report.errors, Errors{});
  EXPECT_EQ(history.notes.notes, Errors{miss + "; its rows are read without it"});
  EXPECT_EQ(history.table.rows.size(), 2u);
  const ExportMapping open = mapping("columns: {status: Phase}\n", typo);
  Read pipeline = reshape(Long, open, ExportKind::Pipeline);
  EXPECT_EQ(pipeline.report.errors, Errors{miss});
  EXPECT_EQ(pipeline.report.rowsRead, 2u);
  EXPECT_EQ(pipeline.report.rowsRejected, 2u);
  // A required column the map names: its error only, not the generic one too.
  EXPECT_EQ(reshape(Long,
                    mapping("columns: {deal: [Nope, Neither], stage: Phase, timestamp: Changed "
                            "On}\n"),
                    ExportKind::Events)
                .report.errors,
            Errors{"map.yaml:1:11: export.csv has no column 'Nope' or 'Neither' ('deal' in "
                   "'columns:'); its columns are 'Opp Ref', 'Phase', 'Changed On', 'Deal Value'"});
  // Over a preset: the preset's own spellings (Amount, Loss Reason ...) may be absent.
  const char* Sf = "Id,LastStageChangeDate,StageName,Amount\nA,2025-02-03,Qualification,5\n";
  Read over =
      reshape(Sf, mapping("columns: {value: Worth}\n", preset("salesforce", ExportKind::Pipeline)),
              ExportKind::Pipeline);
  EXPECT_EQ(over.report.errors,
            Errors{"map.yaml:1:11: export.csv has no column 'Worth' ('value' in 'columns:'); "
                   "its columns are 'Id', 'LastStageChangeDate', 'StageName', 'Amount'"});
  EXPECT_EQ(
      reshape(Sf, preset("salesforce", ExportKind::Pipeline), ExportKind::Pipeline).report.errors,
      Errors{});
  const char* Wide = "Deal,Qualified on,Demo on\nA,03/02/2025 09:15,04/02/2025 09:15\n";
  Read wide = reshape(Wide,
                      mapping("layout: wide\ncolumns: {deal: Deal}\nstage_columns:\n  "
                              "Qualified on: Qualification\n  Demo onn: Demo\n  'Lost * "
                              "date': Lost\n"),
                      ExportKind::Events);
  EXPECT_EQ(wide.report.errors,
            (Errors{"map.yaml:5:3: export.csv has no column 'Demo onn' (in 'stage_columns:'); "
                    "did you mean 'Demo on'? Its columns are 'Deal', 'Qualified on', 'Demo on'",
                    "map.yaml:6:3: export.csv has no column matching 'Lost * date' (in "
                    "'stage_columns:'); its columns are 'Deal', 'Qualified on', 'Demo on'"}));
  EXPECT_EQ(wide.report.rowsRejected, 1u);
  // A preset's patterns that match nothing: the generic error, naming them.
  Read hub = reshape("Record ID,Deal Name\n1,Acme\n", preset("hubspot"), ExportKind::Events);
  EXPECT_EQ(hub.report.errors,
            Errors{"export.csv:1: the header has no stage date column (looked for Date entered "
                   "\"*\", Date entered '*', hs_v2_date_entered_*, hs_date_entered_*); name it "
                   "in 'stage_columns:' of a map"});
}

// An unquoted delimiter inside a field ("£14,000.00") shifts every column after it: the
// row is rejected at its first extra field, for both kinds, never read shifted (an amount
// of 14 and a status of "000.00").
TEST(ExportMappingTest, ARowWiderThanTheHeaderIsRejected) {
  const char* History = "OpportunityId,StageName,CreatedDate,Amount\n"
                        "A,Qualification,2025-02-03,\"£14,000.00\"\n"
                        "B,Qualification,2025-02-03,£14,000.00\n";
  Read h = reshape(History, preset("salesforce"), ExportKind::Events);
  EXPECT_EQ(h.report.errors, Errors{"export.csv:3:32: found 5 fields, but the header has 4; a "
                                    "field holding a comma must be quoted"});
  EXPECT_EQ(h.report.rowsRead, 2u);
  EXPECT_EQ(h.report.rowsRejected, 1u);
  ASSERT_EQ(h.table.rows.size(), 1u);
  const char* Pipeline = "Id;StageName;LastStageChangeDate;Amount\n"
                         "A;Qualification;2025-02-03;1\n"
                         "B;Qualification;2025-02-03;1;x\n";
  Read p = reshape(Pipeline, preset("salesforce", ExportKind::Pipeline), ExportKind::Pipeline);
  EXPECT_EQ(p.report.errors, Errors{"export.csv:3:30: found 5 fields, but the header has 4; a "
                                    "field holding a semicolon must be quoted"});
  EXPECT_EQ(p.table.rows.size(), 1u);
}

// A pipeline's status that is neither open nor won or lost (a localised "offen") is left
// out with a note that names it and 'open_status:'; listed there, its rows are read.
TEST(ExportMappingTest, AStatusThatIsNotOpenIsNamed) {
  const char* Deals = "Ref,Phase,Since,Worth,State\n"
                      "A,Qualification,2025-02-03,1,offen\n"
                      "B,Qualification,2025-02-03,1,Offen\n"
                      "C,Qualification,2025-02-03,1,gewonnen\n"
                      "D,Qualification,2025-02-03,1,Won\n";
  const std::string Columns =
      "columns: {deal: Ref, stage: Phase, timestamp: Since, value: Worth, status: State}\n";
  Read r = reshape(Deals, mapping(Columns), ExportKind::Pipeline);
  EXPECT_EQ(r.table.rows.size(), 0u);
  EXPECT_EQ(r.notes.notes,
            (Errors{"export.csv: left out 1 won or lost deal (not open)",
                    "export.csv: left out 3 deals whose status in column 'State' is not open "
                    "('Offen' 1, 'gewonnen' 1, 'offen' 1): only 'Open' means open; list the "
                    "statuses that mean open in 'open_status:' of a map"}));
  Read o = reshape(Deals, mapping(Columns + "open_status: [' offen ']\n"), ExportKind::Pipeline);
  EXPECT_EQ(o.table.rows.size(), 2u);
  EXPECT_EQ(o.notes.notes.back(),
            "export.csv: left out 1 deal whose status in column 'State' is not open ('gewonnen' "
            "1): only ' offen ' means open; list the statuses that mean open in 'open_status:' "
            "of a map");
  EXPECT_EQ(mappingError("open_status: {a: b}\n"),
            "map.yaml:1:15: expected a status that means open, or a list of them here");
}

// A map whose delimiter is not the file's reads the header as one column: the error says
// which delimiter the header holds.
TEST(ExportMappingTest, AWrongDelimiterIsNamed) {
  Read r = reshape("Opp Ref,Phase,Changed On\nA,Demo,2025-02-03\n",
                   mapping("columns: {deal: Opp Ref, stage: Phase, timestamp: Changed On}\n"
                           "delimiter: \";\"\n"),
                   ExportKind::Events);
  ASSERT_FALSE(r.report.errors.empty());
  EXPECT_EQ(r.report.errors.front(),
            "map.yaml:1:11: export.csv has no column 'Opp Ref' ('deal' in 'columns:'); its "
            "columns are 'Opp Ref,Phase,Changed On'; the header is one column that holds a "
            "comma: the file looks separated by a comma rather than a semicolon (fix "
            "'delimiter:' in the map)");
  EXPECT_EQ(r.report.rowsRejected, 1u);
}

// Values in one currency other than the process's: a note, from the currency column or,
// without one, the ISO codes and £ € signs of the amounts ($ names several currencies).
TEST(ExportMappingTest, ACurrencyOtherThanTheProcessesIsNoted) {
  Process p = sample();
  p.currency = "GBP";
  auto notes = [&](const char* text, ExportKind kind = ExportKind::Pipeline) {
    return reshape(text, preset("salesforce", kind), kind, p).notes.notes;
  };
  const std::string note = "export.csv: values are in USD and the process's in GBP; they are "
                           "added as they are, without conversion, and the figures say GBP: "
                           "state the process's value in USD to have them say USD";
  EXPECT_EQ(notes("Id,StageName,LastStageChangeDate,Amount,CurrencyIsoCode\n"
                  "1,Demo,2025-11-01,5000,USD\n2,Demo,2025-11-01,7000,usd\n"),
            Errors{note});
  EXPECT_EQ(notes("Id,StageName,LastStageChangeDate,Amount,CurrencyIsoCode\n"
                  "1,Demo,2025-11-01,5000,GBP\n"),
            Errors{});
  EXPECT_EQ(notes("Id,StageName,LastStageChangeDate,Amount\n1,Demo,2025-11-01,USD 5000\n"),
            Errors{note});
  EXPECT_EQ(notes("OpportunityId,StageName,CreatedDate,Amount\n"
                  "1,Demo,2025-11-01,\"5,000 USD\"\n",
                  ExportKind::Events),
            Errors{note});
  EXPECT_EQ(notes("Id,StageName,LastStageChangeDate,Amount\n1,Demo,2025-11-01,\"£5,000\"\n"),
            Errors{});
  EXPECT_EQ(notes("Id,StageName,LastStageChangeDate,Amount\n1,Demo,2025-11-01,\"$5,000\"\n"),
            Errors{});
  EXPECT_EQ(notes("Id,StageName,LastStageChangeDate,Amount\n1,Demo,2025-11-01,\"5.000 €\"\n"),
            Errors{"export.csv: values are in EUR and the process's in GBP; they are added as "
                   "they are, without conversion, and the figures say GBP: state the process's "
                   "value in EUR to have them say EUR"});
  EXPECT_EQ(amountCurrency("12,500.00"), "");
  EXPECT_EQ(amountCurrency("CHF 1'250"), "CHF");
  // Dynamics 365 writes the currency's name: read as its code.
  EXPECT_EQ(notes("Id,StageName,LastStageChangeDate,Amount,CurrencyIsoCode\n"
                  "1,Demo,2025-11-01,5000,US Dollar\n2,Demo,2025-11-01,7000, us dollar \n"),
            Errors{note});
  EXPECT_EQ(notes("Id,StageName,LastStageChangeDate,Amount,CurrencyIsoCode\n"
                  "1,Demo,2025-11-01,5000,Pound Sterling\n"),
            Errors{});
  EXPECT_EQ(notes("Id,StageName,LastStageChangeDate,Amount,CurrencyIsoCode\n"
                  "1,Demo,2025-11-01,5000,Pound Sterling\n2,Demo,2025-11-01,5000,Bitcoin\n"),
            Errors{"export.csv: values are in several currencies (Bitcoin, GBP); they are "
                   "added as they are, without conversion"});
  EXPECT_EQ(currencyCode("Euro"), "EUR");
  EXPECT_EQ(currencyCode("U.S. Dollar"), "USD");
  EXPECT_EQ(currencyCode("chf"), "CHF");
  EXPECT_EQ(currencyCode("Gold Bars"), "Gold Bars");
}

// A stage history's amounts are its events' values (backtest's revenue), read as a
// pipeline's are, both ways; an amount that is not one rejects its row with its line.
TEST(ExportMappingTest, AHistorysAmountsAreItsEventsValues) {
  const char* Export = "OpportunityId,CreatedDate,StageName,Amount\n"
                       "A,03/02/2025 09:15,Qualification,\"£12,500.00\"\n"
                       "A,14/02/2025 16:40,Closed Won,\"£14,000.00\"\n"
                       "B,05/02/2025 08:00,Qualification,\n"
                       "C,05/02/2025 08:00,Qualification,lots\n";
  const Process p = sample();
  Read r = reshape(Export, preset("salesforce"), ExportKind::Events);
  EXPECT_EQ(r.report.errors, Errors{"export.csv:5:34: the value 'lots' is not an amount"});
  LoadReport load;
  std::vector<StageEvent> table = loadEvents(r.table, p, "export.csv", load);
  LoadReport direct;
  ReshapeNotes notes;
  llvm::Expected<std::vector<StageEvent>> got =
      loadExportEvents(Export, preset("salesforce"), p, "export.csv", direct, notes);
  ASSERT_TRUE(bool(got)) << llvm::toString(got.takeError());
  EXPECT_EQ(direct.errors, Errors{"export.csv:5:34: the value 'lots' is not an amount"});
  EXPECT_EQ(direct.rowsRejected, 1u);
  for (const std::vector<StageEvent>* events : {&table, &*got}) {
    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ((*events)[0].value, 12500);
    EXPECT_EQ((*events)[1].value, 14000);
    EXPECT_EQ((*events)[2].value, std::nullopt);
  }
}

// Reading an event-log export straight into events (what conform and the other event
// commands do) gives what reshaping it into a table and loading that gives: the same
// events to the last bit, the same counts, messages and notes.
TEST(ExportMappingTest, ReadingRowByRowGivesTheTableAndTheLoader) {
  Process segmented = sample();
  segmented.segments.push_back(Segment{"smb", "", 0.5, sample()});
  segmented.segments.push_back(Segment{"ent", "", 0.5, sample()});
  const ExportMapping salesforce = preset("salesforce");
  const ExportMapping zone =
      mapping("dates: {timezone: \"+05:30\"}\ncolumns: {segment: Seg}\n", salesforce);
  struct Case {
    const char* what;
    std::string text;
    ExportMapping m;
    const Process* p;
  };
  const Process plain = sample();
  const std::vector<Case> cases = {
      {"day-first dates, unknown labels, bad dates and empty ids; amounts, bad and negative",
       "\xEF\xBB\xBF\"OpportunityId\",\"CreatedDate\",\"StageName\",\"Amount\"\n"
       "A,03/02/2025 09:15,Qualification,\"£1,000.00\"\n"
       ",04/02/2025 09:15,Demo,\n"
       "A,31/02/2025 09:15,Demo,\n"
       "B,05/02/2025,Proposl Sent,\n"
       "A,14/02/2025 16:40,Closed Won,\"£1,250.50\"\n"
       "B,,Demo,\n"
       "C,13/02/2025 08:00,Negotiation,\n"
       "D,13/02/2025 08:00,Qualification,about 5\n"
       "D,14/02/2025 08:00,Demo,-5\n",
       salesforce, &plain},
      {"only ambiguous dates (a note)",
       "OpportunityId,CreatedDate,StageName\nA,03/04/2025,Qualification\nA,04/05/2025,Demo\n",
       salesforce, &plain},
      {"ISO dates with a map's time zone, segments",
       "OpportunityId,CreatedDate,StageName,Seg\n"
       "A,2025-02-03T09:15,Qualification,smb\n"
       "A,2025-02-04T23:59:59.5,Demo,ent\n"
       "B,2025-02-04,Qualification,big\n"
       "C,2025-02-05T10:00:00Z,Qualification,ent\n",
       zone, &segmented},
      {"a missing column", "OpportunityId,StageName\nA,Qualification\nB,Demo\n", salesforce,
       &plain},
      {"an empty file", "", salesforce, &plain},
      {"the long layout of LongAndWideLayoutsAgree",
       "Deal;Stage;When\nA;Qualification;03/02/2025 09:15\nA;Too dear;10/02/2025 16:40\n",
       mapping("columns: {deal: Deal, stage: Stage, timestamp: When}\nstages: {Too dear: "
               "price}\ndates: {format: \"%d/%m/%Y %H:%M\", timezone: \"-03:00\"}\n"),
       &plain},
      {"a wide layout",
       "Deal,Qualified on,Demo on,Lost on,Lost because\n"
       "B,04/02/2025 09:15,,10/02/2025 16:40,Too dear\n"
       "A,03/02/2025 09:15,14/02/2025 16:40,,\n",
       mapping("layout: wide\ncolumns: {deal: Deal, lost_reason: Lost because}\nstage_columns: "
               "{Qualified on: Qualification, Demo on: Demo, Lost on: Lost}\nlost_reasons: {Too "
               "dear: price}\n"),
       &plain},
      {"a process column naming the process",
       "OpportunityId,CreatedDate,StageName,Pipeline\n"
       "A,2025-02-03,Qualification,Other\nB,2025-02-03,Qualification,Direct\n",
       mapping("columns: {process: Pipeline}\n", salesforce), &plain},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Read table = reshape(c.text, c.m, ExportKind::Events, *c.p);
    LoadReport viaTable;
    std::vector<StageEvent> expected = loadEvents(table.table, *c.p, "export.csv", viaTable);
    if (table.table.headerLine == 0)           // an empty export: reshaping's error only, not the
      viaTable.errors.clear();                 // loader's of its empty table too
    viaTable.rowsRead = table.report.rowsRead; // as the commands merge the two reports
    viaTable.rowsRejected += table.report.rowsRejected;
    viaTable.errors.insert(viaTable.errors.begin(), table.report.errors.begin(),
                           table.report.errors.end());
    LoadReport direct;
    ReshapeNotes notes;
    llvm::Expected<std::vector<StageEvent>> got =
        loadExportEvents(c.text, c.m, *c.p, "export.csv", direct, notes);
    ASSERT_TRUE(bool(got)) << llvm::toString(got.takeError());
    EXPECT_EQ(direct.rowsRead, viaTable.rowsRead);
    EXPECT_EQ(direct.rowsRejected, viaTable.rowsRejected);
    EXPECT_EQ(direct.errors, viaTable.errors);
    EXPECT_EQ(notes.notes, table.notes.notes);
    ASSERT_EQ(got->size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ((*got)[i].deal, expected[i].deal);
      EXPECT_EQ((*got)[i].state, expected[i].state);
      EXPECT_EQ((*got)[i].time, expected[i].time) << i; // to the last bit
      EXPECT_EQ((*got)[i].line, expected[i].line);
      EXPECT_EQ((*got)[i].segment, expected[i].segment);
      EXPECT_EQ((*got)[i].value, expected[i].value);
    }
  }
  // A quote never closed fails both ways, with the same message.
  LoadReport r;
  ReshapeNotes n;
  llvm::Expected<std::vector<StageEvent>> bad =
      loadExportEvents("OpportunityId,CreatedDate,StageName\nA,2025-02-03,\"Demo\n", salesforce,
                       plain, "export.csv", r, n);
  ASSERT_FALSE(bool(bad));
  EXPECT_EQ(llvm::toString(bad.takeError()),
            "export.csv:2: a quoted field is not closed: the '\"' that ends it is missing");
}

} // namespace
} // namespace salesc::rt
