//===- FrontEnd.cpp - Options every subcommand shares, and running them ---===//
#include "Options.h"

#include "diag/Render.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

#include <algorithm>

namespace salesc::driver {

namespace cl = llvm::cl;

llvm::cl::SubCommand& checkCommand() {
  static cl::SubCommand cmd("check", "Check .sales files and report every problem found");
  return cmd;
}

llvm::cl::SubCommand& buildCommand() {
  static cl::SubCommand cmd(
      "build", "Check, then write each process's flowchart (DOT, SVG, PNG), playbook and "
               "the runtime tables into a folder");
  return cmd;
}

llvm::cl::SubCommand& emitCommand() {
  static cl::SubCommand cmd("emit", "Check, then write one artifact (a flowchart, the tables, "
                                    "CSV, a playbook, Mermaid or BPMN) to stdout or a file");
  return cmd;
}

llvm::cl::SubCommand& analyzeCommand() {
  static cl::SubCommand cmd("analyze", "Predict win probabilities, times to win and close, "
                                       "bottlenecks and where conversion pays most");
  return cmd;
}

llvm::cl::SubCommand& simulateCommand() {
  static cl::SubCommand cmd("simulate", "Monte Carlo: simulate prospects through the process");
  return cmd;
}

llvm::cl::SubCommand& forecastCommand() {
  static cl::SubCommand cmd("forecast", "Forecast the revenue of the deals in a pipeline");
  return cmd;
}

llvm::cl::SubCommand& roiCommand() {
  static cl::SubCommand cmd("roi", "The expected return of a campaign of N leads");
  return cmd;
}

llvm::cl::SubCommand& conformCommand() {
  static cl::SubCommand cmd("conform", "Compare real CRM stage histories with the process");
  return cmd;
}

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("Options for reading .sales files");
  return cat;
}

enum class Color { Auto, Always, Never };

#define ALL_SUBCOMMANDS                                                                            \
  cl::sub(checkCommand()), cl::sub(buildCommand()), cl::sub(emitCommand()),                        \
      cl::sub(analyzeCommand()), cl::sub(simulateCommand()), cl::sub(forecastCommand()),           \
      cl::sub(roiCommand()), cl::sub(conformCommand())

cl::opt<Color> ColorMode("color", ALL_SUBCOMMANDS, cl::cat(category()), cl::init(Color::Auto),
                         cl::desc("Colour the text report"),
                         cl::values(clEnumValN(Color::Auto, "auto", "when stderr is a terminal"),
                                    clEnumValN(Color::Always, "always", "always"),
                                    clEnumValN(Color::Never, "never", "never")));
cl::list<std::string> Warnings("W", cl::Prefix, ALL_SUBCOMMANDS, cl::cat(category()),
                               cl::value_desc("error|no-NAME"),
                               cl::desc("-Werror: warnings are errors; -Wno-NAME: turn the "
                                        "warning NAME off (see check --list-diagnostics)"));
cl::opt<unsigned> ErrorLimit(
    "error-limit", ALL_SUBCOMMANDS, cl::cat(category()), cl::init(50),
    cl::desc("Stop the text report after N errors (0: no limit; default 50; JSON and SARIF "
             "always hold every diagnostic)"));
cl::list<std::string> IncludeDirs("I", cl::Prefix, ALL_SUBCOMMANDS, cl::cat(category()),
                                  cl::value_desc("dir"),
                                  cl::desc("Look for imported files in this folder too"));
cl::opt<std::string> StdlibDir("stdlib", ALL_SUBCOMMANDS, cl::cat(category()),
                               cl::value_desc("dir"),
                               cl::desc("Where the standard library (std/*.sales) is"));

/// The files named on the command line: folders give every *.sales file below them,
/// sorted, so runs are reproducible.
std::vector<std::string> expandInputs(llvm::ArrayRef<std::string> inputs, bool& unreadable) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    if (!llvm::sys::fs::is_directory(in)) {
      files.push_back(in);
      continue;
    }
    std::vector<std::string> found;
    std::error_code ec;
    // Symbolic links to folders are not followed: a link back up would loop forever.
    for (llvm::sys::fs::recursive_directory_iterator it(in, ec, /*follow_symlinks=*/false), end;
         it != end && !ec; it.increment(ec))
      if (llvm::sys::path::extension(it->path()) == ".sales" &&
          !llvm::sys::fs::is_directory(it->path()))
        found.push_back(it->path());
    if (ec) {
      llvm::WithColor::error(llvm::errs(), "salesc")
          << "cannot read folder '" << in << "': " << ec.message() << '\n';
      unreadable = true;
    } else if (found.empty()) {
      llvm::WithColor::error(llvm::errs(), "salesc")
          << "there is no .sales file in folder '" << in << "'\n";
      unreadable = true;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

/// Keeps the diagnostics up to the N-th error (warnings before it included).
size_t cutAtErrorLimit(const std::vector<diag::Diagnostic>& diags) {
  if (ErrorLimit == 0)
    return diags.size();
  unsigned errors = 0;
  for (size_t i = 0; i < diags.size(); ++i)
    if (diags[i].severity == diag::Severity::Error && ++errors > ErrorLimit)
      return i;
  return diags.size();
}

} // namespace

bool useColor() {
  switch (ColorMode) {
  case Color::Always:
    return true;
  case Color::Never:
    return false;
  case Color::Auto:
    return llvm::sys::Process::StandardErrHasColors();
  }
  return false;
}

std::optional<FrontEnd> runFrontEnd(const char* argv0, llvm::ArrayRef<std::string> inputs) {
  if (inputs.empty()) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "no file to check; try 'salesc check examples/quickstart.sales'\n";
    return std::nullopt;
  }
  diag::DiagOptions diagOptions;
  for (const std::string& w : Warnings) {
    llvm::StringRef flag(w);
    if (flag == "error") {
      diagOptions.warningsAsErrors = true;
    } else if (flag.consume_front("no-")) {
      auto kind = diag::kindByName(flag);
      if (!kind || diag::kindInfo(*kind).severity != diag::Severity::Warning) {
        llvm::WithColor::error(llvm::errs(), "salesc")
            << "'-W" << w << "': there is no warning named '" << flag
            << "'; 'salesc check --list-diagnostics' lists them\n";
        return std::nullopt;
      }
      diagOptions.disabled.insert(flag);
    } else {
      llvm::WithColor::error(llvm::errs(), "salesc")
          << "unknown option '-W" << w << "'; use -Werror or -Wno-NAME\n";
      return std::nullopt;
    }
  }
  FrontEnd fe;
  std::vector<std::string> files = expandInputs(inputs, fe.unreadable);
  sema::LoadOptions load;
  load.stdlibDir = findStdlib(argv0, StdlibDir);
  load.includeDirs.assign(IncludeDirs.begin(), IncludeDirs.end());
  fe.session = std::make_unique<Session>(std::move(load), std::move(diagOptions));
  for (const std::string& file : files) {
    fe.units.push_back(fe.session->compileFile(file));
    if (!fe.units.back().root)
      fe.unreadable = true;
  }
  return fe;
}

int reportText(FrontEnd& fe) {
  diag::DiagnosticEngine& diags = fe.session->diags();
  std::vector<diag::Diagnostic> sorted = diags.sorted();
  size_t shown = cutAtErrorLimit(sorted);
  bool color = useColor();
  diag::renderText(llvm::errs(), fe.session->sourceMgr(),
                   llvm::ArrayRef<diag::Diagnostic>(sorted.data(), shown), color);
  if (shown < sorted.size())
    llvm::errs() << "salesc: stopped after " << ErrorLimit
                 << " errors; use --error-limit=0 to see them all\n";
  diag::renderSummary(llvm::errs(), diags.errorCount(), diags.warningCount(), color);
  if (fe.unreadable)
    return 2;
  return diags.hasErrors() ? 1 : 0;
}

} // namespace salesc::driver
