//===- ExportValues.h - Dates and amounts as CRM exports write them --------===//
//
// The values of a CRM export in the forms the loaders read: a date or timestamp as
// ISO 8601 (`2024-03-15` or `2024-03-15T09:30:00+01:00`) and an amount as a plain
// number; and the spelling closest to a mistyped key or header, for "did you mean".
// Internal to the runtime library (ExportReshape.cpp, ExportMapping.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_EXPORTVALUES_H
#define SALESC_RUNTIME_EXPORTVALUES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace salesc::rt {

/// A date read from an export: `iso`, what the loaders read (left empty when not asked
/// for), and `days`, the day number parseTimestamp gives `iso` (days since 1970-01-01
/// UTC, to the last bit).
struct ExportDate {
  std::string iso;
  double days = 0;
};

/// How a file writes dates without a format: which part of `a/b/yyyy` is the day.
enum class DayOrder { Unknown, DayFirst, MonthFirst };

/// The order the date `text` shows, when one of its first two parts is over 12.
DayOrder dayOrderOf(llvm::StringRef text);

/// The last calendar day readExportDate checked and numbered, which the caller keeps: an
/// export's rows come many to a day.
struct DayMemo {
  unsigned year = 0, month = 0, day = 0; ///< 0: none yet
  int64_t days = 0;                      ///< daysFromCivil of the three
};

/// Reads `text` with the strftime-style `format` (empty: ISO 8601, else `d/m/yyyy`,
/// `d.m.yyyy` or `d-m-yyyy` in `order`, with an optional ` HH:MM[:SS]`). A time without
/// an offset is in `zoneMinutes` east of UTC; a date alone is never shifted. Nullopt,
/// with `why` set, when it cannot be read (or its offset is a day or more). With `memo`,
/// a day already checked and numbered there is not again.
std::optional<ExportDate> readExportDate(llvm::StringRef text, llvm::StringRef format,
                                         DayOrder order, int zoneMinutes, std::string& why,
                                         bool withIso = true, DayMemo* memo = nullptr);

/// An amount as a plain number ("£1,250,000.50" -> "1250000.50"): currency signs
/// (£ $ € ¥), a three-letter ISO code before or after, spaces and no-break spaces are
/// dropped; `thousands` is removed and `decimal` becomes '.'. With `decimal` 0 the marks
/// are guessed: the last of ',' and '.' is the decimal mark when both appear, and a
/// lone ',' is a thousands separator when three digits follow each. Nullopt when what
/// is left is not a number.
std::optional<std::string> readExportAmount(llvm::StringRef text, char decimal, char thousands);

/// The currency an amount names, as an ISO 4217 code: a code of three capital letters
/// before or after it ("GBP 12,500"), or the sign £ (GBP) or € (EUR); empty when it names
/// none ($ and ¥ stand for several currencies).
std::string amountCurrency(llvm::StringRef text);

/// Whether `c` is written as an ISO 4217 code: three letters, of either case.
bool isCurrencyCode(llvm::StringRef c);

/// A currency column's value as an ISO 4217 code: a code itself ("usd" is USD), or the
/// English name a CRM writes ("Pound Sterling", "US Dollar", "Euro": Dynamics 365's);
/// otherwise the value as written, trimmed.
std::string currencyCode(llvm::StringRef value);

/// The one of `known` closest to `word` in spelling, case ignored, within about a third of
/// its length (the first of equals), for "did you mean"; empty when none is that close.
std::string closestSpelling(llvm::StringRef word, llvm::ArrayRef<llvm::StringRef> known);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_EXPORTVALUES_H
