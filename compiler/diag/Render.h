//===- Render.h - Diagnostics to text, JSON and SARIF ---------------------===//
#ifndef SALESC_DIAG_RENDER_H
#define SALESC_DIAG_RENDER_H

#include "Diagnostic.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace salesc::diag {

/// Text for a JSON or SARIF document: as it is when it is UTF-8, else with each invalid
/// sequence replaced by U+FFFD. User text need not be UTF-8 (a path on the command line,
/// a deal id from a CSV file written in Windows-1252), and llvm::json takes only UTF-8: a
/// build with assertions stops on anything else, one without makes the same replacement.
std::string jsonText(llvm::StringRef text);

/// clang-style text: `file:line:col: error: message [CODE]`, the source line, a caret
/// under the range, notes and fix-its. Colours when `color` is set.
void renderText(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                bool color);

/// The closing summary line: "2 errors and 1 warning generated." (nothing when none).
void renderSummary(llvm::raw_ostream& os, unsigned errors, unsigned warnings, bool color);

/// One JSON document: {"version":1,"diagnostics":[...],"errors":N,"warnings":N}.
void renderJson(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                unsigned errors, unsigned warnings);

/// A SARIF 2.1.0 log for GitHub code scanning. `docsUrl` is the base of the rule help
/// links (an anchor per code is appended).
void renderSarif(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                 llvm::StringRef toolVersion, llvm::StringRef docsUrl);

} // namespace salesc::diag

#endif // SALESC_DIAG_RENDER_H
