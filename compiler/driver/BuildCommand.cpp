//===- BuildCommand.cpp - `salesc build`: every artifact into a folder ----===//
#include "Options.h"
#include "OutputFile.h"

#include "emit/Emit.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc build options");
  return cat;
}

cl::list<std::string> Inputs(cl::Positional, cl::sub(buildCommand()), cl::ZeroOrMore,
                             cl::desc("<file.sales or folder>..."));
cl::opt<std::string> OutputDir("o", cl::sub(buildCommand()), cl::cat(category()),
                               cl::value_desc("dir"), cl::Required,
                               cl::desc("The folder to write into (created if missing)"));
cl::opt<bool> Png("png", cl::sub(buildCommand()), cl::cat(category()),
                  cl::desc("Also write each flowchart as PNG"));
cl::opt<bool> Quiet("quiet", cl::sub(buildCommand()), cl::cat(category()),
                    cl::desc("Do not list the files written"));

} // namespace

std::vector<emit::Analysed> analyseRootProcesses(const FrontEnd& fe) {
  std::vector<emit::Analysed> out;
  for (const Unit& u : fe.units)
    for (size_t i : u.model.rootProcesses) {
      const rt::Process& p = u.model.processes[i];
      llvm::Expected<rt::Analysis> a = sema::analysisOf(u.model, i);
      if (!a) { // the checker rejects every process the analysis would (trapped stages)
        llvm::WithColor::error(llvm::errs(), "salesc")
            << "cannot analyse process '" << p.name << "': " << llvm::toString(a.takeError())
            << '\n';
        continue;
      }
      out.push_back(emit::Analysed{&p, std::move(*a)});
    }
  return out;
}

int runBuild(const char* argv0) {
  std::optional<FrontEnd> fe = runFrontEnd(argv0, Inputs);
  if (!fe)
    return 2;
  int status = reportText(*fe);
  if (status != 0) {
    llvm::errs() << "salesc: nothing was written to '" << OutputDir << "'\n";
    return status;
  }
  std::vector<emit::Analysed> processes = analyseRootProcesses(*fe);
  // One file per process: names must not collide across the files built together.
  llvm::StringMap<std::string> seen;
  for (const Unit& u : fe->units)
    for (size_t i : u.model.rootProcesses) {
      const std::string& name = u.model.processes[i].name;
      auto [it, inserted] = seen.try_emplace(name, u.path);
      if (!inserted) {
        llvm::WithColor::error(llvm::errs(), "salesc")
            << "process '" << name << "' is declared in both '" << it->second << "' and '" << u.path
            << "'; build writes one set of files per process name, so rename one\n";
        return 1;
      }
    }

  if (std::error_code ec = llvm::sys::fs::create_directories(OutputDir)) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "cannot create folder '" << OutputDir << "': " << ec.message() << '\n';
    return 2;
  }
  // Everything is produced in memory first, so a failure writes nothing.
  std::vector<std::pair<std::string, std::string>> files;
  auto path = [&](llvm::StringRef name) {
    llvm::SmallString<256> p(OutputDir);
    llvm::sys::path::append(p, name);
    return std::string(p);
  };
  try {
    for (const emit::Analysed& p : processes) {
      const std::string& n = p.process->name;
      files.emplace_back(path(n + ".dot"), emit::toDot(p));
      files.emplace_back(path(n + ".svg"), emit::render(p, "svg"));
      if (Png)
        files.emplace_back(path(n + ".png"), emit::render(p, "png"));
      files.emplace_back(path(n + ".md"), emit::toMarkdown(p, n + ".svg"));
    }
    files.emplace_back(path("tables.json"),
                       emit::toTablesJson(processes, "salesc " SALESC_VERSION));
  } catch (std::exception& e) {
    llvm::WithColor::error(llvm::errs(), "salesc") << e.what() << "; nothing was written\n";
    return 1;
  }
  unsigned written = 0, unchanged = 0;
  for (const auto& [file, bytes] : files) {
    llvm::Expected<WriteResult> r = writeAtomically(file, bytes);
    if (!r) {
      llvm::WithColor::error(llvm::errs(), "salesc") << llvm::toString(r.takeError()) << '\n';
      return 2;
    }
    (*r == WriteResult::Written ? written : unchanged)++;
    if (!Quiet)
      llvm::outs() << (*r == WriteResult::Written ? "wrote     " : "unchanged ") << file << '\n';
  }
  if (!Quiet)
    llvm::outs() << processes.size() << (processes.size() == 1 ? " process: " : " processes: ")
                 << written << " files written, " << unchanged << " unchanged\n";
  return 0;
}

} // namespace salesc::driver
