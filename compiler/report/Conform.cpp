//===- Conform.cpp - The report of `salesc conform` -----------------------===//
#include "Json.h"
#include "Report.h"
#include "Stalled.h"
#include "TextTable.h"

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Holding.h"
#include "salesc/runtime/Loaders.h"
#include "salesc/runtime/Printable.h"
#include "salesc/runtime/Significance.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::report {

namespace {

/// The stated range of a stage's time as its source writes it; for a sign-off stage,
/// that of the maximum of its roles' times, in days.
std::string range(const rt::State& s) {
  if (!s.hasTime && !s.isSignoff())
    return "-";
  if (s.hasTime && !s.timeWritten.empty())
    return s.timeWritten;
  const auto [low, high] = rt::holdingRange(s);
  return fmt::format("{:g} to {:g}", low, high);
}

std::string stateName(const rt::Process& p, std::optional<uint32_t> s) {
  return s ? p.states[*s].name : std::string("(entry)");
}

/// A Kaplan-Meier quantile: ">12.0" when not reached (beyond the longest visit).
std::string kmText(double q, const rt::StageConformance& s) {
  if (!std::isnan(q))
    return fmt::format("{:.1f}", q);
  return std::isnan(s.kmLongest) ? std::string("-") : fmt::format(">{:.1f}", s.kmLongest);
}

/// What a flag column says: `rejected` with the adjusted p-value when flagged beyond
/// chance across the report; `outside` and "within chance over N tests" when only the
/// plain 95% figure is off.
std::string verdict(bool flagged, double rawP, double adjustedP, bool outside, uint64_t tests,
                    llvm::StringRef rejected, llvm::StringRef outsideText) {
  if (flagged)
    return fmt::format("{} (adjusted {})", rejected.str(), rt::pValueText(adjustedP));
  if (!outside)
    return "";
  // Beyond chance alone, but not across the report's tests; or within chance even alone
  // (a median outside the range on a few visits).
  if (rawP < rt::FlagLevel)
    return fmt::format("{}, within chance over {} tests", outsideText.str(), tests);
  return outsideText.str() + ", within chance";
}

void printStages(llvm::raw_ostream& os, const rt::Process& p, const rt::ConformResult& r) {
  os << "  days in stage: median and P90 counting the visits still open as lasting at least\n"
        "  until the as-of date (Kaplan-Meier), and over the completed visits only:\n";
  TextTable stages({"stage", "deals", "visits", "open", "median", "P90", "completed median",
                    "completed P90", "stated", ""});
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const rt::StageConformance& s = r.states[i];
    if (p.states[i].isOutcome()) {
      stages.row({p.states[i].name, std::to_string(s.entered), "", "", "", "", "", "", "", ""});
      continue;
    }
    bool timed = s.left > 0;
    stages.row({p.states[i].name, std::to_string(s.entered), std::to_string(s.visits),
                std::to_string(s.open), kmText(s.kmMedian, s), kmText(s.kmP90, s),
                timed ? fmt::format("{:.1f}", s.median) : "-",
                timed ? fmt::format("{:.1f}", s.p90) : "-", range(p.states[i]),
                verdict(s.timeFlagged, s.timePValue, s.timeAdjustedP, s.timeOutside, r.tests,
                        "outside the stated time", "outside")});
  }
  stages.print(os);
}

void printEdges(llvm::raw_ostream& os, const rt::Process& p, const rt::ConformResult& r) {
  os << "\n  conversion on each edge (observed against stated, with a 95% interval; flagged when\n"
        "  the stated rate is rejected across all "
     << r.tests << " tests of this report, Holm-adjusted):\n";
  TextTable edges({"edge", "deals", "moves", "observed", "stated", "95% interval", ""});
  for (const rt::EdgeConformance& e : r.edges) {
    const rt::PercentAgainst observed = rt::percentAgainst(e.observed, e.stated);
    edges.row({p.states[e.from].name + " -> " + p.states[e.to].name, std::to_string(e.deals),
               std::to_string(e.count), e.trials ? observed.figure : "-", observed.target,
               e.trials ? rt::percent(e.low) + " to " + rt::percent(e.high) : "-",
               verdict(e.flagged, e.pValue, e.adjustedP, e.outside, r.tests, "stated rate rejected",
                       "outside the interval")});
  }
  edges.print(os);
  if (r.unexpected.empty())
    return;
  os << "\n  transitions the process does not have:\n";
  TextTable u({"transition", "kind", "deals", "moves", "for example"});
  for (const rt::UnexpectedTransition& t : r.unexpected) {
    std::string examples;
    for (size_t k = 0; k < t.examples.size(); ++k)
      examples += (k ? ", " : "") + rt::printable(t.examples[k]);
    u.row({stateName(p, t.from) + " -> " + p.states[t.to].name, rt::kindName(t.kind).str(),
           std::to_string(t.deals), std::to_string(t.count), examples});
  }
  u.print(os);
}

void stagesJson(llvm::json::OStream& j, const rt::Process& p, const rt::ConformResult& r) {
  j.attributeArray("stages", [&] {
    for (uint32_t i = 0; i < p.states.size(); ++i)
      j.object([&] {
        const rt::StageConformance& s = r.states[i];
        j.attribute("name", p.states[i].name);
        j.attribute("entered", s.entered);
        j.attribute("visits", s.visits);
        j.attribute("left", s.left);
        j.attribute(p.states[i].isOutcome() ? "ended" : "open", s.open);
        jsonNumber(j, "median_days", s.median);
        jsonNumber(j, "p90_days", s.p90);
        jsonNumber(j, "km_median_days", s.kmMedian);
        jsonNumber(j, "km_p90_days", s.kmP90);
        jsonNumber(j, "longest_days", s.kmLongest);
        j.attribute("time_outside_range", s.timeOutside);
        if (s.timeTested) {
          j.attribute("time_p_value", s.timePValue);
          j.attribute("time_adjusted_p_value", s.timeAdjustedP);
        } else {
          j.attribute("time_p_value", nullptr);
          j.attribute("time_adjusted_p_value", nullptr);
        }
        j.attribute("time_flagged", s.timeFlagged);
      });
  });
}

void edgesJson(llvm::json::OStream& j, const rt::Process& p, const rt::ConformResult& r) {
  j.attributeArray("edges", [&] {
    for (const rt::EdgeConformance& e : r.edges)
      j.object([&] {
        j.attribute("from", p.states[e.from].name);
        j.attribute("to", p.states[e.to].name);
        j.attribute("stated", e.stated);
        j.attribute("count", e.count);
        j.attribute("deals", e.deals);
        j.attribute("trials", e.trials);
        jsonNumber(j, "observed", e.observed);
        jsonNumber(j, "low", e.low);
        jsonNumber(j, "high", e.high);
        j.attribute("outside", e.outside);
        jsonNumber(j, "p_value", e.trials ? e.pValue : NAN);
        jsonNumber(j, "adjusted_p_value", e.trials ? e.adjustedP : NAN);
        j.attribute("flagged", e.flagged);
      });
  });
  j.attributeArray("unexpected", [&] {
    for (const rt::UnexpectedTransition& u : r.unexpected)
      j.object([&] {
        j.attribute("kind", rt::kindName(u.kind));
        j.attribute("from", stateName(p, u.from));
        j.attribute("to", p.states[u.to].name);
        j.attribute("count", u.count);
        j.attribute("deals", u.deals);
        j.attributeArray("examples", [&] {
          for (const std::string& e : u.examples)
            jsonText(j, e);
        });
      });
  });
}

} // namespace

std::string conformText(const ConformReport& report) {
  const rt::Process& p = *report.process;
  const rt::ConformResult& r = *report.result;
  std::string out;
  llvm::raw_string_ostream os(out);
  os << p.name << ": " << rt::counted(r.deals, "deal") << ", " << rt::counted(r.events, "event")
     << " as of " << rt::formatDate(r.asOf) << '\n';
  if (r.laterEvents)
    os << "  " << rt::counted(r.laterEvents, "event") << " dated after the as-of date left out\n";
  os << '\n';
  printStages(os, p, r);
  printEdges(os, p, r);
  printStalled(os, p, r.stalled, "open deals stalled past their stage's limit");
  for (const ConformReport::Segment& g : report.segments) {
    os << "\nsegment " << g.name
       << " (compared with the segment's own process): " << rt::counted(g.result.deals, "deal")
       << ", " << rt::counted(g.result.events, "event") << "\n\n";
    printStages(os, *g.process, g.result);
    printEdges(os, *g.process, g.result);
    printStalled(os, *g.process, g.result.stalled, "open deals stalled past their stage's limit");
  }
  if (report.suggestions) {
    os << "\n  edits that would match what was observed:\n";
    if (report.suggestions->empty())
      os << "  (none: too few observations, or nothing differs from the process beyond chance)\n";
    for (const std::string& e : *report.suggestions)
      os << "  " << e << '\n';
  }
  return os.str();
}

std::string conformJson(const ConformReport& report) {
  const rt::Process& p = *report.process;
  const rt::ConformResult& r = *report.result;
  return jsonDocument([&](llvm::json::OStream& j) {
    j.object([&] {
      j.attribute("version", 1);
      j.attribute("process", p.name);
      j.attribute("rows_read", report.load->rowsRead);
      j.attribute("rows_rejected", report.load->rowsRejected);
      j.attribute("events", r.events);
      j.attribute("deals", r.deals);
      j.attribute("as_of", rt::formatDate(r.asOf));
      j.attribute("events_after_as_of", r.laterEvents);
      j.attribute("tests", r.tests);
      j.attribute("flag_level", rt::FlagLevel);
      stagesJson(j, p, r);
      edgesJson(j, p, r);
      stalledJson(j, p, r.stalled);
      j.attributeArray("segments", [&] {
        for (const ConformReport::Segment& g : report.segments)
          j.object([&] {
            j.attribute("name", g.name);
            j.attribute("events", g.result.events);
            j.attribute("deals", g.result.deals);
            j.attribute("events_after_as_of", g.result.laterEvents);
            j.attribute("tests", g.result.tests);
            stagesJson(j, *g.process, g.result);
            edgesJson(j, *g.process, g.result);
            stalledJson(j, *g.process, g.result.stalled);
          });
      });
      if (report.suggestions)
        j.attributeArray("suggestions", [&] {
          for (const std::string& e : *report.suggestions)
            j.value(e);
        });
    });
  });
}

} // namespace salesc::report
