//===- PlaybookMoney.cpp - The playbook's segments and campaigns sections -===//
#include "PlaybookMoney.h"

#include "Format.h"
#include "MarkdownText.h"
#include "SegmentDiff.h"
#include "salesc/runtime/Roi.h"

#include "llvm/Support/Error.h"

#include <cmath>

namespace salesc::emit {
namespace {

std::string money(const std::optional<double>& amount, const rt::Process& p) {
  return amount ? markdownMoney(*amount, p.currency) : "";
}

std::string daysToWin(const rt::Analysis& a, uint32_t start) {
  if (a.winRate() <= 0 || start >= a.expectedDaysToWin.size() ||
      !std::isfinite(a.expectedDaysToWin[start]))
    return "none win";
  return days(a.expectedDaysToWin[start]);
}

void row(std::string& out, std::initializer_list<std::string> cells) {
  out += "|";
  for (const std::string& c : cells)
    out += " " + c + " |";
  out += "\n";
}

std::string campaignRow(const rt::Process& p, const rt::Analysis& a, const rt::Campaign& c) {
  std::string name = "**" + markdownText(c.name) + "**" +
                     (c.description.empty() ? "" : ": " + markdownText(c.description));
  llvm::Expected<rt::RoiResult> r = rt::roi(p, a, c);
  if (!r) // the checker refuses such a campaign (M005); tables may still hold one
    return "| " + name + " | cannot be predicted: " + markdownText(llvm::toString(r.takeError())) +
           " | | | | | | | | |\n";
  std::string enters = c.enters && *c.enters < p.states.size()
                           ? markdownText(p.states[*c.enters].name)
                           : markdownText(p.states[p.start].name) + " (start)";
  const PercentAgainst roi =
      r->roi ? percentAgainst(*r->roi, r->targetRoi) : PercentAgainst{"not defined", ""};
  std::string target;
  if (r->targetRoi)
    target = percentTarget(*r->targetRoi) +
             (r->targetMet ? ", " + markdownVerdict(true, *r->targetMet) : "");
  std::string out;
  row(out, {name, formatMoney(c.leads, ""), money(c.cost, p), enters,
            c.segment ? markdownText(*c.segment) : "all", formatDecimal(r->expectedCustomers),
            a.winValue.empty() ? "not known" : money(r->expectedRevenue, p),
            money(r->expectedMargin, p), roi.figure, target});
  return out;
}

} // namespace

std::string playbookSegments(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  if (p.segments.empty() || a.segments.size() != p.segments.size())
    return "";
  std::string out = "## Segments\n\n";
  out += "The leads split into these segments. The figures of the stages and of the analysis "
         "above are their blend: each segment's, weighted by its odds of being at the stage.\n\n";
  out += "| Segment | Share of leads | Win rate | Value per lead | Margin per lead | Expected time "
         "to win |\n| --- | ---: | ---: | ---: | ---: | ---: |\n";
  for (size_t k = 0; k < p.segments.size(); ++k) {
    const rt::Segment& g = p.segments[k];
    const rt::Analysis& ga = a.segments[k].analysis;
    row(out, {"**" + markdownText(g.name) + "**" +
                  (g.description.empty() ? "" : ": " + markdownText(g.description)),
              percent(g.share), percent(ga.winRate()), money(ga.valuePerLead(), p),
              money(ga.marginPerLead, p), daysToWin(ga, g.process.start)});
  }
  out += "\n**What differs**\n\n";
  bool any = false;
  for (const rt::Segment& g : p.segments) {
    std::vector<Difference> ds = differences(p, g);
    if (ds.empty())
      continue;
    if (!any)
      out += "| Segment | Where | What | Process | Segment |\n| --- | --- | --- | --- | --- |\n";
    any = true;
    for (const Difference& d : ds)
      row(out, {markdownText(g.name), d.where.empty() ? "the process" : markdownText(d.where),
                markdownText(d.what), markdownText(d.process), markdownText(d.segment)});
  }
  out += any ? "\n" : "No segment states anything differently from the process.\n\n";
  return out;
}

std::string playbookCampaigns(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  if (ap.campaigns.empty() || p.states.empty())
    return "";
  std::string out = "## Campaigns\n\n";
  out += "What each campaign's leads are predicted to bring. ROI is (margin - cost) / cost when "
         "the process states a margin, else (revenue - cost) / cost.\n\n";
  out += "| Campaign | Leads | Cost | Enter at | Segment | Expected customers | Revenue | Margin "
         "| ROI | Target ROI |\n| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | --- "
         "|\n";
  for (const rt::Campaign& c : ap.campaigns)
    out += campaignRow(p, ap.analysis, c);
  return out + "\n";
}

} // namespace salesc::emit
