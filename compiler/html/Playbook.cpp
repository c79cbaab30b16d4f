//===- Playbook.cpp - The playbook's stages as HTML, and their tooltips ---===//
#include "Playbook.h"

#include "HtmlText.h"
#include "ProcessTables.h"

#include "emit/Format.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Holding.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::html {

namespace {

std::string stateName(const rt::State& s) {
  return emit::words(s.name);
}

/// "signed (won)", "lost": an outcome by its name as words, with its kind when the name
/// does not say it.
std::string outcomeName(const rt::State& s) {
  const std::string kind = rt::toString(s.kind).str();
  return s.name == kind ? kind : stateName(s) + " (" + kind + ")";
}

void itemList(std::string& out, llvm::StringRef title, const std::vector<rt::Item>& xs) {
  if (xs.empty())
    return;
  out += "<p><strong>" + text(title) + "</strong></p>\n<ul>\n";
  for (const rt::Item& i : xs)
    out += "<li>" + text(emit::displayName(i.name, i.description)) + "</li>\n";
  out += "</ul>\n";
}

std::string teamName(const rt::Process& p, const std::string& name) {
  for (const rt::Team& t : p.teams)
    if (t.name == name)
      return emit::displayName(t.name, t.description);
  return emit::words(name);
}

/// The figures of stage `i`, as label and value, as `salesc analyze` says them.
std::vector<std::pair<std::string, std::string>> figures(const rt::AnalyzedProcess& ap,
                                                         uint32_t i) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  const rt::State& s = p.states[i];
  std::vector<std::pair<std::string, std::string>> out;
  if (s.isOutcome()) {
    out.emplace_back("leads that end here", rt::percent(a.expectedVisits[i]));
    if (s.kind == rt::StateKind::Won)
      if (std::optional<double> v = p.winValue(i))
        out.emplace_back("value of a win", rt::formatMoney(*v, p.currency));
    return out;
  }
  out.emplace_back("reached by", rt::percent(a.reachProbability[i]) + " of leads");
  out.emplace_back("wins from here", rt::percent(a.winProbability[i]));
  if (!std::isnan(a.expectedDaysToWin[i]))
    out.emplace_back("days to win", rt::days(a.expectedDaysToWin[i]));
  out.emplace_back("time here",
                   s.timeWritten.empty() ? rt::days(a.meanDays[i]) + " on average" : s.timeWritten);
  out.emplace_back("share of the time", rt::percent(a.timeShare[i]));
  if (a.bottleneck && *a.bottleneck == i)
    out.emplace_back("bottleneck", "the largest share of the time");
  return out;
}

} // namespace

llvm::json::Object stageFigures(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  llvm::json::Object out;
  if (ap.analysis.reachProbability.size() != p.states.size())
    return out;
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const rt::State& s = p.states[i];
    llvm::json::Array lines;
    for (auto& [label, value] : figures(ap, i))
      lines.push_back(llvm::json::Array{label, value});
    std::string title = stateName(s);
    if (!s.description.empty())
      title += ": " + s.description;
    out[s.name] = llvm::json::Object{{"title", title},
                                     {"anchor", s.isOutcome() ? "outcomes" : stageAnchor(s.name)},
                                     {"lines", std::move(lines)}};
  }
  return out;
}

std::string playbook(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  std::string out = "<section id=\"playbook\">\n<h2>Playbook</h2>\n";
  const std::vector<uint32_t> order = stageOrder(p);
  for (size_t n = 0; n < order.size(); ++n) {
    const uint32_t i = order[n];
    const rt::State& s = p.states[i];
    out += "<section class=\"stage\" id=\"" + stageAnchor(s.name) + "\">\n<h3>" +
           text(fmt::format("{}. {}{}", n + 1, stateName(s), i == p.start ? " (start)" : "")) +
           "</h3>\n";
    if (!s.description.empty())
      out += "<p>" + text(s.description) + "</p>\n";
    if (!s.owner.empty())
      out += "<p><strong>Owner:</strong> " + text(teamName(p, s.owner)) + "</p>\n";
    itemList(out, "What the prospect must learn", s.learn);
    itemList(out, "Literature and tools we provide", s.provide);
    itemList(out, "Tactics", s.tactics);
    if (s.isSignoff()) {
      out += "<p><strong>Sign-offs</strong>: every role reviews at the same time; the deal "
             "moves on when all approve (" +
             text(rt::percent(rt::approvedShare(s.signoffs))) +
             " of the deals).</p>\n<table>\n<tr><th>Role</th><th class=\"num\">Approves</th>"
             "<th>Answers in</th></tr>\n";
      for (const rt::Signoff& r : s.signoffs)
        out += "<tr><td>" + roleName(p, r.role) + "</td><td class=\"num\">" +
               text(rt::percent(r.share)) + "</td><td>" + text(rt::formatTime(r.time)) +
               "</td></tr>\n";
      out += "</table>\n";
    }
    if (!s.exitCriteria.empty()) {
      out += "<p><strong>Exit criteria</strong>: before a deal moves on</p>\n<ul "
             "class=\"checklist\">\n";
      for (const std::string& c : s.exitCriteria)
        out += "<li>" + text(c) + "</li>\n";
      out += "</ul>\n";
    }
    if (s.hasTime)
      out += "<p><strong>Time:</strong> " +
             text(s.timeWritten.empty() ? rt::formatTime(s.time) : s.timeWritten) + "</p>\n";
    out += "<p><strong>Next:</strong> ";
    bool first = true;
    for (const rt::Transition& t : p.transitions)
      if (t.from == i) {
        const rt::State& to = p.states[t.to];
        out += (first ? "" : ", ") +
               (to.isOutcome() ? "<a href=\"#outcomes\">" + text(outcomeName(to)) + "</a>"
                               : stageLink(to)) +
               " " + text(rt::percent(t.probability));
        first = false;
      }
    out += "</p>\n<p><strong>Figures:</strong> ";
    first = true;
    for (auto& [label, value] : figures(ap, i)) {
      out += (first ? "" : "; ") + text(label) + " " + text(value);
      first = false;
    }
    out += "</p>\n</section>\n";
  }
  out += "<section id=\"outcomes\">\n<h3>Outcomes</h3>\n<table>\n<tr><th>Outcome</th><th>Kind</th>"
         "<th class=\"num\">Leads that end here</th></tr>\n";
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const rt::State& s = p.states[i];
    if (!s.isOutcome())
      continue;
    out += "<tr><td>" + text(s.description.empty() ? stateName(s) : s.description) + "</td><td>" +
           rt::toString(s.kind).str() + "</td><td class=\"num\">" +
           (a.expectedVisits.size() == p.states.size() ? text(rt::percent(a.expectedVisits[i]))
                                                       : "-") +
           "</td></tr>\n";
  }
  return out + "</table>\n</section>\n</section>\n";
}

} // namespace salesc::html
