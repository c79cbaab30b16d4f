//===- Fixes.h - check --fix and --diff: fix-its applied until none is left ===//
#ifndef SALESC_DRIVER_FIXES_H
#define SALESC_DRIVER_FIXES_H

#include "FrontEnd.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::driver {

/// A file `check` may fix: named on the command line (or found in a folder named there),
/// or the standard input; never a file of the standard library.
struct FixedFile {
  std::string path; ///< as named (the --stdin-filename name for `-`)
  bool fromStdin = false;
  std::string before; ///< the text as read
  std::string after;  ///< the text with its fixes applied (== before when none)
  unsigned fixes = 0; ///< the fix-its applied to it
};

struct FixResult {
  /// Every file `check` may fix, in the order checked.
  std::vector<FixedFile> files;
  /// Why a file with fix-its was left as it was, one line each, to print after
  /// "salesc: " ("'a.sales' is left as it was: ...", "error: cannot fix 'a.sales': ...").
  std::vector<std::string> leftAlone;
  /// The files could not be fixed because they are read-only: status 2.
  bool readOnly = false;
  /// The check of the files as they are (with warnings, whatever --quiet says).
  FrontEnd first;
  /// The check of the files as fixed, with the options given, when it is not `first`.
  std::optional<FrontEnd> fixed;
  /// The problems that remain once the files are fixed.
  FrontEnd& final() { return fixed ? *fixed : first; }
  /// Problems of `final` whose fix-its are guesses, which --unsafe-fixes would apply.
  unsigned unsafeLeft = 0;
};

/// Checks `inputs`, applies the fix-its of the diagnostics (the safe ones, and the unsafe
/// ones too when `unsafe`) to the texts in memory and checks again, until no fix-it is
/// left or 10 rounds have run. Edits that overlap are applied in the next round. A file
/// whose fixed text has an error it did not have, either a file error (S...) or one on a
/// line the fixes changed, is left as it was (the others are kept). Nothing is written.
/// When `writing` (--fix, not --diff), a read-only file is not fixed: it is named in
/// `leftAlone` and `readOnly` is set.
struct FixOptions {
  bool unsafe = false;  ///< --unsafe-fixes: the guesses too
  bool writing = false; ///< --fix without --diff
};

FixResult runFixes(CommandContext& ctx, llvm::ArrayRef<std::string> inputs,
                   const FrontEndOptions& options, FixOptions fixOptions);

} // namespace salesc::driver

#endif // SALESC_DRIVER_FIXES_H
