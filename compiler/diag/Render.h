//===- Render.h - Diagnostics to text, JSON and SARIF ---------------------===//
#ifndef SALESC_DIAG_RENDER_H
#define SALESC_DIAG_RENDER_H

#include "ArtifactUri.h"
#include "Diagnostic.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace salesc::diag {

/// How JSON and SARIF name an applicability: "safe" or "unsafe".
inline llvm::StringRef applicabilityName(Applicability a) {
  return a == Applicability::Safe ? "safe" : "unsafe";
}

/// clang-style text: `file:line:col: error: message [CODE]`, the source line, a caret
/// under the range, notes and fix-its. Colours when `color` is set.
void renderText(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                bool color);

/// The closing summary line: "2 errors and 1 warning generated." (nothing when none),
/// with "(3 suppressed)" when `// salesc-ignore` comments suppressed some.
void renderSummary(llvm::raw_ostream& os, unsigned errors, unsigned warnings, bool color,
                   unsigned suppressed = 0);

/// One JSON document: {"version":1,"diagnostics":[...],"errors":N,"warnings":N}.
void renderJson(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                unsigned errors, unsigned warnings);

/// What a SARIF log says besides the diagnostics.
struct SarifRun {
  std::string toolVersion;
  /// The URL of docs/diagnostics.md: each rule's helpUri is an anchor in it.
  std::string docsUrl;
  UriBases bases;            ///< where URIs are relative to (%SRCROOT%, STDLIB)
  int exitCode = 0;          ///< salesc's exit status: 2 is an unsuccessful execution
  size_t maxResults = 25000; ///< GitHub code scanning's limit per run
  /// A problem with the command line that stopped salesc before any diagnostic
  /// (an unknown option): the log's one notification.
  std::string usageError;
  /// With check --baseline: each diagnostic's result.baselineState ("new" or
  /// "unchanged"), in the order of the diagnostics; empty without a baseline.
  std::vector<llvm::StringRef> baselineStates;
};

/// A SARIF 2.1.0 log for GitHub code scanning (docs/cli.md#sarif): one result per located
/// diagnostic (at most run.maxResults), diagnostics without a place in a file (the command
/// line, a file that cannot be read) as tool execution notifications.
void renderSarif(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                 const SarifRun& run);

/// GitHub Actions workflow commands, one line per diagnostic:
/// `::error file=F,line=L,endLine=L,col=C,endColumn=C,title=CODE::message`, notes on
/// further lines of the message; paths relative to bases.srcRoot; escaped as GitHub says
/// (%25 %0D %0A, and %3A %2C in properties).
void renderGithub(llvm::raw_ostream& os, const llvm::SourceMgr& sm,
                  llvm::ArrayRef<Diagnostic> diags, const UriBases& bases);

/// A JUnit XML report: a testsuite per checked file (then per other file with a
/// diagnostic, then "salesc" for the command line), a testcase per diagnostic (a
/// <failure> for an error, <system-out> for a warning), one passing testcase for a file
/// with none.
void renderJunit(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                 llvm::ArrayRef<std::string> checkedFiles, const UriBases& bases);

} // namespace salesc::diag

#endif // SALESC_DIAG_RENDER_H
