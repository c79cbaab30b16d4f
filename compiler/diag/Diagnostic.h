//===- Diagnostic.h - Diagnostics as data ---------------------------------===//
//
// A diagnostic is a plain value: kind, severity, message, range, notes and fix-its.
// The checker produces them; the text, JSON and SARIF renderers consume them.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DIAG_DIAGNOSTIC_H
#define SALESC_DIAG_DIAGNOSTIC_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::diag {

enum class DiagKind : unsigned {
#define DIAG(Id, Code, Severity, Name, Summary) Id,
#include "DiagnosticKinds.def"
#undef DIAG
};

enum class Severity { Note, Warning, Error };

/// The registry entry of one kind, from DiagnosticKinds.def.
struct KindInfo {
  DiagKind kind;
  llvm::StringRef code;
  Severity severity;
  llvm::StringRef name;
  llvm::StringRef summary;
};

const KindInfo& kindInfo(DiagKind kind);
llvm::ArrayRef<KindInfo> allKinds();
/// The kind whose name (as in -Wno-NAME) is `name`, if any.
std::optional<DiagKind> kindByName(llvm::StringRef name);
/// The kind whose code is `code` (N008; case does not matter), if any.
std::optional<DiagKind> kindByCode(llvm::StringRef code);
llvm::StringRef severityName(Severity s);

/// A note pointing at another place that explains the diagnostic. The range may be
/// empty when the note has no location.
struct Note {
  std::string message;
  llvm::SMRange range;
};

/// Whether a fix-it is certain (`Safe`) or a guess (`Unsafe`); `salesc check --fix` applies only
/// the safe ones.
enum class Applicability { Safe, Unsafe };

/// A suggested edit: replace `range` with `replacement`.
struct FixIt {
  std::string message;
  std::string replacement;
  llvm::SMRange range;
  Applicability applicability = Applicability::Unsafe;
};

/// One diagnostic. `severity` is the effective one (a warning under -Werror is an error).
/// `file` is set for diagnostics about a file with no location in it (not found).
struct Diagnostic {
  DiagKind kind;
  Severity severity;
  std::string message;
  llvm::SMRange range;
  std::string file;
  std::vector<Note> notes;
  std::vector<FixIt> fixes;
  /// For a diagnostic at a place a process inherits through `extends`: the extending
  /// processes it applies to, and the base whose block holds the place (empty otherwise).
  std::vector<std::string> processes;
  std::string inheritedFrom;
  /// Set when a `// salesc-ignore` comment suppresses it: the comment's reason (maybe
  /// empty). Only SARIF shows suppressed diagnostics (with this as the justification).
  std::optional<std::string> suppression;
};

} // namespace salesc::diag

#endif // SALESC_DIAG_DIAGNOSTIC_H
