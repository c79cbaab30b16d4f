//===- CheckFix.h - `salesc check --fix` and `--diff`: writing what the fixes change ===//
#ifndef SALESC_COMMANDS_CHECKFIX_H
#define SALESC_COMMANDS_CHECKFIX_H

#include "driver/FrontEnd.h"

#include "llvm/ADT/STLFunctionalExtras.h"

namespace salesc::driver {

struct FixRequest {
  bool fix = false;    ///< --fix: write the fixed files (print a fixed standard input)
  bool diff = false;   ///< --diff: print the diff instead of writing
  bool unsafe = false; ///< --unsafe-fixes: the guesses too
};

/// What `check` does with the checks of a fix run: `report` reports one in the format
/// asked and returns its exit status; `status` gives the status without reporting.
struct CheckReporting {
  llvm::function_ref<int(FrontEnd&)> report;
  llvm::function_ref<int(const FrontEnd&)> status;
};

/// Runs `check` with --fix and/or --diff (docs/cli.md#--fix---unsafe-fixes---diff): with
/// --diff, prints the unified diff of every file the fixes change on stdout and the
/// summary on stderr, with the exit status of the files as they are; with --fix, writes
/// the fixed files atomically (a fixed standard input on stdout), reports the problems
/// that remain and the summary, with their exit status (2 when a file could not be
/// written).
int runCheckFixes(CommandContext& ctx, llvm::ArrayRef<std::string> inputs,
                  const FrontEndOptions& options, FixRequest request, CheckReporting reporting);

} // namespace salesc::driver

#endif // SALESC_COMMANDS_CHECKFIX_H
