//===- ReportCliTest.cpp - salesc report and emit --to=vega-lite as a user runs them ===//
#include "CliFixture.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Program.h"

#include <cstdlib>
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

// Issue 14: --pipeline and --events add the forecast and the observed history, each with
// its charts, drawn from the same runtime as `salesc forecast` and `salesc conform`.
TEST_F(ReportCli, PipelineAndEventsAddTheirSectionsAndCharts) {
  std::string out = std::string(dir_) + "/report";
  RunResult r =
      run({"report", SALESC_SOURCE_DIR "/examples/quickstart.sales", "-o", out, "--pipeline",
           SALESC_SOURCE_DIR "/examples/data/quickstart-pipeline.csv", "--events",
           SALESC_SOURCE_DIR "/examples/data/quickstart-events.csv", "--as-of", "2026-11-30"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::string page = slurp(out + "/direct_consulting.html");
  for (const char* part :
       {"<section id=\"pipeline\">", "data-chart=\"chart-forecast\"", "Weighted pipeline",
        "Month by month", "<section id=\"observed\">", "data-chart=\"chart-edges\"",
        "data-chart=\"chart-stage-times\"", "40 open deals as of 2026-11-30"})
    EXPECT_NE(page.find(part), std::string::npos) << part;
  // The forecast's figures are those `salesc forecast` prints for the same deals and day.
  RunResult forecast =
      run({"forecast", SALESC_SOURCE_DIR "/examples/quickstart.sales", "--pipeline",
           SALESC_SOURCE_DIR "/examples/data/quickstart-pipeline.csv", "--as-of", "2026-11-30",
           "--format=json"});
  ASSERT_EQ(forecast.status, 0) << forecast.err;
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(forecast.out);
  ASSERT_TRUE(bool(json));
  double weighted = *json->getAsObject()->getNumber("weighted_pipeline");
  // The page shows whole amounts, with thousands separators.
  const int64_t whole = std::llround(weighted);
  ASSERT_GE(whole, 0);
  std::string grouped = std::to_string(whole);
  for (size_t at = grouped.size(); at > 3; at -= 3)
    grouped.insert(at - 3, ",");
  EXPECT_NE(page.find(grouped.substr(0, 3)), std::string::npos);
  // Without the CSVs, neither section.
  std::string plain = std::string(dir_) + "/plain";
  ASSERT_EQ(run({"report", SALESC_SOURCE_DIR "/examples/quickstart.sales", "-o", plain}).status, 0);
  EXPECT_EQ(slurp(plain + "/direct_consulting.html").find("id=\"pipeline\""), std::string::npos);
}

TEST_F(ReportCli, RejectedRowsAreListedAndTheStatusIsOne) {
  std::string out = std::string(dir_) + "/report";
  std::string deals =
      write("deals.csv", "deal,stage,entered\nA,demo,2026-11-01\nB,dmo,2026-11-02\n");
  RunResult r = run({"report", SALESC_SOURCE_DIR "/examples/quickstart.sales", "-o", out,
                     "--pipeline", deals, "--as-of", "2026-11-30"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("deals.csv:3:"), std::string::npos) << r.err;
  EXPECT_TRUE(llvm::sys::fs::exists(out + "/direct_consulting.html"));
  RunResult missing = run({"report", SALESC_SOURCE_DIR "/examples/quickstart.sales", "-o",
                           std::string(dir_) + "/none", "--events", "nowhere.csv"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_FALSE(llvm::sys::fs::exists(std::string(dir_) + "/none"));
}

// With several processes, a row goes to the process whose stage it names; a stage that
// several processes share needs a `process` column.
TEST_F(ReportCli, RowsGoToTheProcessTheyNameOrAreRejected) {
  const char* two = R"(process first {
  stage call { next shared 50%; }
  stage shared { next won 50%; }
  won won;
  lost lost;
}
process second {
  stage visit { next shared 50%; }
  stage shared { next won 50%; }
  won won;
  lost lost;
}
)";
  std::string src = write("two.sales", two);
  std::string out = std::string(dir_) + "/report";
  std::string byStage = write("a.csv", "deal,stage,entered\nA,call,2026-11-01\nB,visit,2026-11-02\n"
                                       "C,shared,2026-11-03\n");
  RunResult r = run({"report", src, "-o", out, "--pipeline", byStage, "--as-of", "2026-11-30"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("a.csv:4:3: the processes 'first' and 'second' both have 'shared': add a "
                       "'process' column"),
            std::string::npos)
      << r.err;
  EXPECT_NE(slurp(out + "/first.html").find("1 open deal as of"), std::string::npos);
  EXPECT_NE(slurp(out + "/second.html").find("1 open deal as of"), std::string::npos);
  std::string byProcess = write("b.csv", "deal,stage,entered,process\nA,call,2026-11-01,first\n"
                                         "C,shared,2026-11-03,second\nD,shared,2026-11-03,third\n");
  RunResult named =
      run({"report", src, "-o", out, "--pipeline", byProcess, "--as-of", "2026-11-30"});
  EXPECT_EQ(named.status, 1);
  EXPECT_NE(named.err.find("b.csv:4:21: no process of the file is called 'third'"),
            std::string::npos)
      << named.err;
  EXPECT_NE(slurp(out + "/second.html").find("1 open deal as of"), std::string::npos);
}

// --pdf: each page printed by headless Chromium; a clear error without one on PATH.
TEST_F(ReportCli, PdfNeedsChromiumOnThePath) {
  std::string out = std::string(dir_) + "/report";
  llvm::StringRef env[] = {"PATH=/nonexistent"};
  RunResult r = run({"report", SALESC_SOURCE_DIR "/examples/quickstart.sales", "-o", out, "--pdf"},
                    "", llvm::ArrayRef<llvm::StringRef>(env));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--pdf needs Chromium, and none is on PATH"), std::string::npos) << r.err;
  EXPECT_FALSE(llvm::sys::fs::exists(out));
}

/// A program on PATH, or "" (for the checks that need poppler-utils).
std::string onPath(llvm::StringRef name) {
  llvm::ErrorOr<std::string> found = llvm::sys::findProgramByName(name);
  return found ? *found : "";
}

TEST_F(ReportCli, PdfPrintsEachPageWithChromium) {
  if (onPath("chromium").empty())
    GTEST_SKIP() << "no chromium on PATH (scripts/install-deps.sh installs it)";
  std::string out = std::string(dir_) + "/report";
  RunResult r = run({"report", SALESC_SOURCE_DIR "/examples/quickstart.sales", "-o", out, "--pdf",
                     "--pipeline", SALESC_SOURCE_DIR "/examples/data/quickstart-pipeline.csv",
                     "--as-of", "2026-11-30"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("wrote     " + out + "/direct_consulting.pdf"), std::string::npos) << r.out;
  const std::string pdf = out + "/direct_consulting.pdf";
  const std::string bytes = slurp(pdf);
  ASSERT_EQ(bytes.rfind("%PDF-", 0), 0u) << "not a PDF";
  EXPECT_NE(bytes.find("%%EOF"), std::string::npos) << "a PDF cut short";
  EXPECT_EQ(slurp(out + "/index.pdf").rfind("%PDF-", 0), 0u);
  // No temporary file is left beside the PDFs.
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(out, ec), end; it != end && !ec; it.increment(ec))
    EXPECT_EQ(it->path().find(".tmp"), std::string::npos) << it->path();
  // Chromium writes one "/Type /Page" object per page: the page of a process with its
  // forecast takes a few A4 pages, one per section at most.
  size_t pages = 0;
  for (size_t at = bytes.find("/Type /Page"); at != std::string::npos;
       at = bytes.find("/Type /Page", at + 1))
    if (bytes.compare(at, 12, "/Type /Pages") != 0)
      ++pages;
  EXPECT_GE(pages, 3u);
  EXPECT_LE(pages, 20u);
  const std::string pdfinfo = onPath("pdfinfo"), pdftotext = onPath("pdftotext");
  if (pdfinfo.empty() || pdftotext.empty())
    return; // poppler-utils (scripts/install-deps.sh) reads the pages and the text
  const std::string info = std::string(dir_) + "/info.txt", text = std::string(dir_) + "/text.txt";
  llvm::Optional<llvm::StringRef> toInfo[] = {llvm::None, llvm::StringRef(info), llvm::None};
  ASSERT_EQ(llvm::sys::ExecuteAndWait(pdfinfo, {pdfinfo, pdf}, llvm::None, toInfo), 0);
  const std::string said = slurp(info);
  const size_t at = said.find("Pages:");
  ASSERT_NE(at, std::string::npos) << said;
  EXPECT_EQ(std::strtoul(said.c_str() + at + 6, nullptr, 10), pages) << said;
  ASSERT_EQ(llvm::sys::ExecuteAndWait(pdftotext, {pdftotext, pdf, text}), 0);
  const std::string words = slurp(text);
  EXPECT_NE(words.find("Direct sales of consulting"), std::string::npos) << words.substr(0, 400);
  EXPECT_NE(words.find("Forecast of the pipeline"), std::string::npos);
}

} // namespace
