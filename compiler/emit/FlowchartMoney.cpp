//===- FlowchartMoney.cpp - The flowchart title's segments and campaigns --===//
//
// Lines of text under the title, not a table: Graphviz would stretch a table to the
// width of the title (see the owner legend in FlowchartLabels.cpp). The flowchart's
// boxes and edges show the process as written and its blended figures; these lines say
// what each segment states differently and what each campaign is predicted to return.
//
//===----------------------------------------------------------------------===//
#include "FlowchartLabels.h"
#include "Format.h"
#include "SegmentDiff.h"
#include "salesc/runtime/Roi.h"

#include "llvm/Support/Error.h"

#include <fmt/format.h>

namespace salesc::emit {
namespace {

/// At most this many differences on one line of the title.
constexpr size_t DifferencesPerLine = 3;

std::string small(const std::string& markup, const char* colour = "#1b1b1b") {
  return fmt::format("<FONT POINT-SIZE=\"11\" COLOR=\"{}\">{}</FONT>", colour, markup);
}

std::string segmentsLine(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  std::string out = small("Segments:", "#555555");
  for (size_t k = 0; k < p.segments.size() && k < ap.analysis.segments.size(); ++k) {
    const rt::Analysis& ga = ap.analysis.segments[k].analysis;
    std::string figures =
        fmt::format("{} of leads, wins {}", percent(p.segments[k].share), percent(ga.winRate()));
    if (std::optional<double> perLead = ga.valuePerLead(); perLead && !p.currency.empty())
      figures += ", " + html(formatMoney(*perLead, p.currency)) + " a lead";
    out += (k ? " · " : " ") + small("<B>" + html(words(p.segments[k].name)) + "</B> " + figures);
  }
  return out;
}

/// "trial use → next upgrade prompt 80% (process 70%)".
std::string differenceText(const Difference& d) {
  std::string where = d.where.empty() ? "" : html(words(d.where)) + ": ";
  return where + html(words(d.what)) + " " + html(d.segment) + " (process " + html(d.process) + ")";
}

std::string differencesLines(const rt::Process& p) {
  std::string out;
  for (const rt::Segment& g : p.segments) {
    std::vector<Difference> ds = differences(p, g);
    for (size_t i = 0; i < ds.size(); i += DifferencesPerLine) {
      std::string text;
      for (size_t j = i; j < ds.size() && j < i + DifferencesPerLine; ++j)
        text += (j > i ? " · " : "") + differenceText(ds[j]);
      std::string label = i == 0 ? "<B>" + html(words(g.name)) + "</B> differs: " : "";
      out += "<BR/>" + small(label + text);
    }
  }
  return out;
}

std::string campaignText(const rt::AnalyzedProcess& ap, const rt::Campaign& c) {
  std::string name = "<B>" + html(words(c.name)) + "</B>";
  llvm::Expected<rt::RoiResult> r = rt::roi(*ap.process, ap.analysis, c);
  if (!r) // the checker refuses such a campaign; tables may still hold one
    return name + " cannot be predicted: " + html(llvm::toString(r.takeError()));
  std::string out = name + fmt::format(" {} leads for {}", formatMoney(c.leads, ""),
                                       html(formatMoney(c.cost, ap.process->currency)));
  if (!r->roi)
    return out + ", ROI not defined";
  const PercentAgainst roi = percentAgainst(*r->roi, r->targetRoi);
  std::optional<std::string> target;
  if (r->targetRoi && r->targetMet)
    target = roi.target;
  return out + ", " + targetText("ROI", roi.figure, target, r->targetMet.value_or(true));
}

} // namespace

std::string moneyLines(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  std::string out;
  if (!p.segments.empty()) {
    out += "<BR/>" + segmentsLine(ap);
    out += differencesLines(p);
  }
  if (!ap.campaigns.empty() && !p.states.empty()) {
    out += "<BR/>" + small("Campaigns:", "#555555");
    for (size_t k = 0; k < ap.campaigns.size(); ++k)
      out += (k ? " · " : " ") + small(campaignText(ap, ap.campaigns[k]));
  }
  return out;
}

} // namespace salesc::emit
