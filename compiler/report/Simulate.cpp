//===- Simulate.cpp - The report of `salesc simulate` ---------------------===//
#include "Json.h"
#include "PerProcess.h"
#include "Report.h"
#include "TextTable.h"

#include "salesc/runtime/Format.h"

#include <cmath>
#include <fmt/format.h>
#include <optional>

namespace salesc::report {

namespace {

/// The value of a win the revenue percentiles use, from the chain: the process's when
/// every win takes it (and there are no segments), else the exact mean value of a win
/// (value of a lead / win rate); nullopt without values or when no prospect can win.
std::optional<double> valuePerWin(const rt::AnalyzedProcess& ap) {
  if (ap.process->oneWinValue())
    return ap.process->value;
  const std::optional<double> perLead = ap.analysis.valuePerLead();
  if (perLead && ap.analysis.winRate() > 0)
    return *perLead / ap.analysis.winRate();
  return std::nullopt;
}

/// The q-quantile of the revenue of N leads: the value of a win x the q-quantile of
/// Binomial(N, the chain's exact win rate).
double revenueQuantile(const rt::AnalyzedProcess& ap, double valuePerWin, uint64_t n, double q) {
  return valuePerWin * rt::binomialQuantile(n, ap.analysis.winRate(), q);
}

/// The simulated value of a lead: what the wins are worth, over the prospects.
std::optional<double> valuePerLead(const rt::SimulationResult& s) {
  if (!s.revenue)
    return std::nullopt;
  return *s.revenue / static_cast<double>(s.prospects);
}

void printRun(llvm::raw_ostream& os, const SimulationRun& r, uint64_t seed) {
  const rt::Process& p = *r.process->process;
  const rt::SimulationResult& s = r.result;
  os << p.name << ": " << s.prospects << " prospects simulated (seed " << seed << ")\n";
  os << "  win rate: " << rt::percent(s.winRate) << " (the simulation's precision: 95% interval "
     << rt::percent(s.winRateLow) << " to " << rt::percent(s.winRateHigh)
     << "); the chain predicts " << rt::percent(r.process->analysis.winRate()) << '\n';
  if (s.wins) {
    TextTable t({"days to win", "P10", "P50", "P90", "mean"});
    t.row({"simulated", fmt::format("{:.1f}", s.daysToWin.p10),
           fmt::format("{:.1f}", s.daysToWin.p50), fmt::format("{:.1f}", s.daysToWin.p90),
           fmt::format("{:.2f}", s.daysToWin.mean)});
    t.row({"predicted", "", "", "",
           fmt::format("{:.2f}", r.process->analysis.expectedDaysToWin[p.start])});
    t.print(os);
  }
  if (std::optional<double> value = valuePerWin(*r.process)) {
    uint64_t n = s.prospects;
    auto revenue = [&](double q) {
      return rt::formatMoney(revenueQuantile(*r.process, *value, n, q), p.currency);
    };
    os << "  revenue for " << n << " leads at the chain's win rate: P10 " << revenue(0.1)
       << ", P50 " << revenue(0.5) << ", P90 " << revenue(0.9) << '\n';
  }
  const std::optional<double> predicted = r.process->analysis.valuePerLead();
  if (std::optional<double> perLead = valuePerLead(s); !p.oneWinValue() && perLead && predicted)
    os << "  value of a lead: " << rt::formatMoney(*perLead, p.currency) << "; the chain predicts "
       << rt::formatMoney(*predicted, p.currency) << '\n';
  for (size_t g = 0; g < s.segments.size(); ++g) {
    const rt::SimulatedSegment& seg = s.segments[g];
    os << "  segment " << seg.name << ": " << seg.finished << " prospects, win rate "
       << rt::percent(seg.finished ? static_cast<double>(seg.wins) / seg.finished : 0.0)
       << "; the chain predicts " << rt::percent(r.process->analysis.segments[g].analysis.winRate())
       << '\n';
  }
  if (s.unfinished)
    os << "  " << s.unfinished << " prospects were still in the process after the step limit\n";
}

void runJson(llvm::json::OStream& j, const SimulationRun& r, uint64_t seed) {
  const rt::Process& p = *r.process->process;
  const rt::SimulationResult& s = r.result;
  j.object([&] {
    j.attribute("name", p.name);
    j.attribute("prospects", s.prospects);
    j.attribute("seed", seed);
    j.attribute("wins", s.wins);
    j.attribute("win_rate", s.winRate);
    j.attributeArray("win_rate_interval", [&] {
      j.value(s.winRateLow);
      j.value(s.winRateHigh);
    });
    j.attribute("predicted_win_rate", r.process->analysis.winRate());
    // No winner: no time to win (JSON null, never NaN).
    j.attributeObject("days_to_win", [&] {
      jsonNumber(j, "p10", s.daysToWin.p10);
      jsonNumber(j, "p50", s.daysToWin.p50);
      jsonNumber(j, "p90", s.daysToWin.p90);
      jsonNumber(j, "mean", s.daysToWin.mean);
      jsonNumber(j, "standard_error", s.wins > 1 ? s.daysToWin.standardError() : NAN);
    });
    jsonNumber(j, "days_to_close_mean", s.daysToClose.mean);
    if (std::optional<double> value = valuePerWin(*r.process)) {
      j.attributeObject("revenue", [&] {
        for (auto [key, q] : {std::pair{"p10", 0.1}, {"p50", 0.5}, {"p90", 0.9}})
          j.attribute(key, revenueQuantile(*r.process, *value, s.prospects, q));
      });
    } else {
      j.attribute("revenue", nullptr);
    }
    jsonOptional(j, "value_per_lead", valuePerLead(s));
    jsonOptional(j, "predicted_value_per_lead", r.process->analysis.valuePerLead());
    j.attributeArray("segments", [&] {
      for (size_t g = 0; g < s.segments.size(); ++g)
        j.object([&] {
          const rt::SimulatedSegment& seg = s.segments[g];
          j.attribute("name", seg.name);
          j.attribute("finished", seg.finished);
          j.attribute("wins", seg.wins);
          j.attribute("predicted_win_rate", r.process->analysis.segments[g].analysis.winRate());
        });
    });
    j.attribute("transitions", s.transitions);
    j.attribute("unfinished", s.unfinished);
  });
}

} // namespace

std::string simulateText(llvm::ArrayRef<SimulationRun> runs, uint64_t seed) {
  return perProcessText(
      runs, [&](llvm::raw_ostream& os, const SimulationRun& r) { printRun(os, r, seed); });
}

std::string simulateJson(llvm::ArrayRef<SimulationRun> runs, uint64_t seed) {
  return perProcessJson(
      runs, [&](llvm::json::OStream& j, const SimulationRun& r) { runJson(j, r, seed); });
}

} // namespace salesc::report
