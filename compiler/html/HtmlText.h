//===- HtmlText.h - User text and data inside the report's HTML -----------===//
#ifndef SALESC_HTML_HTMLTEXT_H
#define SALESC_HTML_HTMLTEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <initializer_list>
#include <optional>
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

/// A chart's <figure id="figure-NAME">: the element the page script draws `spec` in, or
/// the title and `empty` when there is nothing to draw (`spec` nullopt).
std::string chartFigure(llvm::StringRef name, llvm::StringRef title, llvm::StringRef empty,
                        std::optional<llvm::json::Object> spec);

/// A table cell holding `html`; a `number` is aligned right.
std::string cell(const std::string& html, bool number = false);
/// A table's header row with `columns` (HTML).
std::string header(std::initializer_list<const char*> columns);
/// <section id=ID><h2>TITLE</h2><p>INTRO</p>BODY</section> (no paragraph for an empty intro).
std::string section(llvm::StringRef id, llvm::StringRef title, llvm::StringRef intro,
                    const std::string& body);

/// A state's id in the page: "stage-NAME" (names are identifiers).
std::string stageAnchor(llvm::StringRef name);

} // namespace salesc::html

#endif // SALESC_HTML_HTMLTEXT_H
