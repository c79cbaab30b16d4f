//===- Oracles.cpp - What the fuzz targets check beyond the sanitizers ----===//
#include "Oracles.h"

#include "MiniXml.h"
#include "emit/Emit.h"
#include "report/Report.h"
#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Roi.h"
#include "salesc/runtime/Simulate.h"
#include "salesc/runtime/Tables.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <memory>
#include <vector>

namespace salesc::fuzz {

void broken(llvm::StringRef what, llvm::StringRef detail) {
  llvm::errs() << "fuzz: property broken: " << what << "\n" << detail << "\n";
  llvm::errs().flush();
  std::abort();
}

namespace {

/// Loads the tables `json` that salesc wrote for `expected` processes: every one must
/// load, verify and analyze. Owns the loaded processes the analyses point to.
struct Reloaded {
  std::vector<rt::Process> processes;
  std::vector<rt::AnalyzedProcess> analyzed;
};

Reloaded reload(const std::string& json, size_t expected) {
  Reloaded r;
  llvm::Expected<std::vector<rt::Process>> loaded = rt::loadTables(json, "written.json");
  if (!loaded)
    broken("the tables.json salesc writes loads back",
           llvm::toString(loaded.takeError()) + "\n" + json);
  r.processes = std::move(*loaded);
  if (r.processes.size() != expected)
    broken("tables.json loads back into as many processes as were written", json);
  for (const rt::Process& p : r.processes) {
    llvm::Expected<rt::Analysis> a = rt::analyze(p);
    if (!a)
      broken("a process loaded back from tables.json analyzes",
             llvm::toString(a.takeError()) + "\n" + json);
    r.analyzed.push_back(rt::AnalyzedProcess{&p, std::move(*a)});
  }
  return r;
}

void parsesAsCsv(const std::string& csv, llvm::StringRef what) {
  llvm::Expected<rt::CsvTable> table = rt::parseCsv(csv, what);
  if (!table)
    broken(what.str() + " is CSV that salesc reads back", llvm::toString(table.takeError()));
}

} // namespace

void tablesRoundTrip(llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  if (ps.empty())
    return;
  std::string json = emit::toTablesJson(ps, "salesc (fuzz)");
  Reloaded once = reload(json, ps.size());
  if (emit::toTablesJson(once.analyzed, "salesc (fuzz)") != json)
    broken("tables.json written, loaded and written again gives the same bytes", json);
}

void exerciseProcesses(llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  if (ps.empty())
    return;
  tablesRoundTrip(ps);
  parsesAsCsv(emit::toStagesCsv(ps), "stages.csv");
  parsesAsCsv(emit::toTransitionsCsv(ps), "transitions.csv");
  std::string analyzed = report::analyzeText(ps) + report::analyzeJson(ps);
  std::vector<report::RoiRun> rois;
  std::vector<report::SimulationRun> runs;
  for (const rt::AnalyzedProcess& p : ps) {
    std::string bpmn = emit::toBpmn(p, emit::Layout{});
    std::string error;
    if (!testing::parseXml(bpmn, error))
      broken("the BPMN salesc writes is well-formed XML", error + "\n" + bpmn);
    std::string text = emit::toMarkdown(p, "") + emit::toMermaid(p);
    rois.push_back(report::RoiRun{p.process, rt::roi(*p.process, p.analysis, 1000, 20000)});
    rt::SimulationOptions o;
    o.prospects = 64;
    o.maxSteps = 1000;
    llvm::Expected<rt::SimulationResult> r = rt::simulate(*p.process, o);
    if (!r)
      broken("a process that analyzes simulates", llvm::toString(r.takeError()));
    runs.push_back(report::SimulationRun{&p, std::move(*r)});
  }
  std::string reports = report::roiText(rois) + report::roiJson(rois) +
                        report::simulateText(runs, 1) + report::simulateJson(runs, 1);
}

void everyRowAccountedFor(const rt::CsvTable& table, size_t kept, const rt::LoadReport& load) {
  if (load.rowsRead != table.rows.size() || kept + load.rowsRejected != table.rows.size())
    broken("every row a CSV loader reads is kept or rejected",
           std::to_string(table.rows.size()) + " rows, " + std::to_string(kept) + " kept, " +
               std::to_string(load.rowsRejected) + " rejected");
  if (load.rowsRejected > 0 && load.errors.empty())
    broken("a CSV loader says why it rejects rows");
}

llvm::ArrayRef<rt::AnalyzedProcess> quickstart() {
  static const Reloaded loaded = [] {
    const char* path = SALESC_SOURCE_DIR "/tests/golden/quickstart/tables.json";
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> text = llvm::MemoryBuffer::getFile(path);
    if (!text)
      broken("the quickstart's golden tables.json can be read", path);
    return reload((*text)->getBuffer().str(), 1);
  }();
  return loaded.analyzed;
}

} // namespace salesc::fuzz
