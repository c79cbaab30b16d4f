//===- Analyze.cpp - The report of `salesc analyze` -----------------------===//
#include "Json.h"
#include "PerProcess.h"
#include "Report.h"
#include "TextTable.h"

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Holding.h"
#include "salesc/runtime/Sensitivity.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::report {

namespace {

std::string targetNote(bool met, const std::string& target) {
  return fmt::format(" (target {}, {})", target, met ? "met" : "missed");
}

/// What the wins at won outcome `o` add to the value of a lead: P(end at o) x the value
/// of a win there, summed over segments by share. Requires values (winValue not empty).
double outcomeValuePerLead(const rt::Process& p, const rt::Analysis& a, uint32_t o) {
  if (a.segments.empty())
    return a.expectedVisits[o] * a.winValue[o];
  double sum = 0;
  for (const rt::SegmentAnalysis& g : a.segments)
    sum += g.share * g.analysis.expectedVisits[o] * g.analysis.winValue[o];
  return sum;
}

/// The value and the margin of a lead.
void printValue(llvm::raw_ostream& os, const rt::Process& p, const rt::Analysis& a) {
  std::optional<double> perLead = a.valuePerLead();
  if (!perLead)
    return;
  auto money = [&](double v) { return rt::formatMoney(v, p.currency); };
  os << "  value of a lead: " << money(*perLead);
  if (p.oneWinValue() && p.value)
    os << " (" << money(*p.value) << " x "
       << rt::percentFactor(a.winRate(), *p.value, p.targetWinRate) << ")\n";
  else
    os << " (the sum over won outcomes of P(win there) x the value of a win there)\n";
  if (a.marginPerLead)
    os << "  margin per lead: " << money(*a.marginPerLead) << '\n';
}

/// The value of a lead by won outcome: the probability of ending there from the start
/// and what those wins are worth (blended over segments). Shown when some outcome has a
/// value of its own or the process has segments.
void printOutcomeValues(llvm::raw_ostream& os, const rt::Process& p, const rt::Analysis& a) {
  if (p.oneWinValue() || a.winValue.empty())
    return;
  os << "\n  value by won outcome:\n";
  TextTable t({"outcome", "probability", "value of a win", "value per lead"});
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    if (p.states[i].kind != rt::StateKind::Won)
      continue;
    const double perLead = outcomeValuePerLead(p, a, i), prob = a.expectedVisits[i];
    t.row({p.states[i].name, rt::percent(prob),
           prob > 0 ? rt::formatMoney(perLead / prob, p.currency) : "-",
           rt::formatMoney(perLead, p.currency)});
  }
  t.print(os);
}

/// Per segment: its share, win rate, time to win, value and margin of a lead.
void printSegments(llvm::raw_ostream& os, const rt::Process& p, const rt::Analysis& a) {
  if (a.segments.empty())
    return;
  os << "\n  segments (the figures above blend them):\n";
  std::vector<std::string> header{"segment", "share", "win rate", "days to win"};
  if (!a.winValue.empty())
    header.push_back("value per lead");
  if (a.marginPerLead)
    header.push_back("margin per lead");
  TextTable t(header);
  for (const rt::SegmentAnalysis& g : a.segments) {
    const rt::Analysis& x = g.analysis;
    const double toWin = x.expectedDaysToWin[x.start];
    std::vector<std::string> row{g.name, rt::percent(g.share), rt::percent(x.winRate()),
                                 std::isnan(toWin) ? "-" : fmt::format("{:.2f}", toWin)};
    if (!a.winValue.empty())
      row.push_back(rt::formatMoney(*x.valuePerLead(), p.currency));
    if (a.marginPerLead)
      row.push_back(rt::formatMoney(*x.marginPerLead, p.currency));
    t.row(row);
  }
  t.print(os);
}

void printHeadline(llvm::raw_ostream& os, const rt::Process& p, const rt::Analysis& a) {
  os << p.name;
  if (!p.description.empty())
    os << ": " << p.description;
  os << '\n';
  double win = a.winRate(), toWin = a.expectedDaysToWin[p.start];
  os << "  win rate from the start (" << p.states[p.start].name
     << "): " << rt::percentAgainst(win, p.targetWinRate).figure;
  if (p.targetWinRate)
    os << targetNote(*a.winRateTargetMet, rt::percentTarget(*p.targetWinRate));
  os << '\n';
  os << "  expected time to win: " << (win > 0 ? rt::days(toWin) : "never wins");
  if (a.cycleTargetMet)
    os << targetNote(*a.cycleTargetMet, rt::days(*p.targetCycleDays));
  os << "\n  expected time until any outcome: " << rt::days(a.expectedDaysToClose[p.start]) << '\n';
  printValue(os, p, a);
  os << '\n';
}

void printStages(llvm::raw_ostream& os, const rt::Process& p, const rt::Analysis& a) {
  TextTable stages(
      {"stage", "win probability", "days to win", "days to close", "visits", "share of time"});
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    if (p.states[i].isOutcome())
      continue;
    stages.row(
        {p.states[i].name, rt::percent(a.winProbability[i]),
         std::isnan(a.expectedDaysToWin[i]) ? "-" : fmt::format("{:.2f}", a.expectedDaysToWin[i]),
         fmt::format("{:.2f}", a.expectedDaysToClose[i]),
         fmt::format("{:.3f}", a.expectedVisits[i]), rt::percent(a.timeShare[i])});
  }
  stages.print(os);
  const std::vector<uint32_t>& ranked = a.bottlenecks;
  if (!ranked.empty()) {
    os << "\n  bottlenecks (share of the expected time): ";
    for (size_t k = 0; k < ranked.size() && k < 3; ++k)
      os << (k ? ", " : "") << p.states[ranked[k]].name << " "
         << rt::percent(a.timeShare[ranked[k]]);
    os << '\n';
  }
}

/// The gain of one more point of approval by a role, as the tables say a gain.
std::string roleGain(const rt::SignoffSensitivity& s) {
  if (s.shareStep <= 0)
    return "- (approves all)";
  std::string gain = fmt::format("+{:.3f} pt", s.winRateGain * 100);
  return s.shareStep < 0.01 ? gain + " (to 100%)" : gain;
}

/// For each sign-off stage: what its roles approve together and how long the last answer
/// takes, each role's share, mean time and gain from one more point of approval, the
/// role most likely to block and the slowest.
void printSignoffs(llvm::raw_ostream& os, const rt::Process& p, const rt::Analysis& a) {
  std::vector<rt::SignoffSensitivity> gains = rt::signoffSensitivity(p, a);
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const rt::State& s = p.states[i];
    if (!s.isSignoff())
      continue;
    os << "\n  sign-off at " << s.name << ": all " << s.signoffs.size() << " roles approve "
       << rt::percentAsWritten(rt::approvedShare(s.signoffs) * 100)
       << " of the deals; the last answer comes after " << rt::days(a.meanDays[i])
       << " on average\n";
    std::vector<std::string> header{"role", "share", "mean days", "one more point"};
    if (!a.winValue.empty())
      header.push_back("value per lead gain");
    TextTable t(header);
    for (uint32_t r = 0; r < s.signoffs.size(); ++r) {
      const rt::Signoff& role = s.signoffs[r];
      std::vector<std::string> row{role.role, rt::percentAsWritten(role.share * 100),
                                   fmt::format("{:.2f}", role.time.mean()), "-"};
      for (const rt::SignoffSensitivity& g : gains)
        if (g.state == i && g.signoff == r) {
          row[3] = roleGain(g);
          if (g.valuePerLeadGain)
            row.push_back("+" + rt::formatMoney(*g.valuePerLeadGain, p.currency));
        }
      if (row.size() < header.size())
        row.push_back("-");
      t.row(row);
    }
    t.print(os);
    const rt::Signoff& blocker = s.signoffs[rt::mostLikelyToBlock(s.signoffs)];
    const rt::Signoff& slowest = s.signoffs[rt::slowestRole(s.signoffs)];
    os << "  most likely to block: " << blocker.role << " (approves "
       << rt::percentAsWritten(blocker.share * 100) << "); slowest: " << slowest.role << " ("
       << rt::days(slowest.time.mean()) << " on average)\n";
  }
}

void printSensitivity(llvm::raw_ostream& os, const rt::Process& p, const rt::Analysis& a) {
  std::vector<rt::EdgeSensitivity> sens = rt::sensitivity(p, a);
  if (sens.empty())
    return;
  os << "\n  where one more point of conversion pays most:\n";
  std::vector<std::string> header{"edge", "win rate gain"};
  if (!a.winValue.empty())
    header.push_back("value per lead gain");
  TextTable t(header);
  for (const rt::EdgeSensitivity& s : sens) {
    const rt::Transition& e = p.transitions[s.transition];
    std::string gain = fmt::format("+{:.3f} pt", s.winRateGain * 100);
    if (s.shareStep < 0.01) // the stage loses less than a point: all of it moved
      gain += " (moved " + rt::percent(s.shareStep) + ", all it loses)";
    std::vector<std::string> row{p.states[e.from].name + " -> " + p.states[e.to].name, gain};
    if (s.valuePerLeadGain)
      row.push_back("+" + rt::formatMoney(*s.valuePerLeadGain, p.currency));
    t.row(row);
  }
  t.print(os);
}

void stageJson(llvm::json::OStream& j, const rt::Process& p, const rt::Analysis& a) {
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
        jsonNumber(j, "mean_days", a.meanDays[i]);
        const rt::State& s = p.states[i];
        if (!s.isSignoff())
          return;
        j.attributeArray("signoffs", [&] {
          for (const rt::Signoff& r : s.signoffs)
            j.object([&] {
              j.attribute("role", r.role);
              jsonNumber(j, "share", r.share);
              jsonNumber(j, "mean_days", r.time.mean());
            });
        });
        jsonNumber(j, "approved_share", rt::approvedShare(s.signoffs));
        j.attribute("most_likely_to_block", s.signoffs[rt::mostLikelyToBlock(s.signoffs)].role);
        j.attribute("slowest", s.signoffs[rt::slowestRole(s.signoffs)].role);
      });
    }
  });
  j.attributeArray("outcomes", [&] {
    for (uint32_t i = 0; i < p.states.size(); ++i)
      if (p.states[i].isOutcome())
        j.object([&] {
          j.attribute("name", p.states[i].name);
          j.attribute("kind", rt::toString(p.states[i].kind));
          jsonNumber(j, "probability", a.expectedVisits[i]);
          if (p.states[i].kind != rt::StateKind::Won)
            return;
          if (a.winValue.empty()) {
            j.attribute("value_per_lead", nullptr);
            return;
          }
          jsonNumber(j, "value_per_lead", outcomeValuePerLead(p, a, i));
        });
  });
}

void sensitivityJson(llvm::json::OStream& j, const rt::Process& p, const rt::Analysis& a) {
  j.attributeArray("bottlenecks", [&] {
    for (uint32_t i : a.bottlenecks)
      j.value(p.states[i].name);
  });
  j.attributeArray("sensitivity", [&] {
    for (const rt::EdgeSensitivity& s : rt::sensitivity(p, a))
      j.object([&] {
        const rt::Transition& e = p.transitions[s.transition];
        j.attribute("from", p.states[e.from].name);
        j.attribute("to", p.states[e.to].name);
        j.attribute("share_step", s.shareStep);
        jsonNumber(j, "win_rate_gain", s.winRateGain);
        jsonOptional(j, "value_per_lead_gain", s.valuePerLeadGain);
      });
  });
  j.attributeArray("signoff_sensitivity", [&] {
    for (const rt::SignoffSensitivity& s : rt::signoffSensitivity(p, a))
      j.object([&] {
        j.attribute("stage", p.states[s.state].name);
        j.attribute("role", p.states[s.state].signoffs[s.signoff].role);
        jsonNumber(j, "share_step", s.shareStep);
        jsonNumber(j, "win_rate_gain", s.winRateGain);
        jsonOptional(j, "value_per_lead_gain", s.valuePerLeadGain);
      });
  });
}

void segmentsJson(llvm::json::OStream& j, const rt::Analysis& a) {
  j.attributeArray("segments", [&] {
    for (const rt::SegmentAnalysis& g : a.segments)
      j.object([&] {
        const rt::Analysis& x = g.analysis;
        j.attribute("name", g.name);
        jsonNumber(j, "share", g.share);
        jsonNumber(j, "win_probability", x.winRate());
        jsonOptional(j, "value_per_lead", x.valuePerLead());
        jsonOptional(j, "margin_per_lead", x.marginPerLead);
        jsonNumber(j, "expected_days_to_win", x.expectedDaysToWin[x.start]);
        jsonNumber(j, "expected_days_to_close", x.expectedDaysToClose[x.start]);
      });
  });
}

void processJson(llvm::json::OStream& j, const rt::AnalyzedProcess& ap) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  j.object([&] {
    j.attribute("name", p.name);
    j.attribute("start", p.states[p.start].name);
    jsonNumber(j, "win_probability", a.winRate());
    jsonNumber(j, "expected_days_to_win", a.expectedDaysToWin[p.start]);
    jsonNumber(j, "expected_days_to_close", a.expectedDaysToClose[p.start]);
    jsonOptional(j, "value_per_lead", a.valuePerLead());
    jsonOptional(j, "margin_per_lead", a.marginPerLead);
    jsonOptional(j, "margin", p.margin);
    j.attribute("currency",
                p.currency.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(p.currency));
    j.attributeObject("targets", [&] {
      jsonOptional(j, "win_rate", p.targetWinRate);
      jsonOptional(j, "cycle_days", p.targetCycleDays);
    });
    stageJson(j, p, a);
    sensitivityJson(j, p, a);
    segmentsJson(j, a);
  });
}

} // namespace

std::string analyzeText(llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  return perProcessText(ps, [](llvm::raw_ostream& os, const rt::AnalyzedProcess& p) {
    printHeadline(os, *p.process, p.analysis);
    printStages(os, *p.process, p.analysis);
    printOutcomeValues(os, *p.process, p.analysis);
    printSegments(os, *p.process, p.analysis);
    printSignoffs(os, *p.process, p.analysis);
    printSensitivity(os, *p.process, p.analysis);
  });
}

std::string analyzeJson(llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  return perProcessJson(ps, processJson);
}

} // namespace salesc::report
