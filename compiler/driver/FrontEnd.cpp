//===- FrontEnd.cpp - The options every command shares, and the front end run with them ===//
#include "FrontEnd.h"

#include "diag/Render.h"
#include "frontend/Suppressions.h"

#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstdlib>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("Options for reading .sales files");
  return cat;
}

enum class Color { Auto, Always, Never };

cl::opt<Color> ColorMode("color", inEveryCommand(), cl::cat(category()), cl::init(Color::Auto),
                         cl::desc("Colour the text report"),
                         cl::values(clEnumValN(Color::Auto, "auto",
                                               "when stderr is a terminal and NO_COLOR is not "
                                               "set, or FORCE_COLOR or CLICOLOR_FORCE is"),
                                    clEnumValN(Color::Always, "always", "always"),
                                    clEnumValN(Color::Never, "never", "never")));
cl::list<std::string> Warnings("W", cl::Prefix, inEveryCommand(), cl::cat(category()),
                               cl::value_desc("error|no-NAME"),
                               cl::desc("-Werror: warnings are errors; -Wno-NAME or -Wno-CODE: "
                                        "turn a warning off (see check --list-diagnostics)"));
cl::opt<unsigned> ErrorLimit(
    "error-limit", inEveryCommand(), cl::cat(category()), cl::init(50),
    cl::desc("Stop the text report after N errors, and a CSV file's row errors after N (0: "
             "no limit; default 50; JSON and SARIF always hold every diagnostic)"));
cl::list<std::string> IncludeDirs("I", cl::Prefix, inEveryCommand(), cl::cat(category()),
                                  cl::value_desc("dir"),
                                  cl::desc("Look for imported files in this folder too"));
cl::opt<std::string> StdlibDir("stdlib", cl::init(""), inEveryCommand(), cl::cat(category()),
                               cl::value_desc("dir"),
                               cl::desc("Where the standard library (std/*.sales) is"));

/// Reads the -W options into `options`; a name that is not a warning is a problem.
void readWarnings(diag::DiagOptions& options, std::vector<CommandLineProblem>& problems) {
  for (const std::string& w : Warnings) {
    llvm::StringRef flag(w);
    if (flag == "error") {
      options.warningsAsErrors = true;
    } else if (flag.consume_front("no-")) {
      auto kind = diag::kindByName(flag);
      if (!kind)
        kind = diag::kindByCode(flag);
      if (kind && diag::kindInfo(*kind).severity == diag::Severity::Warning)
        options.disabled.insert(diag::kindInfo(*kind).name);
      else
        problems.push_back({diag::DiagKind::UnknownWarningOption, "",
                            "'-W" + w + "': there is no warning named '" + flag.str() +
                                "'; 'salesc check --list-diagnostics' lists them"});
    } else {
      problems.push_back({diag::DiagKind::UnknownWarningOption, "",
                          "unknown option '-W" + w + "'; use -Werror or -Wno-NAME"});
    }
  }
}

/// Whether the link `path`, found walking `folder`, names a file outside it (as a link to
/// /etc/passwd would). When the real paths cannot be known, it is taken to stay inside.
bool leavesFolder(llvm::vfs::FileSystem& fs, llvm::StringRef folder, llvm::StringRef path) {
  llvm::SmallString<256> realFolder, realPath;
  if (fs.getRealPath(folder, realFolder) || fs.getRealPath(path, realPath))
    return false;
  realFolder += llvm::sys::path::get_separator();
  return !llvm::StringRef(realPath).startswith(realFolder);
}

/// Keeps the diagnostics up to the N-th error (warnings before it included).
size_t cutAtErrorLimit(llvm::ArrayRef<diag::Diagnostic> diags) {
  if (ErrorLimit == 0)
    return diags.size();
  unsigned errors = 0;
  for (size_t i = 0; i < diags.size(); ++i)
    if (diags[i].severity == diag::Severity::Error && ++errors > ErrorLimit)
      return i;
  return diags.size();
}

/// Whether the environment variable `name` is set to something else than "" or "0".
bool envSet(const char* name) {
  const char* v = std::getenv(name);
  return v && *v && llvm::StringRef(v) != "0";
}

/// Auto: FORCE_COLOR or CLICOLOR_FORCE colour, NO_COLOR does not; else when the stream the
/// report goes to is a terminal that shows colours (stderr
/// in salesc; never a string in a test).
bool useColor(const llvm::raw_ostream& err) {
  switch (ColorMode) {
  case Color::Always:
    return true;
  case Color::Never:
    return false;
  case Color::Auto:
    if (envSet("FORCE_COLOR") || envSet("CLICOLOR_FORCE"))
      return true;
    if (envSet("NO_COLOR"))
      return false;
    return err.has_colors();
  }
  return false;
}

} // namespace

std::vector<std::string> expandInputs(llvm::vfs::FileSystem& fs, llvm::ArrayRef<std::string> inputs,
                                      std::vector<CommandLineProblem>& problems) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    if (in == "-" || !sema::isFolder(fs, in)) {
      files.push_back(in);
      continue;
    }
    std::vector<std::string> found;
    std::error_code ec;
    // Symbolic links to folders are not followed (their entries are links, not folders):
    // a link back up would loop forever.
    for (llvm::vfs::recursive_directory_iterator it(fs, in, ec), end; it != end && !ec;
         it.increment(ec)) {
      if (it->type() == llvm::sys::fs::file_type::directory_file) {
        // The walk skips a sub-folder it cannot list without a word: ask it first.
        std::error_code sub;
        fs.dir_begin(it->path(), sub);
        if (sub)
          problems.push_back({diag::DiagKind::FolderUnreadable, it->path().str(),
                              "cannot read folder '" + it->path().str() + "': " + sub.message()});
        continue;
      }
      if (llvm::sys::path::extension(it->path()) != ".sales" || sema::isFolder(fs, it->path()))
        continue;
      if (it->type() == llvm::sys::fs::file_type::symlink_file && leavesFolder(fs, in, it->path()))
        problems.push_back({diag::DiagKind::FileUnreadable, it->path().str(),
                            "'" + it->path().str() + "' is a link to a file outside '" + in +
                                "'; a folder's files are checked, not what its links point to "
                                "(name the file itself to check it)"});
      else
        found.push_back(it->path().str());
    }
    if (ec)
      problems.push_back({diag::DiagKind::FolderUnreadable, in,
                          "cannot read folder '" + in + "': " + ec.message()});
    else if (found.empty())
      problems.push_back(
          {diag::DiagKind::EmptyFolder, in, "there is no .sales file in folder '" + in + "'"});
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

diag::DiagOptions warningOptions(std::vector<CommandLineProblem>& problems) {
  diag::DiagOptions options;
  readWarnings(options, problems);
  return options;
}

sema::LoadOptions loadOptions(CommandContext& ctx) {
  sema::LoadOptions load;
  load.stdlibDir =
      frontend::findStdlib(ctx.argv0.c_str(), StdlibDir.empty() ? ctx.stdlibDir : StdlibDir);
  load.includeDirs.assign(IncludeDirs.begin(), IncludeDirs.end());
  load.fs = ctx.fs;
  return load;
}

void applyConfig(sema::LoadOptions& load, const EffectiveConfig& config) {
  for (const std::string& dir : config.include)
    if (!llvm::is_contained(load.includeDirs, dir))
      load.includeDirs.push_back(dir);
  if (StdlibDir.empty() && !config.stdlib.empty())
    load.stdlibDir = config.stdlib;
}

namespace {

/// The name a checked file is known by: "-" is the standard input.
std::string shownName(llvm::StringRef file, const FrontEndOptions& options) {
  if (file != "-")
    return file.str();
  return options.stdinName.empty() ? "<stdin>" : options.stdinName;
}

/// Reads the configuration of every file (reporting its mistakes) and adds what it says
/// for the whole run to the session: the command line's -I folders are searched first,
/// and --stdlib wins over `stdlib:`.
void configure(FrontEnd& fe, const std::vector<std::string>& files,
               const FrontEndOptions& options) {
  std::vector<std::string> names;
  for (const std::string& f : files)
    names.push_back(shownName(f, options));
  fe.config = fe.configs->forRun(names);
  applyConfig(fe.session->loadOptions(), fe.config);
  fe.stdlibDir = fe.session->loadOptions().stdlibDir;
}

} // namespace

FrontEnd runFrontEnd(CommandContext& ctx, llvm::ArrayRef<std::string> inputs,
                     const FrontEndOptions& options) {
  std::vector<CommandLineProblem> problems;
  diag::DiagOptions diagOptions;
  diagOptions.errorsOnly = options.errorsOnly;
  readWarnings(diagOptions, problems);
  if (inputs.empty())
    problems.push_back({diag::DiagKind::NoInput, "",
                        "no file to check; try 'salesc check examples/quickstart.sales'"});
  sema::LoadOptions load = loadOptions(ctx);
  FrontEnd fe;
  fe.stdlibDir = load.stdlibDir;
  // The configuration files are read into the session's sources, once it exists.
  auto configs = std::make_shared<ConfigSet*>(nullptr);
  diagOptions.levelFor = [configs](diag::DiagKind kind, llvm::StringRef file) {
    return *configs ? (*configs)->levelFor(kind, file) : std::nullopt;
  };
  fe.session = std::make_unique<frontend::Session>(std::move(load), std::move(diagOptions));
  fe.configs = std::make_unique<ConfigSet>(*ctx.fs, fe.session->sourceMgr(), fe.session->diags(),
                                           configChoice());
  *configs = fe.configs.get();
  // After an option error nothing is read: the options would not be what was meant.
  std::vector<std::string> files =
      problems.empty() ? expandInputs(*ctx.fs, inputs, problems) : std::vector<std::string>{};
  for (const CommandLineProblem& p : problems)
    fe.session->diags().reportFile(p.kind, p.file, p.message);
  fe.unusable = !problems.empty();
  configure(fe, files, options);
  if (fe.configs->hasErrors()) { // nor after a mistake in a configuration file
    fe.unusable = true;
    files.clear();
  }
  std::vector<frontend::Session::Source> sources;
  for (const std::string& file : files) {
    if (file == "-") { // standard input, under the name --stdin-filename gives
      std::string name = shownName(file, options);
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> text = ctx.readStdin();
      if (text) {
        fe.stdinUnit = int(sources.size());
        sources.push_back({name, (*text)->getBuffer().str()});
      } else {
        fe.session->diags().reportFile(diag::DiagKind::FileUnreadable, name,
                                       "cannot read the standard input: " +
                                           text.getError().message());
        fe.unusable = true;
      }
      continue;
    }
    sources.push_back({file, std::nullopt});
  }
  fe.units = fe.session->addAll(sources, options.jobs);
  for (size_t i = 0; i < fe.units.size(); ++i)
    if (!fe.units[i].root && int(i) != fe.stdinUnit)
      fe.unusable = true;
  fe.session->checkProject(fe.units); // once every file is checked: C003, unused declarations
  frontend::applySuppressions(*fe.session, fe.units);
  if (fe.configs->hasErrors()) // a configuration only an imported file has
    fe.unusable = true;
  return fe;
}

std::string absolutePath(llvm::vfs::FileSystem& fs, llvm::StringRef path) {
  llvm::SmallString<256> p(path);
  fs.makeAbsolute(p);
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return std::string(p);
}

int exitStatus(const FrontEnd& fe) {
  if (fe.unusable)
    return 2;
  return fe.session->diags().hasErrors() ? 1 : 0;
}

unsigned errorLimit() {
  return ErrorLimit;
}

void printDiagnostics(CommandContext& ctx, const llvm::SourceMgr& sm,
                      llvm::ArrayRef<diag::Diagnostic> sorted, unsigned errors, unsigned warnings,
                      unsigned suppressed) {
  size_t shown = cutAtErrorLimit(sorted);
  bool color = useColor(ctx.err);
  diag::renderText(ctx.err, sm, sorted.take_front(shown), color);
  if (shown < sorted.size())
    ctx.err << "salesc: stopped after " << ErrorLimit
            << " errors; use --error-limit=0 to see them all\n";
  diag::renderSummary(ctx.err, errors, warnings, color, suppressed);
}

void printDiagnostics(CommandContext& ctx, const diag::DiagnosticEngine& diags) {
  printDiagnostics(ctx, diags.sourceMgr(), diags.sorted(), diags.errorCount(), diags.warningCount(),
                   diags.suppressedCount());
}

int reportText(CommandContext& ctx, FrontEnd& fe) {
  printDiagnostics(ctx, fe.session->diags());
  return exitStatus(fe);
}

std::vector<rt::AnalyzedProcess> analyzeRootProcesses(CommandContext& ctx, const FrontEnd& fe) {
  std::vector<rt::AnalyzedProcess> out;
  for (const frontend::Unit& u : fe.units)
    for (size_t i : u.model.rootProcesses) {
      const rt::Process& p = u.model.processes[i].process;
      llvm::Expected<rt::Analysis> a = sema::analysisOf(u.model, i);
      if (!a) { // the checker rejects every process the analysis would (trapped stages)
        error(ctx) << "cannot analyze process '" << p.name << "': " << llvm::toString(a.takeError())
                   << '\n';
        continue;
      }
      out.push_back(
          rt::AnalyzedProcess{&p, std::move(*a), rt::campaignsInto(p, u.model.campaigns)});
    }
  return out;
}

std::vector<rt::Campaign> rootCampaigns(const FrontEnd& fe) {
  std::vector<rt::Campaign> out;
  for (const frontend::Unit& u : fe.units)
    out.insert(out.end(), u.model.campaigns.begin(), u.model.campaigns.end());
  return out;
}

} // namespace salesc::driver
