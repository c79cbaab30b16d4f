//===- Page.h - The frame of every report page: head, style, scripts ------===//
#ifndef SALESC_HTML_PAGE_H
#define SALESC_HTML_PAGE_H

#include "Report.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace salesc::html {

/// From <!DOCTYPE html> to the opening of <main>: the title, the style of `theme`, the
/// chart library (with `charts`) and a header with `heading` and a link home (`home`
/// empty on the index itself).
std::string pageStart(llvm::StringRef title, llvm::StringRef heading, const ReportOptions& o,
                      bool charts, llvm::StringRef home);

/// From </main> to </html>: the footer (generator, licences) and, with `charts`, the
/// script that draws the charts and the flowchart's tooltips.
std::string pageEnd(const ReportOptions& o, bool charts);

} // namespace salesc::html

#endif // SALESC_HTML_PAGE_H
