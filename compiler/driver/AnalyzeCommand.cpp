//===- AnalyzeCommand.cpp - `salesc analyze`: the process's predictions ---===//
#include "RuntimeInput.h"
#include "TextTable.h"

#include "emit/Format.h"
#include "emit/TextFormat.h"
#include "salesc/runtime/Sensitivity.h"

#include "llvm/Support/JSON.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::driver {

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(analyzeCommand());
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

std::string money(double v, const std::string& currency) {
  return emit::formatMoney(v, currency);
}

std::string targetNote(bool met, const std::string& target) {
  return fmt::format(" (target {}, {})", target, met ? "met" : "missed");
}

/// Stage indexes ranked by their share of the expected time, largest first.
std::vector<uint32_t> bottlenecks(const rt::Process& p, const rt::Analysis& a) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (!p.states[i].isOutcome() && a.timeShare[i] > 0)
      out.push_back(i);
  std::stable_sort(out.begin(), out.end(),
                   [&](uint32_t x, uint32_t y) { return a.timeShare[x] > a.timeShare[y]; });
  return out;
}

void printText(const RuntimeProcess& rp) {
  const rt::Process& p = *rp.process;
  const rt::Analysis& a = rp.analysis;
  llvm::raw_ostream& os = llvm::outs();
  os << p.name;
  if (!p.description.empty())
    os << ": " << p.description;
  os << '\n';
  double win = a.winRate(), toWin = a.expectedDaysToWin[p.start];
  os << "  win rate from the start (" << p.states[p.start].name << "): " << emit::percent(win);
  if (p.targetWinRate)
    os << targetNote(win + 1e-12 >= *p.targetWinRate, emit::percent(*p.targetWinRate));
  os << '\n';
  os << "  expected time to win: " << (win > 0 ? emit::days(toWin) : "never wins");
  if (p.targetCycleDays && win > 0)
    os << targetNote(toWin <= *p.targetCycleDays + 1e-9, emit::days(*p.targetCycleDays));
  os << "\n  expected time until any outcome: " << emit::days(a.expectedDaysToClose[p.start])
     << '\n';
  if (p.value)
    os << "  value of a lead: " << money(*p.value * win, p.currency) << " ("
       << money(*p.value, p.currency) << " x " << emit::percent(win) << ")\n";
  os << '\n';
  TextTable stages(
      {"stage", "win probability", "days to win", "days to close", "visits", "share of time"});
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    if (p.states[i].isOutcome())
      continue;
    stages.row(
        {p.states[i].name, emit::percent(a.winProbability[i]),
         std::isnan(a.expectedDaysToWin[i]) ? "-" : fmt::format("{:.2f}", a.expectedDaysToWin[i]),
         fmt::format("{:.2f}", a.expectedDaysToClose[i]),
         fmt::format("{:.3f}", a.expectedVisits[i]), emit::percent(a.timeShare[i])});
  }
  stages.print(os);
  std::vector<uint32_t> ranked = bottlenecks(p, a);
  if (!ranked.empty()) {
    os << "\n  bottlenecks (share of the expected time): ";
    for (size_t k = 0; k < ranked.size() && k < 3; ++k)
      os << (k ? ", " : "") << p.states[ranked[k]].name << " "
         << emit::percent(a.timeShare[ranked[k]]);
    os << '\n';
  }
  std::vector<rt::EdgeSensitivity> sens = rt::sensitivity(p, a);
  if (!sens.empty()) {
    os << "\n  where one more point of conversion pays most:\n";
    std::vector<std::string> header{"edge", "win rate gain"};
    if (p.value)
      header.push_back("value per lead gain");
    TextTable t(header);
    for (const rt::EdgeSensitivity& s : sens) {
      const rt::Transition& e = p.transitions[s.transition];
      std::vector<std::string> row{p.states[e.from].name + " -> " + p.states[e.to].name,
                                   fmt::format("+{:.3f} pt", s.winRateGain * 100)};
      if (s.valuePerLeadGain)
        row.push_back("+" + money(*s.valuePerLeadGain, p.currency));
      t.row(row);
    }
    t.print(os);
  }
}

void printJson(llvm::json::OStream& j, const RuntimeProcess& rp) {
  const rt::Process& p = *rp.process;
  const rt::Analysis& a = rp.analysis;
  j.object([&] {
    j.attribute("name", p.name);
    j.attribute("start", p.states[p.start].name);
    jsonNumber(j, "win_probability", a.winRate());
    jsonNumber(j, "expected_days_to_win", a.expectedDaysToWin[p.start]);
    jsonNumber(j, "expected_days_to_close", a.expectedDaysToClose[p.start]);
    if (p.value)
      jsonNumber(j, "value_per_lead", *p.value * a.winRate());
    else
      j.attribute("value_per_lead", nullptr);
    j.attribute("currency",
                p.currency.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(p.currency));
    j.attributeObject("targets", [&] {
      j.attribute("win_rate", p.targetWinRate ? llvm::json::Value(*p.targetWinRate) : nullptr);
      j.attribute("cycle_days",
                  p.targetCycleDays ? llvm::json::Value(*p.targetCycleDays) : nullptr);
    });
    j.attributeArray("stages", [&] {
      for (uint32_t i = 0; i < p.states.size(); ++i) {
        if (p.states[i].isOutcome())
          continue;
        j.object([&] {
          j.attribute("name", p.states[i].name);
          jsonNumber(j, "win_probability", a.winProbability[i]);
          jsonNumber(j, "expected_days_to_win", a.expectedDaysToWin[i]);
          jsonNumber(j, "expected_days_to_close", a.expectedDaysToClose[i]);
          jsonNumber(j, "expected_visits", a.expectedVisits[i]);
          jsonNumber(j, "time_share", a.timeShare[i]);
        });
      }
    });
    j.attributeArray("outcomes", [&] {
      for (uint32_t i = 0; i < p.states.size(); ++i)
        if (p.states[i].isOutcome())
          j.object([&] {
            j.attribute("name", p.states[i].name);
            j.attribute("kind", p.states[i].kind == rt::StateKind::Won ? "won" : "lost");
            jsonNumber(j, "probability", a.expectedVisits[i]);
          });
    });
    j.attributeArray("bottlenecks", [&] {
      for (uint32_t i : bottlenecks(p, a))
        j.value(p.states[i].name);
    });
    j.attributeArray("sensitivity", [&] {
      for (const rt::EdgeSensitivity& s : rt::sensitivity(p, a))
        j.object([&] {
          const rt::Transition& e = p.transitions[s.transition];
          j.attribute("from", p.states[e.from].name);
          j.attribute("to", p.states[e.to].name);
          jsonNumber(j, "win_rate_gain", s.winRateGain);
          if (s.valuePerLeadGain)
            jsonNumber(j, "value_per_lead_gain", *s.valuePerLeadGain);
          else
            j.attribute("value_per_lead_gain", nullptr);
        });
    });
  });
}

} // namespace

int runAnalyze(const char* argv0) {
  RuntimeInput in;
  if (int status = loadRuntimeInput(argv0, options().input, options().process, in))
    return status;
  if (options().format == ReportFormat::Json) {
    llvm::json::OStream j(llvm::outs(), 2);
    j.object([&] {
      j.attribute("version", 1);
      j.attributeArray("processes", [&] {
        for (const RuntimeProcess& p : in.processes)
          printJson(j, p);
      });
    });
    llvm::outs() << '\n';
    return 0;
  }
  for (size_t i = 0; i < in.processes.size(); ++i) {
    if (i)
      llvm::outs() << '\n';
    printText(in.processes[i]);
  }
  return 0;
}

} // namespace salesc::driver
