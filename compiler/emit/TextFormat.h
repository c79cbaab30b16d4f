//===- TextFormat.h - Exact numbers, time ranges and money for the text emitters ===//
#ifndef SALESC_EMIT_TEXTFORMAT_H
#define SALESC_EMIT_TEXTFORMAT_H

#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace salesc::emit {

/// "stage", "won" or "lost".
llvm::StringRef kindName(rt::StateKind kind);

/// The shortest text that reads back as exactly `v` ("0.6", "15000", "1e-05"); empty for
/// NaN and infinities, which stand for "no value".
std::string exactNumber(double v);

/// At most two decimals, without trailing zeros: "3", "10.5", "1.05".
std::string formatDecimal(double v);

/// A stage's time: "3 days" when fixed, else "7 to 21 days (typical 14)", the unit said
/// once when the three figures share it ("12 hours to 2 days (typical 1 day)" otherwise).
/// Figures as days() in Format.h says them (under a day in hours).
std::string formatTime(const rt::Holding& time);

/// An amount of money with thousands separators and cents only when there are some:
/// "15,000 USD", "2,013.16 EUR". `currency` may be empty.
std::string formatMoney(double amount, llvm::StringRef currency);

} // namespace salesc::emit

#endif // SALESC_EMIT_TEXTFORMAT_H
