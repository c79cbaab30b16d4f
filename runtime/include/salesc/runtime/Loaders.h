//===- Loaders.h - CSV rows to deals and stage events; dates --------------===//
//
// Turns a parsed CSV table into the runtime's inputs (Inputs.h), checking every
// row against the process: each bad row is rejected with "FILE:LINE:COL: message" (the
// column of the field at fault, when the row's text is known; "FILE:LINE: message" for a
// row as a whole) in the LoadReport, never dropped in silence. Columns are found by name (any
// order, case-insensitive, surrounding spaces ignored); fields are trimmed.
//
// Dates are days since 1970-01-01 (UTC), computed with a civil-calendar
// algorithm (no locale or time-zone functions).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_LOADERS_H
#define SALESC_RUNTIME_LOADERS_H

#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

/// A date of the proleptic Gregorian calendar. Invariant: 1 <= month <= 12 and
/// 1 <= day <= the length of that month.
struct CivilDate {
  int64_t year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

/// Days from 1970-01-01 to `d` (negative before).
int64_t daysFromCivil(CivilDate d);
/// The date `days` days after 1970-01-01.
CivilDate civilFromDays(int64_t days);

/// "YYYY-MM-DD" to days since 1970-01-01. Fails with a message quoting the text.
llvm::Expected<double> parseDate(llvm::StringRef text);

/// A date or a date and time: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM[:SS[.fff]]" (a
/// space instead of the T is fine) optionally followed by "Z" or an offset
/// "+HH:MM" / "-HH:MM". To days since 1970-01-01 UTC, fractional.
llvm::Expected<double> parseTimestamp(llvm::StringRef text);

/// The calendar date of `days` (days since 1970-01-01, fractional part
/// dropped), as "YYYY-MM-DD".
std::string formatDate(double days);

/// The state name of `p` closest to `name` within a small edit distance, for
/// "did you mean" hints; nullopt when none is close.
std::optional<std::string> closestStateName(const Process& p, llvm::StringRef name);

/// Reads the open deals of a pipeline: columns `deal`, `stage`, `entered`
/// (a date, or a timestamp) and optionally `value` (a non-negative number; the
/// deal counts the value of the win it reaches when the field is empty) and `segment`
/// (the name of one of the process's segments, Deal::segment; an empty field: not
/// known). A missing required column is one error and no deal. Rejected rows: too few or
/// too many fields, an empty deal id, a deal listed twice, an unknown stage, a deal in an
/// outcome, a bad date, a negative or non-number value, a segment the process lacks.
std::vector<Deal> loadPipeline(const CsvTable& table, const Process& p, llvm::StringRef file,
                               LoadReport& report);

/// Reads a stage history: columns `deal`, `stage` (a stage or an outcome) and
/// `timestamp`, one row per entry into a state, in file order, and optionally `segment`
/// (the name of one of the process's segments; an empty field names none, and a deal is
/// in the segment any of its rows names), and `value` (the deal's value at that row, a
/// non-negative number or empty; `backtest` reads it, `conform` does not). Rejected rows:
/// too few or too many fields, an empty deal id, an unknown stage, a bad timestamp, a
/// segment the process lacks, a segment other than the one an earlier row of the deal
/// names, a negative or non-number value.
std::vector<StageEvent> loadEvents(const CsvTable& table, const Process& p, llvm::StringRef file,
                                   LoadReport& report);

/// loadEvents on the CSV text of an event log, read row by row (scanCsv) without a table
/// of strings: the same events, counts and messages as parseCsv then loadEvents, for files
/// of up to `maxBytes`. Fails, as parseCsv does, on an unclosed quote, text after a closing
/// quote or a file over the limit; `report` is then left as it was.
llvm::Expected<std::vector<StageEvent>> loadEventsCsv(llvm::StringRef text, const Process& p,
                                                      llvm::StringRef file, LoadReport& report,
                                                      size_t maxBytes = MaxEventLogBytes);

/// A stage history built from entries already read and resolved (a CRM export reshaped
/// row by row, ExportMapping.h), with the checks and messages loadEvents gives a row's
/// segment and value, and no table of strings. Rejections go to the `report` given.
class EventLogBuilder {
public:
  EventLogBuilder(const Process& p, llvm::StringRef file, LoadReport& report);
  ~EventLogBuilder();
  EventLogBuilder(const EventLogBuilder&) = delete;
  EventLogBuilder& operator=(const EventLogBuilder&) = delete;

  void reserve(size_t events);
  /// The entry of deal `deal` into `state` at `time` (days since 1970-01-01 UTC), read
  /// from `row`; `segment` is the row's segment field, trimmed (empty: none), and `value`
  /// the deal's value at that row as loadEvents reads a `value` field (a plain number;
  /// empty: none). A message about either is at `row`'s field `segmentColumn` or
  /// `valueColumn` (FILE:LINE:COL; ~0: FILE:LINE).
  void add(const CsvRecord& row, size_t segmentColumn, size_t valueColumn, llvm::StringRef deal,
           uint32_t state, double time, llvm::StringRef segment, llvm::StringRef value);
  /// The events kept, in the order added.
  std::vector<StageEvent> take();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_LOADERS_H
