//===- ExportMapping.h - How a CRM's export maps onto salesc's columns ----===//
//
// A mapping says where a CRM export keeps what salesc reads (the deal, the stage, when it
// was entered, the value ...), how its stage labels name the process's stages and
// outcomes, and how it writes dates and numbers. It comes from a YAML file (`--map`,
// readExportMapping) or from a preset compiled in (`--from`, exportPreset: the same YAML
// structure), and reshapeExport turns the export into the plain table the loaders
// (Loaders.h) read, so every command that reads an event log or a pipeline reads CRM
// exports through one call. docs/crm.md documents the keys and each preset.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_EXPORTMAPPING_H
#define SALESC_RUNTIME_EXPORTMAPPING_H

#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace salesc::rt {

/// One export's shape. Header names are compared case-insensitively, surrounding spaces
/// ignored; each column may be given several spellings (the first present is used).
struct ExportMapping {
  enum class Layout { Long, Wide };
  Layout layout = Layout::Long;
  /// `columns:` - the headers of each column salesc reads.
  std::vector<std::string> deal, stage, timestamp, value, currency, segment, process, lostReason;
  /// `stage_columns:` (wide) - header to stage label. A header holding one `*` is a
  /// pattern: the label is what the `*` matched, less a last bracketed group (the
  /// pipeline HubSpot writes after the stage: `Demo (Sales Pipeline)`); a value of `*`
  /// keeps that label.
  std::vector<std::pair<std::string, std::string>> stageColumns;
  /// `stages:` - a CRM label to the name of a stage or outcome.
  std::vector<std::pair<std::string, std::string>> stages;
  /// `lost_reasons:` - a value of the lost-reason column to the name of a lost outcome.
  std::vector<std::pair<std::string, std::string>> lostReasons;
  /// `dates: format:` - strftime style (%Y %y %m %d %H %I %M %S %p %b %z %%), or empty:
  /// ISO 8601, else day/month/year or month/day/year as the file's values show.
  std::string dateFormat;
  /// `dates: timezone:` - the offset from UTC of dates written without one, in minutes.
  int timezoneMinutes = 0;
  /// `numbers:` - the decimal mark (0: guessed from each value, readExportAmount) and
  /// the thousands separator (0: none).
  char decimal = 0;
  char thousands = 0;
  /// `delimiter:` - the field separator; 0: sniffed from the header line (`,` `;` tab).
  char delimiter = 0;
  /// `columns: status:` - a pipeline keeps only the rows whose status is open
  /// (Pipedrive and Dynamics write Open, Won and Lost there).
  std::vector<std::string> status;
  /// `open_status:` - the values of the status column that mean open (case and
  /// surrounding spaces ignored); empty: `Open`.
  std::vector<std::string> openStatus;
  /// Where a mapping file named columns, "FILE:LINE:COL" of the key: by `columns:` key
  /// ("deal", "lost_reason" ...) and by `stage_columns:` header. These are the user's own,
  /// so reading an export requires them in its header (reshapeExport); a preset records
  /// none (exportPreset), its spellings being ones an export may lack.
  std::map<std::string, std::string> columnPlaces, stageColumnPlaces;
  /// Where a mapping file writes the target of each `stages:` and `lost_reasons:` entry, by
  /// its label (reason), for the message when the target names no state.
  std::map<std::string, std::string> stagePlaces, lostReasonPlaces;
};

/// What the export holds: a stage history (conform) or the open deals (forecast).
enum class ExportKind { Events, Pipeline };

/// The names of the presets (`--from`), in the order --help lists them.
const std::vector<std::string>& exportPresetNames();

/// The preset `name` for `kind` (nullopt: no such preset). Presets are YAML texts
/// compiled in, read by the same reader as a `--map` file, less the places of their
/// columns (a preset's column may be absent).
std::optional<ExportMapping> exportPreset(llvm::StringRef name, ExportKind kind);

/// Reads a mapping file's text over `base` (a preset, or the defaults): keys present
/// replace the base's. Errors are "FILE:LINE:COL: message", one per line.
llvm::Expected<ExportMapping> readExportMapping(llvm::StringRef text, llvm::StringRef file,
                                                ExportMapping base = {});

/// What reshaping found besides rejected rows: things the user should know.
struct ReshapeNotes {
  std::vector<std::string> notes; ///< "FILE: note ..."
};

/// Reads the export `text` (CSV with the mapping's delimiter) into the table Loaders.h
/// reads for `kind` against `p`: header `deal,stage,timestamp,value,segment` (events) or
/// `deal,stage,entered,value,segment` (pipeline), each output row keeping its input line;
/// `value` is the row's amount (the `value` column, read with `numbers:`) or empty.
/// Stage labels go through `stages:`, then the process's own CRM labels and names (case,
/// spaces and underscores ignored). Rows it cannot read are rejected in `report` (rowsRead
/// counts them; the loaders count the rows returned again, so callers add reports as they
/// wish): a label matching no stage is one error with its row count, the first row's
/// FILE:LINE:COL and a "did you mean". A report's footer after the rows (a blank line,
/// then lines filling their first field only: "Grand Totals (12 records)") is not read
/// as rows: a note quotes it, and another says when its count is not the rows'. A deal
/// column of names (`Opportunity Name`) is a note too. Fails as scanCsv does (an unclosed
/// quote, a file over `maxBytes`).
llvm::Expected<CsvTable> reshapeExport(llvm::StringRef text, const ExportMapping& m,
                                       const Process& p, ExportKind kind, llvm::StringRef file,
                                       LoadReport& report, ReshapeNotes& notes,
                                       size_t maxBytes = MaxCsvBytes);

/// A stage-history export read straight into events, row by row, with no table of
/// strings: the events, counts, messages and notes of reshapeExport then loadEvents (the
/// export's rows read; reshaping's messages, then loading's), for files of up to
/// `maxBytes`.
llvm::Expected<std::vector<StageEvent>> loadExportEvents(llvm::StringRef text,
                                                         const ExportMapping& m, const Process& p,
                                                         llvm::StringRef file, LoadReport& report,
                                                         ReshapeNotes& notes,
                                                         size_t maxBytes = MaxCsvBytes);

/// The delimiter of a CSV text: the mapping's, else the one of `,` `;` and tab that the
/// first line holds most often (`,` when it holds none).
char sniffDelimiter(llvm::StringRef text, const ExportMapping& m);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_EXPORTMAPPING_H
