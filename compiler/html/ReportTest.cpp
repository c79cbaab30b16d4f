//===- ReportTest.cpp - salesc report's pages, from a hand-built process --===//
#include "Report.h"
#include "Assets.h"
#include "HtmlText.h"

#include "emit/EmitTestProcesses.h"

#include <gtest/gtest.h>

namespace salesc::html {
namespace {

/// The tiny process with a description and an exit criterion that try to break the page.
rt::Process tiny() {
  rt::Process p = emit::testing::tinyProcess();
  p.description = "Tiny </script><b>sales</b>";
  p.value = 12500;
  p.targetWinRate = 0.25;
  p.states[0].description = "First <call>";
  p.states[1].exitCriteria = {"Budget & owner named"};
  return p;
}

std::vector<ReportFile> report(const rt::Process& p, Theme theme = Theme::Light) {
  std::vector<rt::AnalyzedProcess> ps{emit::testing::analyzed(p)};
  ReportOptions o;
  o.theme = theme;
  o.generator = "salesc (test)";
  llvm::Expected<std::vector<ReportFile>> files = buildReport(ps, o);
  EXPECT_TRUE(bool(files));
  return std::move(*files);
}

const std::string& file(const std::vector<ReportFile>& files, llvm::StringRef path) {
  for (const ReportFile& f : files)
    if (f.path == path)
      return f.bytes;
  ADD_FAILURE() << "no " << path.str();
  static const std::string none;
  return none;
}

TEST(HtmlReport, WritesAnIndexAPagePerProcessAndTheAssets) {
  rt::Process p = tiny();
  std::vector<ReportFile> files = report(p);
  std::vector<std::string> paths;
  for (const ReportFile& f : files)
    paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"index.html", "tiny.html", "assets/vega.min.js",
                                             "assets/vega-lite.min.js", "assets/vega-embed.min.js",
                                             NoticesPath}));
  const std::string& index = file(files, "index.html");
  EXPECT_NE(index.find("<a href=\"tiny.html\">"), std::string::npos);
  // The headline figures as salesc analyze says them: 0.5 x 0.4 = 20%, against 25%.
  EXPECT_NE(index.find("<div class=\"value\">20%</div>"), std::string::npos);
  EXPECT_NE(index.find("target 25%, <span class=\"missed\">missed</span>"), std::string::npos);
  EXPECT_NE(index.find("2,500 EUR"), std::string::npos); // 12,500 x 20%
}

TEST(HtmlReport, EscapesUserTextInTheHtmlAndInTheData) {
  rt::Process p = tiny();
  const std::vector<ReportFile> files = report(p);
  const std::string& page = file(files, "tiny.html");
  EXPECT_EQ(page.find("</script><b>"), std::string::npos);
  EXPECT_NE(page.find("Tiny &lt;/script&gt;&lt;b&gt;sales&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(page.find("First \\u003ccall>"), std::string::npos); // in the tooltip figures
  EXPECT_NE(page.find("Budget &amp; owner named"), std::string::npos);
}

TEST(HtmlReport, APageHasEveryChartTheFlowchartAndThePlaybook) {
  rt::Process p = tiny();
  const std::vector<ReportFile> files = report(p);
  const std::string& page = file(files, "tiny.html");
  for (const char* chart : {"funnel", "time-share", "time-to-win", "conversion-gain"})
    EXPECT_NE(page.find(std::string("data-chart=\"chart-") + chart + "\""), std::string::npos)
        << chart;
  EXPECT_NE(page.find("<div id=\"flowchart\">\n<svg"), std::string::npos);
  EXPECT_NE(page.find("id=\"stage-figures\""), std::string::npos);
  EXPECT_NE(page.find("<section class=\"stage\" id=\"stage-b_stage\">"), std::string::npos);
  EXPECT_NE(page.find("<script src=\"assets/vega.min.js\"></script>"), std::string::npos);
  // Nothing to fetch: no script, style, image or link from elsewhere.
  for (const char* remote : {"src=\"http", "href=\"http", "url(http", "@import"})
    EXPECT_EQ(page.find(remote), std::string::npos) << remote;
}

TEST(HtmlReport, TheDarkThemeIsTheDocumentsAndTheChartsTheme) {
  rt::Process p = tiny();
  const std::vector<ReportFile> files = report(p, Theme::Dark);
  const std::string& page = file(files, "tiny.html");
  EXPECT_NE(page.find("<html lang=\"en\" data-theme=\"dark\">"), std::string::npos);
  EXPECT_NE(page.find("color-scheme:dark"), std::string::npos);
}

TEST(HtmlReport, TheChartLibraryIsEmbeddedWithoutSourceMapsAndWithItsLicences) {
  for (const Asset& a : assets()) {
    EXPECT_GT(a.bytes.size(), 1000u) << a.path.str();
    EXPECT_FALSE(a.bytes.contains("sourceMappingURL")) << a.path.str();
  }
  llvm::StringRef notices = assets().back().bytes;
  for (const char* package : {"vega-lite 5.", "vega-embed 6.", "vega 5."})
    EXPECT_TRUE(notices.contains(package)) << package;
  EXPECT_TRUE(notices.contains("Redistribution and use in source and binary forms"));
}

TEST(HtmlText, EscapesMarkupAndQuotes) {
  EXPECT_EQ(text("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(scriptJson(llvm::json::Value("</script>")), "\"\\u003c/script>\"");
}

} // namespace
} // namespace salesc::html
