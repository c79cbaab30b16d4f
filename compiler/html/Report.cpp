//===- Report.cpp - salesc report: the index and a page per process -------===//
#include "Report.h"

#include "Assets.h"
#include "Headline.h"
#include "HtmlText.h"
#include "Page.h"
#include "ProcessPage.h"

#include "emit/Format.h"

namespace salesc::html {

namespace {

/// Each process with its headline figures, linking to its page.
std::string indexPage(llvm::ArrayRef<rt::AnalyzedProcess> ps, const ReportOptions& o) {
  std::string out = pageStart("Sales processes", "Sales processes", o, false, "");
  out += "<p>" + text(std::to_string(ps.size())) + (ps.size() == 1 ? " process" : " processes") +
         ", each with its page.</p>\n";
  for (const rt::AnalyzedProcess& ap : ps) {
    const rt::Process& p = *ap.process;
    out += "<section class=\"process\" id=\"process-" + p.name + "\">\n<h2><a href=\"" +
           pageName(p) + "\">" + text(processTitle(p)) + "</a></h2>\n";
    std::string facts = "process " + p.name;
    if (std::string both = emit::channelAndOffering(p); !both.empty())
      facts += " \u00b7 " + both;
    out +=
        "<p class=\"facts\">" + text(facts) + "</p>\n" + figureCards(headline(ap)) + "</section>\n";
  }
  return out + pageEnd(o, false);
}

} // namespace

std::string pageName(const rt::Process& p) {
  return p.name + ".html";
}

llvm::Expected<std::vector<ReportFile>> buildReport(llvm::ArrayRef<rt::AnalyzedProcess> ps,
                                                    const ReportOptions& o,
                                                    llvm::ArrayRef<ProcessData> data) {
  static const ProcessData none;
  std::vector<ReportFile> files;
  files.push_back({"index.html", indexPage(ps, o)});
  for (size_t i = 0; i < ps.size(); ++i) {
    llvm::Expected<std::string> page = processPage(ps[i], o, i < data.size() ? data[i] : none);
    if (!page)
      return page.takeError();
    files.push_back({pageName(*ps[i].process), std::move(*page)});
  }
  for (const Asset& a : assets())
    files.push_back({a.path.str(), a.bytes.str()});
  return files;
}

} // namespace salesc::html
