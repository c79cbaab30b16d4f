//===- CrmLabelsCliTest.cpp - Exports read through the process's CRM labels ===//
//
// examples/quickstart.sales gives its stages and outcomes the default labels of each CRM
// (`crm "..."`). For each preset, an export of one known history written with that CRM's
// labels: `--from` alone reads it through those labels, and gives the report a `stages:`
// map gives for the same process without them; without labels or map the export is
// refused (so the labels are what reads it).
//
//===----------------------------------------------------------------------===//
#include "CliFixture.h"

#include <array>
#include <gtest/gtest.h>
#include <regex>

namespace {

using salesc::testing::CliFixture;
using salesc::testing::RunResult;
using salesc::testing::slurp;

const std::string Quickstart = SALESC_SOURCE_DIR "/examples/quickstart.sales";

/// The stages and outcomes of the quickstart, in the order of Preset::labels.
const std::array<const char*, 6> States = {"inquiry",  "rep_call", "demo",
                                           "proposal", "signed",   "lost"};

struct Preset {
  const char* name;
  std::array<const char*, 6> labels; ///< the CRM's label of each of States
};

const Preset Presets[] = {
    {"salesforce",
     {"Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Closed Won",
      "Closed Lost"}},
    {"hubspot",
     {"Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled", "Contract Sent",
      "Closed Won", "Closed Lost"}},
    {"pipedrive", {"Lead In", "Contact Made", "Demo Scheduled", "Proposal Made", "Won", "Lost"}},
    {"dynamics", {"Qualify", "Develop", "Needs Analysis", "Propose", "Won", "Lost"}},
    {"zoho",
     {"Inquiry", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Closed Won",
      "Closed-Lost to Competition"}},
};

/// One deal's visits: the index in States of each state entered, and when.
struct Visit {
  size_t state;
  const char* when;
};

/// Ten deals: all enter inquiry; six go on to rep_call, three to demo, two to proposal and
/// one wins; every other one is lost at the next step.
std::vector<std::vector<Visit>> history() {
  const char* dates[] = {"2026-01-01 09:00", "2026-01-03 09:00", "2026-01-10 09:00",
                         "2026-01-20 09:00", "2026-02-01 09:00"};
  const size_t reach[] = {10, 6, 3, 2, 1}; // deals that enter inquiry, rep_call, ... signed
  std::vector<std::vector<Visit>> deals(10);
  for (size_t d = 0; d < 10; ++d)
    for (size_t step = 0; step < 5; ++step) {
      if (d < reach[step]) {
        deals[d].push_back({step, dates[step]});
        continue;
      }
      deals[d].push_back({5, dates[step]}); // lost at this step
      break;
    }
  return deals;
}

/// The history as the preset's stage-history export.
std::string exportOf(const Preset& p) {
  const std::string name = p.name;
  std::string out;
  auto row = [&](size_t deal, const Visit& v) {
    const std::string id = "D" + std::to_string(deal), label = p.labels[v.state];
    if (name == "salesforce")
      out += id + ",\"" + label + "\"," + v.when + "\n";
    else if (name == "pipedrive")
      out += id + ",,\"" + label + "\"," + v.when + "\n";
    else
      out += id + ",\"" + label + "\"," + v.when + "\n";
  };
  if (name == "hubspot") { // wide: a 'Date entered' column per stage
    out = "Record ID,Pipeline";
    for (const char* label : p.labels)
      out += std::string(",Date entered \"") + label + " (Sales Pipeline)\"";
    out += "\n";
    std::vector<std::vector<Visit>> deals = history();
    for (size_t d = 0; d < deals.size(); ++d) {
      std::array<std::string, 6> cells;
      for (const Visit& v : deals[d])
        cells[v.state] = v.when;
      out += std::to_string(d) + ",Sales Pipeline";
      for (const std::string& c : cells)
        out += "," + c;
      out += "\n";
    }
    return out;
  }
  out = name == "salesforce"  ? "OpportunityId,StageName,CreatedDate\n"
        : name == "pipedrive" ? "deal_id,old_stage,new_stage,log_time\n"
        : name == "dynamics"  ? "opportunityid,stagename,changedon\n"
                              : "Parent_Id,Stage,Modified_Time\n";
  std::vector<std::vector<Visit>> deals = history();
  for (size_t d = 0; d < deals.size(); ++d)
    for (const Visit& v : deals[d])
      row(d, v);
  return out;
}

/// The quickstart without its CRM labels: its `crm` lines and outcome clauses removed.
std::string withoutLabels(const std::string& source) {
  std::string out = std::regex_replace(source, std::regex("\\n *crm \"[^\\n]*;"), "");
  out = std::regex_replace(out, std::regex(" crm \"[^;\\n]*;"), ";");
  return out;
}

class CrmLabels : public CliFixture {};

TEST_F(CrmLabels, EachPresetReadsItsExportThroughTheLabelsAsThroughAMap) {
  const std::string labelled = slurp(Quickstart);
  const std::string plain = withoutLabels(labelled);
  ASSERT_EQ(plain.find("crm \""), std::string::npos) << plain;
  ASSERT_NE(plain, labelled);
  const std::string plainFile = write("plain.sales", plain);
  for (const Preset& p : Presets) {
    SCOPED_TRACE(p.name);
    const std::string from = std::string("--from=") + p.name;
    const std::string csv = write(std::string(p.name) + ".csv", exportOf(p));
    std::string map = "stages:\n";
    for (size_t i = 0; i < States.size(); ++i)
      map += std::string("  \"") + p.labels[i] + "\": " + States[i] + "\n";
    const std::string mapFile = write(std::string(p.name) + ".yaml", map);

    RunResult byLabels =
        run({"conform", "--format=json", "--as-of=2026-03-01", from, "--events", csv, Quickstart});
    RunResult byMap = run({"conform", "--format=json", "--as-of=2026-03-01", from, "--map", mapFile,
                           "--events", csv, plainFile});
    ASSERT_EQ(byLabels.status, 0) << byLabels.err;
    ASSERT_EQ(byMap.status, 0) << byMap.err;
    EXPECT_EQ(byLabels.out, byMap.out);
    EXPECT_NE(byLabels.out.find("\"rows_rejected\": 0"), std::string::npos) << byLabels.out;
    EXPECT_NE(byLabels.err.find("rejected 0"), std::string::npos) << byLabels.err;

    RunResult neither = run({"conform", "--as-of=2026-03-01", from, "--events", csv, plainFile});
    EXPECT_EQ(neither.status, 1) << neither.out;
    EXPECT_NE(neither.err.find("matches no stage or outcome"), std::string::npos) << neither.err;
  }
}

/// `utf8` (ASCII and two-byte sequences only) as UTF-16 little-endian with a byte order
/// mark, or as Windows-1252 (Latin-1 there).
std::string reencoded(const std::string& utf8, bool utf16) {
  std::string out = utf16 ? "\xFF\xFE" : "";
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0xC0) // a two-byte sequence
      c = ((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
    out += static_cast<char>(c & 0xFF);
    if (utf16)
      out += static_cast<char>(c >> 8);
  }
  return out;
}

// Excel saves an export as "Unicode text" (UTF-16 with tabs) or, on Western Windows, as
// Windows-1252; Salesforce's Data Loader writes Windows-1252. Each reads as its UTF-8
// original does (a label with an accent included), with a note that says how it was read.
TEST_F(CrmLabels, ExcelsEncodingsReadAsTheUtf8Export) {
  const std::string utf8 = exportOf(Presets[0]) + "D9,N\xC3\xA9gociation,2026-01-05 09:00\n";
  const std::string tabs = std::regex_replace(utf8, std::regex(","), "\t");
  auto conform = [&](const std::string& name, const std::string& bytes) {
    return run({"conform", "--format=json", "--as-of=2026-03-01", "--from=salesforce", "--events",
                write(name, bytes), Quickstart});
  };
  const std::string unknown = "the label 'N\xC3\xA9gociation' (1 row) matches no stage";
  RunResult original = conform("utf8.csv", utf8);
  ASSERT_EQ(original.status, 1) << original.err;
  ASSERT_NE(original.err.find(unknown), std::string::npos) << original.err;
  for (bool utf16 : {true, false}) {
    SCOPED_TRACE(utf16);
    const std::string name = utf16 ? "unicode.txt" : "western.csv";
    RunResult r = conform(name, reencoded(utf16 ? tabs : utf8, utf16));
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(r.out, std::regex_replace(original.out, std::regex("utf8\\.csv"), name));
    EXPECT_NE(r.err.find(unknown), std::string::npos) << r.err;
    EXPECT_NE(
        r.err.find(name + ": read as " +
                   (utf16 ? "UTF-16 (little-endian)" : "Windows-1252 (it is not valid UTF-8)")),
        std::string::npos)
        << r.err;
  }
}

// A stage label the export misspells: its rows are counted, and the "did you mean" names
// the label of the process it is closest to.
TEST_F(CrmLabels, AMisspelledLabelIsSuggestedTheProcessesLabel) {
  RunResult r = run({"conform", "--as-of=2026-03-01", "--from=salesforce", "--events",
                     write("h.csv", "OpportunityId,StageName,CreatedDate\n"
                                    "A,Prospecting,2026-01-01\nA,Qualifcation,2026-01-02\n"
                                    "B,Prospecting,2026-01-01\nB,Qualifcation,2026-01-03\n"),
                     Quickstart});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("h.csv:3:3: the label 'Qualifcation' (2 rows) matches no stage or "
                       "outcome of process 'direct_consulting'; did you mean 'Qualification' "
                       "(stage 'rep_call')? Else map it to one in 'stages:' of a mapping file "
                       "(--map)"),
            std::string::npos)
      << r.err;
}

// The map's `stages:` come before the labels: a map entry sends 'Needs Analysis' to
// rep_call for this export although the process labels demo with it.
TEST_F(CrmLabels, TheMapComesBeforeTheLabels) {
  const std::string csv = write("h.csv", "OpportunityId,StageName,CreatedDate\n"
                                         "A,Prospecting,2026-01-01\n"
                                         "A,Needs Analysis,2026-01-02\n");
  RunResult mapped =
      run({"conform", "--format=json", "--as-of=2026-03-01", "--from=salesforce", "--map",
           write("m.yaml", "stages:\n  Needs Analysis: rep_call\n"), "--events", csv, Quickstart});
  RunResult plain =
      run({"conform", "--format=json", "--as-of=2026-03-01", "--events",
           write("p.csv", "deal,stage,timestamp\nA,inquiry,2026-01-01\nA,rep_call,2026-01-02\n"),
           Quickstart});
  ASSERT_EQ(mapped.status, 0) << mapped.err;
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(mapped.out, plain.out);
}

} // namespace
