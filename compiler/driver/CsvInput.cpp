//===- CsvInput.cpp - CSV files for the runtime commands ------------------===//
#include "CsvInput.h"
#include "ExportInput.h"
#include "FrontEnd.h"
#include "InputFile.h"

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Loaders.h"
#include "salesc/runtime/Printable.h"
#include "salesc/runtime/TextEncoding.h"
#include "salesc/runtime/Verify.h"

#include "llvm/Support/MemoryBuffer.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace salesc::driver {

std::unique_ptr<llvm::MemoryBuffer> readInputFile(CommandContext& ctx, const std::string& path,
                                                  const char* what, size_t maxBytes) {
  auto buffer = readFileOrPipe(*ctx.fs, path, maxBytes, /*requiresNullTerminator=*/false);
  if (!buffer) {
    error(ctx) << "cannot read " << what << rt::quote(path, 4096) << ": "
               << (buffer.getError() == pipeTooLong()
                       ? fmt::format("the pipe gave over {} MiB, the most salesc reads of such "
                                     "a file",
                                     maxBytes >> 20)
                       : buffer.getError().message())
               << '\n';
    return nullptr;
  }
  // UTF-16 and Windows-1252 exports are read as UTF-8, line for line.
  const llvm::StringRef bytes = (*buffer)->getBuffer();
  const rt::TextEncoding encoding = rt::detectEncoding(bytes);
  if (encoding == rt::TextEncoding::Utf8)
    return std::move(*buffer);
  std::optional<std::string> text = rt::decodeToUtf8(bytes, encoding);
  if (!text) {
    error(ctx) << rt::shownPath(path) << ": the file looks like " << rt::encodingName(encoding)
               << " but is not valid " << rt::encodingName(encoding) << "; save it as CSV UTF-8\n";
    return nullptr;
  }
  ctx.err << "note: " << rt::shownPath(path) << ": read as " << rt::encodingName(encoding)
          << (encoding == rt::TextEncoding::Windows1252 ? " (it is not valid UTF-8)" : "") << '\n';
  return llvm::MemoryBuffer::getMemBufferCopy(*text, path);
}

std::optional<rt::CsvTable> readCsv(CommandContext& ctx, const std::string& path) {
  std::unique_ptr<llvm::MemoryBuffer> buffer = readInputFile(ctx, path);
  if (!buffer)
    return std::nullopt;
  llvm::Expected<rt::CsvTable> table = rt::parseCsv(buffer->getBuffer(), path);
  if (!table) {
    error(ctx) << llvm::toString(table.takeError()) << '\n';
    return std::nullopt;
  }
  table->source = std::shared_ptr<llvm::MemoryBuffer>(std::move(buffer)); // the rows' text
  return std::move(*table);
}

int reportLoad(CommandContext& ctx, const rt::LoadReport& report, const std::string& path) {
  // Row errors obey --error-limit as a file's diagnostics do: a log of another process
  // rejects every one of its million rows, and one screen says why.
  const size_t kept = report.errors.size(), all = kept + report.errorsNotKept,
               shown = errorLimit() == 0 ? kept : std::min<size_t>(errorLimit(), kept);
  for (size_t i = 0; i < shown; ++i)
    ctx.err << report.errors[i] << '\n';
  if (shown < all) {
    ctx.err << "salesc: stopped after " << shown << " errors in " << rt::shownPath(path) << " ("
            << rt::formatCount(all - shown) << " more); ";
    if (report.errorsNotKept == 0)
      ctx.err << "use --error-limit=0 to see them all\n";
    else if (shown < kept)
      ctx.err << "use --error-limit=0 to see the first " << rt::formatCount(kept)
              << ", all that salesc keeps\n";
    else
      ctx.err << "salesc keeps the first " << rt::formatCount(kept) << '\n';
  }
  if (report.rowsRead == 0 && all == 0)
    ctx.err << "note: " << rt::shownPath(path) << ": the file has its header but no rows\n";
  ctx.err << rt::shownPath(path) << ": read " << rt::counted(report.rowsRead, "row")
          << ", rejected " << report.rowsRejected << '\n';
  return report.rowsRejected || all ? 1 : 0;
}

std::optional<StageHistory> loadStageHistory(CommandContext& ctx, const ExportOptions& from,
                                             const std::string& path, const rt::Process& p) {
  StageHistory h;
  if (from.from.empty() && from.map.empty()) {
    // A plain log is read row by row: no table of strings, and logs of up to
    // rt::MaxEventLogBytes.
    std::unique_ptr<llvm::MemoryBuffer> buffer = readInputFile(ctx, path);
    if (!buffer)
      return std::nullopt;
    llvm::Expected<std::vector<rt::StageEvent>> events =
        rt::loadEventsCsv(buffer->getBuffer(), p, path, h.load);
    if (!events) {
      error(ctx) << llvm::toString(events.takeError()) << '\n';
      return std::nullopt;
    }
    h.events = std::move(*events);
  } else {
    // An export is read row by row too, straight into events.
    std::optional<rt::ExportMapping> m = readMapping(ctx, from, rt::ExportKind::Events);
    if (!m)
      return std::nullopt;
    std::unique_ptr<llvm::MemoryBuffer> buffer = readInputFile(ctx, path);
    if (!buffer)
      return std::nullopt;
    rt::ReshapeNotes notes;
    llvm::Expected<std::vector<rt::StageEvent>> events =
        rt::loadExportEvents(buffer->getBuffer(), *m, p, path, h.load, notes, rt::MaxEventLogBytes);
    if (!events) {
      error(ctx) << llvm::toString(events.takeError()) << '\n';
      return std::nullopt;
    }
    printNotes(ctx, notes);
    h.events = std::move(*events);
  }
  h.status = reportLoad(ctx, h.load, path);
  if (h.events.empty() && h.status != 0)
    return std::nullopt;
  return h;
}

std::optional<double> asOfDay(CommandContext& ctx, const std::string& text,
                              llvm::StringRef option) {
  if (text.empty()) {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::floor(std::chrono::duration<double>(now).count() / 86400.0);
  }
  llvm::Expected<double> d = rt::parseDate(text);
  if (!d) {
    error(ctx) << option << ": " << llvm::toString(d.takeError()) << '\n';
    return std::nullopt;
  }
  // 1900-01-01 to 2999-12-31: a CRM's dates, and finite figures downstream.
  if (*d < -25567 || *d > 376199) {
    error(ctx) << option << ": '" << text << "' is not between 1900 and 2999\n";
    return std::nullopt;
  }
  return *d;
}

bool horizonOk(CommandContext& ctx, double days) {
  if (days > 0 && days <= rt::limits::MaxDays)
    return true;
  error(ctx) << "--horizon must be above 0 days and at most 36500 (100 years)\n";
  return false;
}

} // namespace salesc::driver
