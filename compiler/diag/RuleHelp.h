//===- RuleHelp.h - Each diagnostic's help, from docs/diagnostics.md ------===//
//
// The SARIF rules carry a full description and help (text and Markdown) per code. Their
// one source is the section `## CODE name` of docs/diagnostics.md, which the build embeds
// in the binary (scripts/embed-text.cmake), so the help a viewer shows is the page.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DIAG_RULEHELP_H
#define SALESC_DIAG_RULEHELP_H

#include "Diagnostic.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace salesc::diag {

/// What a viewer shows about one diagnostic code.
struct RuleHelp {
  std::string fullDescription; ///< the section's first paragraph, as plain text
  std::string text;            ///< the whole section, as plain text
  std::string markdown;        ///< the whole section, links made absolute against docsUrl
};

/// Where docs/diagnostics.md is published: each code's help link is an anchor in it.
constexpr const char* DiagnosticsDocsUrl =
    "https://github.com/salesc/salesc/blob/main/docs/diagnostics.md";

/// The link to the entry of `kind` in the page at `docsUrl`: GitHub's anchor for the
/// heading "## S001 syntax-error" (SARIF helpUri, check --list-diagnostics, the LSP).
std::string helpUri(const KindInfo& kind, llvm::StringRef docsUrl = DiagnosticsDocsUrl);

/// docs/diagnostics.md as it was when salesc was built.
llvm::StringRef diagnosticsDocs();

/// The help of every section `## CODE name` of `docs`, by code. Links relative to the page
/// (`#s010-import-not-found`, `language.md#...`) are resolved against `docsUrl`, the URL of
/// the page itself, so they work wherever the Markdown is shown.
llvm::StringMap<RuleHelp> parseRuleHelp(llvm::StringRef docs, llvm::StringRef docsUrl);

} // namespace salesc::diag

#endif // SALESC_DIAG_RULEHELP_H
