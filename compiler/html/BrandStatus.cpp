//===- BrandStatus.cpp - The brand's rules and whether the process keeps them ===//
#include "Headline.h"
#include "HtmlText.h"
#include "ProcessTables.h"

#include "emit/Format.h"
#include "salesc/runtime/Format.h"

#include "llvm/ADT/STLExtras.h"

#include <fmt/format.h>

namespace salesc::html {

namespace {

struct Rule {
  std::string rule;   ///< HTML
  std::string status; ///< HTML: the verdict and what it rests on
};

/// The stages (as links) for which `breaks` is true, or "" when none.
template <typename Pred> std::string stagesWhere(const rt::Process& p, Pred breaks) {
  std::string out;
  for (const rt::State& s : p.states)
    if (!s.isOutcome() && breaks(s))
      out += (out.empty() ? "" : ", ") + stageLink(s);
  return out;
}

std::string keptUnless(const std::string& breakers) {
  return breakers.empty() ? verdict(true) : verdict(false) + ": " + breakers;
}

bool teachesAll(const rt::State& s) {
  return llvm::all_of(s.learn, [&](const rt::Item& k) {
    auto teaches = [&](const rt::Item& i) { return llvm::is_contained(i.teaches, k.name); };
    return llvm::any_of(s.provide, teaches) || llvm::any_of(s.tactics, teaches);
  });
}

std::string requirementRule(const rt::Process& p, rt::Requirement r) {
  switch (r) {
  case rt::Requirement::Knowledge:
    return keptUnless(stagesWhere(p, [](const rt::State& s) { return s.learn.empty(); }));
  case rt::Requirement::Materials:
    return keptUnless(stagesWhere(p, [](const rt::State& s) { return s.provide.empty(); }));
  case rt::Requirement::Time:
    return keptUnless(
        stagesWhere(p, [](const rt::State& s) { return !s.hasTime && !s.isSignoff(); }));
  case rt::Requirement::Teaching:
    return keptUnless(stagesWhere(p, [](const rt::State& s) { return !teachesAll(s); }));
  case rt::Requirement::Values:
    return verdict(true) + " (checked by salesc check)";
  }
  return "";
}

const char* requirementText(rt::Requirement r) {
  switch (r) {
  case rt::Requirement::Knowledge:
    return "Every stage has something the prospect learns";
  case rt::Requirement::Materials:
    return "Every stage has literature or tools we provide";
  case rt::Requirement::Time:
    return "Every stage states its time";
  case rt::Requirement::Values:
    return "Every stage conveys one of the brand's values";
  case rt::Requirement::Teaching:
    return "Everything the prospect learns is taught by material or a tactic";
  }
  return "";
}

} // namespace

std::string brandRules(const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  if (!p.brand)
    return "";
  const rt::Brand& b = *p.brand;
  std::vector<Rule> rules;
  if (!b.values.empty())
    rules.push_back({"Values every stage should show: " + list(b.values), "stated"});
  for (const std::string& t : b.forbiddenTactics)
    rules.push_back({"Never use the tactic " + text(emit::words(t)),
                     keptUnless(stagesWhere(p, [&](const rt::State& s) {
                       return llvm::any_of(s.tactics,
                                           [&](const rt::Item& i) { return i.name == t; });
                     }))});
  for (const std::string& c : b.forbiddenCategories)
    rules.push_back({"Never use tactics of the kind " + text(emit::words(c)),
                     verdict(true) + " (checked by salesc check)"});
  for (rt::Requirement r : b.requirements)
    rules.push_back({requirementText(r), requirementRule(p, r)});
  if (b.maxStages) {
    const size_t n = llvm::count_if(p.states, [](const rt::State& s) { return !s.isOutcome(); });
    rules.push_back({fmt::format("At most {} stages", *b.maxStages),
                     verdict(n <= *b.maxStages) + text(fmt::format(": {} stages", n))});
  }
  if (b.maxCycleDays) {
    const rt::Analysis& a = ap.analysis;
    rules.push_back(
        {"Expected time to win at most " + text(rt::days(*b.maxCycleDays)),
         verdict(a.winsWithin(*b.maxCycleDays)) + ": " +
             text(a.winRate() > 0 ? rt::days(a.expectedDaysToWin[p.start]) : "never wins")});
  }
  std::string t = "<table>\n<tr><th>Rule</th><th>Status</th></tr>\n";
  for (const Rule& r : rules)
    t += "<tr><td>" + r.rule + "</td><td>" + r.status + "</td></tr>\n";
  std::string intro = "The rules of the brand <strong>" +
                      text(b.description.empty() ? emit::words(b.name) : b.description) +
                      "</strong> and whether this process keeps them.";
  return "<section id=\"brand\">\n<h2>Brand rules</h2>\n<p>" + intro + "</p>\n" + t +
         "</table>\n</section>\n";
}

} // namespace salesc::html
