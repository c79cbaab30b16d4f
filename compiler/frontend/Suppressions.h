//===- Suppressions.h - `// salesc-ignore CODE: reason` comments -----------===//
//
// `// salesc-ignore CODE[, CODE]: reason` at the end of a line suppresses those
// diagnostics on that line; on a line of its own, on the next line that is not blank or a
// comment. `// salesc-ignore-file CODE: reason` suppresses them in the whole file. Codes
// or names; docs/diagnostics.md#suppressing-a-diagnostic says which errors cannot be.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_FRONTEND_SUPPRESSIONS_H
#define SALESC_FRONTEND_SUPPRESSIONS_H

#include "Compilation.h"

#include "diag/DiagnosticEngine.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/SourceMgr.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::frontend {

/// One code or name of a suppression comment.
struct SuppressedCode {
  llvm::SMRange range; ///< as written
  std::string written;
  std::optional<diag::DiagKind> kind; ///< none: no diagnostic has that code or name
};

/// One `// salesc-ignore` or `// salesc-ignore-file` comment.
struct Suppression {
  llvm::SMRange range; ///< the comment
  unsigned line = 0;   ///< the line it suppresses on; 0 with wholeFile, or when none follows
  bool wholeFile = false;
  bool ownLine = false; ///< on a line of its own: for the next line
  std::vector<SuppressedCode> codes;
  std::string reason; ///< after the ':'; empty when none is given
};

/// The suppression comments of the buffer `bufferId` of `sm`, in order.
std::vector<Suppression> findSuppressions(const llvm::SourceMgr& sm, unsigned bufferId);

/// Whether a `// salesc-ignore` comment can suppress `kind`: not the errors after which
/// a file is not checked as written (S001 to S011, T001), nor the diagnostics about the
/// command line, configuration files and suppression comments themselves.
bool suppressible(diag::DiagKind kind);

/// Marks suppressed the diagnostics the comments of `buffers` suppress, then reports
/// the comments that give no reason (U001), suppress nothing (U002) or name an error that
/// cannot be suppressed (U003).
void applySuppressions(diag::DiagnosticEngine& diags, const llvm::SourceMgr& sm,
                       llvm::ArrayRef<unsigned> buffers);
/// The same for the .sales files of `units` (each root and what it imports), as `salesc
/// check` applies them to a run once it is checked; `salesc lsp` to each document's check.
void applySuppressions(Session& session, llvm::ArrayRef<Unit> units);

} // namespace salesc::frontend

#endif // SALESC_FRONTEND_SUPPRESSIONS_H
