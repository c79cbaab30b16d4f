//===- Calibrate.cpp - The report of `salesc calibrate` -------------------===//
#include "Json.h"
#include "Report.h"
#include "TextTable.h"

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Loaders.h"

#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <fmt/format.h>
#include <optional>

namespace salesc::report {

namespace {

std::string edgeName(const rt::Process& p, uint32_t from, uint32_t to) {
  return p.states[from].name + " -> " + p.states[to].name;
}

/// A time in the stage's own unit, one decimal: ">4.2" when the quantile is not reached
/// (beyond the longest visit).
std::string inUnit(double days, double longest, double per) {
  if (!std::isnan(days))
    return rt::formatDecimal(days / per);
  return std::isnan(longest) ? std::string("-") : ">" + rt::formatDecimal(longest / per);
}

std::string statedTime(const rt::State& s) {
  if (!s.hasTime)
    return "-";
  if (!s.timeWritten.empty())
    return s.timeWritten;
  return fmt::format("{:g} to {:g} days typical {:g}", s.time.min, s.time.max, s.time.typical);
}

void printEdges(llvm::raw_ostream& os, const rt::Process& p, const rt::Calibration& c) {
  os << "  shares: each edge's moves out of all the moves out of its stage, with a 95% credible\n"
        "  interval (the Beta posterior from the Jeffreys prior Beta(1/2, 1/2)):\n";
  TextTable t({"edge", "moves", "of", "stated", "estimate", "95% interval"});
  for (const rt::EdgeCalibration& e : c.edges) {
    const rt::PercentAgainst estimate = rt::percentAgainst(e.estimate, e.stated);
    t.row({edgeName(p, e.from, e.to) + (e.implicit ? " (remainder)" : ""), std::to_string(e.count),
           std::to_string(e.trials), estimate.target, e.trials ? estimate.figure : "-",
           e.trials ? rt::percent(e.low) + " to " + rt::percent(e.high) : "-"});
  }
  t.print(os);
}

void printStages(llvm::raw_ostream& os, const rt::Process& p, const rt::Calibration& c) {
  os << "\n  time in stage, in the unit each stage states: min, typical and max estimated as the\n"
        "  P10, median and P90 of its visits, the ones still open counted as lasting at least\n"
        "  until the as-of date (Kaplan-Meier):\n";
  TextTable t({"stage", "visits", "open", "stated", "P10", "median", "P90", "unit"});
  for (const rt::StageCalibration& s : c.stages) {
    const rt::State& state = p.states[s.state];
    const rt::WrittenUnit unit = rt::writtenUnit(state.timeWritten);
    const double longest = c.observed.states[s.state].kmLongest;
    t.row({state.name, std::to_string(s.visits), std::to_string(s.open), statedTime(state),
           inUnit(s.estimated.min, longest, unit.days),
           inUnit(s.estimated.typical, longest, unit.days),
           inUnit(s.estimated.max, longest, unit.days), unit.plural});
  }
  t.print(os);
}

/// "next proposal 50% -> 43%" for each share that changes.
void shareChanges(const rt::Process& p, const rt::StageProposal& s, std::vector<std::string>& out) {
  for (const auto& [edge, units] : s.shares) {
    const rt::Transition& t = p.transitions[edge];
    if (std::fabs(units - t.probability * 100) > 1e-9)
      out.push_back(fmt::format("next {} {} -> {}%", p.states[t.to].name,
                                rt::percentAsWritten(t.probability * 100), units));
  }
}

/// The time line as --write leaves it, in the author's unit: the same form (fixed, a
/// range, with or without a typical time), the new numbers.
std::string proposedTime(const rt::State& state, const rt::TimeProposal& t) {
  if (state.time.min == state.time.max)
    return rt::withUnit(t.typical, t.unit.plural);
  std::string range = t.min + " to " + rt::withUnit(t.max, t.unit.plural);
  if (!llvm::StringRef(state.timeWritten).contains(" typical "))
    return range;
  return range + " typical " + rt::withUnit(t.typical, t.unit.plural);
}

void printProposals(llvm::raw_ostream& os, const rt::Process& p, const rt::Calibration& c) {
  std::vector<std::string> changes;
  for (const rt::StageProposal& s : c.proposals) {
    const rt::State& state = p.states[s.state];
    std::vector<std::string> own;
    shareChanges(p, s, own);
    for (const std::string& line : own)
      changes.push_back("stage " + state.name + ": " + line);
    if (s.time) {
      std::string now = proposedTime(state, *s.time);
      if (now != state.timeWritten)
        changes.push_back("stage " + state.name + ": time " + state.timeWritten + " -> " + now);
    }
  }
  std::vector<std::string> kept = calibrateKept(p, c);
  os << "\n  the numbers calibrate --write would change (--diff shows the edit):\n";
  if (changes.empty())
    os << "  (none: the file already states what the history shows, as far as it shows it)\n";
  for (const std::string& line : changes)
    os << "  " << line << '\n';
  if (kept.empty())
    return;
  os << "\n  left as the file states them, and why:\n";
  for (const std::string& line : kept)
    os << "  " << line << '\n';
}

void daysJson(llvm::json::OStream& j, llvm::StringRef key, const rt::Days& d) {
  j.attributeObject(key, [&] {
    jsonNumber(j, "min", d.min);
    jsonNumber(j, "typical", d.typical);
    jsonNumber(j, "max", d.max);
  });
}

} // namespace

namespace {

/// The moves out of stage `s` that no `next` line states: how many, where they went, and
/// what the proposed shares make of them (the implicit remainder takes them, or they are
/// left out); empty when there are none.
std::string unstatedMoves(const rt::Process& p, const rt::Calibration& c, uint32_t s) {
  std::optional<uint32_t> remainder;
  for (const rt::Transition& t : p.transitions)
    if (t.from == s && t.implicit)
      remainder = t.to;
  uint64_t moves = 0;
  std::vector<std::string> where;
  for (const rt::UnexpectedTransition& u : c.observed.unexpected)
    if (u.from && *u.from == s) {
      moves += u.count;
      where.push_back(fmt::format("{} {}", p.states[u.to].name, u.count));
    }
  const uint64_t left = c.observed.states[s].left;
  if (moves == 0 || left == 0)
    return "";
  if (remainder)
    return fmt::format("stage {}: {} of its {} moves ({}) went where no `next` line leads ({}); "
                       "the remainder takes them, so the file would count them as {}: add a "
                       "`next` line for each (conform --suggest proposes one for a move of 1% "
                       "or more)",
                       p.states[s].name, moves, left,
                       rt::percent(static_cast<double>(moves) / static_cast<double>(left)),
                       llvm::join(where, ", "), p.states[*remainder].name);
  return fmt::format("stage {}: {} of its {} moves ({}) went where no `next` line leads ({}); "
                     "they are left out, and its shares are of the {} moves it states "
                     "(conform --suggest proposes a line for a move of 1% or more)",
                     p.states[s].name, moves, left,
                     rt::percent(static_cast<double>(moves) / static_cast<double>(left)),
                     llvm::join(where, ", "), left - moves);
}

} // namespace

std::vector<std::string> calibrateKept(const rt::Process& p, const rt::Calibration& c) {
  std::vector<std::string> kept;
  for (const rt::StageProposal& s : c.proposals) {
    const std::string& name = p.states[s.state].name;
    if (!s.shares.empty())
      if (std::string moves = unstatedMoves(p, c, s.state); !moves.empty())
        kept.push_back(std::move(moves));
    if (!s.sharesKept.empty())
      kept.push_back("stage " + name + ": shares kept: " + s.sharesKept);
    if (!s.timeKept.empty())
      kept.push_back("stage " + name + ": time kept: " + s.timeKept);
  }
  return kept;
}

std::string calibrateText(const CalibrateReport& report) {
  const rt::Process& p = *report.process;
  const rt::Calibration& c = *report.calibration;
  std::string out;
  llvm::raw_string_ostream os(out);
  os << p.name << ": " << rt::counted(c.observed.deals, "deal") << ", "
     << rt::counted(c.observed.events, "event") << " as of " << rt::formatDate(c.observed.asOf)
     << '\n';
  if (c.observed.laterEvents)
    os << "  " << rt::counted(c.observed.laterEvents, "event")
       << " dated after the as-of date left out\n";
  os << '\n';
  printEdges(os, p, c);
  printStages(os, p, c);
  printProposals(os, p, c);
  return os.str();
}

std::string calibrateJson(const CalibrateReport& report) {
  const rt::Process& p = *report.process;
  const rt::Calibration& c = *report.calibration;
  return jsonDocument([&](llvm::json::OStream& j) {
    j.object([&] {
      j.attributeArray("edges", [&] {
        for (const rt::EdgeCalibration& e : c.edges)
          j.object([&] {
            j.attribute("from", p.states[e.from].name);
            j.attribute("to", p.states[e.to].name);
            j.attribute("stated", e.stated);
            jsonNumber(j, "estimate", e.estimate);
            jsonNumber(j, "low", e.low);
            jsonNumber(j, "high", e.high);
            j.attribute("count", e.count);
          });
      });
      j.attributeArray("stages", [&] {
        for (const rt::StageCalibration& s : c.stages)
          j.object([&] {
            j.attribute("name", p.states[s.state].name);
            if (s.stated)
              daysJson(j, "stated_days", *s.stated);
            else
              j.attribute("stated_days", nullptr);
            daysJson(j, "estimated_days", s.estimated);
            j.attribute("visits", s.visits);
            j.attribute("open", s.open);
          });
      });
    });
  });
}

} // namespace salesc::report
