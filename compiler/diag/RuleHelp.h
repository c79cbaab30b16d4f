//===- RuleHelp.h - Each diagnostic's help, from docs/diagnostics.md ------===//
//
// The SARIF rules carry a full description and help (text and Markdown) per code. Their
// one source is the section `## CODE name` of docs/diagnostics.md, which the build embeds
// in the binary (scripts/embed-text.cmake), so the help a viewer shows is the page.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DIAG_RULEHELP_H
#define SALESC_DIAG_RULEHELP_H

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

/// docs/diagnostics.md as it was when salesc was built.
llvm::StringRef diagnosticsDocs();

/// The help of every section `## CODE name` of `docs`, by code. Links relative to the page
/// (`#s010-import-not-found`, `language.md#...`) are resolved against `docsUrl`, the URL of
/// the page itself, so they work wherever the Markdown is shown.
llvm::StringMap<RuleHelp> parseRuleHelp(llvm::StringRef docs, llvm::StringRef docsUrl);

} // namespace salesc::diag

#endif // SALESC_DIAG_RULEHELP_H
