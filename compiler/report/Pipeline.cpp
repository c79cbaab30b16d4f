//===- Pipeline.cpp - The forecast's pipeline snapshot and overdue deals --===//
#include "Pipeline.h"
#include "Json.h"
#include "TextTable.h"

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Printable.h"

#include <fmt/format.h>

#include <algorithm>

namespace salesc::report {

namespace {

std::string money(const rt::Process& p, double v) {
  return rt::formatMoney(v, p.currency);
}

/// The knowledge a role needs, by name ("budget_fit, payback").
std::vector<std::string> roleNeeds(const rt::Process& p, const std::string& role) {
  std::vector<std::string> out;
  for (const rt::Role& r : p.roles)
    if (r.name == role)
      for (const rt::Item& k : r.needs)
        out.push_back(k.name);
  return out;
}

/// "a, b and c".
std::string list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + rt::printable(names[i]);
  return out;
}

std::vector<std::string> names(const std::vector<rt::Item>& items) {
  std::vector<std::string> out;
  for (const rt::Item& i : items)
    out.push_back(i.name);
  return out;
}

/// What to do next at stage `s`, a line each; empty when the process says nothing.
std::vector<std::string> nextSteps(const rt::Process& p, const rt::State& s) {
  std::vector<std::string> out;
  for (const rt::Item& k : s.learn)
    out.push_back("the prospect must learn " + rt::printable(k.name) +
                  (k.description.empty() ? "" : ": " + rt::printable(k.description)));
  if (!s.provide.empty())
    out.push_back("provide " + list(names(s.provide)));
  if (!s.tactics.empty())
    out.push_back("tactics: " + list(names(s.tactics)));
  for (const std::string& c : s.exitCriteria)
    out.push_back("exit when " + rt::printable(c));
  for (const rt::Signoff& r : s.signoffs) {
    std::vector<std::string> needs = roleNeeds(p, r.role);
    out.push_back("awaits the sign-off of " + rt::printable(r.role) + " (approves " +
                  rt::percent(r.share) + (needs.empty() ? "" : ", needs " + list(needs)) + ")");
  }
  return out;
}

void itemsJson(llvm::json::OStream& j, llvm::StringRef key, const std::vector<rt::Item>& items) {
  j.attributeArray(key, [&] {
    for (const rt::Item& i : items)
      j.object([&] {
        jsonText(j, "name", i.name);
        jsonText(j, "description", i.description);
      });
  });
}

void nextStepsJson(llvm::json::OStream& j, const rt::Process& p, const rt::State& s) {
  j.attributeObject("next_steps", [&] {
    itemsJson(j, "learn", s.learn);
    itemsJson(j, "provide", s.provide);
    itemsJson(j, "tactics", s.tactics);
    j.attributeArray("exit_criteria", [&] {
      for (const std::string& c : s.exitCriteria)
        jsonText(j, c);
    });
    j.attributeArray("signoffs", [&] {
      for (const rt::Signoff& r : s.signoffs)
        j.object([&] {
          jsonText(j, "role", r.role);
          j.attribute("share", r.share);
          j.attributeArray("needs", [&] {
            for (const std::string& k : roleNeeds(p, r.role))
              jsonText(j, k);
          });
        });
    });
  });
}

/// The fields every deal of the report starts with.
void dealHeader(llvm::json::OStream& j, const rt::Process& p, llvm::StringRef id, uint32_t state,
                double daysInStage) {
  jsonText(j, "deal", id);
  j.attribute("stage", p.states[state].name);
  j.attribute("days_in_stage", daysInStage);
}

} // namespace

void printStages(llvm::raw_ostream& os, const rt::Process& p, const rt::ForecastResult& r) {
  os << "\n  open deals by stage:\n";
  TextTable t({"stage", "deals", "value", "weighted"});
  for (const rt::StageSnapshot& s : r.stages)
    t.row(
        {p.states[s.state].name, std::to_string(s.deals), money(p, s.value), money(p, s.weighted)});
  t.print(os);
}

void stagesJson(llvm::json::OStream& j, const rt::Process& p, const rt::ForecastResult& r) {
  j.attributeArray("stages", [&] {
    for (const rt::StageSnapshot& s : r.stages)
      j.object([&] {
        j.attribute("name", p.states[s.state].name);
        j.attribute("deals", s.deals);
        j.attribute("value", s.value);
        j.attribute("weighted", s.weighted);
      });
  });
}

void printOverdue(llvm::raw_ostream& os, const rt::Process& p, const rt::ForecastResult& r) {
  if (r.overdue.empty())
    return;
  const double share = r.weightedPipeline > 0 ? r.overdueWeighted / r.weightedPipeline : 0;
  os << fmt::format("\n  overdue deals (at or past their stage's maximum time): {} of {}, {} or "
                    "{} of the weighted pipeline.\n",
                    r.overdue.size(), r.openDeals, money(p, r.overdueWeighted), rt::percent(share));
  os << "  The process says they should have moved on. Each is forecast to stay in its stage\n"
        "  a further time drawn at random with the stage's mean time as its average,\n"
        "  whatever it has waited already (not to move on today), then to go on as usual:\n";
  TextTable t({"deal", "stage", "days in stage", "max days", "weighted", "share"});
  for (const rt::OverdueDeal& d : r.overdue)
    t.row({rt::printable(d.id), p.states[d.state].name, fmt::format("{:.0f}", d.daysInStage),
           rt::formatDecimal(d.maxDays), money(p, d.weighted),
           rt::percent(r.weightedPipeline > 0 ? d.weighted / r.weightedPipeline : 0)});
  t.print(os);
}

void overdueJson(llvm::json::OStream& j, const rt::Process& p, const rt::ForecastResult& r) {
  j.attribute("overdue_weighted", r.overdueWeighted);
  jsonNumber(j, "overdue_share",
             r.weightedPipeline > 0 ? r.overdueWeighted / r.weightedPipeline : 0);
  j.attributeArray("overdue", [&] {
    for (const rt::OverdueDeal& d : r.overdue)
      j.object([&] {
        dealHeader(j, p, d.id, d.state, d.daysInStage);
        j.attribute("max_days", d.maxDays);
        j.attribute("weighted", d.weighted);
        jsonNumber(j, "share", r.weightedPipeline > 0 ? d.weighted / r.weightedPipeline : 0);
      });
  });
}

void printDeals(llvm::raw_ostream& os, const rt::Process& p, const rt::ForecastResult& r) {
  if (r.deals.empty())
    return;
  std::vector<const rt::DealSnapshot*> order;
  for (const rt::DealSnapshot& d : r.deals)
    order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](auto* x, auto* y) {
    return x->state != y->state ? x->state < y->state : x->daysInStage > y->daysInStage;
  });
  os << "\n  open deals:\n";
  TextTable t({"deal", "stage", "days in stage", "win probability", "value", "weighted", "flags"});
  for (const rt::DealSnapshot* d : order) {
    std::string flags = d->overdue && d->stalled ? "overdue, stalled"
                        : d->overdue             ? "overdue"
                        : d->stalled             ? "stalled"
                                                 : "";
    t.row({rt::printable(d->id), p.states[d->state].name, fmt::format("{:.0f}", d->daysInStage),
           rt::percent(d->winProbability), money(p, d->value), money(p, d->weighted), flags});
  }
  t.print(os);
  os << "\n  what to do next, stage by stage (from the process):\n";
  for (const rt::StageSnapshot& s : r.stages) {
    if (s.deals == 0)
      continue;
    const rt::State& st = p.states[s.state];
    os << "  " << st.name << " (" << s.deals << (s.deals == 1 ? " deal" : " deals") << "):\n";
    std::vector<std::string> steps = nextSteps(p, st);
    if (steps.empty())
      os << "    - the process states nothing to do here\n";
    for (const std::string& line : steps)
      os << "    - " << line << '\n';
  }
}

void dealsJson(llvm::json::OStream& j, const rt::Process& p, const rt::ForecastResult& r) {
  j.attributeArray("deals", [&] {
    for (const rt::DealSnapshot& d : r.deals)
      j.object([&] {
        dealHeader(j, p, d.id, d.state, d.daysInStage);
        j.attribute("win_probability", d.winProbability);
        j.attribute("value", d.value);
        j.attribute("weighted", d.weighted);
        j.attribute("overdue", d.overdue);
        j.attribute("stalled", d.stalled);
        nextStepsJson(j, p, p.states[d.state]);
      });
  });
}

} // namespace salesc::report
