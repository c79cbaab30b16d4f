//===- ReportCliTest.cpp - salesc report and emit --to=vega-lite as a user runs them ===//
#include "CliFixture.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <gtest/gtest.h>

namespace {

using salesc::testing::CliFixture;
using salesc::testing::RunResult;
using salesc::testing::slurp;

using ReportCli = CliFixture;

const char* NoTime = R"(process p {
  stage a { next won 40%; }
  won won;
  lost lost;
}
)";

TEST_F(ReportCli, WritesTheIndexAPagePerProcessAndTheChartLibrary) {
  std::string out = std::string(dir_) + "/report";
  RunResult r = run({"report", SALESC_SOURCE_DIR "/examples/saas_multichannel.sales", "-o", out});
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* f : {"index.html", "online_team.html", "online_enterprise.html",
                        "partner_enterprise.html", "assets/vega.min.js", "assets/vega-lite.min.js",
                        "assets/vega-embed.min.js", "assets/THIRD-PARTY-NOTICES.txt"})
    EXPECT_TRUE(llvm::sys::fs::exists(out + "/" + f)) << f;
  EXPECT_NE(r.out.find("the report is " + out + "/index.html"), std::string::npos) << r.out;
  // Same input, same bytes: a second run leaves every file alone.
  RunResult again =
      run({"report", SALESC_SOURCE_DIR "/examples/saas_multichannel.sales", "-o", out});
  ASSERT_EQ(again.status, 0);
  EXPECT_EQ(again.out.find("wrote "), std::string::npos) << again.out;
}

TEST_F(ReportCli, WritesNothingWhenTheCheckFails) {
  std::string out = std::string(dir_) + "/report";
  const char* broken = "process p {\n  stage a { next b 120%; }\n  won won;\n  lost lost;\n}\n";
  RunResult r = run({"report", write("broken.sales", broken), "-o", out});
  EXPECT_EQ(r.status, 1);
  EXPECT_FALSE(llvm::sys::fs::exists(out));
}

TEST_F(ReportCli, EmitPrintsTheChartsOfTheReport) {
  RunResult r = run(
      {"emit", "--to=vega-lite", "--chart=funnel", SALESC_SOURCE_DIR "/examples/quickstart.sales"});
  ASSERT_EQ(r.status, 0) << r.err;
  llvm::Expected<llvm::json::Value> spec = llvm::json::parse(r.out);
  ASSERT_TRUE(bool(spec));
  EXPECT_EQ(*spec->getAsObject()->getString("$schema"),
            "https://vega.github.io/schema/vega-lite/v5.json");
  std::string out = std::string(dir_) + "/report";
  ASSERT_EQ(run({"report", SALESC_SOURCE_DIR "/examples/quickstart.sales", "-o", out}).status, 0);
  // The page holds the same spec (with '<' written \u003c; the quickstart has none).
  std::string page = slurp(out + "/direct_consulting.html");
  llvm::Expected<llvm::json::Value> reparsed = llvm::json::parse(r.out);
  std::string compact = llvm::formatv("{0}", *reparsed).str();
  EXPECT_NE(page.find(compact), std::string::npos);
}

TEST_F(ReportCli, ChartOptionsAreCheckedAndAnEmptyChartSaysWhy) {
  std::string src = SALESC_SOURCE_DIR "/examples/quickstart.sales";
  RunResult noChart = run({"emit", "--to=vega-lite", src});
  EXPECT_EQ(noChart.status, 2);
  EXPECT_NE(noChart.err.find("--to=vega-lite needs --chart=NAME"), std::string::npos);
  RunResult wrongTo = run({"emit", "--to=dot", "--chart=funnel", src});
  EXPECT_EQ(wrongTo.status, 2);
  EXPECT_NE(run({"emit", "--to=vega-lite", "--chart=pie", src}).status, 0);
  RunResult empty = run({"emit", "--to=vega-lite", "--chart=time-share", write("t.sales", NoTime)});
  EXPECT_EQ(empty.status, 1);
  EXPECT_NE(empty.err.find("process 'p' has no time-share chart: No stage takes time"),
            std::string::npos)
      << empty.err;
}

} // namespace
