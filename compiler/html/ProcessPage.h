//===- ProcessPage.h - One process's page of the report -------------------===//
#ifndef SALESC_HTML_PROCESSPAGE_H
#define SALESC_HTML_PROCESSPAGE_H

#include "Report.h"

#include "llvm/Support/Error.h"

#include <string>

namespace salesc::html {

/// The page of `p`: headline figures against targets, the flowchart (inline SVG, stage
/// tooltips and links), the charts, the forecast and the observed history of `data`, the
/// tables and the playbook.
llvm::Expected<std::string> processPage(const rt::AnalyzedProcess& p, const ReportOptions& o,
                                        const ProcessData& data);

/// The title a process goes by: its description, or its name as words.
std::string processTitle(const rt::Process& p);

} // namespace salesc::html

#endif // SALESC_HTML_PROCESSPAGE_H
