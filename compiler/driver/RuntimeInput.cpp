//===- RuntimeInput.cpp - The processes a runtime command works on --------===//
#include "RuntimeInput.h"
#include "InputFile.h"

#include "salesc/runtime/Tables.h"
#include "salesc/runtime/Verify.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>

namespace salesc::driver {

namespace cl = llvm::cl;

RuntimeOptions::RuntimeOptions(cl::SubCommand& cmd, Processes processes)
    : input(cl::Positional, cl::sub(cmd), cl::Required, cl::desc("<file.sales or tables.json>")),
      process("process", cl::sub(cmd), cl::init(""), cl::value_desc("name"),
              cl::desc(processes == Processes::Every
                           ? "The process to work on (default: every process)"
                           : "The process to work on (default: the file's only process; "
                             "required when it has several)")),
      format("format", cl::sub(cmd), cl::init(ReportFormat::Text),
             cl::desc("How to print the report"),
             cl::values(clEnumValN(ReportFormat::Text, "text", "aligned tables (default)"),
                        clEnumValN(ReportFormat::Json, "json", "one JSON document"))) {}

const rt::AnalyzedProcess* singleProcess(CommandContext& ctx, const RuntimeInput& in,
                                         llvm::StringRef what) {
  if (in.processes.size() == 1)
    return &in.processes[0];
  error(ctx) << what << " belongs to one process; choose it with --process NAME\n";
  return nullptr;
}

/// Why `p` cannot be worked on (a tables.json may hold what the language forbids), or
/// empty: a broken invariant (rt::verify), or no stage to start from.
std::string unfit(const rt::Process& p) {
  if (llvm::Error e = rt::verify(p))
    return llvm::toString(std::move(e));
  if (llvm::none_of(p.states, [](const rt::State& s) { return !s.isOutcome(); }))
    return "it has no stages";
  if (p.states[p.start].isOutcome())
    return "its start is not a stage";
  return {};
}

/// Reads a tables.json from the command's file system.
llvm::Expected<rt::TablesDocument> readTables(llvm::vfs::FileSystem& fs, const std::string& path) {
  auto buffer = readFileOrPipe(fs, path, rt::MaxTablesBytes);
  if (!buffer)
    return rt::tablesUnreadable(path, buffer.getError());
  return rt::loadTablesDocument((*buffer)->getBuffer(), path);
}

int loadRuntimeInput(CommandContext& ctx, const std::string& path, const std::string& only,
                     RuntimeInput& out) {
  // Each process, and the checked model it comes from when it was compiled here (whose
  // analysis, the checker's, is not computed again).
  struct Candidate {
    const rt::Process* process;
    const sema::CheckedModel* model = nullptr;
    size_t index = 0;
  };
  std::vector<Candidate> all;
  if (llvm::StringRef(path).endswith(".json")) {
    llvm::Expected<rt::TablesDocument> loaded = readTables(*ctx.fs, path);
    if (!loaded) {
      error(ctx) << llvm::toString(loaded.takeError()) << '\n';
      return 1;
    }
    out.fromTables = std::move(loaded->processes);
    out.campaigns = std::move(loaded->campaigns);
    for (const rt::Process& p : out.fromTables)
      all.push_back({&p});
  } else {
    out.frontEnd = runFrontEnd(ctx, {path});
    // Warnings are shown; only errors stop a runtime command.
    if (int status = reportText(ctx, *out.frontEnd); status != 0)
      return status;
    for (const frontend::Unit& u : out.frontEnd->units)
      for (size_t i : u.model.rootProcesses)
        all.push_back({&u.model.processes[i].process, &u.model, i});
    out.campaigns = rootCampaigns(*out.frontEnd);
  }
  for (const Candidate& c : all) {
    const rt::Process& p = *c.process;
    if (!only.empty() && p.name != only)
      continue;
    if (std::string why = unfit(p); !why.empty()) {
      error(ctx) << "process '" << p.name << "' in '" << path << "': " << why << '\n';
      return 1;
    }
    llvm::Expected<rt::Analysis> a = c.model ? sema::analysisOf(*c.model, c.index) : rt::analyze(p);
    if (!a) {
      error(ctx) << "process '" << p.name << "': " << llvm::toString(a.takeError()) << '\n';
      return 1;
    }
    out.processes.push_back(
        rt::AnalyzedProcess{&p, std::move(*a), rt::campaignsInto(p, out.campaigns)});
  }
  if (out.processes.empty()) {
    error(ctx) << "'" << path << "' "
               << (only.empty() ? std::string("has no process salesc can work on (a process needs "
                                              "stages and a 'won' outcome)")
                                : "has no process named '" + only + "'")
               << '\n';
    return 1;
  }
  return 0;
}

} // namespace salesc::driver
