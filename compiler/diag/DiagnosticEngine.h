//===- DiagnosticEngine.h - Collects diagnostics for one run --------------===//
#ifndef SALESC_DIAG_DIAGNOSTICENGINE_H
#define SALESC_DIAG_DIAGNOSTICENGINE_H

#include "Diagnostic.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/SourceMgr.h"

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace salesc::diag {

/// What a configuration file (.salesc.yaml) makes of a kind of warning.
enum class Level { Off, Warning, Error };

/// What the user asked for about warnings, on the command line and in configuration files.
struct DiagOptions {
  bool warningsAsErrors = false;
  llvm::StringSet<> disabled; ///< warning names turned off by -Wno-NAME or -Wno-CODE
  bool errorsOnly = false;    ///< check --quiet: warnings are neither reported nor counted
  /// The level the configuration of `file` gives a warning of `kind`, if it gives one.
  /// -Wno-NAME wins over it; -Werror and --quiet apply to what it leaves a warning.
  std::function<std::optional<Level>(DiagKind kind, llvm::StringRef file)> levelFor;
};

class DiagnosticEngine;

/// A process being checked, for the diagnostics it gives at places it inherits: its
/// own block, and the blocks of its bases (nearest first) with their names.
struct ProcessContext {
  std::string name;
  llvm::SMRange own;
  std::vector<std::pair<llvm::SMRange, std::string>> bases;
};

/// Returned by DiagnosticEngine::report to attach notes and fix-its. A diagnostic that
/// was suppressed (disabled warning, duplicate) gives a builder that drops everything.
class DiagBuilder {
public:
  DiagBuilder& note(llvm::SMRange range, std::string message);
  /// A fix-it is a guess (unsafe) unless the caller says it is certain
  /// (docs/diagnostics.md, "Fix-its").
  DiagBuilder& fix(llvm::SMRange range, std::string replacement, std::string message,
                   Applicability applicability = Applicability::Unsafe);

private:
  friend class DiagnosticEngine;
  explicit DiagBuilder(Diagnostic* d) : d_(d) {}
  Diagnostic* d_;
};

/// A report as a phase made it, kept to be made again on another engine: how a phase run
/// on a worker thread reports (DiagnosticEngine::recording, then replay).
struct RecordedReport {
  Diagnostic d; ///< kind, message, range or file, notes and fix-its as reported
  std::optional<ProcessContext> process; ///< the InheritedScope in force, if any
};

/// Collects diagnostics from every phase of a run. Owns no sources: locations are
/// resolved through the SourceMgr given at construction. Identical diagnostics (same
/// kind, place and message, as when two checked files import the same library) are
/// kept once. The driver asks for the sorted list once all phases have run.
class DiagnosticEngine {
public:
  DiagnosticEngine(const llvm::SourceMgr& sm, DiagOptions options)
      : sm_(sm), options_(std::move(options)) {}

  /// An engine that keeps every report as it is made, without filtering, merging or
  /// counting anything but errorReports(): a phase run on a worker thread reports to one,
  /// and replay() makes the same reports, in the same order, on the run's engine, so the
  /// result is the same as if the phase had reported there. It reads nothing of `sm`.
  static DiagnosticEngine recording(const llvm::SourceMgr& sm) {
    DiagnosticEngine e(sm, {});
    e.recording_ = true;
    return e;
  }
  /// The reports of a recording engine.
  std::deque<RecordedReport> takeRecorded() { return std::move(recorded_); }
  /// Makes each of `reports` on this engine, in order.
  void replay(std::deque<RecordedReport>& reports);

  DiagBuilder report(DiagKind kind, llvm::SMRange range, std::string message);
  /// A diagnostic about a whole file that has no place in any buffer.
  DiagBuilder reportFile(DiagKind kind, llvm::StringRef file, std::string message);

  unsigned errorCount() const { return errors_; }
  unsigned warningCount() const { return warnings_; }
  bool hasErrors() const { return errors_ != 0; }
  /// Every error reported so far, counting the ones dropped as duplicates and not
  /// counting warnings made errors by -Werror (read through ErrorTrap).
  unsigned errorReports() const { return errorReports_; }

  /// Diagnostics sorted by file, line, column (then code), notes in report order; the
  /// suppressed ones too when asked (for SARIF, which shows them as suppressed).
  std::vector<Diagnostic> sorted(bool withSuppressed = false) const;

  /// Marks suppressed every diagnostic for which `reason` gives a reason: it is no longer
  /// counted, nor in sorted(), but in suppressedCount() and sorted(true).
  void suppress(const std::function<std::optional<std::string>(const Diagnostic&)>& reason);
  unsigned suppressedCount() const { return suppressed_; }
  /// The file a diagnostic is about: its `file`, else the buffer its place is in.
  std::string fileOf(const Diagnostic& d) const;

  const llvm::SourceMgr& sourceMgr() const { return sm_; }

private:
  friend class InheritedScope;
  DiagBuilder add(DiagKind kind, llvm::SMRange range, std::string file, std::string message);
  /// A report inside an InheritedScope at a place in a base's block: said once per
  /// place for every process that inherits it ("in processes 'a' and 'b' (from 'base')").
  DiagBuilder addInherited(DiagKind kind, llvm::SMRange range, std::string message);
  /// The name of the buffer `range` starts in, or "".
  std::string bufferName(llvm::SMRange range) const;

  DiagBuilder record(DiagKind kind, llvm::SMRange range, std::string file, std::string message);

  const llvm::SourceMgr& sm_;
  DiagOptions options_;
  bool recording_ = false;
  std::deque<RecordedReport> recorded_; ///< a deque: a DiagBuilder keeps its address
  std::vector<std::unique_ptr<Diagnostic>> diags_;
  std::set<std::tuple<unsigned, const char*, std::string, std::string>> seen_;
  const ProcessContext* process_ = nullptr; ///< set by InheritedScope
  /// Inherited diagnostics by kind, place, base and message as the check said it.
  std::map<std::tuple<unsigned, const char*, std::string, std::string>, Diagnostic*> inherited_;
  /// The same, by kind, place and message only: a base that reports the same of itself
  /// later takes the diagnostic over.
  std::map<std::tuple<unsigned, const char*, std::string, std::string>, Diagnostic*> sameAsBase_;
  unsigned errors_ = 0;
  unsigned warnings_ = 0;
  unsigned errorReports_ = 0;
  unsigned suppressed_ = 0;
};

/// While a process is checked: its reports at places in a base's block become
/// inherited diagnostics (DiagnosticEngine::addInherited).
class InheritedScope {
public:
  InheritedScope(DiagnosticEngine& diags, const ProcessContext& process)
      : diags_(diags), outer_(diags.process_) {
    diags.process_ = &process;
  }
  ~InheritedScope() { diags_.process_ = outer_; }
  InheritedScope(const InheritedScope&) = delete;
  InheritedScope& operator=(const InheritedScope&) = delete;

private:
  DiagnosticEngine& diags_;
  const ProcessContext* outer_;
};

/// Whether a piece of work reported an error: set up before the work, asked after it.
/// A check returns `!trap.hasErrors()` so that its caller sees success as a value
/// instead of comparing error counts. Counts errors as errorReports() does: duplicates
/// included, warnings made errors by -Werror not (so -Werror never changes which checks
/// run).
class ErrorTrap {
public:
  explicit ErrorTrap(const DiagnosticEngine& diags)
      : diags_(diags), before_(diags.errorReports()) {}
  bool hasErrors() const { return diags_.errorReports() != before_; }

private:
  const DiagnosticEngine& diags_;
  unsigned before_;
};

} // namespace salesc::diag

#endif // SALESC_DIAG_DIAGNOSTICENGINE_H
