//===- TimeUnits.h - The time units of the language, in days ---------------===//
//
// Shared by the checker, which reads times, and conform --suggest, which writes them in
// the unit their author used.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_TIMEUNITS_H
#define SALESC_RUNTIME_TIMEUNITS_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::rt {

/// Days in a business or working day: five of them make a calendar week. salesc's times are
/// calendar days, so this is an average: it knows no holidays, nor the weekday a deal starts.
inline constexpr double BusinessDayInDays = 7.0 / 5.0;

/// Days in one `unit`: minute(s) 1/1440, hour(s) 1/24, day(s) 1, business or working day(s)
/// 7/5 (BusinessDayInDays), week(s) 7, month(s) 30, year(s) 365.
std::optional<double> daysPerUnit(llvm::StringRef unit);

/// A unit as a time line writes it: its plural ("weeks", "business days") and its days.
struct WrittenUnit {
  std::string plural;
  double days = 1;
};

/// The unit a stage's time is written in (`timeWritten`, State::timeWritten): that of its
/// upper end ("5 to 15 business days": business days); days when it states none (or the
/// text is from tables.json, which keeps days only).
WrittenUnit writtenUnit(llvm::StringRef timeWritten);

/// An amount of a unit as a time line writes it: whole units, or one decimal under one
/// (never 0 for a time that is not 0); "0" for 0 or less.
std::string unitAmount(double v);

/// "3 days", "1 day", "0.5 weeks": `amount` with the unit whose plural is `plural`.
std::string withUnit(const std::string& amount, const std::string& plural);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_TIMEUNITS_H
