//===- FrontEnd.h - The options every command shares, and the front end run with them ===//
#ifndef SALESC_DRIVER_FRONTEND_H
#define SALESC_DRIVER_FRONTEND_H

#include "Command.h"
#include "Config.h"

#include "frontend/Compilation.h"
#include "salesc/runtime/Markov.h"

#include <memory>
#include <vector>

namespace salesc::driver {

/// The front end as every command runs it: the files named on the command line
/// (folders expanded), compiled with the shared options (-I, --stdlib, -W...).
struct FrontEnd {
  std::unique_ptr<frontend::Session> session;
  std::vector<frontend::Unit> units;
  /// A file, folder or option could not be used (reported as a coded diagnostic):
  /// exit status 2.
  bool unusable = false;
  /// The standard library folder the session reads `std/...` imports from.
  std::string stdlibDir;
  /// The place in `units` of the file read from the standard input (`-`), or -1.
  int stdinUnit = -1;
  /// The configuration files of the run (Config.h), and what they say for the run as a
  /// whole (max-warnings, baseline).
  std::unique_ptr<ConfigSet> configs;
  EffectiveConfig config;
};

/// Compiles `inputs`. Problems with the command line itself (a bad -W option, no file,
/// an empty or unreadable folder) are coded diagnostics in the session, like any
/// other; after an option error no file is read.
/// What `check` asks of the front end beyond the options every command shares.
struct FrontEndOptions {
  bool errorsOnly = false; ///< --quiet: warnings are dropped
  std::string stdinName;   ///< --stdin-filename: the name of the input "-"
  unsigned jobs = 1;       ///< check -j: files parsed and checked at a time
};

/// Where the shared options (-I, --stdlib) say files and imports are read, from ctx.fs.
sema::LoadOptions loadOptions(CommandContext& ctx);

/// Adds what a configuration says (`include:`, `stdlib:`) to where files are read: the
/// command line's -I folders are searched first, and --stdlib wins over `stdlib:`. `check`
/// and `salesc lsp` (for each document) use it.
void applyConfig(sema::LoadOptions& load, const EffectiveConfig& config);

/// An input of "-" is the standard input (ctx.readStdin), named options.stdinName.
FrontEnd runFrontEnd(CommandContext& ctx, llvm::ArrayRef<std::string> inputs,
                     const FrontEndOptions& options = {});

/// A problem with the files the command line names, reported once diagnostics can be.
struct CommandLineProblem {
  diag::DiagKind kind;
  std::string file;
  std::string message;
};

/// What the -W options say; a name that is not a warning is added to `problems`.
diag::DiagOptions warningOptions(std::vector<CommandLineProblem>& problems);

/// The files `inputs` name: a folder gives every *.sales file below it, sorted, so runs
/// are reproducible; "-" stays "-". What cannot be listed is added to `problems`.
std::vector<std::string> expandInputs(llvm::vfs::FileSystem& fs, llvm::ArrayRef<std::string> inputs,
                                      std::vector<CommandLineProblem>& problems);

/// `--error-limit`: the most errors a text report prints (0: no limit).
unsigned errorLimit();

/// Prints `diags` as text on ctx.err, with the colour, error limit and summary the
/// options say.
void printDiagnostics(CommandContext& ctx, const diag::DiagnosticEngine& diags);
/// The same for a list of diagnostics (sorted) and the counts its summary gives.
void printDiagnostics(CommandContext& ctx, const llvm::SourceMgr& sm,
                      llvm::ArrayRef<diag::Diagnostic> sorted, unsigned errors, unsigned warnings,
                      unsigned suppressed = 0);

/// Prints the diagnostics as text on ctx.err (colour, error limit and summary as the
/// options say) and returns the exit status they imply: 0, 1 (errors), or 2.
int reportText(CommandContext& ctx, FrontEnd& fe);

/// `path` made absolute against the working folder of `fs`, without `.` and `..`.
std::string absolutePath(llvm::vfs::FileSystem& fs, llvm::StringRef path);

/// The exit status of the diagnostics: 2 when something was unusable, 1 on errors.
int exitStatus(const FrontEnd& fe);

/// The processes declared in the files named (not their imports), each with its
/// analysis, for build and emit. Reports a process the analysis refuses and leaves
/// it out.
std::vector<rt::AnalyzedProcess> analyzeRootProcesses(CommandContext& ctx, const FrontEnd& fe);

/// The campaigns declared in the files named, in order (CheckedModel::campaigns).
std::vector<rt::Campaign> rootCampaigns(const FrontEnd& fe);

} // namespace salesc::driver

#endif // SALESC_DRIVER_FRONTEND_H
