//===- ReportCommand.cpp - `salesc report`: an HTML report for the client -===//
#include "driver/CsvInput.h"
#include "driver/Drawing.h"
#include "driver/ExportInput.h"
#include "driver/FrontEnd.h"
#include "driver/PdfPrint.h"
#include "driver/RuntimeCsv.h"
#include "output/OutputFile.h"

#include "html/Report.h"
#include "salesc/runtime/Loaders.h"
#include "salesc/runtime/Printable.h"
#include "salesc/runtime/Verify.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace salesc::driver {

using output::FolderLock;
using output::writeAtomically;
using output::WriteResult;

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc report options");
  return cat;
}

cl::list<std::string> Inputs(cl::Positional, cl::sub(subReport()), cl::ZeroOrMore,
                             cl::desc("<file.sales or folder>..."));
cl::opt<std::string> OutputDir("o", cl::sub(subReport()), cl::cat(category()),
                               cl::value_desc("dir"), cl::Required,
                               cl::desc("The folder to write the report into (created if "
                                        "missing)"));
cl::opt<html::Theme> ThemeOption(
    "theme", cl::sub(subReport()), cl::cat(category()), cl::init(html::Theme::Light),
    cl::desc("The pages' colours"),
    cl::values(clEnumValN(html::Theme::Light, "light", "dark text on white (default)"),
               clEnumValN(html::Theme::Dark, "dark", "light text on a dark background")));
cl::opt<std::string>
    Pipeline("pipeline", cl::init(""), cl::sub(subReport()), cl::cat(category()),
             cl::value_desc("deals.csv"),
             cl::desc("Add the forecast of these open deals (as salesc forecast "
                      "reads them): a fan chart by month, overdue and stalled deals"));
cl::opt<std::string> Events("events", cl::init(""), cl::sub(subReport()), cl::cat(category()),
                            cl::value_desc("log.csv"),
                            cl::desc("Add this stage history against the process (as salesc "
                                     "conform reads it): a heat map of the edges, time in stage"));
ExportOptions Export(subReport());
cl::opt<std::string> AsOf("as-of", cl::init(""), cl::sub(subReport()), cl::cat(category()),
                          cl::value_desc("YYYY-MM-DD"),
                          cl::desc("The day of the forecast and of the history (default: today, "
                                   "UTC)"));
cl::opt<double> Horizon("horizon", cl::sub(subReport()), cl::cat(category()), cl::init(90),
                        cl::value_desc("days"),
                        cl::desc("Count the pipeline's wins up to this many days after --as-of "
                                 "(default 90)"));
cl::opt<bool> Pdf("pdf", cl::init(false), cl::sub(subReport()), cl::cat(category()),
                  cl::desc("Also print each page to NAME.pdf with headless Chromium (chromium "
                           "on PATH)"));
cl::opt<bool> Quiet("quiet", cl::init(false), cl::sub(subReport()), cl::cat(category()),
                    cl::desc("Do not list the files written"));

std::string inFolder(llvm::StringRef relative) {
  llvm::SmallString<256> p(OutputDir);
  llvm::sys::path::append(p, llvm::sys::path::Style::posix, relative);
  return std::string(p);
}

/// The forecast of `deals` for `ap`, and the same up to the end of each month (the fan).
html::PipelineFigures forecastOf(const rt::AnalyzedProcess& ap, std::vector<rt::Deal> deals,
                                 double asOf) {
  html::PipelineFigures f;
  f.source = rt::shownPath(Pipeline);
  f.horizonDays = Horizon;
  rt::ForecastOptions o;
  o.asOf = asOf;
  o.horizonDays = Horizon;
  f.forecast = rt::forecast(*ap.process, ap.analysis, deals, o);
  for (const rt::ForecastMonth& m : f.forecast.months) {
    rt::ForecastOptions upTo = o;
    upTo.horizonDays = m.to - asOf;
    rt::ForecastResult r = rt::forecast(*ap.process, ap.analysis, deals, upTo);
    f.byMonth.push_back({m.year, m.month, m.to, r.wins, r.revenue});
  }
  return f;
}

bool readsExports() {
  return !Export.from.empty() || !Export.map.empty();
}

/// The rows of a --pipeline or --events file, one table per process.
struct RowsRead {
  std::vector<rt::CsvTable> parts;
  std::optional<ExportTable> exported; ///< what reading a CRM export rejected (mergeReshape)
};

/// Reads `path`: salesc's own CSV, its rows shared out among `ps` (rowsByProcess, its
/// rejections in `load`), or a CRM export through --from/--map for the one process as
/// `forecast` and `conform` read it. nullopt after reporting why it cannot be read.
std::optional<RowsRead> readRows(CommandContext& ctx, const std::string& path,
                                 llvm::ArrayRef<rt::AnalyzedProcess> ps, rt::ExportKind kind,
                                 rt::LoadReport& load) {
  RowsRead rows;
  if (!readsExports()) {
    std::optional<rt::CsvTable> table = readCsv(ctx, path);
    if (!table)
      return std::nullopt;
    rows.parts = rowsByProcess(*table, ps, path, load);
    return rows;
  }
  std::optional<ExportTable> table = readExport(ctx, Export, path, *ps.front().process, kind);
  if (!table)
    return std::nullopt;
  rows.parts.push_back(std::move(table->table));
  rows.exported = std::move(table);
  return rows;
}

/// How `load` went, with what reading a CRM export rejected; 1 when a row was rejected.
int reportRows(CommandContext& ctx, const RowsRead& rows, rt::LoadReport& load,
               const std::string& path) {
  if (rows.exported)
    mergeReshape(*rows.exported, load);
  return reportLoad(ctx, load, path);
}

/// Whether --from and --map have what they read: a --pipeline or --events file, and one
/// process (an export's stage labels are read against one process); reports when not.
bool exportOptionsOk(CommandContext& ctx, llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  if (!readsExports())
    return true;
  const char* option = Export.from.empty() ? "--map" : "--from";
  if (Pipeline.empty() && Events.empty()) {
    error(ctx) << option << " reads the CRM export of --pipeline or --events; give one of them\n";
    return false;
  }
  if (ps.size() != 1) {
    std::vector<std::string> names;
    for (const rt::AnalyzedProcess& p : ps)
      names.push_back(rt::quote(p.process->name));
    error(ctx) << option << " reads a CRM export against one process, and the files have "
               << ps.size() << " (" << llvm::join(names, ", ")
               << "); write the rows in salesc's own layout with a 'process' column instead "
                  "(docs/report.md)\n";
    return false;
  }
  return true;
}

/// Reads --pipeline and --events into `data` (one entry per process). Returns the exit
/// status the rows imply: 0, 1 when rows were rejected (the report is still written, as
/// `forecast` prints its figures), or 2 when a file or a map cannot be read or an option
/// is wrong.
int readRuntimeData(CommandContext& ctx, llvm::ArrayRef<rt::AnalyzedProcess> ps,
                    std::vector<html::ProcessData>& data) {
  data.assign(ps.size(), {});
  if (!exportOptionsOk(ctx, ps))
    return 2;
  if (Pipeline.empty() && Events.empty())
    return 0;
  std::optional<double> asOf = asOfDay(ctx, AsOf);
  if (!asOf)
    return 2;
  if (!horizonOk(ctx, Horizon))
    return 2;
  int status = 0;
  if (!Pipeline.empty()) {
    rt::LoadReport load;
    std::optional<RowsRead> rows = readRows(ctx, Pipeline, ps, rt::ExportKind::Pipeline, load);
    if (!rows)
      return 2;
    for (size_t i = 0; i < ps.size(); ++i) {
      std::vector<rt::Deal> deals =
          pipelineDeals(rows->parts[i], *ps[i].process, Pipeline, *asOf, load);
      if (!deals.empty() || ps.size() == 1)
        data[i].pipeline = forecastOf(ps[i], std::move(deals), *asOf);
    }
    status = std::max(status, reportRows(ctx, *rows, load, Pipeline));
  }
  if (!Events.empty()) {
    rt::LoadReport load;
    std::optional<RowsRead> rows = readRows(ctx, Events, ps, rt::ExportKind::Events, load);
    if (!rows)
      return 2;
    for (size_t i = 0; i < ps.size(); ++i) {
      std::vector<rt::StageEvent> events =
          rt::loadEvents(rows->parts[i], *ps[i].process, Events, load);
      if (events.empty() && ps.size() > 1)
        continue;
      // A log without segments shows the segments mixed, as `conform` does.
      const rt::Process blend = rt::blendedProcess(*ps[i].process, ps[i].analysis);
      data[i].observed =
          html::ObservedFigures{rt::shownPath(Events), rt::conform(blend, events, *asOf)};
    }
    status = std::max(status, reportRows(ctx, *rows, load, Events));
  }
  return status;
}

/// Prints each process page of the report in `files` to NAME.pdf beside it, atomically.
int printPdfs(CommandContext& ctx, const std::string& chromium,
              const std::vector<html::ReportFile>& files) {
  for (const html::ReportFile& f : files) {
    llvm::StringRef name(f.path);
    if (!name.endswith(".html") || name.contains('/'))
      continue;
    llvm::SmallString<256> page(inFolder(f.path));
    llvm::sys::fs::make_absolute(page);
    llvm::Expected<std::string> pdf = printToPdf(chromium, page);
    if (!pdf) {
      error(ctx) << llvm::toString(pdf.takeError()) << '\n';
      return 2;
    }
    const std::string path = inFolder(name.drop_back(5).str() + ".pdf");
    llvm::Expected<WriteResult> r = writeAtomically(path, *pdf);
    if (!r) {
      error(ctx) << llvm::toString(r.takeError()) << '\n';
      return 2;
    }
    if (!Quiet)
      ctx.out << (*r == WriteResult::Written ? "wrote     " : "unchanged ") << path << '\n';
  }
  return 0;
}

} // namespace

int runReport(CommandContext& ctx) {
  std::optional<emit::DrawOptions> drawing = drawOptions(ctx);
  if (!drawing)
    return 2;
  std::string chromium; // found before anything is written
  if (Pdf) {
    llvm::Expected<std::string> found = findChromium();
    if (!found) {
      error(ctx) << llvm::toString(found.takeError()) << '\n';
      return 2;
    }
    chromium = *found;
  }
  FrontEnd fe = runFrontEnd(ctx, Inputs);
  if (int status = reportText(ctx, fe); status != 0) {
    ctx.err << "salesc: nothing was written to '" << OutputDir << "'\n";
    return status;
  }
  std::vector<rt::AnalyzedProcess> processes = analyzeRootProcesses(ctx, fe);
  std::vector<html::ProcessData> data;
  const int dataStatus = readRuntimeData(ctx, processes, data);
  if (dataStatus == 2) {
    ctx.err << "salesc: nothing was written to '" << OutputDir << "'\n";
    return 2;
  }
  html::ReportOptions options;
  options.theme = ThemeOption;
  options.generator = "salesc " SALESC_VERSION;
  options.drawing = *drawing;
  if (ThemeOption == html::Theme::Dark) // the flowchart in the page's colours
    options.drawing.picture.theme = emit::Theme::Dark;
  std::vector<html::ReportFile> files;
  try {
    llvm::Expected<std::vector<html::ReportFile>> built =
        html::buildReport(processes, options, data);
    if (!built) {
      error(ctx) << llvm::toString(built.takeError()) << "; nothing was written\n";
      return 1;
    }
    files = std::move(*built);
  } catch (std::exception& e) {
    error(ctx) << e.what() << "; nothing was written\n";
    return 1;
  }
  for (const char* dir : {"", "assets"})
    if (std::error_code ec = llvm::sys::fs::create_directories(inFolder(dir))) {
      error(ctx) << "cannot create folder '" << inFolder(dir) << "': " << ec.message() << '\n';
      return 2;
    }
  // One run at a time writes into a folder, as `salesc build` does.
  llvm::Expected<FolderLock> lock = FolderLock::acquire(OutputDir, [&] {
    ctx.err << "salesc: waiting for another salesc run writing into '" << OutputDir << "'\n";
  });
  if (!lock) {
    error(ctx) << llvm::toString(lock.takeError()) << '\n';
    return 2;
  }
  output::removeStaleTemporaries(OutputDir);
  output::removeStaleTemporaries(inFolder("assets"));
  for (const html::ReportFile& f : files) {
    const std::string path = inFolder(f.path);
    llvm::Expected<WriteResult> r = writeAtomically(path, f.bytes);
    if (!r) {
      error(ctx) << llvm::toString(r.takeError()) << '\n';
      return 2;
    }
    if (!Quiet)
      ctx.out << (*r == WriteResult::Written ? "wrote     " : "unchanged ") << path << '\n';
  }
  if (Pdf)
    if (int status = printPdfs(ctx, chromium, files))
      return status;
  if (!Quiet)
    ctx.out << "the report is " << inFolder("index.html") << '\n';
  return dataStatus;
}

} // namespace salesc::driver
