//===- ExportInput.cpp - `--from` / `--map`: CRM exports for any command ---===//
#include "ExportInput.h"
#include "CsvInput.h"

#include "salesc/runtime/Printable.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

std::string presetList() {
  const std::vector<std::string>& names = rt::exportPresetNames();
  return llvm::join(names.begin(), names.end(), "|");
}

} // namespace

std::optional<rt::ExportMapping> readMapping(CommandContext& ctx, const ExportOptions& opts,
                                             rt::ExportKind kind) {
  rt::ExportMapping base;
  if (!opts.from.empty()) {
    std::optional<rt::ExportMapping> preset = rt::exportPreset(opts.from, kind);
    if (!preset) {
      error(ctx) << "--from: there is no preset " << rt::quote(opts.from) << "; the presets are "
                 << presetList() << " (docs/crm.md), and --map FILE reads any other export\n";
      return std::nullopt;
    }
    base = std::move(*preset);
  }
  if (opts.map.empty())
    return base;
  std::unique_ptr<llvm::MemoryBuffer> text = readInputFile(ctx, opts.map, "the map ");
  if (!text)
    return std::nullopt;
  llvm::Expected<rt::ExportMapping> m =
      rt::readExportMapping(text->getBuffer(), opts.map, std::move(base));
  if (!m) {
    const std::string message = llvm::toString(m.takeError()); // the lines point into it
    for (llvm::StringRef line : llvm::split(message, '\n'))
      ctx.err << line.str() << '\n';
    return std::nullopt;
  }
  return std::move(*m);
}

bool mappingsRead(CommandContext& ctx, const ExportOptions& opts) {
  return !opts.given() || (readMapping(ctx, opts, rt::ExportKind::Events) &&
                           readMapping(ctx, opts, rt::ExportKind::Pipeline));
}

ExportOptions::ExportOptions(cl::SubCommand& cmd)
    : from("from", cl::sub(cmd), cl::init(""),
           cl::value_desc("salesforce|hubspot|pipedrive|dynamics|zoho"),
           cl::desc("Read the CRM's own export as it is (docs/crm.md)")),
      map("map", cl::sub(cmd), cl::init(""), cl::value_desc("map.yaml"),
          cl::desc("Read an export through a mapping file: columns, stage labels, dates, "
                   "numbers (docs/crm.md); over --from's preset when both are given")) {}

ExportOptions::ExportOptions(cl::SubCommand& cmd, cl::OptionCategory& category,
                             llvm::StringRef fromHelp, llvm::StringRef mapHelp)
    : from("from", cl::sub(cmd), cl::cat(category), cl::init(""),
           cl::value_desc("salesforce|hubspot|pipedrive|dynamics|zoho"), cl::desc(fromHelp)),
      map("map", cl::sub(cmd), cl::cat(category), cl::init(""), cl::value_desc("map.yaml"),
          cl::desc(mapHelp)) {}

std::optional<ExportTable> readExport(CommandContext& ctx, const ExportOptions& opts,
                                      const std::string& path, const rt::Process& p,
                                      rt::ExportKind kind) {
  ExportTable out;
  if (opts.from.empty() && opts.map.empty()) {
    std::optional<rt::CsvTable> table = readCsv(ctx, path);
    if (!table)
      return std::nullopt;
    out.table = std::move(*table);
    return out;
  }
  std::optional<rt::ExportMapping> m = readMapping(ctx, opts, kind);
  if (!m)
    return std::nullopt;
  std::unique_ptr<llvm::MemoryBuffer> text = readInputFile(ctx, path);
  if (!text)
    return std::nullopt;
  rt::ReshapeNotes notes;
  llvm::Expected<rt::CsvTable> table =
      rt::reshapeExport(text->getBuffer(), *m, p, kind, path, out.reshaped, notes);
  if (!table) {
    error(ctx) << llvm::toString(table.takeError()) << '\n';
    return std::nullopt;
  }
  out.table = std::move(*table);
  out.table.source = std::shared_ptr<llvm::MemoryBuffer>(std::move(text)); // the rows' text
  out.mapped = true;
  printNotes(ctx, notes);
  return out;
}

void printNotes(CommandContext& ctx, const rt::ReshapeNotes& notes) {
  for (const std::string& n : notes.notes)
    ctx.err << "note: " << n << '\n';
}

void mergeReshape(const ExportTable& t, rt::LoadReport& load) {
  if (!t.mapped)
    return;
  if (t.table.headerLine == 0) // an empty export: reading it said so, the loader need not
    load.errors.clear();
  load.rowsRead = t.reshaped.rowsRead;
  load.rowsRejected += t.reshaped.rowsRejected;
  // The export's errors first, then the loader's.
  rt::LoadReport merged, reshaped = t.reshaped;
  merged.takeErrors(reshaped);
  merged.takeErrors(load);
  load.errors = std::move(merged.errors);
  load.errorsNotKept = merged.errorsNotKept;
}

} // namespace salesc::driver
