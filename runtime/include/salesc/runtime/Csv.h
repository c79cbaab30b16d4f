//===- Csv.h - An RFC 4180 CSV reader for pipelines and event logs --------===//
//
// Quoted fields (with commas, doubled quotes and line breaks inside), CRLF or LF
// line ends, a UTF-8 byte order mark and blank lines. Fields are returned as
// written: no trimming and no type conversion (Loaders.h does that).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_CSV_H
#define SALESC_RUNTIME_CSV_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace salesc::rt {

/// The largest CSV file salesc reads as a table (a pipeline, a pipeline export, a report's
/// files): 256 MiB. `forecast` peaks at about 17 times the file (80 MB, 2.5 million
/// deals: 1.3 GB); beyond this, export a period or a region at a time.
constexpr size_t MaxCsvBytes = size_t(256) << 20;

/// The largest event log (`--events`, plain or a stage-history export): 2 GiB. Such a log
/// is read row by row (scanCsv, loadEventsCsv, loadExportEvents) without a table of
/// strings; `conform` peaks at about 4 times the file (docs/security.md "Limits").
constexpr size_t MaxEventLogBytes = size_t(2) << 30;

/// One record. Invariant: `fields` is non-empty and `line` (1-based) is the
/// line the record starts on; a record with a quoted line break spans more. `raw` is the
/// record's text in the file read (CsvRecord::raw), for the column of a field in a
/// message; empty when not known (a row built in memory).
struct CsvRow {
  unsigned line = 0;
  std::vector<std::string> fields;
  llvm::StringRef raw = {};
};

/// A parsed file: the first non-blank record is the header, the others are rows
/// in file order. Invariant: `header` is empty (and `headerLine` 0) exactly when
/// the file holds no record at all, and then `rows` is empty too. The rows' `raw` texts
/// point into the text read, which the table's user keeps alive (or hands to `source`)
/// for as long as it reports on rows.
struct CsvTable {
  std::vector<std::string> header;
  unsigned headerLine = 0;
  std::vector<CsvRow> rows;
  /// The delimiter the rows' `raw` texts were split at.
  char delimiter = ',';
  /// For a table made from another file (a CRM export reshaped), the field of the rows'
  /// `raw` text each column was read from (~0: none); empty when the columns are the
  /// fields of `raw`.
  std::vector<size_t> rawFields;
  /// Whatever holds the text the rows' `raw` point into, when the table outlives the
  /// caller's text (the driver's file buffer); may be null.
  std::shared_ptr<const void> source;
};

/// The field of a row's `raw` text that column `column` of `table` was read from.
inline size_t rawField(const CsvTable& table, size_t column) {
  if (table.rawFields.empty())
    return column;
  return column < table.rawFields.size() ? table.rawFields[column] : ~size_t(0);
}

/// Parses `text`. Blank lines (empty or only spaces and tabs) are skipped. The
/// only hard errors are a quoted field that is never closed and a character
/// after a closing quote other than a comma or a line end; both are reported as
/// "FILE:LINE: message". A text over `maxBytes` is refused before it is read. Fields
/// are separated by `delimiter` (`,`; CRM exports also use `;` and tab).
llvm::Expected<CsvTable> parseCsv(llvm::StringRef text, llvm::StringRef file,
                                  size_t maxBytes = MaxCsvBytes, char delimiter = ',');

/// `s` without the spaces and tabs around it: StringRef::trim(" \t") for every field of a
/// large file, without building a set of characters each time.
inline llvm::StringRef trimBlanks(llvm::StringRef s) {
  size_t begin = 0, end = s.size();
  while (begin < end && (s[begin] == ' ' || s[begin] == '\t'))
    ++begin;
  while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t'))
    --end;
  return s.slice(begin, end);
}

/// About how many records `text` holds, for reserving room: its lines, counted in a file
/// of up to 1 MiB, else estimated from the first MiB (a little over, rather than under).
size_t estimatedRecords(llvm::StringRef text);

/// One record as scanCsv sees it: its first line and its fields as written. The fields
/// point into the text (or, for a quoted field with doubled quotes, into the scanner's
/// own storage) and are valid only during the call. `raw` is the record's own text, from
/// its first character to its line end included (empty for a record built from a table
/// row), and `delimiter` the one it was split at: enough to find a field's column when a
/// message needs it (fieldPlace), at no cost to the rows that need none.
struct CsvRecord {
  unsigned line = 0;
  llvm::ArrayRef<llvm::StringRef> fields;
  llvm::StringRef raw = {};
  char delimiter = ',';
};

/// Where a field starts: its line and its 1-based column, in characters (a UTF-8
/// sequence is one column, as editors and docs/diagnostics.md count); column 0 when not
/// known.
struct FieldPlace {
  unsigned line = 0;
  unsigned column = 0;
};

/// Where field `field` (0-based) of `record` starts, its opening quote included: the
/// record's line and column 0 when its `raw` text is not known or has fewer fields. A
/// quoted line break in an earlier field moves the place to a later line. Walks the
/// record's text: for messages, not for every row.
FieldPlace fieldPlace(const CsvRecord& record, size_t field);

/// "FILE:LINE:COL" of field `field` of `record` (shownPath(file)), or "FILE:LINE" when its
/// column is not known; `field` may be ~0 for the row as a whole ("FILE:LINE").
std::string fieldPlaceText(llvm::StringRef file, const CsvRecord& record, size_t field);

/// The record `row` of `table` with `fields` (views of its fields) for messages: its
/// `raw` text and delimiter, so fieldPlace finds the column of a field.
inline CsvRecord recordOf(const CsvTable& table, const CsvRow& row,
                          llvm::ArrayRef<llvm::StringRef> fields) {
  return CsvRecord{row.line, fields, row.raw, table.delimiter};
}

/// Reads `text` as parseCsv does (the same records, lines and errors, the same limit and
/// byte order mark), calling `onRecord` for each record in file order, the header first,
/// without keeping them: no string is allocated per field.
llvm::Error scanCsv(llvm::StringRef text, llvm::StringRef file, size_t maxBytes, char delimiter,
                    llvm::function_ref<void(const CsvRecord&)> onRecord);

/// scanCsv that stops, without an error, after the record for which `onRecord` returns
/// false (a first look at a file: its header and the rows it takes to settle something).
llvm::Error scanCsvWhile(llvm::StringRef text, llvm::StringRef file, size_t maxBytes,
                         char delimiter, llvm::function_ref<bool(const CsvRecord&)> onRecord);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_CSV_H
