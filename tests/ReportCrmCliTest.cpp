//===- ReportCrmCliTest.cpp - salesc report reading CRM exports and overdue deals ===//
#include "CliFixture.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"

#include <gtest/gtest.h>

namespace {

using salesc::testing::CliFixture;
using salesc::testing::RunResult;
using salesc::testing::slurp;

using ReportCrmCli = CliFixture;

const std::string Quickstart = SALESC_SOURCE_DIR "/examples/quickstart.sales";
const std::string Deals = SALESC_SOURCE_DIR "/examples/data/quickstart-pipeline.csv";
const std::string Log = SALESC_SOURCE_DIR "/examples/data/quickstart-events.csv";

/// "rep_call" as a CRM shows it: "Rep Call".
std::string label(llvm::StringRef name) {
  std::string out;
  bool start = true;
  for (char c : name) {
    out += c == '_' ? ' ' : start ? llvm::toUpper(c) : c;
    start = c == '_';
  }
  return out;
}

/// "2026-01-05T21:32:16" (or a bare date) as Salesforce's UK exports write it, day first:
/// "05/01/2026 21:32".
std::string dayFirst(llvm::StringRef iso) {
  auto [date, time] = iso.split('T');
  std::string out = (date.substr(8, 2) + "/" + date.substr(5, 2) + "/" + date.substr(0, 4)).str();
  return time.empty() ? out + " 00:00" : out + " " + time.take_front(5).str();
}

/// "9000" as an amount in a CRM's export: "9,000.00".
std::string amount(llvm::StringRef plain) {
  if (plain.empty())
    return "";
  std::string digits = plain.str(), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out + ".00";
}

/// The rows of a plain CSV (after the header), each split at its commas (the examples'
/// files quote nothing); they point into `text`.
std::vector<llvm::SmallVector<llvm::StringRef, 4>> rows(const std::string& text) {
  std::vector<llvm::SmallVector<llvm::StringRef, 4>> out;
  llvm::SmallVector<llvm::StringRef, 64> lines;
  llvm::StringRef(text).split(lines, '\n', -1, false);
  for (size_t i = 1; i < lines.size(); ++i) {
    out.emplace_back();
    lines[i].split(out.back(), ',', -1, true);
  }
  return out;
}

/// The <section id="ID"> of `page`, the paths of its source files replaced by FILE.
std::string sectionOf(const std::string& page, const std::string& id,
                      std::initializer_list<std::string> sources) {
  const size_t start = page.find("<section id=\"" + id + "\">");
  if (start == std::string::npos)
    return "<no section " + id + ">";
  std::string s = page.substr(start, page.find("</section>", start) - start);
  for (const std::string& path : sources)
    for (size_t at = s.find(path); at != std::string::npos; at = s.find(path, at))
      s.replace(at, path.size(), "FILE");
  return s;
}

// The example's pipeline and stage history exported from Salesforce (labels, day-first dates,
// amounts with separators, every value quoted) give the report the plain CSVs give: the same
// forecast and conformance sections, charts included.
TEST_F(ReportCrmCli, ASalesforceExportGivesTheSectionsOfItsPlainCsv) {
  const std::string dealsText = slurp(Deals), logText = slurp(Log); // rows() points into them
  std::string opportunities = "\"Id\",\"StageName\",\"LastStageChangeDate\",\"Amount\"\n";
  for (const auto& r : rows(dealsText))
    opportunities += "\"" + r[0].str() + "\",\"" + label(r[1]) + "\",\"" + dayFirst(r[2]) +
                     "\",\"" + amount(r.size() > 3 ? r[3] : "") + "\"\n";
  std::string history = "\"Id\",\"OpportunityId\",\"CreatedDate\",\"StageName\"\n";
  for (const auto& r : rows(logText))
    history += "\"h\",\"" + r[0].str() + "\",\"" + dayFirst(r[2]) + "\",\"" + label(r[1]) + "\"\n";
  // The plain files with their times cut to the minute, as the export has them.
  std::string plainLog = "deal,stage,timestamp\n";
  for (const auto& r : rows(logText))
    plainLog += (r[0] + "," + r[1] + "," + r[2].take_front(16)).str() + "\n";
  const std::string sfDeals = write("sf/deals.csv", opportunities);
  const std::string sfLog = write("sf/log.csv", history);
  const std::string plainLogPath = write("plain/log.csv", plainLog);

  const std::string plainOut = std::string(dir_) + "/plain-report";
  const std::string sfOut = std::string(dir_) + "/sf-report";
  RunResult plain = run({"report", Quickstart, "-o", plainOut, "--as-of", "2026-11-30",
                         "--pipeline", Deals, "--events", plainLogPath});
  ASSERT_EQ(plain.status, 0) << plain.err;
  RunResult sf = run({"report", Quickstart, "-o", sfOut, "--as-of", "2026-11-30",
                      "--from=salesforce", "--pipeline", sfDeals, "--events", sfLog});
  ASSERT_EQ(sf.status, 0) << sf.err;
  EXPECT_NE(sf.err.find("deals.csv: read 40 rows, rejected 0"), std::string::npos) << sf.err;
  EXPECT_NE(sf.err.find("log.csv: read 913 rows, rejected 0"), std::string::npos) << sf.err;

  const std::string a = slurp(plainOut + "/direct_consulting.html");
  const std::string b = slurp(sfOut + "/direct_consulting.html");
  for (const char* id : {"pipeline", "observed"}) {
    const std::string fromPlain = sectionOf(a, id, {Deals, plainLogPath});
    EXPECT_NE(fromPlain.find("data-chart=\"chart-"), std::string::npos) << fromPlain;
    EXPECT_EQ(fromPlain, sectionOf(b, id, {sfDeals, sfLog})) << id;
  }
}

// A mistake in the map stops the report with its place before anything is written: a new
// folder is not created and an old report is left as it was.
TEST_F(ReportCrmCli, AMapMistakeStopsTheReportWithItsPlace) {
  const std::string out = std::string(dir_) + "/report";
  ASSERT_EQ(run({"report", Quickstart, "-o", out, "--quiet"}).status, 0);
  const std::string before = slurp(out + "/direct_consulting.html");
  const std::string map = write("map.yaml", "columns:\n  deal: Id\n  stgae: Stage\n");
  for (const std::string& folder : {out, std::string(dir_) + "/new"}) {
    RunResult r = run({"report", Quickstart, "-o", folder, "--map", map, "--pipeline", Deals,
                       "--as-of", "2026-11-30"});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("map.yaml:3:3: unknown setting 'stgae' in 'columns'; did you mean "
                         "'stage'?"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("nothing was written to '" + folder + "'"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(slurp(out + "/direct_consulting.html"), before);
  EXPECT_FALSE(llvm::sys::fs::exists(std::string(dir_) + "/new"));
  RunResult preset = run({"report", Quickstart, "-o", out, "--from=sugarcrm", "--events", Log});
  EXPECT_EQ(preset.status, 2);
  EXPECT_NE(preset.err.find("--from: there is no preset 'sugarcrm'"), std::string::npos)
      << preset.err;
}

// --from and --map read an export of --pipeline or --events against one process.
TEST_F(ReportCrmCli, AnExportNeedsItsFileAndOneProcess) {
  const std::string out = std::string(dir_) + "/report";
  RunResult alone = run({"report", Quickstart, "-o", out, "--from=salesforce"});
  EXPECT_EQ(alone.status, 2);
  EXPECT_NE(alone.err.find("--from reads the CRM export of --pipeline or --events; give one of "
                           "them"),
            std::string::npos)
      << alone.err;
  RunResult several = run({"report", SALESC_SOURCE_DIR "/examples/saas_multichannel.sales", "-o",
                           out, "--from=hubspot", "--pipeline", Deals});
  EXPECT_EQ(several.status, 2);
  EXPECT_NE(several.err.find("--from reads a CRM export against one process, and the files "
                             "have 3 ('online_team', 'online_enterprise', 'partner_enterprise')"),
            std::string::npos)
      << several.err;
  EXPECT_FALSE(llvm::sys::fs::exists(out));
}

// The overdue deals beside the stalled ones: the share of the weighted pipeline in the
// headline, each deal with its stage's maximum time in the unit the process states it.
TEST_F(ReportCrmCli, TheForecastListsTheOverdueDeals) {
  const std::string out = std::string(dir_) + "/report";
  RunResult r =
      run({"report", Quickstart, "-o", out, "--pipeline", Deals, "--as-of", "2026-11-30"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string page = slurp(out + "/direct_consulting.html");
  // As `salesc forecast` says it: 32 of 40 deals, 80,211.52 USD or 59.4% of the weighted
  // pipeline; P0012 (proposal, 1 to 3 weeks) 36 days in, 8,000 USD or 5.93%.
  for (const char* part :
       {"<div class=\"label\">Overdue</div><div class=\"value\">59.4%</div>",
        "of the weighted pipeline: 80,212 USD in 32 of 40 deals past their stage&#39;s maximum "
        "time",
        "<h3>Overdue deals</h3>", "docs/cli.md#overdue-deals",
        "<tr><td>P0012</td><td>proposal</td><td class=\"num\">36 days</td><td class=\"num\">3 "
        "weeks</td><td class=\"num\">8,000 USD</td><td class=\"num\">5.93%</td></tr>",
        "<td>P0034</td><td>rep call</td><td class=\"num\">32 days</td><td class=\"num\">7 "
        "days</td>",
        "<h3>Stalled deals</h3>"})
    EXPECT_NE(page.find(part), std::string::npos) << part;
  // Before the stall limits' table, largest share first.
  EXPECT_LT(page.find("<h3>Overdue deals</h3>"), page.find("<h3>Stalled deals</h3>"));
  EXPECT_LT(page.find("<td>P0012</td>"), page.find("<td>P0006</td>"));
}

} // namespace
