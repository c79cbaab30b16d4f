//===- MarkdownText.h - User text as GitHub Markdown ----------------------===//
#ifndef SALESC_EMIT_MARKDOWNTEXT_H
#define SALESC_EMIT_MARKDOWNTEXT_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace salesc::emit {

/// User text as Markdown that shows exactly as written, on one line: markup characters
/// backslash-escaped, `<`, `>` and `&` as entities, line breaks and control characters
/// as spaces, so a description can neither break a page (a table, a heading) nor inject
/// HTML.
std::string markdownText(llvm::StringRef s);

/// An amount of money and the process's currency ("15,000 USD"; the figure is ours, the
/// currency user text, escaped); the amount alone without a currency.
std::string markdownMoney(double amount, llvm::StringRef currency);

/// Against a target: "met" or "**missed**"; empty without a target.
std::string markdownVerdict(bool hasTarget, bool met);

} // namespace salesc::emit

#endif // SALESC_EMIT_MARKDOWNTEXT_H
