//===- ExportFooter.h - The footer a CRM report writes after its rows ------===//
//
// A report exported from a CRM's UI (Salesforce's "Opportunity History" report) ends with
// lines that are not rows: a blank line, "Confidential Information - Do Not Distribute",
// a copyright line, "Grand Totals (12 records)". ReportFooter tells them from the data
// while an export is read row by row, so they are skipped with a note that quotes them
// rather than rejected as rows. Internal to the runtime library (ExportReshape.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_EXPORTFOOTER_H
#define SALESC_RUNTIME_EXPORTFOOTER_H

#include "salesc/runtime/Csv.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

/// Watches the rows of an export, after its header, for a footer: the trailing run of
/// records, after a blank line (an empty line, or a record whose fields are all empty),
/// each of which fills its first field only, at least one of them doing so, in a file
/// whose header has several columns. Nothing else is a footer: such a run followed by
/// data, a row filling two fields, a one-column file. Invariant: the rows it holds back
/// (they may be the footer) are given back to `read`, in file order, as soon as a later
/// row shows they are not; what finish() returns was never given to `read`.
class ReportFooter {
public:
  explicit ReportFooter(size_t headerColumns) : headerColumns_(headerColumns) {}

  /// Sees `row`, which follows `previousEnd` (the end of the record before it in the
  /// text: the header's or the last row's); calls `read` with each row that is data,
  /// this one or rows held back before it.
  void see(const CsvRecord& row, const char* previousEnd,
           llvm::function_ref<void(const CsvRecord&)> read) {
    // Most rows: right after the one before, their first field filled, nothing held.
    if (held_.empty() && row.raw.begin() == previousEnd && !trimBlanks(row.fields.front()).empty())
      return read(row);
    seeAny(row, previousEnd, read);
  }

  /// What the file ended with.
  struct Footer {
    unsigned line = 0;              ///< the line of its first non-blank row
    std::vector<std::string> lines; ///< the text of its non-blank rows
    /// N of a "Grand Totals (N records)" line (Salesforce), when it has one.
    std::optional<unsigned long long> records;
  };

  /// At the end of the file: the footer, or nullopt after giving back to `read` the rows
  /// held (blank records only, which are not a footer).
  std::optional<Footer> finish(llvm::function_ref<void(const CsvRecord&)> read);

private:
  /// A row held back: its fields and record, copied (the scanner's are valid only during
  /// a call; `raw` points into the text, which outlives the read).
  struct Held {
    unsigned line;
    std::vector<std::string> fields;
    llvm::StringRef raw;
    char delimiter;
  };

  void seeAny(const CsvRecord& row, const char* previousEnd,
              llvm::function_ref<void(const CsvRecord&)> read);
  void giveBack(llvm::function_ref<void(const CsvRecord&)> read);

  size_t headerColumns_;
  std::vector<Held> held_;
  bool holdsText_ = false; ///< whether a held row fills its first field
};

/// N of a footer line "Grand Totals (N records)" (case ignored, N with or without
/// thousands separators), else nullopt.
std::optional<unsigned long long> grandTotalRecords(llvm::StringRef line);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_EXPORTFOOTER_H
