//===- CheckCommand.cpp - `salesc check`: the CI linter -------------------===//
#include "Compilation.h"
#include "ModelDump.h"
#include "Options.h"

#include "ast/ASTDump.h"
#include "diag/Render.h"
#include "parse/Parse.h"

#include "llvm/ADT/StringExtras.h"
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

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc check options");
  return cat;
}

enum class Format { Text, Json, Sarif };
enum class Color { Auto, Always, Never };
enum class Emit { None, Tokens, Ast, Model };

cl::list<std::string> Inputs(cl::Positional, cl::sub(checkCommand()), cl::ZeroOrMore,
                             cl::desc("<file.sales or folder>..."));
cl::opt<Format> OutputFormat(
    "format", cl::sub(checkCommand()), cl::cat(category()), cl::init(Format::Text),
    cl::desc("How to report problems"),
    cl::values(clEnumValN(Format::Text, "text", "clang-style text on stderr (default)"),
               clEnumValN(Format::Json, "json", "one JSON document on stdout"),
               clEnumValN(Format::Sarif, "sarif", "a SARIF 2.1.0 log on stdout")));
cl::opt<Color> ColorMode("color", cl::sub(checkCommand()), cl::cat(category()),
                         cl::init(Color::Auto), cl::desc("Colour the text report"),
                         cl::values(clEnumValN(Color::Auto, "auto", "when stderr is a terminal"),
                                    clEnumValN(Color::Always, "always", "always"),
                                    clEnumValN(Color::Never, "never", "never")));
cl::list<std::string> Warnings("W", cl::Prefix, cl::sub(checkCommand()), cl::cat(category()),
                               cl::value_desc("error|no-NAME"),
                               cl::desc("-Werror: warnings are errors; -Wno-NAME: turn the "
                                        "warning NAME off (see --list-diagnostics)"));
cl::opt<unsigned> ErrorLimit(
    "error-limit", cl::sub(checkCommand()), cl::cat(category()), cl::init(50),
    cl::desc("Stop the text report after N errors (0: no limit; default 50; JSON and SARIF "
             "always hold every diagnostic)"));
cl::list<std::string> IncludeDirs("I", cl::Prefix, cl::sub(checkCommand()), cl::cat(category()),
                                  cl::value_desc("dir"),
                                  cl::desc("Look for imported files in this folder too"));
cl::opt<std::string> StdlibDir("stdlib", cl::sub(checkCommand()), cl::cat(category()),
                               cl::value_desc("dir"),
                               cl::desc("Where the standard library (std/*.sales) is"));
cl::opt<Emit> EmitStage(
    "emit", cl::sub(checkCommand()), cl::cat(category()), cl::init(Emit::None),
    cl::desc("Also print one phase's result on stdout, to inspect it"),
    cl::values(clEnumValN(Emit::Tokens, "tokens", "the tokens of each checked file"),
               clEnumValN(Emit::Ast, "ast", "the syntax tree of each checked file"),
               clEnumValN(Emit::Model, "model",
                          "the lowered processes with their predicted figures")));
cl::opt<bool> ListDiagnostics("list-diagnostics", cl::sub(checkCommand()), cl::cat(category()),
                              cl::desc("List every diagnostic code and name, then exit"));

/// The files named on the command line: folders give every *.sales file below them,
/// sorted, so runs are reproducible.
std::vector<std::string> expandInputs(bool& unreadable) {
  std::vector<std::string> files;
  for (const std::string& in : Inputs) {
    if (!llvm::sys::fs::is_directory(in)) {
      files.push_back(in);
      continue;
    }
    std::vector<std::string> found;
    std::error_code ec;
    for (llvm::sys::fs::recursive_directory_iterator it(in, ec), end; it != end && !ec;
         it.increment(ec))
      if (llvm::sys::path::extension(it->path()) == ".sales" &&
          !llvm::sys::fs::is_directory(it->path()))
        found.push_back(it->path());
    if (ec) {
      llvm::WithColor::error(llvm::errs(), "salesc") << "cannot read folder '" << in << "': "
                                                     << ec.message() << '\n';
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

int runCheck(const char* argv0) {
  if (ListDiagnostics) {
    for (const diag::KindInfo& k : diag::allKinds())
      llvm::outs() << k.code << "  " << llvm::left_justify(diag::severityName(k.severity), 7)
                   << "  " << llvm::left_justify(k.name, 22) << "  " << k.summary << '\n';
    return 0;
  }
  if (Inputs.empty()) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "no file to check; try 'salesc check examples/quickstart.sales'\n";
    return 2;
  }
  if (EmitStage != Emit::None && OutputFormat != Format::Text) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "--emit prints on stdout, where --format=json and --format=sarif write their "
           "document; use one or the other\n";
    return 2;
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
        return 2;
      }
      diagOptions.disabled.insert(flag);
    } else {
      llvm::WithColor::error(llvm::errs(), "salesc")
          << "unknown option '-W" << w << "'; use -Werror or -Wno-NAME\n";
      return 2;
    }
  }

  bool unreadable = false;
  std::vector<std::string> files = expandInputs(unreadable);
  sema::LoadOptions load;
  load.stdlibDir = findStdlib(argv0, StdlibDir);
  load.includeDirs.assign(IncludeDirs.begin(), IncludeDirs.end());
  Session session(std::move(load), std::move(diagOptions));

  for (const std::string& file : files) {
    Unit unit = session.compileFile(file);
    if (!unit.root) {
      unreadable = true;
      continue;
    }
    unsigned buffer = unit.root->bufferId;
    switch (EmitStage) {
    case Emit::None:
      break;
    case Emit::Tokens:
      parse::dumpTokens(session.sourceMgr(), buffer, llvm::outs());
      break;
    case Emit::Ast:
      ast::dump(*unit.root, session.sourceMgr(), llvm::outs());
      break;
    case Emit::Model:
      for (size_t i : unit.model.rootProcesses)
        dumpModel(unit.model.processes[i], llvm::outs());
      break;
    }
  }

  diag::DiagnosticEngine& diags = session.diags();
  std::vector<diag::Diagnostic> sorted = diags.sorted();
  size_t shown = OutputFormat == Format::Text ? cutAtErrorLimit(sorted) : sorted.size();
  llvm::ArrayRef<diag::Diagnostic> report(sorted.data(), shown);
  switch (OutputFormat) {
  case Format::Text: {
    bool color = useColor();
    diag::renderText(llvm::errs(), session.sourceMgr(), report, color);
    if (shown < sorted.size())
      llvm::errs() << "salesc: stopped after " << ErrorLimit
                   << " errors; use --error-limit=0 to see them all\n";
    diag::renderSummary(llvm::errs(), diags.errorCount(), diags.warningCount(), color);
    break;
  }
  case Format::Json:
    diag::renderJson(llvm::outs(), session.sourceMgr(), report, diags.errorCount(),
                     diags.warningCount());
    break;
  case Format::Sarif:
    diag::renderSarif(llvm::outs(), session.sourceMgr(), report, SALESC_VERSION,
                      "https://github.com/salesc/salesc/blob/main/docs/diagnostics.md");
    break;
  }
  if (unreadable)
    return 2;
  return diags.hasErrors() ? 1 : 0;
}

} // namespace salesc::driver
