//===- ExportFooterTest.cpp - Tests of a report's footer and of report exports --===//
//
// Salesforce's "Opportunity History" report as its UI exports it: every value quoted,
// month-first dates with AM/PM, amounts with an ISO code, no Opportunity ID, and a footer
// after a blank line. What is a footer and what stays a rejected row.
//
//===----------------------------------------------------------------------===//
#include "ExportFooter.h"

#include "salesc/runtime/ExportMapping.h"
#include "salesc/runtime/Loaders.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;
using Errors = std::vector<std::string>;

/// qualification -> demo -> signed (won), or lost; "Demo Scheduled" is demo's CRM label.
Process sample() {
  Process p;
  p.name = "direct";
  addStage(p, "qualification", {1, 2, 3});
  addStage(p, "demo", {7, 10, 14});
  addWon(p, "signed");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.6);
  addEdge(p, 0, 3, 0.4);
  addEdge(p, 1, 2, 0.5);
  addEdge(p, 1, 3, 0.5);
  p.states[1].crmLabels = {"Demo Scheduled"};
  return p;
}

/// What reading an export row by row gave: its events as "deal state YYYY-MM-DD", what
/// was rejected, the notes; and that reshaping it into a table then loading gives the same.
struct Read {
  std::vector<std::string> events;
  LoadReport report;
  std::vector<std::string> notes;
};

Read read(llvm::StringRef text, const ExportMapping& m) {
  const Process p = sample();
  Read r;
  ReshapeNotes notes;
  llvm::Expected<std::vector<StageEvent>> es =
      loadExportEvents(text, m, p, "report.csv", r.report, notes);
  if (!es) {
    ADD_FAILURE() << llvm::toString(es.takeError());
    return r;
  }
  for (const StageEvent& e : *es)
    r.events.push_back(e.deal + " " + p.states[e.state].name + " " + formatDate(e.time));
  r.notes = notes.notes;
  // The table path (forecast --events, report) says the same.
  LoadReport tableReport;
  ReshapeNotes tableNotes;
  llvm::Expected<CsvTable> t =
      reshapeExport(text, m, p, ExportKind::Events, "report.csv", tableReport, tableNotes);
  if (!t) {
    ADD_FAILURE() << llvm::toString(t.takeError());
    return r;
  }
  std::vector<StageEvent> loaded = loadEvents(*t, p, "report.csv", tableReport);
  EXPECT_EQ(loaded.size(), es->size());
  EXPECT_EQ(tableReport.errors, r.report.errors);
  EXPECT_EQ(tableNotes.notes, r.notes);
  return r;
}

ExportMapping salesforce() {
  std::optional<ExportMapping> m = exportPreset("salesforce", ExportKind::Events);
  EXPECT_TRUE(m);
  return m.value_or(ExportMapping{});
}

const char* const Header =
    "\"Opportunity Name\",\"Opportunity Owner\",\"From Stage\",\"To Stage\",\"Stage "
    "Duration\",\"Last Modified\",\"Last Modified By\",\"Amount\",\"Probability (%)\","
    "\"Close Date\"\n";

/// A row of the report: its name, stages, when and amount, the rest as Salesforce fills it.
std::string row(const char* name, const char* from, const char* to, const char* when,
                const char* amount) {
  return std::string("\"") + name + "\",\"Jo Smith\",\"" + from + "\",\"" + to + "\",\"3\",\"" +
         when + "\",\"Jo Smith\",\"" + amount + "\",\"30%\",\"4/30/2026\"\n";
}

const char* const Confidential = "\"Confidential Information - Do Not Distribute\"\n";
const char* const Copyright =
    "\"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.\"\n";

// The report goes in with --from=salesforce alone: `To Stage` entered at `Last Modified`
// (the time of that change), deals told apart by name, the footer skipped with a note.
TEST(ExportFooterTest, SalesforceOpportunityHistoryReport) {
  const std::string text =
      std::string(Header) +
      row("Acme Renewal", "", "Qualification", "12/03/2025 10:15 AM", "USD 12,000.00") +
      row("Acme Renewal", "Qualification", "Demo Scheduled", "12/08/2025 2:40 PM",
          "USD 12,000.00") +
      row("Acme Renewal", "Demo Scheduled", "Closed Won", "12/20/2025 9:05 AM", "USD 14,500.00") +
      row("Globex, Inc. Expansion", "", "Qualification", "12/05/2025 11:00 AM", "USD 800.00") +
      row("Globex, Inc. Expansion", "Qualification", "Closed Lost", "12/15/2025 4:30 PM",
          "USD 800.00") +
      "\n" + Confidential + Copyright + "\"Grand Totals (5 records)\"\n";
  Read r = read(text, salesforce());
  EXPECT_EQ(r.report.errors, Errors{});
  EXPECT_EQ(r.report.rowsRead, 5u);
  EXPECT_EQ(r.report.rowsRejected, 0u);
  EXPECT_EQ(r.events, (std::vector<std::string>{"Acme Renewal qualification 2025-12-03",
                                                "Acme Renewal demo 2025-12-08",
                                                "Acme Renewal signed 2025-12-20",
                                                "Globex, Inc. Expansion qualification 2025-12-05",
                                                "Globex, Inc. Expansion lost 2025-12-15"}));
  EXPECT_EQ(r.notes,
            (Errors{"report.csv: deals are told apart by their name, column 'Opportunity Name', "
                    "as the export has no 'OpportunityId' or 'Opportunity ID': two deals with "
                    "one name are read as one deal; add the deal's id to the export to tell "
                    "them apart",
                    "report.csv:8: skipped the report's footer after the rows (3 lines: "
                    "'Confidential Information - Do Not Distribute', 'Copyright (c) 2000-2025 "
                    "salesforce.com, inc. All rights reserved.', 'Grand Totals (5 records)'); it "
                    "is not data"}));
}

// A report whose time column holds each deal's last change, not each stage change's:
// every row of a deal carries one time. Nine in ten such rows (of ten or more) are noted;
// a history with times that differ is not.
TEST(ExportFooterTest, RowsOfADealThatShareOneTimeAreNoted) {
  // `quoted`: names holding a doubled quote, which the reader copies out of the file.
  auto report = [](bool sameTime, bool quoted = false) {
    std::string text = Header;
    for (int d = 0; d < 5; ++d) {
      const std::string name = (quoted ? "Deal \"\"" : "Deal ") + std::to_string(d);
      text += row(name.c_str(), "", "Qualification", "12/13/2025 10:15 AM", "USD 1.00");
      text += row(name.c_str(), "Qualification", "Demo Scheduled",
                  sameTime ? "12/13/2025 10:15 AM" : "12/15/2025 10:15 AM", "USD 1.00");
      text += row(name.c_str(), "Demo Scheduled", "Closed Won",
                  sameTime ? "12/13/2025 10:15 AM" : "12/19/2025 10:15 AM", "USD 1.00");
    }
    return read(text, salesforce());
  };
  Read same = report(true);
  EXPECT_EQ(same.report.rowsRejected, 0u);
  ASSERT_EQ(same.notes.size(), 2u) << llvm::join(same.notes, "\n");
  EXPECT_EQ(same.notes.back(),
            "report.csv: 10 of the 10 rows that follow a row of the same deal carry that row's "
            "very time (column 'Last Modified'): the stages would take no time; if the column "
            "holds the deal's last change rather than each stage change's, export the time of "
            "each change");
  EXPECT_EQ(report(true, true).notes.back(), same.notes.back());
  Read differ = report(false);
  EXPECT_EQ(differ.notes.size(), 1u) << llvm::join(differ.notes, "\n"); // deals by name only
}

// With the Opportunity ID column added to the report, deals are told apart by it (no
// note); a footer written with blank records between its lines (`""`), CRLF line ends and
// a count with a thousands separator is a footer too, and a count that is not the rows'
// is a note naming both.
TEST(ExportFooterTest, TheFootersCountIsCheckedAgainstTheRows) {
  std::string text = "\"Opportunity ID\"," + std::string(Header);
  text += "\"006A\"," + row("Acme", "", "Qualification", "03/12/2025 10:15", "£12,000.00");
  text += "\"006B\"," + row("Acme", "", "Qualification", "13/12/2025 10:15", "£1,000.00");
  text += "\"\"\n\"\"\n" + std::string(Confidential) + "\"\"\n" + Copyright +
          "\"\"\n\"Grand Totals (1,002 records)\"\n";
  std::string crlf;
  for (char c : text)
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Read r = read(crlf, salesforce());
  EXPECT_EQ(r.report.errors, Errors{});
  EXPECT_EQ(r.events, (std::vector<std::string>{"006A qualification 2025-12-03",
                                                "006B qualification 2025-12-13"}));
  EXPECT_EQ(r.notes,
            (Errors{"report.csv:6: skipped the report's footer after the rows (3 lines: "
                    "'Confidential Information - Do Not Distribute', 'Copyright (c) 2000-2025 "
                    "salesforce.com, inc. All rights reserved.', 'Grand Totals (1,002 records)'); "
                    "it is not data",
                    "report.csv: the footer counts 1002 records but the file has 2 rows: it may "
                    "be cut short or edited; export the report again"}));
}

// Only trailing rows after a blank line, each filling its first field only, are a footer:
// anything else is read as rows and rejected as it always was, never dropped.
TEST(ExportFooterTest, RowsThatAreNotAFooterAreStillRejected) {
  const std::string data =
      std::string(Header) + row("Acme", "", "Qualification", "12/03/2025 10:15 AM", "$1.00");
  struct Case {
    const char* what;
    std::string tail;
    Errors errors;
    unsigned rows;   ///< read
    unsigned events; ///< kept
  };
  // A one-field row has no stage field: its line only.
  const std::vector<Case> cases = {
      {"no blank line before it", Confidential, {"report.csv:3: the stage is empty"}, 2, 1},
      {"data after it",
       "\n" + std::string(Confidential) +
           row("Acme", "", "Demo Scheduled", "12/04/2025 10:15 AM", "$1.00"),
       {"report.csv:4: the stage is empty"},
       3,
       2},
      {"two fields filled",
       "\n\"Grand Totals (1 records)\",\"\",\"\",\"\",\"\",\"\",\"\",\"$1.00\"\n",
       {"report.csv:4:34: the stage is empty"},
       2,
       1},
      {"blank records only", "\"\",\"\"\n", {"report.csv:3:1: the deal id is empty"}, 2, 1},
  };
  for (const Case& c : cases) {
    Read r = read(data + c.tail, salesforce());
    EXPECT_EQ(r.report.errors, c.errors) << c.what;
    EXPECT_EQ(r.report.rowsRead, c.rows) << c.what;
    EXPECT_EQ(r.report.rowsRejected, 1u) << c.what;
    EXPECT_EQ(r.events.size(), c.events) << c.what;
    for (const std::string& note : r.notes)
      EXPECT_EQ(note.find("footer"), std::string::npos) << c.what << ": " << note;
  }
}

// Any mapped read skips a footer, not only a preset's (a Zoho or Dynamics report may end
// so too); a long footer is quoted in part.
TEST(ExportFooterTest, AMapsReadSkipsAFooterToo) {
  llvm::Expected<ExportMapping> m = readExportMapping(
      "columns: {deal: Deal, stage: Stage, timestamp: When}\ndelimiter: \";\"\n", "map.yaml");
  ASSERT_TRUE(bool(m)) << llvm::toString(m.takeError());
  Read r = read("Deal;Stage;When\nA;Qualification;2025-12-01\n\n;;\nTotal;;\nRows: 1\n"
                "Filter: none\nRun by: Sam\nPage 1 of 1\n",
                *m);
  EXPECT_EQ(r.report.errors, Errors{});
  EXPECT_EQ(r.events, std::vector<std::string>{"A qualification 2025-12-01"});
  EXPECT_EQ(r.notes, Errors{"report.csv:5: skipped the report's footer after the rows (5 lines: "
                            "'Total', 'Rows: 1', 'Filter: none', 'Run by: Sam', ...); it is not "
                            "data"});
}

// An export without a column it needs rejects every row, and counts no footer line.
TEST(ExportFooterTest, AnExportWithoutItsColumnsCountsNoFooterLine) {
  const std::string text = "\"Opportunity Name\",\"Stage\",\"Last Modified\"\n"
                           "\"Acme\",\"Qualification\",\"12/03/2025 10:15 AM\"\n\n" +
                           std::string(Confidential) + "\"Grand Totals (1 record)\"\n";
  Read r = read(text, salesforce());
  EXPECT_EQ(r.report.rowsRead, 1u);
  EXPECT_EQ(r.report.rowsRejected, 1u);
  ASSERT_EQ(r.report.errors.size(), 1u);
  EXPECT_EQ(r.report.errors[0].find("report.csv:1: the header has no stage column"), 0u)
      << r.report.errors[0];
}

TEST(ExportFooterTest, GrandTotalsLine) {
  EXPECT_EQ(grandTotalRecords("Grand Totals (12 records)"), 12u);
  EXPECT_EQ(grandTotalRecords("grand totals (1 record)"), 1u);
  EXPECT_EQ(grandTotalRecords("Grand Totals (1.234.567 records)"), 1234567u);
  EXPECT_EQ(grandTotalRecords("Grand Totals"), std::nullopt);
  EXPECT_EQ(grandTotalRecords("Grand Totals (twelve records)"), std::nullopt);
  EXPECT_EQ(grandTotalRecords("Confidential Information - Do Not Distribute"), std::nullopt);
}

} // namespace
} // namespace salesc::rt
