//===- Report.h - salesc report: a static HTML site of processes ----------===//
//
// A pure function from analyzed processes to the files of a report folder: index.html
// (each process with its headline figures), one page per process (NAME.html: figures
// against targets, the flowchart with stage tooltips, the charts of emit/Charts.h, the
// stakeholder map, exit criteria, segments, campaigns, brand rules, knowledge by stage
// and the playbook) and assets/ (the chart library and its licences). Nothing is
// fetched when a page is opened: everything it needs is in the folder.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_HTML_REPORT_H
#define SALESC_HTML_REPORT_H

#include "emit/Charts.h"
#include "emit/Emit.h"
#include "salesc/runtime/Markov.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::html {

enum class Theme { Light, Dark };

struct ReportOptions {
  Theme theme = Theme::Light;
  llvm::StringRef generator; ///< "salesc 0.1.0", in each page's footer
  emit::DrawOptions drawing; ///< for the flowcharts
};

/// What `report --pipeline` adds to a process's page: the forecast of its open deals and
/// the same forecast up to the end of each month of the horizon (the fan chart).
struct PipelineFigures {
  std::string source; ///< the CSV, as the page names it
  double horizonDays = 0;
  rt::ForecastResult forecast;
  std::vector<emit::ForecastToDate> byMonth;
};

/// What `report --events` adds: the stage history replayed against the process (against
/// its blend of segments, as `salesc conform` does).
struct ObservedFigures {
  std::string source;
  rt::ConformResult result;
};

/// The data of one process's page beyond its model; either part may be absent.
struct ProcessData {
  std::optional<PipelineFigures> pipeline;
  std::optional<ObservedFigures> observed;
};

/// One file of the report, its path relative to the report folder.
struct ReportFile {
  std::string path;
  std::string bytes;
};

/// Every file of the report of `ps` (each with its campaigns: AnalyzedProcess::campaigns),
/// with `data[i]` on the page of `ps[i]` (`data` empty, or as long as `ps`).
/// Fails when a simulation fails; a flowchart that cannot be drawn throws as emit does.
llvm::Expected<std::vector<ReportFile>> buildReport(llvm::ArrayRef<rt::AnalyzedProcess> ps,
                                                    const ReportOptions& o,
                                                    llvm::ArrayRef<ProcessData> data = {});

/// The file name of a process's page: "NAME.html".
std::string pageName(const rt::Process& p);

} // namespace salesc::html

#endif // SALESC_HTML_REPORT_H
