//===- ExportFuzzer.cpp - libFuzzer target: a CRM export and its mapping --===//
//
// The input is what `--from=CRM --map FILE` reads: its first byte picks the preset (none
// or one of the five, exportPresetNames) and the kind (a stage history or open deals);
// the rest is a mapping file, a line "%%", then the export (without that line, all of it
// is the export). The map is read over the preset (rt::readExportMapping; a map with
// mistakes stops there, as the command does). A history is read both ways the commands
// read it, row by row (rt::loadExportEvents) and as a table (rt::reshapeExport, then
// rt::loadEvents), which must agree; open deals are reshaped and loaded
// (rt::loadPipeline). What comes after reading (conform, forecast) is fuzz_events_csv's
// and fuzz_pipeline_csv's. Seeds: fuzz/seeds.py writes exports of each preset and layout.
//
//===----------------------------------------------------------------------===//
#include "Oracles.h"

#include "salesc/runtime/ExportMapping.h"
#include "salesc/runtime/Loaders.h"

#include "llvm/ADT/StringExtras.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace salesc;

namespace {

/// The two ways of reading a history give the same events, counts, messages and notes
/// (the contract of rt::loadExportEvents), the table's rows each kept or rejected.
void readHistoryBothWays(llvm::StringRef text, const rt::ExportMapping& m, const rt::Process& p) {
  rt::LoadReport direct;
  rt::ReshapeNotes notes;
  llvm::Expected<std::vector<rt::StageEvent>> events =
      rt::loadExportEvents(text, m, p, "export.csv", direct, notes);
  rt::LoadReport reshaped;
  rt::ReshapeNotes tableNotes;
  llvm::Expected<rt::CsvTable> table =
      rt::reshapeExport(text, m, p, rt::ExportKind::Events, "export.csv", reshaped, tableNotes);
  if (!events || !table) {
    const std::string a = events ? "read" : llvm::toString(events.takeError()),
                      b = table ? "read" : llvm::toString(table.takeError());
    if (a != b)
      fuzz::broken("an export fails row by row as it fails as a table", a + "\n" + b);
    return;
  }
  rt::LoadReport loaded;
  std::vector<rt::StageEvent> viaTable = rt::loadEvents(*table, p, "export.csv", loaded);
  fuzz::everyRowAccountedFor(*table, viaTable.size(), loaded);
  if (table->headerLine == 0) // an empty export: reshaping's error only
    loaded.errors.clear();
  // As the commands merge the two reports.
  const size_t rejected = reshaped.rowsRejected + loaded.rowsRejected;
  std::vector<std::string> errors = reshaped.errors;
  errors.insert(errors.end(), loaded.errors.begin(), loaded.errors.end());
  if (direct.rowsRead != reshaped.rowsRead || direct.rowsRejected != rejected)
    fuzz::broken("row by row and as a table, an export's rows are counted alike",
                 std::to_string(direct.rowsRead) + " read, " + std::to_string(direct.rowsRejected) +
                     " rejected; as a table " + std::to_string(reshaped.rowsRead) + " and " +
                     std::to_string(rejected));
  if (direct.errors != errors)
    fuzz::broken("row by row and as a table, an export's rows are rejected alike",
                 llvm::join(direct.errors, "\n") + "\n--- as a table:\n" +
                     llvm::join(errors, "\n"));
  if (notes.notes != tableNotes.notes)
    fuzz::broken("row by row and as a table, an export gives the same notes",
                 llvm::join(notes.notes, "\n") + "\n--- as a table:\n" +
                     llvm::join(tableNotes.notes, "\n"));
  if (events->size() != viaTable.size())
    fuzz::broken("row by row and as a table, an export gives the same events");
  for (size_t i = 0; i < viaTable.size(); ++i) {
    const rt::StageEvent &x = (*events)[i], &y = viaTable[i];
    if (x.deal != y.deal || x.state != y.state || x.time != y.time || x.line != y.line ||
        x.segment != y.segment || x.value != y.value)
      fuzz::broken("row by row and as a table, an export gives the same events",
                   "event " + std::to_string(i) + " of deal " + x.deal + " / " + y.deal);
  }
}

void readPipeline(llvm::StringRef text, const rt::ExportMapping& m, const rt::Process& p) {
  rt::LoadReport reshaped;
  rt::ReshapeNotes notes;
  llvm::Expected<rt::CsvTable> table =
      rt::reshapeExport(text, m, p, rt::ExportKind::Pipeline, "deals.csv", reshaped, notes);
  if (!table) {
    llvm::consumeError(table.takeError());
    return;
  }
  if (reshaped.rowsRejected > 0 && reshaped.errors.empty())
    fuzz::broken("reshaping an export says why it rejects rows");
  rt::LoadReport loaded;
  std::vector<rt::Deal> deals = rt::loadPipeline(*table, p, "deals.csv", loaded);
  fuzz::everyRowAccountedFor(*table, deals.size(), loaded);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0)
    return 0;
  const std::vector<std::string>& presets = rt::exportPresetNames();
  const size_t pick = data[0] % (presets.size() + 1);
  const rt::ExportKind kind =
      (data[0] / (presets.size() + 1)) % 2 ? rt::ExportKind::Pipeline : rt::ExportKind::Events;
  llvm::StringRef input(reinterpret_cast<const char*>(data) + 1, size - 1);
  llvm::StringRef map, text = input;
  if (size_t split = input.find("\n%%\n"); split != llvm::StringRef::npos) {
    map = input.take_front(split + 1);
    text = input.drop_front(split + 4);
  }
  rt::ExportMapping base;
  if (pick > 0) {
    std::optional<rt::ExportMapping> preset = rt::exportPreset(presets[pick - 1], kind);
    if (!preset)
      fuzz::broken("every preset reads both kinds", presets[pick - 1]);
    base = std::move(*preset);
  }
  llvm::Expected<rt::ExportMapping> m = rt::readExportMapping(map, "map.yaml", std::move(base));
  if (!m) {
    llvm::consumeError(m.takeError());
    return 0;
  }
  const rt::Process& p = *fuzz::quickstart().front().process;
  if (kind == rt::ExportKind::Events)
    readHistoryBothWays(text, *m, p);
  else
    readPipeline(text, *m, p);
  return 0;
}
