//===- CalibrateCliTest.cpp - `salesc calibrate` against hand-worked figures ===//
//
// The shares with their Jeffreys intervals and the Kaplan-Meier times on a small log
// worked by hand; the JSON's shape; and --diff and --write on a larger one: the edited
// file checks with no diagnostic, keeps its comments and layout, and no stage states more
// than 100%.
//
//===----------------------------------------------------------------------===//
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Regex.h"

#include "CliFixture.h"

#include <cmath>
#include <gtest/gtest.h>

namespace {

using salesc::testing::CliFixture;
using salesc::testing::RunResult;
using salesc::testing::slurp;

const std::string Small = "process p \"Calibrated by hand\" {\n"
                          "  value 1000 USD;\n"
                          "  start a;\n"
                          "  stage a \"First\" {\n"
                          "    time 1 to 3 days;\n"
                          "    next b 50%;\n"
                          "  }\n"
                          "  stage b \"Second\" {\n"
                          "    time 2 to 6 days typical 4 days;\n"
                          "    next won 50%;\n"
                          "  }\n"
                          "  won won \"Signs\";\n"
                          "  lost lost \"Does not buy\";\n"
                          "}\n";

/// Ten deals leave a after 1, 2, 2, 3, 4, 5, 6, 7, 8 and 9 days; those of 2 (the second),
/// 5 and 8 days go on to b, the others are lost. Two more are open in a on the as-of
/// date (2026-02-01), for 3 and 10 days. In b: 2 days then won, 4 days then lost, and
/// one open since 2026-01-09.
std::string smallLog() {
  const int days[] = {1, 2, 2, 3, 4, 5, 6, 7, 8, 9};
  std::string log = "deal,stage,timestamp\n";
  for (int i = 0; i < 10; ++i) {
    const std::string d = "a" + std::to_string(i);
    const std::string left = "2026-01-0" + std::to_string(1 + days[i]);
    log += d + ",a,2026-01-01T00:00\n";
    const bool on = i == 2 || i == 5 || i == 8;
    log += d + (on ? ",b," : ",lost,") + (days[i] == 9 ? "2026-01-10" : left) + "\n";
  }
  log += "a2,won,2026-01-05\na5,lost,2026-01-10\n";
  log += "o1,a,2026-01-29\no2,a,2026-01-22\n";
  return log;
}

class CalibrateCli : public CliFixture {
protected:
  llvm::json::Object json(const RunResult& r) {
    llvm::Expected<llvm::json::Value> doc = llvm::json::parse(r.out);
    EXPECT_TRUE(bool(doc)) << r.out << r.err;
    if (!doc || !doc->getAsObject())
      return {};
    return *doc->getAsObject();
  }
};

const llvm::json::Object* edge(const llvm::json::Object& doc, llvm::StringRef from,
                               llvm::StringRef to) {
  for (const llvm::json::Value& e : *doc.getArray("edges"))
    if (*e.getAsObject()->getString("from") == from && *e.getAsObject()->getString("to") == to)
      return e.getAsObject();
  return nullptr;
}

double num(const llvm::json::Object& o, llvm::StringRef key) {
  auto v = o.getNumber(key);
  return v ? *v : -1e300;
}

TEST_F(CalibrateCli, SharesAndTimesOfAHandWorkedLog) {
  RunResult r = run({"calibrate", "--format=json", "--as-of=2026-02-01", "--events",
                     write("log.csv", smallLog()), write("p.sales", Small)});
  ASSERT_EQ(r.status, 0) << r.err;
  llvm::json::Object doc = json(r);
  // The document has exactly the keys the issue asks for.
  EXPECT_EQ(doc.size(), 2u);
  ASSERT_TRUE(doc.getArray("edges") && doc.getArray("stages")) << r.out;
  for (const llvm::json::Value& e : *doc.getArray("edges")) {
    std::vector<std::string> keys;
    for (const auto& kv : *e.getAsObject())
      keys.push_back(kv.first.str());
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(llvm::join(keys, ","), "count,estimate,from,high,low,stated,to");
  }
  for (const llvm::json::Value& s : *doc.getArray("stages")) {
    std::vector<std::string> keys;
    for (const auto& kv : *s.getAsObject())
      keys.push_back(kv.first.str());
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(llvm::join(keys, ","), "estimated_days,name,open,stated_days,visits");
    for (llvm::StringRef days : {"stated_days", "estimated_days"})
      EXPECT_EQ(s.getAsObject()->getObject(days)->size(), 3u);
  }
  // a -> b: 3 of 10, the posterior Beta(3.5, 7.5): 2.5% and 97.5% quantiles 0.0927 and
  // 0.6058 (mpmath); a -> lost (the remainder): 7 of 10, Beta(7.5, 3.5), the mirror image.
  const llvm::json::Object* ab = edge(doc, "a", "b");
  ASSERT_TRUE(ab);
  EXPECT_EQ(num(*ab, "count"), 3);
  EXPECT_NEAR(num(*ab, "stated"), 0.5, 1e-12);
  EXPECT_NEAR(num(*ab, "estimate"), 0.3, 1e-12);
  EXPECT_NEAR(num(*ab, "low"), 0.0926945939382, 1e-9);
  EXPECT_NEAR(num(*ab, "high"), 0.605818318149, 1e-9);
  const llvm::json::Object* lost = edge(doc, "a", "lost");
  ASSERT_TRUE(lost);
  EXPECT_EQ(num(*lost, "count"), 7);
  EXPECT_NEAR(num(*lost, "low"), 1 - 0.605818318149, 1e-9);
  EXPECT_NEAR(num(*lost, "high"), 1 - 0.0926945939382, 1e-9);
  // b -> won: 1 of 2 (the third visit is open), Beta(1.5, 1.5): 0.0608 to 0.9392.
  const llvm::json::Object* bw = edge(doc, "b", "won");
  ASSERT_TRUE(bw);
  EXPECT_NEAR(num(*bw, "low"), 0.0608302759201, 1e-9);
  EXPECT_NEAR(num(*bw, "high"), 0.93916972408, 1e-9);
  // Times in a: 1, 2, 2, 3, 3+, 4, 5, 6, 7, 8, 9, 10+ (+ open). Kaplan-Meier: S(1) =
  // 11/12, S(2) = 9/12 = 0.75 (P10 = 2), S(3) = 0.75 x 8/9, S(4) = x 6/7 = 0.571,
  // S(5) = x 5/6 = 0.476 (median 5), S(6) = 0.381, S(7) = 0.286, S(8) = 0.190,
  // S(9) = 0.095 (P90 = 9).
  const llvm::json::Object& a = *(*doc.getArray("stages"))[0].getAsObject();
  EXPECT_EQ(*a.getString("name"), "a");
  EXPECT_EQ(num(a, "visits"), 12);
  EXPECT_EQ(num(a, "open"), 2);
  EXPECT_EQ(num(*a.getObject("estimated_days"), "min"), 2);
  EXPECT_EQ(num(*a.getObject("estimated_days"), "typical"), 5);
  EXPECT_EQ(num(*a.getObject("estimated_days"), "max"), 9);
  EXPECT_EQ(num(*a.getObject("stated_days"), "min"), 1);
  EXPECT_EQ(num(*a.getObject("stated_days"), "typical"), 2);
  EXPECT_EQ(num(*a.getObject("stated_days"), "max"), 3);
  // b: 2, 4, 23+: S(2) = 2/3 (P10 2), S(4) = 1/3 (median 4), never 0.1: P90 unknown.
  const llvm::json::Object& b = *(*doc.getArray("stages"))[1].getAsObject();
  EXPECT_EQ(num(b, "visits"), 3);
  EXPECT_EQ(num(b, "open"), 1);
  EXPECT_EQ(num(*b.getObject("estimated_days"), "min"), 2);
  EXPECT_EQ(num(*b.getObject("estimated_days"), "typical"), 4);
  EXPECT_EQ(b.getObject("estimated_days")->get("max")->kind(), llvm::json::Value::Null);
}

TEST_F(CalibrateCli, TooLittleDataIsLeftAloneAndSaidSo) {
  const std::string file = write("p.sales", Small);
  const std::string log = write("log.csv", smallLog());
  RunResult r = run({"calibrate", "--diff", "--as-of=2026-02-01", "--events", log, file});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("stage a: shares kept: 10 visits left it, fewer than 20"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("stage b: time kept: 3 visits, fewer than 20"), std::string::npos);
  EXPECT_NE(r.err.find("--write would change 0 numbers"), std::string::npos);
  // With a threshold of 3, a's figures are written: 30%, and 2 to 9 days (no typical
  // time is added: only the numbers change); b's P90 is unknown, so its time is kept.
  r = run({"calibrate", "--diff", "--min-visits=3", "--as-of=2026-02-01", "--events", log, file});
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* line : {"\n-    time 1 to 3 days;\n", "\n-    next b 50%;\n",
                           "\n+    time 2 to 9 days;\n", "\n+    next b 30%;\n"})
    EXPECT_NE(r.out.find(line), std::string::npos) << line << r.out;
  EXPECT_NE(r.err.find("stage b: time kept: 1 of its 3 visits still open"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("stage b: shares kept: 2 visits left it, fewer than 3"), std::string::npos);
  EXPECT_EQ(slurp(file), Small); // --diff writes nothing
}

/// Stage a, then b (each 1 to 3 days), won and lost, with the `next` lines given.
std::string movesProcess(const std::string& aNext, const std::string& bNext) {
  return "process p \"Moves\" {\n  value 1000 USD;\n  stage a \"First\" {\n"
         "    time 1 to 3 days;\n" +
         aNext + "  }\n  stage b \"Second\" {\n    time 1 to 3 days;\n" + bNext +
         "  }\n  won won \"Signs\";\n  lost lost \"Does not buy\";\n}\n";
}

/// 30 deals that leave stage a on 2026-01-03: 20 to b, 4 to lost and 6 to won.
std::string thirtyLeaveA() {
  std::string log = "deal,stage,timestamp\n";
  for (int i = 0; i < 30; ++i) {
    const std::string d = "d" + std::to_string(i);
    log += d + ",a,2026-01-01\n" + d +
           (i < 20   ? ",b,"
            : i < 24 ? ",lost,"
                     : ",won,") +
           "2026-01-03\n";
  }
  return log;
}

// Moves out of a stage that no `next` line leads to are left out of its shares, and that
// is said, with their count and where they went: 30 deals leave a, 20 to b, 4 to lost and
// 6 to won (a lacks that line), so b takes 20 of the 24 moves it states: 83%, lost 17%.
TEST_F(CalibrateCli, MovesTheProcessLacksAreSaidToBeLeftOut) {
  const std::string file =
      write("p.sales", movesProcess("    next b 95%;\n    next lost 5%;\n",
                                    "    next won 50%;\n    next lost 50%;\n"));
  const std::string events = write("log.csv", thirtyLeaveA());
  RunResult r = run({"calibrate", "--diff", "--as-of=2026-02-01", "--events", events, file});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string said = "stage a: 6 of its 30 moves (20%) went where no `next` line leads "
                           "(won 6); they are left out, and its shares are of the 24 moves it "
                           "states";
  EXPECT_NE(r.err.find(said), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\n+    next b 83%;\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n+    next lost 17%;\n"), std::string::npos) << r.out;
  r = run({"calibrate", "--as-of=2026-02-01", "--events", events, file});
  EXPECT_NE(r.out.find(said), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("stage b: 0 of"), std::string::npos); // b states all its moves
}

// With an implicit remainder the moves no `next` line leads to fall in it: a deal that
// skipped ahead to won would be written as lost, and that is said. 30 deals leave a, 20
// to b, 4 to lost (the remainder) and 6 to won: b takes 20 of 30 (67%), the remainder 33%.
TEST_F(CalibrateCli, MovesTheRemainderTakesAreSaid) {
  const std::string file =
      write("p.sales", movesProcess("    next b 95%;\n", "    next won 50%;\n"));
  const std::string events = write("log.csv", thirtyLeaveA());
  RunResult r = run({"calibrate", "--diff", "--as-of=2026-02-01", "--events", events, file});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string said = "stage a: 6 of its 30 moves (20%) went where no `next` line leads "
                           "(won 6); the remainder takes them, so the file would count them as "
                           "lost: add a `next` line for each";
  EXPECT_NE(r.err.find(said), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\n+    next b 67%;\n"), std::string::npos) << r.out;
  r = run({"calibrate", "--as-of=2026-02-01", "--events", events, file});
  EXPECT_NE(r.out.find(said), std::string::npos) << r.out;
}

/// The explicit shares of each stage of `text` (`next X N%;` lines), added up.
std::map<std::string, int> statedTotals(llvm::StringRef text) {
  std::map<std::string, int> totals;
  std::string stage;
  llvm::SmallVector<llvm::StringRef, 64> lines;
  text.split(lines, '\n');
  llvm::Regex next("next [a-z_]+ ([0-9]+)%;");
  for (llvm::StringRef line : lines) {
    if (line.trim().startswith("stage "))
      stage = line.trim().drop_front(6).split(' ').first.str();
    llvm::SmallVector<llvm::StringRef, 2> m;
    for (llvm::StringRef rest = line; next.match(rest, &m);
         rest = rest.drop_front(m[0].end() - rest.begin()))
      totals[stage] += std::stoi(m[1].str());
  }
  return totals;
}

TEST_F(CalibrateCli, WriteRoundTripChecksCleanAndKeepsComments) {
  // inquiry is written in hours and states next demo 95% and signed 4% (lost the
  // implicit 1%); 200 deals spend 10 to 19 hours in it, then 162 go to demo (81%), 16 to
  // signed (8%) and 22 are lost (11%). demo (1 to 2 weeks) takes 15 to 24 days. Written:
  // 81% and 8%; 10 to 18 hours (P10, P90 of 10..19 hours, 20 each); 2 to 3 weeks.
  const std::string source = "// The process as first drawn.\n"
                             "process p \"Calibrated\" {\n"
                             "  value 1000 USD;\n"
                             "  start inquiry;\n"
                             "  stage inquiry \"Asks for information\" {\n"
                             "    time 2 to 8 hours;   // a guess\n"
                             "    next demo 95%;  // optimistic\n"
                             "    next signed 4%;\n"
                             "  }\n"
                             "  stage demo \"Sees a demo\" {\n"
                             "    time 1 to 2 weeks;\n"
                             "    next signed 40%;\n"
                             "  }\n"
                             "  won signed \"Signs\";\n"
                             "  lost lost \"Does not buy\";\n"
                             "}\n";
  std::string log = "deal,stage,timestamp\n";
  for (int i = 0; i < 200; ++i) {
    const std::string d = "d" + std::to_string(i);
    const int hours = 10 + i % 10;
    log += d + ",inquiry,2026-01-01T00:00\n";
    const std::string left = "2026-01-01T" + std::to_string(hours) + ":00";
    log += d + (i < 162 ? ",demo," : i < 178 ? ",signed," : ",lost,") + left + "\n";
    if (i < 162)
      log += d + (i < 65 ? ",signed," : ",lost,") + "2026-01-" + std::to_string(16 + i % 10) + "T" +
             std::to_string(hours) + ":00\n";
  }
  const std::string file = write("p.sales", source);
  const std::string events = write("log.csv", log);
  RunResult diff = run({"calibrate", "--diff", "--as-of=2026-03-01", "--events", events, file});
  ASSERT_EQ(diff.status, 0) << diff.err;
  EXPECT_EQ(slurp(file), source);
  RunResult r = run({"calibrate", "--write", "--as-of=2026-03-01", "--events", events, file});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("changed 6 numbers in"), std::string::npos) << r.err;
  const std::string edited = slurp(file);
  const std::string expected = "// The process as first drawn.\n"
                               "process p \"Calibrated\" {\n"
                               "  value 1000 USD;\n"
                               "  start inquiry;\n"
                               "  stage inquiry \"Asks for information\" {\n"
                               "    time 10 to 18 hours;   // a guess\n"
                               "    next demo 81%;  // optimistic\n"
                               "    next signed 8%;\n"
                               "  }\n"
                               "  stage demo \"Sees a demo\" {\n"
                               "    time 2 to 3 weeks;\n"
                               "    next signed 40%;\n"
                               "  }\n"
                               "  won signed \"Signs\";\n"
                               "  lost lost \"Does not buy\";\n"
                               "}\n";
  EXPECT_EQ(edited, expected);
  // --diff showed exactly that edit.
  for (const char* line :
       {"\n-    next demo 95%;  // optimistic\n", "\n+    next demo 81%;  // optimistic\n",
        "\n-    time 1 to 2 weeks;\n", "\n+    time 2 to 3 weeks;\n"})
    EXPECT_NE(diff.out.find(line), std::string::npos) << line << diff.out;
  RunResult checked = run({"check", file});
  EXPECT_EQ(checked.status, 0) << checked.out << checked.err;
  EXPECT_EQ(checked.out + checked.err, "") << edited;
  for (const auto& [stage, total] : statedTotals(edited))
    EXPECT_LE(total, 100) << stage;
  // A second run changes nothing.
  r = run({"calibrate", "--write", "--as-of=2026-03-01", "--events", events, file});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("nothing to change"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(file), expected);
}

TEST_F(CalibrateCli, SharesWithoutARemainderStillAddUpToAHundred) {
  // Every share explicit: a goes to b 1/3, c 1/3, lost 1/3 of 30 deals each, stated
  // 50/30/20. Whole percents by largest remainder: 34 + 33 + 33 = 100 (never 99 or 102).
  const std::string source = "process p \"Three ways\" {\n"
                             "  value 1000 USD;\n"
                             "  start a;\n"
                             "  stage a \"First\" { time 1 to 3 days; next b 50%; next c 30%; "
                             "next lost 20%; }\n"
                             "  stage b \"B\" { time 1 to 3 days; next won 50%; }\n"
                             "  stage c \"C\" { time 1 to 3 days; next won 50%; }\n"
                             "  won won \"Signs\";\n"
                             "  lost lost \"Does not buy\";\n"
                             "}\n";
  std::string log = "deal,stage,timestamp\n";
  for (int i = 0; i < 90; ++i) {
    const std::string d = "d" + std::to_string(i);
    log += d + ",a,2026-01-01\n" + d +
           (i % 3 == 0   ? ",b,"
            : i % 3 == 1 ? ",c,"
                         : ",lost,") +
           "2026-01-03\n";
  }
  const std::string file = write("p.sales", source);
  RunResult r =
      run({"calibrate", "--write", "--as-of=2026-03-01", "--events", write("log.csv", log), file});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string edited = slurp(file);
  EXPECT_NE(edited.find("next b 34%; next c 33%; next lost 33%;"), std::string::npos) << edited;
  EXPECT_EQ(statedTotals(edited)["a"], 100);
  RunResult checked = run({"check", file});
  EXPECT_EQ(checked.out + checked.err, "") << edited;
}

// --diff writes nothing and --write writes: asked for both, calibrate does neither, and
// says why with the status of a usage error.
TEST_F(CalibrateCli, DiffAndWriteTogetherIsAUsageError) {
  const std::string file = write("p.sales", Small);
  const std::string log = write("log.csv", smallLog());
  RunResult r = run({"calibrate", "--diff", "--write", "--min-visits=3", "--as-of=2026-02-01",
                     "--events", log, file});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--diff and --write cannot go together"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(file), Small);
  // Either alone still works: with --min-visits=3 each has something to change.
  EXPECT_EQ(
      run({"calibrate", "--diff", "--min-visits=3", "--as-of=2026-02-01", "--events", log, file})
          .status,
      0);
  EXPECT_EQ(slurp(file), Small);
}

TEST_F(CalibrateCli, TablesCannotBeWritten) {
  const std::string tables = std::string(dir_) + "/built";
  ASSERT_EQ(run({"build", write("p.sales", Small), "-o", tables, "--quiet"}).status, 0);
  RunResult r = run({"calibrate", "--write", "--as-of=2026-02-01", "--events",
                     write("log.csv", smallLog()), tables + "/tables.json"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("edit a .sales file, not tables"), std::string::npos) << r.err;
}

} // namespace
