//===- BuildCommand.cpp - `salesc build`: every artifact into a folder ----===//
#include "driver/Drawing.h"
#include "driver/FrontEnd.h"
#include "output/OutputFile.h"

#include "emit/Emitters.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace salesc::driver {

using output::FolderLock;
using output::removeStaleTemporaries;
using output::writeAtomically;
using output::WriteResult;

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc build options");
  return cat;
}

cl::list<std::string> Inputs(cl::Positional, cl::sub(subBuild()), cl::ZeroOrMore,
                             cl::desc("<file.sales or folder>..."));
cl::opt<std::string> OutputDir("o", cl::sub(subBuild()), cl::cat(category()), cl::value_desc("dir"),
                               cl::Required,
                               cl::desc("The folder to write into (created if missing)"));
cl::opt<bool> Png("png", cl::init(false), cl::sub(subBuild()), cl::cat(category()),
                  cl::desc("Also write each flowchart as PNG"));
cl::opt<bool> Quiet("quiet", cl::init(false), cl::sub(subBuild()), cl::cat(category()),
                    cl::desc("Do not list the files written"));

/// One file per process: a process name declared in two of the files built together
/// is a coded diagnostic, reported with the others.
void reportDuplicateNames(FrontEnd& fe) {
  llvm::StringMap<std::string> seen;
  for (const frontend::Unit& u : fe.units)
    for (size_t i : u.model.rootProcesses) {
      const std::string& name = u.model.processes[i].process.name;
      auto [it, inserted] = seen.try_emplace(name, u.path);
      if (!inserted)
        fe.session->diags().reportFile(
            diag::DiagKind::DuplicateOutputName, u.path,
            "process '" + name + "' is declared in both '" + it->second + "' and '" + u.path +
                "'; build writes one set of files per process name, so rename one");
    }
}

bool wanted(const emit::Emitter& e) {
  return e.build == emit::InBuild::Always || (e.build == emit::InBuild::WithPng && Png);
}

/// Every artifact of every process, in memory, so a failure writes nothing.
std::vector<std::pair<std::string, std::string>>
produce(llvm::ArrayRef<rt::AnalyzedProcess> processes, llvm::ArrayRef<rt::Campaign> campaigns,
        const emit::DrawOptions& drawing) {
  std::vector<std::pair<std::string, std::string>> files;
  auto path = [&](llvm::StringRef name) {
    llvm::SmallString<256> p(OutputDir);
    llvm::sys::path::append(p, name);
    return std::string(p);
  };
  emit::EmitOptions options;
  options.generator = "salesc " SALESC_VERSION;
  options.linkFlowchart = true;
  options.drawing = drawing;
  options.campaigns = campaigns;
  for (const rt::AnalyzedProcess& p : processes)
    for (const emit::Emitter& e : emit::emitters())
      if (e.perProcess() && wanted(e))
        for (emit::Part& part : e.write(p, options))
          files.emplace_back(path(p.process->name + e.suffix.str()), std::move(part.bytes));
  for (const emit::Emitter& e : emit::emitters())
    if (!e.perProcess() && wanted(e))
      for (emit::Part& part : e.write(processes, options))
        files.emplace_back(path(part.name.empty() ? e.fileName : llvm::StringRef(part.name)),
                           std::move(part.bytes));
  return files;
}

} // namespace

int runBuild(CommandContext& ctx) {
  std::optional<emit::DrawOptions> drawing = drawOptions(ctx);
  if (!drawing)
    return 2;
  FrontEnd fe = runFrontEnd(ctx, Inputs);
  reportDuplicateNames(fe);
  if (int status = reportText(ctx, fe); status != 0) {
    ctx.err << "salesc: nothing was written to '" << OutputDir << "'\n";
    return status;
  }
  std::vector<rt::AnalyzedProcess> processes = analyzeRootProcesses(ctx, fe);
  const std::vector<rt::Campaign> campaigns = rootCampaigns(fe);
  if (std::error_code ec = llvm::sys::fs::create_directories(OutputDir)) {
    error(ctx) << "cannot create folder '" << OutputDir << "': " << ec.message() << '\n';
    return 2;
  }
  // One build at a time writes into a folder; then no temporary file in it is in use.
  llvm::Expected<FolderLock> lock = FolderLock::acquire(OutputDir, [&] {
    ctx.err << "salesc: waiting for another salesc build writing into '" << OutputDir << "'\n";
  });
  if (!lock) {
    error(ctx) << llvm::toString(lock.takeError()) << '\n';
    return 2;
  }
  removeStaleTemporaries(OutputDir);
  std::vector<std::pair<std::string, std::string>> files;
  try {
    files = produce(processes, campaigns, *drawing);
  } catch (std::exception& e) {
    error(ctx) << e.what() << "; nothing was written\n";
    return 1;
  }
  unsigned written = 0, unchanged = 0;
  for (const auto& [file, bytes] : files) {
    llvm::Expected<WriteResult> r = writeAtomically(file, bytes);
    if (!r) {
      error(ctx) << llvm::toString(r.takeError()) << '\n';
      return 2;
    }
    (*r == WriteResult::Written ? written : unchanged)++;
    if (!Quiet)
      ctx.out << (*r == WriteResult::Written ? "wrote     " : "unchanged ") << file << '\n';
  }
  if (!Quiet)
    ctx.out << processes.size() << (processes.size() == 1 ? " process: " : " processes: ")
            << written << " files written, " << unchanged << " unchanged\n";
  return 0;
}

} // namespace salesc::driver
