//===- ConformCommand.cpp - `salesc conform`: real histories vs the process ===//
#include "CsvInput.h"
#include "RuntimeInput.h"
#include "TextTable.h"

#include "emit/Format.h"
#include "salesc/runtime/Conform.h"
#include "salesc/runtime/Loaders.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/WithColor.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(conformCommand());
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

cl::opt<std::string> Events("events", cl::sub(conformCommand()), cl::Required,
                            cl::value_desc("log.csv"),
                            cl::desc("Stage history: CSV with header deal,stage,timestamp, one "
                                     "row per entry into a stage or outcome"));
cl::opt<std::string> AsOf("as-of", cl::sub(conformCommand()), cl::value_desc("YYYY-MM-DD"),
                          cl::desc("The day open deals are judged stalled on (default: today)"));
cl::opt<bool> Suggest("suggest", cl::sub(conformCommand()),
                      cl::desc("Print the edits to the .sales file that would match what "
                               "was observed"));

std::string range(const rt::State& s) {
  if (!s.hasTime)
    return "-";
  return fmt::format("{:g} to {:g}", s.time.min, s.time.max);
}

} // namespace

int runConform(const char* argv0) {
  std::optional<double> asOf = asOfDay(AsOf);
  if (!asOf)
    return 2;
  RuntimeInput in;
  if (int status = loadRuntimeInput(argv0, options().input, options().process, in))
    return status;
  const RuntimeProcess* single = singleProcess(in, "the stage history");
  if (!single)
    return 2;
  const rt::Process& p = *single->process;
  std::optional<rt::CsvTable> table = readCsv(Events);
  if (!table)
    return 1;
  rt::LoadReport report;
  std::vector<rt::StageEvent> events = rt::loadEvents(*table, p, Events, report);
  int status = reportLoad(report, Events);
  if (events.empty() && status != 0)
    return 1; // nothing usable: a report of zeros would only mislead
  rt::ConformResult r = rt::conform(p, events, *asOf);
  std::vector<std::string> edits;
  if (Suggest)
    edits = rt::suggest(p, r);

  auto name = [&](std::optional<uint32_t> s) {
    return s ? p.states[*s].name : std::string("(entry)");
  };
  if (options().format == ReportFormat::Json) {
    llvm::json::OStream j(llvm::outs(), 2);
    j.object([&] {
      j.attribute("version", 1);
      j.attribute("process", p.name);
      j.attribute("rows_read", report.rowsRead);
      j.attribute("rows_rejected", report.rowsRejected);
      j.attribute("events", r.events);
      j.attribute("deals", r.deals);
      j.attributeArray("stages", [&] {
        for (uint32_t i = 0; i < p.states.size(); ++i)
          j.object([&] {
            const rt::StageConformance& s = r.states[i];
            j.attribute("name", p.states[i].name);
            j.attribute("entered", s.entered);
            j.attribute("visits", s.visits);
            j.attribute("left", s.left);
            j.attribute("open", s.open);
            jsonNumber(j, "median_days", s.median);
            jsonNumber(j, "p90_days", s.p90);
            j.attribute("time_outside_range", s.timeOutside);
          });
      });
      j.attributeArray("edges", [&] {
        for (const rt::EdgeConformance& e : r.edges)
          j.object([&] {
            j.attribute("from", p.states[e.from].name);
            j.attribute("to", p.states[e.to].name);
            j.attribute("stated", e.stated);
            j.attribute("count", e.count);
            j.attribute("trials", e.trials);
            jsonNumber(j, "observed", e.observed);
            jsonNumber(j, "low", e.low);
            jsonNumber(j, "high", e.high);
            j.attribute("outside", e.outside);
          });
      });
      j.attributeArray("unexpected", [&] {
        for (const rt::UnexpectedTransition& u : r.unexpected)
          j.object([&] {
            j.attribute("kind", rt::kindName(u.kind));
            j.attribute("from", name(u.from));
            j.attribute("to", p.states[u.to].name);
            j.attribute("count", u.count);
            j.attributeArray("examples", [&] {
              for (const std::string& e : u.examples)
                j.value(e);
            });
          });
      });
      j.attributeArray("stalled", [&] {
        for (const rt::StalledDeal& s : r.stalled)
          j.object([&] {
            j.attribute("deal", s.id);
            j.attribute("stage", p.states[s.state].name);
            j.attribute("days_in_stage", s.daysInStage);
            j.attribute("limit_days", s.limit);
          });
      });
      if (Suggest)
        j.attributeArray("suggestions", [&] {
          for (const std::string& e : edits)
            j.value(e);
        });
    });
    llvm::outs() << '\n';
    return status;
  }
  llvm::raw_ostream& os = llvm::outs();
  os << p.name << ": " << r.deals << " deals, " << r.events << " events\n\n";
  TextTable stages({"stage", "entered", "median days", "P90 days", "stated days", ""});
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const rt::StageConformance& s = r.states[i];
    if (p.states[i].isOutcome()) {
      stages.row({p.states[i].name, std::to_string(s.entered), "", "", "", ""});
      continue;
    }
    bool timed = s.left > 0;
    stages.row({p.states[i].name, std::to_string(s.entered),
                timed ? fmt::format("{:.1f}", s.median) : "-",
                timed ? fmt::format("{:.1f}", s.p90) : "-", range(p.states[i]),
                s.timeOutside ? "outside the stated time" : ""});
  }
  stages.print(os);
  os << "\n  conversion on each edge (observed against stated, with a 95% interval):\n";
  TextTable edges({"edge", "moves", "observed", "stated", "95% interval", ""});
  for (const rt::EdgeConformance& e : r.edges)
    edges.row({p.states[e.from].name + " -> " + p.states[e.to].name, std::to_string(e.count),
               e.trials ? emit::percent(e.observed) : "-", emit::percent(e.stated),
               e.trials ? emit::percent(e.low) + " to " + emit::percent(e.high) : "-",
               e.outside ? "stated rate outside the interval" : ""});
  edges.print(os);
  if (!r.unexpected.empty()) {
    os << "\n  transitions the process does not have:\n";
    TextTable u({"transition", "kind", "deals", "for example"});
    for (const rt::UnexpectedTransition& t : r.unexpected) {
      std::string examples;
      for (size_t k = 0; k < t.examples.size(); ++k)
        examples += (k ? ", " : "") + t.examples[k];
      u.row({name(t.from) + " -> " + p.states[t.to].name, rt::kindName(t.kind).str(),
             std::to_string(t.count), examples});
    }
    u.print(os);
  }
  if (!r.stalled.empty()) {
    os << "\n  open deals stalled past their stage's limit:\n";
    TextTable s({"deal", "stage", "days in stage", "limit"});
    for (const rt::StalledDeal& d : r.stalled)
      s.row({d.id, p.states[d.state].name, fmt::format("{:.0f}", d.daysInStage),
             fmt::format("{:.0f}", d.limit)});
    s.print(os);
  }
  if (Suggest) {
    os << "\n  edits that would match what was observed:\n";
    if (edits.empty())
      os << "  (none: too few observations, or everything matches)\n";
    for (const std::string& e : edits)
      os << "  " << e << '\n';
  }
  return status;
}

} // namespace salesc::driver
