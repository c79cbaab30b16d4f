//===- Baseline.h - Known problems, counted per file and code (check --baseline) ===//
//
// A baseline records the problems a project has today as counts per file and code, as
// ESLint's bulk suppressions do: no line numbers, so it survives edits that move lines.
// A later check hides what the baseline covers and fails only on problems beyond it.
// The file format and the rules are in docs/cli.md ("--baseline").
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DRIVER_BASELINE_H
#define SALESC_DRIVER_BASELINE_H

#include "diag/Diagnostic.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace salesc::driver {

/// Counts per file (relative to the baseline's folder, '/' between folders) and code.
using BaselineCounts = std::map<std::string, std::map<std::string, unsigned>>;

/// A baseline file: where it is, and what it records.
struct Baseline {
  std::string path;   ///< as given on the command line
  std::string folder; ///< absolute: the folder its file names are relative to
  BaselineCounts counts;
};

/// Reads the baseline at `path`. An unreadable file, a JSON syntax error
/// ("FILE:LINE:COL: ...") or an entry of the wrong shape is an error saying where.
llvm::Expected<Baseline> readBaseline(llvm::vfs::FileSystem& fs, llvm::StringRef path);

/// An empty baseline to be written at `path` (check --write-baseline).
Baseline newBaseline(llvm::vfs::FileSystem& fs, llvm::StringRef path);

/// The baseline as JSON: keys sorted, two-space indents, a final newline, so the same
/// findings always give the same bytes.
std::string baselineJson(const BaselineCounts& counts);

/// Writes `b` atomically (output::writeAtomically).
llvm::Error writeBaseline(const Baseline& b);

/// The name of the file holding `d` as the baseline records it, or "" for a
/// diagnostic with no file (a problem with the command line).
std::string baselineFile(llvm::vfs::FileSystem& fs, const Baseline& b, const llvm::SourceMgr& sm,
                         const diag::Diagnostic& d);

/// The name of the file at `path` (as named on the command line) in the baseline.
std::string baselineName(llvm::vfs::FileSystem& fs, const Baseline& b, llvm::StringRef path);

/// What `diags` (sorted) count per file and code: the baseline --write-baseline writes.
BaselineCounts countFindings(llvm::vfs::FileSystem& fs, const Baseline& b,
                             const llvm::SourceMgr& sm, llvm::ArrayRef<diag::Diagnostic> diags);

/// `b`'s counts lowered to what `found` has, for the files `checked` (baseline names);
/// the entries of other files are kept as they are (check --prune-baseline).
BaselineCounts prunedCounts(const Baseline& b, const BaselineCounts& found,
                            const std::vector<std::string>& checked);

/// The diagnostics of a run seen through a baseline.
struct BaselineView {
  /// What the report shows: a file and code within its recorded count is hidden; one
  /// beyond it is shown whole (which ones are new cannot be told), each with a note.
  std::vector<diag::Diagnostic> shown;
  /// For SARIF, per diagnostic of the run (in the order given): "unchanged" for the
  /// recorded ones (the first in the file), "new" for those beyond the count.
  std::vector<llvm::StringRef> states;
  unsigned newErrors = 0;   ///< problems beyond the recorded counts, by severity
  unsigned newWarnings = 0; ///< (what the exit status and --max-warnings count)
  unsigned known = 0;       ///< problems the baseline covers
};

/// Applies `b` to the sorted diagnostics of a run.
BaselineView applyBaseline(llvm::vfs::FileSystem& fs, const Baseline& b, const llvm::SourceMgr& sm,
                           llvm::ArrayRef<diag::Diagnostic> diags);

struct FrontEnd;
struct CommandContext;

/// What check's options ask of baselines.
struct BaselineOptions {
  std::string use;    ///< --baseline FILE: hide what it records
  std::string write;  ///< --write-baseline FILE: record this run's problems
  bool prune = false; ///< --prune-baseline: lower --baseline's counts to what is left
};

/// After a check: writes (--write-baseline) or prunes (--prune-baseline) as `options`
/// say, saying so on ctx.err when `say`, and returns the baseline the report is to be
/// seen through (`loaded`, the --baseline read before the check, or the one just
/// written), or nothing. An error when the file cannot be written.
llvm::Expected<std::optional<Baseline>>
settleBaseline(CommandContext& ctx, const FrontEnd& fe, const BaselineOptions& options,
               std::optional<Baseline> loaded, llvm::ArrayRef<diag::Diagnostic> sorted, bool say);

} // namespace salesc::driver

#endif // SALESC_DRIVER_BASELINE_H
