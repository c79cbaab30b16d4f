//===- ConformCommand.cpp - `salesc conform`: real histories vs the process ===//
#include "driver/CsvInput.h"
#include "driver/ExportInput.h"
#include "driver/RuntimeInput.h"

#include "report/Report.h"
#include "salesc/runtime/Conform.h"
#include "salesc/runtime/Loaders.h"

#include "llvm/ADT/StringMap.h"

#include <map>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(subConform(), Processes::One);
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();
ExportOptions Export(subConform());

cl::opt<std::string> Events("events", cl::sub(subConform()), cl::Required,
                            cl::value_desc("log.csv"), cl::desc(EventsHelp));
cl::opt<std::string> AsOf("as-of", cl::init(""), cl::sub(subConform()),
                          cl::value_desc("YYYY-MM-DD"),
                          cl::desc("The day the log is read as of: events dated after it are left "
                                   "out (and counted), open deals are judged stalled on it "
                                   "(default: today)"));
cl::opt<bool> Suggest("suggest", cl::init(false), cl::sub(subConform()),
                      cl::desc("Print the edits to the .sales file that would match what "
                               "was observed"));

/// The events of the deals whose log names their segment, by segment (in the process's
/// order; segments without such deals left out). A deal is in the segment any of its
/// rows names (loadEvents refuses a second one).
std::map<uint32_t, std::vector<rt::StageEvent>>
eventsBySegment(const rt::Process& p, const std::vector<rt::StageEvent>& events) {
  llvm::StringMap<uint32_t> segmentOf;
  for (const rt::StageEvent& e : events)
    if (e.segment && *e.segment < p.segments.size())
      segmentOf.try_emplace(e.deal, *e.segment);
  std::map<uint32_t, std::vector<rt::StageEvent>> out;
  if (segmentOf.empty()) // no row names a segment: no lookup per event
    return out;
  for (const rt::StageEvent& e : events)
    if (auto found = segmentOf.find(e.deal); found != segmentOf.end())
      out[found->second].push_back(e);
  return out;
}

} // namespace

int runConform(CommandContext& ctx) {
  std::optional<double> asOf = asOfDay(ctx, AsOf);
  if (!asOf || !mappingsRead(ctx, Export))
    return 2;
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  const rt::AnalyzedProcess* single = singleProcess(ctx, in, "the stage history");
  if (!single)
    return 2;
  // A log without segments shows the segments mixed, as they reach each stage.
  const rt::Process p = rt::blendedProcess(*single->process, single->analysis);
  // Read against the process itself (the blend has its states but not its segments).
  const rt::Process& stated = *single->process;
  std::optional<StageHistory> history = loadStageHistory(ctx, Export, Events, stated);
  if (!history)
    return 1;
  const std::vector<rt::StageEvent>& events = history->events;
  const rt::LoadReport& load = history->load;
  int status = history->status;
  rt::ConformResult r = rt::conform(p, events, *asOf);
  std::vector<std::string> edits;
  if (Suggest)
    edits = rt::suggest(p, r);
  report::ConformReport rep{&p, &r, &load, Suggest ? &edits : nullptr, {}};
  for (const auto& [segment, own] : eventsBySegment(stated, events))
    rep.segments.push_back({stated.segments[segment].name, &stated.segments[segment].process,
                            rt::conform(stated.segments[segment].process, own, *asOf)});
  ctx.out << (options().format == ReportFormat::Json ? report::conformJson(rep)
                                                     : report::conformText(rep));
  return status;
}

} // namespace salesc::driver
