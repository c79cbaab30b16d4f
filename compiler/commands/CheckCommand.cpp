//===- CheckCommand.cpp - `salesc check`: the CI linter -------------------===//
#include "CheckFix.h"
#include "diag/RuleHelp.h"
#include "driver/Baseline.h"
#include "driver/FrontEnd.h"

#include "ast/ASTDump.h"
#include "diag/Render.h"
#include "frontend/ModelDump.h"
#include "frontend/Workers.h"
#include "parse/Parse.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc check options");
  return cat;
}

enum class Format { Text, Json, Sarif, Github, Junit };
enum class Emit { None, Tokens, Ast, Model };

cl::list<std::string> Inputs(cl::Positional, cl::sub(subCheck()), cl::ZeroOrMore,
                             cl::desc("<file.sales, folder, or - for stdin>..."));
cl::opt<Format> OutputFormat(
    "format", cl::sub(subCheck()), cl::cat(category()), cl::init(Format::Text),
    cl::desc("How to report problems"),
    cl::values(clEnumValN(Format::Text, "text", "clang-style text on stderr (default)"),
               clEnumValN(Format::Json, "json", "one JSON document on stdout"),
               clEnumValN(Format::Sarif, "sarif", "a SARIF 2.1.0 log on stdout"),
               clEnumValN(Format::Github, "github",
                          "GitHub Actions annotations (workflow commands) on stdout"),
               clEnumValN(Format::Junit, "junit", "a JUnit XML report on stdout")));
cl::opt<Emit>
    EmitStage("emit", cl::sub(subCheck()), cl::cat(category()), cl::init(Emit::None),
              cl::desc("Also print one phase's result on stdout, to inspect it"),
              cl::values(clEnumValN(Emit::Tokens, "tokens", "the tokens of each checked file"),
                         clEnumValN(Emit::Ast, "ast", "the syntax tree of each checked file"),
                         clEnumValN(Emit::Model, "model",
                                    "the lowered processes with their predicted figures")));
cl::opt<std::string> SarifRoot(
    "sarif-root", cl::init(""), cl::sub(subCheck()), cl::cat(category()), cl::value_desc("dir"),
    cl::desc("The folder paths in SARIF, GitHub and JUnit reports are relative to (default: the "
             "git repository of the first file, else the working folder)"));
cl::opt<std::string> StdinFilename(
    "stdin-filename", cl::init(""), cl::sub(subCheck()), cl::cat(category()),
    cl::value_desc("path"),
    cl::desc("The name of the file read from standard input ('-'): shown in reports, and "
             "where its imports are looked for"));
cl::opt<bool> Quiet("quiet", cl::init(false), cl::sub(subCheck()), cl::cat(category()),
                    cl::desc("Report errors only: warnings are not reported or counted"));
cl::opt<int> MaxWarnings("max-warnings", cl::init(-1), cl::sub(subCheck()), cl::cat(category()),
                         cl::value_desc("N"),
                         cl::desc("Exit with status 1 when there are more than N warnings"));
cl::opt<bool> Fix("fix", cl::init(false), cl::sub(subCheck()), cl::cat(category()),
                  cl::desc("Apply the safe fix-its to the files, in place (a file read from "
                           "'-' is printed fixed on stdout), then report what remains"));
cl::opt<bool> UnsafeFixes("unsafe-fixes", cl::init(false), cl::sub(subCheck()), cl::cat(category()),
                          cl::desc("With --fix or --diff: apply the fix-its that are guesses "
                                   "too (a name's spelling)"));
cl::opt<bool> Diff("diff", cl::init(false), cl::sub(subCheck()), cl::cat(category()),
                   cl::desc("Print the unified diff of what --fix would change on stdout, and "
                            "change nothing"));
cl::opt<std::string> BaselineFile(
    "baseline", cl::init(""), cl::sub(subCheck()), cl::cat(category()), cl::value_desc("file"),
    cl::desc("Report and fail only on problems beyond those the baseline file records (per "
             "file and code)"));
cl::opt<std::string> WriteBaseline(
    "write-baseline", cl::init(""), cl::sub(subCheck()), cl::cat(category()),
    cl::value_desc("file"),
    cl::desc("Record the problems found as a baseline file (counts per file and code)"));
cl::opt<bool> PruneBaseline("prune-baseline", cl::init(false), cl::sub(subCheck()),
                            cl::cat(category()),
                            cl::desc("With --baseline: drop from it the problems that were fixed"));
cl::opt<unsigned> Jobs("j", cl::Prefix, cl::init(0), cl::sub(subCheck()), cl::cat(category()),
                       cl::value_desc("N"),
                       cl::desc("Parse and check N files at a time (default, or 0: one per core; "
                                "the report is the same whatever N)"));
cl::opt<bool> ListDiagnostics("list-diagnostics", cl::init(false), cl::sub(subCheck()),
                              cl::cat(category()),
                              cl::desc("List every diagnostic code and name, then exit "
                                       "(with --format=json: as one JSON document)"));

void listDiagnostics(llvm::raw_ostream& os) {
  if (OutputFormat == Format::Json) {
    llvm::json::OStream j(os, 2);
    j.object([&] {
      j.attribute("version", 1);
      j.attributeArray("diagnostics", [&] {
        for (const diag::KindInfo& k : diag::allKinds())
          j.object([&] {
            j.attribute("code", k.code);
            j.attribute("name", k.name);
            j.attribute("severity", diag::severityName(k.severity));
            j.attribute("summary", k.summary);
            j.attribute("help_uri", diag::helpUri(k));
          });
      });
    });
    os << '\n';
    return;
  }
  for (const diag::KindInfo& k : diag::allKinds())
    os << k.code << "  " << llvm::left_justify(diag::severityName(k.severity), 7) << "  "
       << llvm::left_justify(k.name, 22) << "  " << k.summary << '\n';
}

/// Prints the phase --emit asks for, for every file that could be read.
void emitStage(CommandContext& ctx, const FrontEnd& fe) {
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  for (const frontend::Unit& unit : fe.units) {
    if (!unit.root)
      continue;
    switch (EmitStage) {
    case Emit::None:
      break;
    case Emit::Tokens:
      parse::dumpTokens(sm, unit.root->bufferId, ctx.out);
      break;
    case Emit::Ast:
      ast::dump(*unit.root, sm, ctx.out);
      break;
    case Emit::Model:
      for (size_t i : unit.model.rootProcesses)
        frontend::dumpModel(unit.model.processes[i].process, sema::analysisOf(unit.model, i),
                            ctx.out);
      for (const rt::Campaign& c : unit.model.campaigns)
        for (size_t i : unit.model.rootProcesses)
          if (unit.model.processes[i].process.name == c.process)
            frontend::dumpCampaign(c, unit.model.processes[i].process, ctx.out);
      break;
    }
  }
}

/// The folder SARIF URIs are relative to: --sarif-root, else the nearest folder holding
/// `.git` above the first input, else the working folder.
std::string sourceRoot(llvm::vfs::FileSystem& fs) {
  if (!SarifRoot.empty())
    return absolutePath(fs, SarifRoot);
  std::string first = Inputs.empty() ? "" : Inputs.front();
  if (first == "-")
    first = StdinFilename;
  std::string start = first.empty() ? "" : absolutePath(fs, first);
  if (!start.empty())
    for (llvm::StringRef dir = start; !dir.empty(); dir = llvm::sys::path::parent_path(dir)) {
      llvm::SmallString<256> git(dir);
      llvm::sys::path::append(git, ".git");
      if (fs.exists(git))
        return dir.str();
    }
  return absolutePath(fs, ".");
}

diag::SarifRun sarifRun(CommandContext& ctx, llvm::StringRef stdlibDir, int exitCode) {
  diag::SarifRun run;
  run.toolVersion = SALESC_VERSION;
  run.docsUrl = diag::DiagnosticsDocsUrl;
  run.bases.workingDir = absolutePath(*ctx.fs, ".");
  run.bases.srcRoot = sourceRoot(*ctx.fs);
  if (!stdlibDir.empty())
    run.bases.stdlibRoot = absolutePath(*ctx.fs, stdlibDir);
  run.exitCode = exitCode;
  return run;
}

} // namespace

bool writeUsageErrorLog(CommandContext& ctx, llvm::ArrayRef<const char*> args,
                        llvm::StringRef message) {
  bool sarif = false;
  for (size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef a = args[i];
    if (a == "--")
      break;
    if (a == "--format=sarif" || a == "-format=sarif" ||
        ((a == "--format" || a == "-format") && i + 1 < args.size() &&
         llvm::StringRef(args[i + 1]) == "sarif"))
      sarif = true;
  }
  if (!sarif)
    return false;
  diag::SarifRun run = sarifRun(ctx, "", 2);
  run.usageError = message.trim().str();
  llvm::SourceMgr sm;
  diag::renderSarif(ctx.out, sm, {}, run);
  return true;
}

namespace {

/// A command line check cannot run: the error on stderr (and a SARIF log saying it, when
/// one is asked for), status 2.
int usageError(CommandContext& ctx, llvm::StringRef message) {
  error(ctx) << message << '\n';
  if (OutputFormat == Format::Sarif) {
    diag::SarifRun run = sarifRun(ctx, "", 2);
    run.usageError = message.str();
    diag::renderSarif(ctx.out, llvm::SourceMgr(), {}, run);
  }
  return 2;
}

/// Why --fix, --diff and --unsafe-fixes cannot run as given, or "".
std::string fixUsageError() {
  if (!Fix && !Diff)
    return "--unsafe-fixes says which fixes --fix or --diff apply; add one of them";
  if (EmitStage != Emit::None)
    return "--emit shows the files as they are; use it without --fix and --diff";
  if (Diff && OutputFormat != Format::Text)
    return "--diff prints the diff on stdout, where --format=json, sarif, github and junit write "
           "their report; use one or the other";
  if (!Diff && OutputFormat != Format::Text && llvm::is_contained(Inputs, "-"))
    return "--fix prints the fixed standard input on stdout, where --format=json, sarif, github "
           "and junit write their report; use one or the other";
  return "";
}

/// --max-warnings, else the configuration's max-warnings, else -1.
int maxWarnings(const FrontEnd& fe) {
  return MaxWarnings >= 0 ? MaxWarnings : fe.config.maxWarnings ? int(*fe.config.maxWarnings) : -1;
}

/// What a check reports: every diagnostic, or what a baseline leaves of them.
struct Findings {
  std::vector<diag::Diagnostic> shown;
  unsigned errors = 0, warnings = 0; ///< counted for the status and --max-warnings
  std::vector<llvm::StringRef> sarifStates;
  unsigned known = 0; ///< covered by the baseline
};

/// The exit status of a check: exitStatus, and 1 past --max-warnings.
int checkStatus(const FrontEnd& fe, const Findings& f, bool* tooManyWarnings = nullptr) {
  unsigned warnings = Quiet ? 0 : f.warnings;
  bool tooMany = maxWarnings(fe) >= 0 && warnings > unsigned(maxWarnings(fe));
  if (tooManyWarnings)
    *tooManyWarnings = tooMany;
  int status = fe.unusable ? 2 : f.errors ? 1 : 0;
  return tooMany && status == 0 ? 1 : status;
}

int checkStatus(const FrontEnd& fe) {
  const diag::DiagnosticEngine& diags = fe.session->diags();
  Findings all;
  all.errors = diags.errorCount();
  all.warnings = diags.warningCount();
  return checkStatus(fe, all);
}

/// The --baseline file, read before the check (nothing without the option).
std::optional<Baseline> LoadedBaseline;

/// The diagnostics of `fe`, seen through the baseline the options name (after writing
/// or pruning it); false when a baseline could not be written (said on ctx.err).
bool findings(CommandContext& ctx, const FrontEnd& fe, Findings& f) {
  const diag::DiagnosticEngine& diags = fe.session->diags();
  std::vector<diag::Diagnostic> sorted = diags.sorted();
  std::optional<Baseline> loaded = LoadedBaseline;
  // The configuration's `baseline:`, when the command line names none (docs/config.md).
  if (!loaded && BaselineFile.empty() && WriteBaseline.empty() && !fe.config.baseline.empty()) {
    llvm::Expected<Baseline> configured = readBaseline(*ctx.fs, fe.config.baseline);
    if (!configured) {
      error(ctx) << llvm::toString(configured.takeError()) << " (the configuration's baseline)\n";
      return false;
    }
    loaded = std::move(*configured);
  }
  llvm::Expected<std::optional<Baseline>> b =
      settleBaseline(ctx, fe, BaselineOptions{BaselineFile, WriteBaseline, PruneBaseline},
                     std::move(loaded), sorted, OutputFormat == Format::Text);
  if (!b) {
    error(ctx) << llvm::toString(b.takeError()) << '\n';
    return false;
  }
  if (!*b) {
    f.shown = std::move(sorted);
    f.errors = diags.errorCount();
    f.warnings = diags.warningCount();
    return true;
  }
  BaselineView view = applyBaseline(*ctx.fs, **b, fe.session->sourceMgr(), sorted);
  f = Findings{std::move(view.shown), view.newErrors, view.newWarnings, std::move(view.states),
               view.known};
  return true;
}

/// Why the baseline options cannot run as given, or "".
std::string baselineUsageError() {
  if (PruneBaseline && BaselineFile.empty())
    return "--prune-baseline rewrites the file --baseline names; add --baseline FILE";
  if (PruneBaseline && !WriteBaseline.empty())
    return "--write-baseline records every problem anew, --prune-baseline only drops the fixed "
           "ones; use one or the other";
  if ((PruneBaseline || !WriteBaseline.empty()) && Quiet)
    return "--quiet leaves the warnings out, so a baseline written or pruned with it would lose "
           "them; drop --quiet";
  if ((PruneBaseline || !WriteBaseline.empty()) && (Diff || EmitStage != Emit::None))
    return "--write-baseline and --prune-baseline record what a check finds; use them without "
           "--diff and --emit";
  return "";
}

/// Reports the diagnostics of `fe` in the format asked; returns the exit status.
int report(CommandContext& ctx, FrontEnd& fe) {
  diag::DiagnosticEngine& diags = fe.session->diags();
  Findings f;
  if (!findings(ctx, fe, f))
    return 2;
  bool tooManyWarnings = false;
  int status = checkStatus(fe, f, &tooManyWarnings);
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  if (OutputFormat == Format::Text) {
    printDiagnostics(ctx, sm, f.shown, f.errors, f.warnings, diags.suppressedCount());
    if (f.known)
      ctx.err << "salesc: " << f.known << (f.known == 1 ? " problem" : " problems")
              << " known to the baseline not counted\n";
    if (tooManyWarnings)
      error(ctx) << f.warnings << (f.warnings == 1 ? " warning" : " warnings") << ", more than "
                 << (MaxWarnings >= 0 ? "--max-warnings=" : "the configuration's max-warnings: ")
                 << maxWarnings(fe) << " allows\n";
    return status;
  }

  diag::SarifRun run = sarifRun(ctx, fe.stdlibDir, status);
  switch (OutputFormat) {
  case Format::Text:
    break;
  case Format::Json:
    diag::renderJson(ctx.out, sm, f.shown, f.errors, f.warnings);
    break;
  case Format::Sarif: // with the suppressed diagnostics, shown as such
    if (f.sarifStates.empty()) {
      diag::renderSarif(ctx.out, sm, diags.sorted(/*withSuppressed=*/true), run);
    } else { // every result, each marked new or unchanged (result.baselineState)
      run.baselineStates = std::move(f.sarifStates);
      diag::renderSarif(ctx.out, sm, diags.sorted(), run);
    }
    break;
  case Format::Github:
    diag::renderGithub(ctx.out, sm, f.shown, run.bases);
    break;
  case Format::Junit: {
    std::vector<std::string> checked;
    for (const frontend::Unit& u : fe.units)
      checked.push_back(u.path);
    diag::renderJunit(ctx.out, sm, f.shown, checked, run.bases);
    break;
  }
  }
  return status;
}

} // namespace

int runCheck(CommandContext& ctx) {
  if (ListDiagnostics) {
    listDiagnostics(ctx.out);
    return 0;
  }
  if (EmitStage != Emit::None && OutputFormat != Format::Text)
    return usageError(ctx, "--emit prints on stdout, where --format=json, sarif, github and junit "
                           "write their report; use one or the other");
  if (std::string problem = baselineUsageError(); !problem.empty())
    return usageError(ctx, problem);
  LoadedBaseline.reset(); // a run in a test's process may follow another
  if (!BaselineFile.empty()) {
    llvm::Expected<Baseline> b = readBaseline(*ctx.fs, BaselineFile);
    if (!b)
      return usageError(ctx, llvm::toString(b.takeError()));
    LoadedBaseline = std::move(*b);
  }
  FrontEndOptions options{Quiet, StdinFilename, Jobs ? Jobs : frontend::defaultJobs()};
  if (Fix || Diff || UnsafeFixes) {
    std::string problem = fixUsageError();
    if (!problem.empty())
      return usageError(ctx, problem);
    auto reportFe = [&](FrontEnd& fe) { return report(ctx, fe); };
    auto statusOf = [](const FrontEnd& fe) { return checkStatus(fe); };
    return runCheckFixes(ctx, Inputs, options, FixRequest{Fix, Diff, UnsafeFixes},
                         CheckReporting{reportFe, statusOf});
  }
  auto fe = std::make_shared<FrontEnd>(runFrontEnd(ctx, Inputs, options));
  emitStage(ctx, *fe);
  int status = report(ctx, *fe);
  if (ctx.keepUntilExit)
    ctx.keepUntilExit(std::move(fe));
  return status;
}

} // namespace salesc::driver
