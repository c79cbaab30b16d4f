//===- LoadersTest.cpp - Tests of the pipeline and event loaders, dates ---===//
//
// Day numbers are checked against Python's datetime: (date - date(1970, 1, 1)).days.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Loaders.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

#include <tuple>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;
using Errors = std::vector<std::string>;

/// inquiry(0) -> demo(1) -> proposal(2) -> signed(3, won) or lost(4).
Process sample() {
  Process p;
  p.name = "direct";
  addStage(p, "inquiry", {1, 2, 3});
  addStage(p, "demo", {7, 10.5, 14});
  addStage(p, "proposal", {7, 14, 21});
  addWon(p, "signed");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.6);
  addEdge(p, 0, 4, 0.4);
  addEdge(p, 1, 2, 0.5);
  addEdge(p, 1, 4, 0.5);
  addEdge(p, 2, 3, 0.4);
  addEdge(p, 2, 4, 0.6);
  return p;
}

CsvTable csv(llvm::StringRef text) {
  llvm::Expected<CsvTable> t = parseCsv(text, "deals.csv");
  if (!t) {
    ADD_FAILURE() << llvm::toString(t.takeError());
    return CsvTable{};
  }
  return std::move(*t);
}

double dateOk(llvm::StringRef text) {
  llvm::Expected<double> d = parseDate(text);
  if (!d) {
    ADD_FAILURE() << llvm::toString(d.takeError());
    return -1e300;
  }
  return *d;
}

double timestampOk(llvm::StringRef text) {
  llvm::Expected<double> d = parseTimestamp(text);
  if (!d) {
    ADD_FAILURE() << llvm::toString(d.takeError());
    return -1e300;
  }
  return *d;
}

std::string dateError(llvm::StringRef text) {
  llvm::Expected<double> d = parseDate(text);
  return d ? "no error" : llvm::toString(d.takeError());
}

std::string timestampError(llvm::StringRef text) {
  llvm::Expected<double> d = parseTimestamp(text);
  return d ? "no error" : llvm::toString(d.takeError());
}

TEST(DatesTest, DaysFromCivilMatchesTheCalendar) {
  EXPECT_EQ(daysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(daysFromCivil({1969, 12, 31}), -1);
  EXPECT_EQ(daysFromCivil({2000, 3, 1}), 11017);
  EXPECT_EQ(daysFromCivil({2024, 2, 29}), 19782);
  EXPECT_EQ(daysFromCivil({2024, 3, 15}), 19797);
  EXPECT_EQ(daysFromCivil({1900, 3, 1}), -25508);
  EXPECT_EQ(daysFromCivil({2400, 2, 29}), 157113);
  EXPECT_EQ(daysFromCivil({1, 1, 1}), -719162);
  EXPECT_EQ(daysFromCivil({9999, 12, 31}), 2932896);
}

TEST(DatesTest, CivilFromDaysInvertsDaysFromCivil) {
  for (int64_t day = -800000; day <= 3000000; day += 7) {
    const CivilDate d = civilFromDays(day);
    ASSERT_GE(d.month, 1u);
    ASSERT_LE(d.month, 12u);
    ASSERT_EQ(daysFromCivil(d), day);
  }
  const CivilDate leap = civilFromDays(19782);
  EXPECT_EQ(leap.year, 2024);
  EXPECT_EQ(leap.month, 2u);
  EXPECT_EQ(leap.day, 29u);
}

TEST(DatesTest, FormatDateDropsTheTimeOfDay) {
  EXPECT_EQ(formatDate(19797), "2024-03-15");
  EXPECT_EQ(formatDate(19797.99), "2024-03-15");
  EXPECT_EQ(formatDate(0), "1970-01-01");
  EXPECT_EQ(formatDate(-0.5), "1969-12-31");
}

TEST(DatesTest, ParsesIsoDates) {
  EXPECT_EQ(dateOk("2024-03-15"), 19797.0);
  EXPECT_EQ(dateOk("2024-02-29"), 19782.0);
  EXPECT_EQ(dateOk("1970-01-01"), 0.0);
}

TEST(DatesTest, RejectsMalformedAndImpossibleDates) {
  EXPECT_EQ(dateError("2024-3-15"),
            "'2024-3-15' is not a date; expected YYYY-MM-DD, such as 2024-03-15");
  EXPECT_EQ(dateError("15/03/2024"),
            "'15/03/2024' is not a date; expected YYYY-MM-DD, such as 2024-03-15");
  EXPECT_EQ(dateError(""), "'' is not a date; expected YYYY-MM-DD, such as 2024-03-15");
  EXPECT_EQ(dateError("2024-03-15T10:00"),
            "'2024-03-15T10:00' is not a date; expected YYYY-MM-DD, such as 2024-03-15");
  EXPECT_EQ(dateError("2024-13-01"), "'2024-13-01' is not a date: there is no month 13");
  EXPECT_EQ(dateError("2024-00-01"), "'2024-00-01' is not a date: there is no month 0");
  EXPECT_EQ(dateError("2023-02-29"), "'2023-02-29' is not a date: February 2023 has 28 days");
  EXPECT_EQ(dateError("2024-04-31"), "'2024-04-31' is not a date: April 2024 has 30 days");
  EXPECT_EQ(dateError("2024-04-00"), "'2024-04-00' is not a date: April 2024 has 30 days");
}

TEST(DatesTest, ParsesTimestamps) {
  // 2024-03-15 is day 19797; a time of day adds its fraction of 24 hours.
  EXPECT_EQ(timestampOk("2024-03-15"), 19797.0);
  EXPECT_EQ(timestampOk("2024-03-15T12:00"), 19797.5);
  EXPECT_EQ(timestampOk("2024-03-15 06:00:00Z"), 19797.25);
  EXPECT_EQ(timestampOk("2024-03-15t18:00:00z"), 19797.75);
  EXPECT_DOUBLE_EQ(timestampOk("2024-03-15T09:30:00Z"), 19797 + 9.5 / 24);
  EXPECT_DOUBLE_EQ(timestampOk("2024-03-15T00:00:30.5"), 19797 + 30.5 / 86400);
  // An offset is subtracted: 00:00 at +02:00 is 22:00 UTC the day before.
  EXPECT_DOUBLE_EQ(timestampOk("2024-03-15T00:00:00+02:00"), 19797 - 2.0 / 24);
  EXPECT_DOUBLE_EQ(timestampOk("2024-03-15T00:00-0530"), 19797 + 5.5 / 24);
}

TEST(DatesTest, RejectsMalformedTimestamps) {
  const std::string expected = " is not a timestamp; expected YYYY-MM-DD or "
                               "YYYY-MM-DDTHH:MM[:SS][Z], such as 2024-03-15T09:30:00Z";
  EXPECT_EQ(timestampError("2024-03-15T12"), "'2024-03-15T12'" + expected);
  EXPECT_EQ(timestampError("2024-03-15X12:00"), "'2024-03-15X12:00'" + expected);
  EXPECT_EQ(timestampError("2024-03-15T12:00:"), "'2024-03-15T12:00:'" + expected);
  EXPECT_EQ(timestampError("2024-03-15T12:00:00."), "'2024-03-15T12:00:00.'" + expected);
  EXPECT_EQ(timestampError("2024-03-15T12:00:00+2"), "'2024-03-15T12:00:00+2'" + expected);
  EXPECT_EQ(timestampError("2024-03-15T12:00:00 PST"), "'2024-03-15T12:00:00 PST'" + expected);
  EXPECT_EQ(timestampError("03/15/2024 12:00"), "'03/15/2024 12:00'" + expected);
  EXPECT_EQ(timestampError("2024-03-15T24:00"),
            "'2024-03-15T24:00' is not a timestamp: the time of day is out of range");
  EXPECT_EQ(timestampError("2024-03-15T10:60"),
            "'2024-03-15T10:60' is not a timestamp: the time of day is out of range");
  EXPECT_EQ(timestampError("2024-02-30T10:00"),
            "'2024-02-30T10:00' is not a date: February 2024 has 29 days");
}

TEST(LoadersTest, SuggestsTheClosestStateName) {
  Process p = sample();
  EXPECT_EQ(closestStateName(p, "dmeo"), "demo");
  EXPECT_EQ(closestStateName(p, "Demo"), "demo");
  EXPECT_EQ(closestStateName(p, "proposl"), "proposal");
  EXPECT_EQ(closestStateName(p, "negotiation"), std::nullopt);
}

TEST(LoadersTest, LoadsAPipelineWithColumnsInAnyOrder) {
  // The header is matched case-insensitively and trimmed; fields are trimmed.
  CsvTable t = csv("Value, Entered ,deal,STAGE\n"
                   "15000,2024-03-01,D1,demo\n"
                   ",2024-03-02, D2 , proposal\n"
                   "0.5,2024-03-15T12:00:00Z,D3,inquiry\n");
  LoadReport r;
  std::vector<Deal> deals = loadPipeline(t, sample(), "deals.csv", r);
  EXPECT_EQ(r.rowsRead, 3u);
  EXPECT_EQ(r.rowsRejected, 0u);
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(deals.size(), 3u);
  EXPECT_EQ(deals[0].id, "D1");
  EXPECT_EQ(deals[0].state, 1u);
  EXPECT_EQ(deals[0].entered, 19783.0); // 2024-03-01
  EXPECT_EQ(deals[0].value, 15000.0);
  EXPECT_EQ(deals[0].line, 2u);
  EXPECT_EQ(deals[1].id, "D2");
  EXPECT_EQ(deals[1].state, 2u);
  EXPECT_EQ(deals[1].value, std::nullopt);
  EXPECT_EQ(deals[2].entered, 19797.5);
  EXPECT_EQ(deals[2].value, 0.5);
}

TEST(LoadersTest, ThePipelineValueColumnIsOptional) {
  CsvTable t = csv("deal,stage,entered\nD1,demo,2024-03-01\n");
  LoadReport r;
  std::vector<Deal> deals = loadPipeline(t, sample(), "deals.csv", r);
  ASSERT_EQ(deals.size(), 1u);
  EXPECT_EQ(deals[0].value, std::nullopt);
}

TEST(LoadersTest, ThePipelineSegmentColumnNamesASegmentOfTheProcess) {
  CsvTable t = csv("deal,stage,entered,segment\n"
                   "A,trial_use,2024-03-01,large\n"
                   "B,trial_use,2024-03-01,\n"
                   "C,trial_use,2024-03-01,medium\n");
  LoadReport r;
  std::vector<Deal> deals = loadPipeline(t, saasPlans(), "deals.csv", r);
  ASSERT_EQ(deals.size(), 2u);
  EXPECT_EQ(deals[0].segment, std::optional<uint32_t>(1));
  EXPECT_EQ(deals[1].segment, std::nullopt);
  EXPECT_EQ(r.errors, (Errors{"deals.csv:4:24: deal 'C' is in segment 'medium', which the process "
                              "does not have (its segments: 'small' and 'large')"}));
  LoadReport none;
  EXPECT_TRUE(loadPipeline(csv("deal,stage,entered,segment\nA,demo,2024-03-01,large\n"), sample(),
                           "deals.csv", none)
                  .empty());
  EXPECT_EQ(none.errors,
            (Errors{"deals.csv:2:19: deal 'A' is in segment 'large', which the process "
                    "does not have (it has no segments)"}));
}

TEST(LoadersTest, RejectsEveryBadPipelineRowWithItsLine) {
  CsvTable t = csv("deal,stage,entered,value\n"
                   "D1,demo,2024-03-01,100\n"      // 2 ok
                   "D2,demo\n"                     // 3 too few fields
                   "D3,demo,2024-03-01,1,2\n"      // 4 too many
                   ",demo,2024-03-01,1\n"          // 5 empty id
                   "D5,dmeo,2024-03-01,1\n"        // 6 unknown stage, close
                   "D6,negotiation,2024-03-01,\n"  // 7 unknown stage, nothing close
                   "D7,,2024-03-01,\n"             // 8 empty stage
                   "D8,signed,2024-03-01,1\n"      // 9 an outcome
                   "D9,demo,2024-13-01,1\n"        // 10 bad date
                   "D10,demo,01/03/2024,1\n"       // 11 bad date
                   "D11,demo,2024-03-01,-5\n"      // 12 negative
                   "D12,demo,2024-03-01,15k\n"     // 13 not a number
                   "D13,demo,2024-03-01,$100\n"    // 14 not a number
                   "D14,demo,2024-03-01,inf\n"     // 15 not a number
                   "D1,demo,2024-03-01,1\n"        // 16 listed twice
                   "D16,demo,2024-03-01,1e3\n"     // 17 ok
                   "D17,demo,2024-03-01T25:00,1\n" // 18 bad timestamp
                   "D18,demo,2024-03-01\n");       // 19 ok: the value is left out
  LoadReport r;
  std::vector<Deal> deals = loadPipeline(t, sample(), "deals.csv", r);
  EXPECT_EQ(r.rowsRead, 18u);
  EXPECT_EQ(r.rowsRejected, 15u);
  ASSERT_EQ(deals.size(), 3u);
  EXPECT_EQ(deals[1].id, "D16");
  EXPECT_EQ(deals[1].value, 1000.0);
  EXPECT_EQ(deals[2].id, "D18");
  EXPECT_EQ(deals[2].value, std::nullopt);
  const Errors expected = {
      "deals.csv:3: expected 4 fields as in the header, found 2",
      "deals.csv:4: found 5 fields, but the header has 4; a field holding a comma must be quoted",
      "deals.csv:5:1: the deal id is empty",
      "deals.csv:6:4: process 'direct' has no stage 'dmeo'; did you mean 'demo'?",
      "deals.csv:7:4: process 'direct' has no stage 'negotiation'",
      "deals.csv:8:4: the stage is empty",
      "deals.csv:9:4: deal 'D8' is in outcome 'signed'; a pipeline lists open deals, each in a "
      "stage",
      "deals.csv:10:9: bad date in column 'entered': '2024-13-01' is not a date: there is no month "
      "13",
      "deals.csv:11:10: bad date in column 'entered': '01/03/2024' is not a date; expected "
      "YYYY-MM-DD, such as 2024-03-15",
      "deals.csv:12:21: the value '-5' is negative; a deal's value is 0 or more",
      "deals.csv:13:21: the value '15k' is not a number; write it without currency signs or "
      "thousands separators, such as 15000",
      "deals.csv:14:21: the value '$100' is not a number; write it without currency signs or "
      "thousands separators, such as 15000",
      "deals.csv:15:21: the value 'inf' is not a number; write it without currency signs or "
      "thousands separators, such as 15000",
      "deals.csv:16:1: deal 'D1' is listed twice (first on line 2); a pipeline has one row per "
      "open "
      "deal",
      "deals.csv:18:10: bad date in column 'entered': '2024-03-01T25:00' is not a timestamp: the "
      "time of day is out of range",
  };
  EXPECT_EQ(r.errors, expected);
}

TEST(LoadersTest, AMissingPipelineColumnIsOneErrorAndNoDeal) {
  CsvTable t = csv("deal,stage,value\nD1,demo,1\nD2,demo,2\n");
  LoadReport r;
  EXPECT_TRUE(loadPipeline(t, sample(), "deals.csv", r).empty());
  EXPECT_EQ(r.rowsRead, 2u);
  EXPECT_EQ(r.rowsRejected, 2u);
  EXPECT_EQ(r.errors, (Errors{"deals.csv:1: the header has no column 'entered'; a pipeline needs "
                              "the columns 'deal', 'stage' and 'entered' (and optionally "
                              "'value' and 'segment')"}));

  CsvTable t2 = csv("\nid,stage\n");
  LoadReport r2;
  EXPECT_TRUE(loadPipeline(t2, sample(), "deals.csv", r2).empty());
  EXPECT_EQ(r2.errors, (Errors{"deals.csv:2: the header has no columns 'deal' and 'entered'; a "
                               "pipeline needs the columns 'deal', 'stage' and 'entered' (and "
                               "optionally 'value' and 'segment')"}));
}

TEST(LoadersTest, AnEmptyPipelineFileIsAnError) {
  LoadReport r;
  EXPECT_TRUE(loadPipeline(csv(""), sample(), "deals.csv", r).empty());
  EXPECT_EQ(r.rowsRead, 0u);
  EXPECT_EQ(r.errors, (Errors{"deals.csv:1: the file is empty; a pipeline needs a header line "
                              "with the columns 'deal', 'stage' and 'entered' (and optionally "
                              "'value' and 'segment')"}));
}

TEST(LoadersTest, AColumnNamedTwiceIsAnError) {
  LoadReport r;
  CsvTable t = csv("deal,stage,entered,Stage\nD1,demo,2024-01-01,demo\n");
  EXPECT_TRUE(loadPipeline(t, sample(), "deals.csv", r).empty());
  EXPECT_EQ(r.rowsRejected, 1u);
  EXPECT_EQ(r.errors, (Errors{"deals.csv:1: the header names column 'stage' twice"}));
}

TEST(LoadersTest, ExtraColumnsAreIgnoredAndMayBeLeftOut) {
  // 'owner' is not used; a row may stop before it, but not before a needed column.
  CsvTable t = csv("deal,stage,entered,owner\nD1,demo,2024-03-01,ann\nD2,demo,2024-03-01\n");
  LoadReport r;
  EXPECT_EQ(loadPipeline(t, sample(), "deals.csv", r).size(), 2u);
  EXPECT_TRUE(r.errors.empty());
}

TEST(LoadersTest, ReportsAccumulateOverFiles) {
  LoadReport r;
  loadPipeline(csv("deal,stage,entered\nD1,demo,2024-03-01\n"), sample(), "a.csv", r);
  loadPipeline(csv("deal,stage,entered\nD1,dmeo,2024-03-01\n"), sample(), "b.csv", r);
  EXPECT_EQ(r.rowsRead, 2u);
  EXPECT_EQ(r.rowsRejected, 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].substr(0, 8), "b.csv:2:");
}

TEST(LoadersTest, LoadsEventsIncludingOutcomes) {
  CsvTable t = csv("timestamp,deal,stage\n"
                   "2024-03-01T09:00:00Z,D1,inquiry\n"
                   "2024-03-03,D1,demo\n"
                   "2024-03-20 18:00,D1,signed\n"
                   "2024-03-02T00:00:00Z,D2,inquiry\n");
  LoadReport r;
  std::vector<StageEvent> events = loadEvents(t, sample(), "log.csv", r);
  EXPECT_EQ(r.rowsRead, 4u);
  EXPECT_EQ(r.rowsRejected, 0u);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].deal, "D1");
  EXPECT_EQ(events[0].state, 0u);
  EXPECT_DOUBLE_EQ(events[0].time, 19783 + 9.0 / 24);
  EXPECT_EQ(events[0].line, 2u);
  EXPECT_EQ(events[1].time, 19785.0);
  EXPECT_EQ(events[2].state, 3u);
  EXPECT_EQ(events[2].time, 19802.75);
  EXPECT_EQ(events[3].deal, "D2");
}

TEST(LoadersTest, RejectsEveryBadEventRowWithItsLine) {
  CsvTable t = csv("deal,stage,timestamp\n"
                   "D1,inquiry\n"              // 2 too few
                   "D1,inquiry,2024-03-01,x\n" // 3 too many
                   ",inquiry,2024-03-01\n"     // 4 empty id
                   "D1,inquriy,2024-03-01\n"   // 5 unknown stage
                   "D1,inquiry,yesterday\n"    // 6 bad timestamp
                   "D1,inquiry,2024-03-01\n"); // 7 ok
  LoadReport r;
  std::vector<StageEvent> events = loadEvents(t, sample(), "log.csv", r);
  EXPECT_EQ(r.rowsRead, 6u);
  EXPECT_EQ(r.rowsRejected, 5u);
  EXPECT_EQ(events.size(), 1u);
  const Errors expected = {
      "log.csv:2: expected 3 fields as in the header, found 2",
      "log.csv:3: found 4 fields, but the header has 3; a field holding a comma must be quoted",
      "log.csv:4:1: the deal id is empty",
      "log.csv:5:4: process 'direct' has no stage 'inquriy'; did you mean 'inquiry'?",
      "log.csv:6:12: bad timestamp: 'yesterday' is not a timestamp; expected YYYY-MM-DD or "
      "YYYY-MM-DDTHH:MM[:SS][Z], such as 2024-03-15T09:30:00Z",
  };
  EXPECT_EQ(r.errors, expected);
}

TEST(LoadersTest, AMissingEventColumnIsOneError) {
  LoadReport r;
  EXPECT_TRUE(
      loadEvents(csv("deal,stage,time\nD1,demo,2024-01-01\n"), sample(), "log.csv", r).empty());
  EXPECT_EQ(r.errors, (Errors{"log.csv:1: the header has no column 'timestamp'; an event log "
                              "needs the columns 'deal', 'stage' and 'timestamp' (and "
                              "optionally 'segment' and 'value')"}));
  EXPECT_EQ(r.rowsRejected, 1u);
}

TEST(LoadersTest, AnEventNamesItsDealsSegmentOnce) {
  Process p = sample();
  p.segments = {Segment{"small", "", 0.5, sample()}, Segment{"large", "", 0.5, sample()}};
  LoadReport r;
  std::vector<StageEvent> events =
      loadEvents(csv("deal,stage,timestamp,segment\nD1,demo,2024-01-01,large\n"
                     "D1,demo,2024-01-02,\nD1,demo,2024-01-03,small\nD2,demo,2024-01-01,huge\n"),
                 p, "log.csv", r);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].segment, std::optional<uint32_t>(1));
  EXPECT_EQ(events[1].segment, std::nullopt);
  EXPECT_EQ(r.errors,
            (Errors{"log.csv:4:20: deal 'D1' is in segment 'small' here but in 'large' on "
                    "line 2; a deal is in one segment",
                    "log.csv:5:20: deal 'D2' is in segment 'huge', which the process does "
                    "not have (its segments: 'small' and 'large')"}));
}

// Reading a log row by row (loadEventsCsv) gives what parsing the table and loading it
// gives: events, counts and messages, for good rows, bad rows, a bad header and no header.
TEST(LoadersTest, ReadingALogRowByRowEqualsLoadingItsTable) {
  Process p = sample();
  p.segments = {Segment{"small", "", 0.5, sample()}, Segment{"large", "", 0.5, sample()}};
  const char* logs[] = {
      "timestamp,deal,stage\n2024-03-01T09:00:00Z,D1,inquiry\n\n2024-03-03,\"D\"\"1\",demo\n",
      "deal,stage,timestamp,segment,value\nD1,inquiry\nD1,inquiry,2024-03-01,x,1\n"
      ",inquiry,2024-03-01\nD1,inquriy,2024-03-01\nD1,inquiry,yesterday\n"
      "D1,demo,2024-01-01,large,-3\nD1,demo,2024-01-02,small,\nD2,\"pro\nposal\",2024-01-01\n"
      "D3, signed ,2024-01-01,,\"12.5\"\r\n",
      "deal,stage,time\nD1,demo,2024-01-01\nD2,demo,2024-01-01\n",
      "deal,deal,stage,timestamp\nD1,D1,demo,2024-01-01\n",
      "",
      "\n \n",
  };
  for (const char* text : logs) {
    LoadReport table, rows;
    std::vector<StageEvent> expected = loadEvents(csv(text), p, "log.csv", table);
    llvm::Expected<std::vector<StageEvent>> got = loadEventsCsv(text, p, "log.csv", rows);
    ASSERT_TRUE(bool(got)) << llvm::toString(got.takeError());
    ASSERT_EQ(got->size(), expected.size()) << text;
    for (size_t i = 0; i < expected.size(); ++i) {
      const StageEvent &a = (*got)[i], &b = expected[i];
      EXPECT_EQ(std::tie(a.deal, a.state, a.time, a.line, a.segment, a.value),
                std::tie(b.deal, b.state, b.time, b.line, b.segment, b.value))
          << text;
    }
    EXPECT_EQ(rows.rowsRead, table.rowsRead) << text;
    EXPECT_EQ(rows.rowsRejected, table.rowsRejected) << text;
    EXPECT_EQ(rows.errors, table.errors) << text;
  }
  // A CSV error is the parser's, and leaves the report as it was.
  LoadReport r;
  llvm::Expected<std::vector<StageEvent>> bad =
      loadEventsCsv("deal,stage,timestamp\nD1,demo,2024-01-01\n\"D2,demo\n", p, "log.csv", r);
  ASSERT_FALSE(bool(bad));
  EXPECT_EQ(llvm::toString(bad.takeError()),
            "log.csv:3: a quoted field is not closed: the '\"' that ends it is missing");
  EXPECT_EQ(r.rowsRead, 0u);
  llvm::Expected<std::vector<StageEvent>> big =
      loadEventsCsv("deal,stage,timestamp\n", p, "log.csv", r, 10);
  ASSERT_FALSE(bool(big));
  EXPECT_EQ(llvm::toString(big.takeError()),
            "log.csv: the file is 1 MiB; salesc reads CSV files of up to 0 MiB");
}

// Rows of one day read its date once: a timestamp after another of the same day is still
// read and checked whole, with parseTimestamp's value and message, to the last bit.
TEST(LoadersTest, TimestampsOfOneDayReadAsParseTimestampReadsThem) {
  const Process p = sample();
  const std::vector<std::string> stamps = {
      "2024-03-01T09:00:00Z",      "2024-03-01T09:30:15.25+02:00",
      "2024-03-01T25:00",          "2024-03-01",
      "2024-03-01 23:59:59-05:30", "2024-03-01Tnoon",
      "2024-02-30T10:00",          "2024-02-30T11:00",
      "2024-03-01T08:00"};
  std::string text = "deal,stage,timestamp\n";
  for (const std::string& s : stamps)
    text += "D1,inquiry," + s + "\n";
  LoadReport r;
  llvm::Expected<std::vector<StageEvent>> got = loadEventsCsv(text, p, "log.csv", r);
  ASSERT_TRUE(bool(got)) << llvm::toString(got.takeError());
  Errors expectedErrors;
  std::vector<double> expectedTimes;
  for (size_t i = 0; i < stamps.size(); ++i) {
    llvm::Expected<double> t = parseTimestamp(stamps[i]);
    if (t)
      expectedTimes.push_back(*t);
    else
      expectedErrors.push_back("log.csv:" + std::to_string(i + 2) + // at "D1,inquiry,"
                               ":12: bad timestamp: " + llvm::toString(t.takeError()));
  }
  EXPECT_EQ(r.errors, expectedErrors);
  ASSERT_EQ(got->size(), expectedTimes.size());
  EXPECT_EQ(got->size(), 5u);
  for (size_t i = 0; i < expectedTimes.size(); ++i)
    EXPECT_EQ((*got)[i].time, expectedTimes[i]) << i;
}

} // namespace
} // namespace salesc::rt

namespace salesc::rt {
namespace {

// A log whose every row is rejected keeps the first MaxErrorsKept messages and counts the
// rest, read row by row and as a table alike; every row is still counted as rejected.
TEST(LoadersTest, ErrorsPastTheLimitAreCountedNotKept) {
  const size_t rows = LoadReport::MaxErrorsKept + 50;
  std::string text = "deal,stage,timestamp\n";
  for (size_t i = 0; i < rows; ++i)
    text += "d" + std::to_string(i) + ",nosuchstage,2024-01-01\n";
  const Process p = sample();
  LoadReport streamed;
  llvm::Expected<std::vector<StageEvent>> events = loadEventsCsv(text, p, "log.csv", streamed);
  ASSERT_TRUE(bool(events)) << llvm::toString(events.takeError());
  EXPECT_TRUE(events->empty());
  LoadReport tabled;
  loadEvents(csv(text), p, "log.csv", tabled);
  for (const LoadReport* r : {&streamed, &tabled}) {
    EXPECT_EQ(r->rowsRejected, rows);
    EXPECT_EQ(r->errors.size(), LoadReport::MaxErrorsKept);
    EXPECT_EQ(r->errorsNotKept, 50u);
    EXPECT_EQ(r->errors.back().substr(0, 13), "log.csv:10001");
  }
  // Merged, the counts add up and no more are kept.
  LoadReport merged;
  merged.takeErrors(streamed);
  merged.takeErrors(tabled);
  EXPECT_EQ(merged.errors.size(), LoadReport::MaxErrorsKept);
  EXPECT_EQ(merged.errorsNotKept, LoadReport::MaxErrorsKept + 100);
  EXPECT_TRUE(streamed.errors.empty());
}

} // namespace
} // namespace salesc::rt
