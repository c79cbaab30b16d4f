//===- HtmlText.h - User text and data inside the report's HTML -----------===//
#ifndef SALESC_HTML_HTMLTEXT_H
#define SALESC_HTML_HTMLTEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <string>

namespace salesc::html {

/// Text as HTML that shows exactly as written: &, <, >, " and ' as entities, so user text
/// can neither break the page nor inject markup (also safe inside a quoted attribute).
std::string text(llvm::StringRef s);

/// JSON for a <script type="application/json"> element: every '<' written as \u003c, so
/// no text in it can close the element.
std::string scriptJson(const llvm::json::Value& v);

/// "a, b and c", each escaped; `none` when empty.
std::string list(llvm::ArrayRef<std::string> items, llvm::StringRef none = "");

/// A state's id in the page: "stage-NAME" (names are identifiers).
std::string stageAnchor(llvm::StringRef name);

} // namespace salesc::html

#endif // SALESC_HTML_HTMLTEXT_H
