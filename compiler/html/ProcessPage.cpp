//===- ProcessPage.cpp - One process's page of the report -----------------===//
#include "ProcessPage.h"

#include "Headline.h"
#include "HtmlText.h"
#include "Page.h"
#include "Playbook.h"
#include "ProcessTables.h"
#include "RuntimeSections.h"

#include "emit/Charts.h"
#include "emit/Format.h"

namespace salesc::html {

namespace {

/// The flowchart SVG without its XML prolog, DOCTYPE and comments, to sit in the page.
std::string inlineSvg(const std::string& svg) {
  size_t at = svg.find("<svg");
  std::string body = at == std::string::npos ? svg : svg.substr(at);
  std::string out;
  for (size_t i = 0; i < body.size();) {
    if (body.compare(i, 4, "<!--") == 0) {
      size_t end = body.find("-->", i);
      i = end == std::string::npos ? body.size() : end + 3;
      continue;
    }
    out += body[i++];
  }
  return out;
}

std::string facts(const rt::Process& p) {
  std::vector<std::string> parts{"process " + p.name};
  if (std::string both = emit::channelAndOffering(p); !both.empty())
    parts.push_back(both);
  if (p.brand)
    parts.push_back("brand " + emit::displayName(p.brand->name, p.brand->description));
  if (p.value)
    parts.push_back("deal value " + rt::formatMoney(*p.value, p.currency));
  if (p.margin)
    parts.push_back("gross margin " + rt::percent(*p.margin));
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i)
    out += (i ? " \u00b7 " : "") + text(parts[i]);
  return "<p class=\"facts\">" + out + "</p>\n";
}

llvm::Expected<std::string> chartsSection(const rt::AnalyzedProcess& p) {
  std::string out = "<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"charts\">\n";
  for (const emit::Chart& c : emit::charts()) {
    llvm::Expected<std::optional<llvm::json::Object>> spec = emit::drawChart(c, p);
    if (!spec)
      return spec.takeError();
    out += chartFigure(c.name, c.title, c.empty, std::move(*spec));
  }
  return out + "</div>\n</section>\n";
}

} // namespace

std::string processTitle(const rt::Process& p) {
  return p.description.empty() ? emit::words(p.name) : p.description;
}

llvm::Expected<std::string> processPage(const rt::AnalyzedProcess& ap, const ReportOptions& o,
                                        const ProcessData& data) {
  const rt::Process& p = *ap.process;
  std::string out = pageStart(processTitle(p), processTitle(p), o, true, "index.html");
  out += facts(p);
  out += "<section id=\"headline\">\n<h2>Predictions against targets</h2>\n" +
         figureCards(headline(ap)) + "</section>\n";
  if (!p.states.empty()) {
    out += "<section id=\"flowchart-section\">\n<h2>Flowchart</h2>\n<p>Hover over a stage for "
           "its figures; click it for its part of the playbook.</p>\n<div id=\"flowchart\">\n" +
           inlineSvg(emit::render(ap, "svg", o.drawing)) + "</div>\n";
    out += "<script type=\"application/json\" id=\"stage-figures\">" +
           scriptJson(llvm::json::Value(stageFigures(ap))) + "</script>\n</section>\n";
  }
  llvm::Expected<std::string> charts = chartsSection(ap);
  if (!charts)
    return charts.takeError();
  out += *charts;
  if (data.pipeline)
    out += pipelineSection(p, *data.pipeline);
  if (data.observed)
    out += observedSection(p, *data.observed);
  out += stakeholderMap(ap);
  out += exitCriteria(ap);
  out += segments(ap);
  out += campaigns(ap);
  out += brandRules(ap);
  out += knowledgeByStage(ap);
  if (!p.states.empty())
    out += playbook(ap);
  return out + pageEnd(o, true);
}

} // namespace salesc::html
