//===- ProcessTables.cpp - The tables of a process's report page ----------===//
#include "ProcessTables.h"

#include "Headline.h"
#include "HtmlText.h"

#include "emit/Format.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Roi.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::html {

namespace {

std::string joined(const std::vector<std::string>& htmlItems, llvm::StringRef none) {
  if (htmlItems.empty())
    return text(none);
  std::string out;
  for (size_t i = 0; i < htmlItems.size(); ++i)
    out += (i ? ", " : "") + htmlItems[i];
  return out;
}

std::string items(const std::vector<rt::Item>& xs) {
  std::vector<std::string> names;
  for (const rt::Item& i : xs)
    names.push_back(itemName(i));
  return joined(names, "");
}

} // namespace

std::vector<uint32_t> stageOrder(const rt::Process& p) {
  std::vector<uint32_t> order;
  if (p.start < p.states.size() && !p.states[p.start].isOutcome())
    order.push_back(p.start);
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (!p.states[i].isOutcome() && i != p.start)
      order.push_back(i);
  return order;
}

std::string roleName(const rt::Process& p, const std::string& role) {
  for (const rt::Role& r : p.roles)
    if (r.name == role && !r.description.empty())
      return text(r.description);
  return text(emit::words(role));
}

std::string stageLink(const rt::State& s) {
  return "<a href=\"#" + stageAnchor(s.name) + "\">" + text(emit::words(s.name)) + "</a>";
}

std::string itemName(const rt::Item& i) {
  return text(i.description.empty() ? emit::words(i.name) : i.description);
}

std::string stakeholderMap(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  if (p.roles.empty())
    return "";
  std::string t = "<table>\n" + header({"Role", "Needs to know", "Learns it at", "Signs off at"});
  for (const rt::Role& r : p.roles) {
    std::vector<std::string> needs, learnedAt, signs;
    for (const rt::Item& need : r.needs) {
      needs.push_back(itemName(need));
      for (uint32_t i : stageOrder(p))
        if (llvm::any_of(p.states[i].learn, [&](const rt::Item& k) { return k.name == need.name; }))
          learnedAt.push_back(stageLink(p.states[i]));
    }
    for (uint32_t i : stageOrder(p))
      for (const rt::Signoff& s : p.states[i].signoffs)
        if (s.role == r.name)
          signs.push_back(stageLink(p.states[i]) + ": approves " + text(rt::percent(s.share)) +
                          ", answers in " + text(rt::formatTime(s.time)));
    t += "<tr>" + cell("<strong>" + roleName(p, r.name) + "</strong>") +
         cell(joined(needs, "nothing stated")) + cell(joined(learnedAt, "no stage")) +
         cell(joined(signs, "does not sign off")) + "</tr>\n";
  }
  return section("stakeholders", "Stakeholder map",
                 "Who decides on the buyer's side, what each needs to know, where they learn it "
                 "and where they sign off.",
                 t + "</table>\n");
}

std::string exitCriteria(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  std::string rows;
  for (uint32_t i : stageOrder(p))
    for (size_t k = 0; k < p.states[i].exitCriteria.size(); ++k)
      rows += "<tr>" + cell(k ? "" : stageLink(p.states[i])) +
              cell(text(p.states[i].exitCriteria[k])) + "</tr>\n";
  if (rows.empty())
    return "";
  return section("exit-criteria", "Exit criteria", "What must be true before a deal moves on.",
                 "<table>\n" + header({"Stage", "Before a deal moves on"}) + rows + "</table>\n");
}

std::string segments(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  if (a.segments.empty())
    return "";
  std::string t = "<table>\n<tr><th>Segment</th><th class=\"num\">Share</th><th "
                  "class=\"num\">Win rate</th><th class=\"num\">Time to win</th><th "
                  "class=\"num\">Value per lead</th><th class=\"num\">Margin per lead</th></tr>\n";
  for (size_t g = 0; g < a.segments.size(); ++g) {
    const rt::SegmentAnalysis& s = a.segments[g];
    const rt::Analysis& x = s.analysis;
    const std::string& description = p.segments[g].description;
    const double toWin = x.expectedDaysToWin[x.start];
    std::optional<double> perLead = x.valuePerLead();
    t += "<tr>" + cell(text(description.empty() ? emit::words(s.name) : description)) +
         cell(text(rt::percent(s.share)), true) + cell(text(rt::percent(x.winRate())), true) +
         cell(std::isnan(toWin) ? "never wins" : text(rt::days(toWin)), true) +
         cell(perLead ? text(rt::formatMoney(*perLead, p.currency)) : "-", true) +
         cell(x.marginPerLead ? text(rt::formatMoney(*x.marginPerLead, p.currency)) : "-", true) +
         "</tr>\n";
  }
  return section("segments", "Segments",
                 "The leads split into these segments; the figures at the top blend them.",
                 t + "</table>\n");
}

std::string campaigns(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  if (ap.campaigns.empty())
    return "";
  std::string t =
      "<table>\n<tr><th>Campaign</th><th class=\"num\">Leads</th><th class=\"num\">Cost</th><th "
      "class=\"num\">Customers (P10 to P90)</th><th class=\"num\">Revenue</th><th "
      "class=\"num\">Margin</th><th class=\"num\">ROI</th><th>Target</th></tr>\n";
  for (const rt::Campaign& c : ap.campaigns) {
    llvm::Expected<rt::RoiResult> r = rt::roi(p, ap.analysis, c);
    std::string name = text(c.description.empty() ? emit::words(c.name) : c.description);
    if (!r) {
      t += "<tr>" + cell(name) + "<td colspan=\"7\">" + text(llvm::toString(r.takeError())) +
           "</td></tr>\n";
      continue;
    }
    auto money = [&](double v) { return text(rt::formatMoney(v, p.currency)); };
    t += "<tr>" + cell(name) + cell(text(rt::formatMoney(c.leads, "")), true) +
         cell(money(c.cost), true) +
         cell(text(fmt::format("{} ({} to {})", rt::formatMoney(r->expectedCustomers, ""),
                               rt::formatMoney(static_cast<double>(r->customersP10), ""),
                               rt::formatMoney(static_cast<double>(r->customersP90), ""))),
              true) +
         cell(money(r->expectedRevenue), true) +
         cell(r->expectedMargin ? money(*r->expectedMargin) : "-", true) +
         cell(r->roi ? text(rt::percent(*r->roi)) : "not defined (no cost)", true) +
         cell(r->targetRoi ? text(rt::percent(*r->targetRoi)) + ", " + verdict(*r->targetMet)
                           : "none") +
         "</tr>\n";
  }
  return section("campaigns", "Campaigns",
                 std::string("What each campaign's leads are predicted to return (ROI on ") +
                     (p.margin ? "the margin" : "revenue") + ").",
                 t + "</table>\n");
}

std::string knowledgeByStage(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  std::string rows;
  for (uint32_t i : stageOrder(p)) {
    const rt::State& s = p.states[i];
    if (s.learn.empty() && s.provide.empty() && s.tactics.empty())
      continue;
    rows += "<tr>" + cell(stageLink(s)) + cell(items(s.learn)) + cell(items(s.provide)) +
            cell(items(s.tactics)) + "</tr>\n";
  }
  if (rows.empty())
    return "";
  return section("knowledge", "Knowledge by stage",
                 "What the prospect learns at each stage, and what we provide and do to teach it.",
                 "<table>\n" + header({"Stage", "The prospect learns", "We provide", "Tactics"}) +
                     rows + "</table>\n");
}

} // namespace salesc::html
