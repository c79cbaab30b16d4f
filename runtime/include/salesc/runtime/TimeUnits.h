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

namespace salesc::rt {

/// Days in a business or working day: five of them make a calendar week. salesc's times are
/// calendar days, so this is an average: it knows no holidays, nor the weekday a deal starts.
inline constexpr double BusinessDayInDays = 7.0 / 5.0;

/// Days in one `unit`: minute(s) 1/1440, hour(s) 1/24, day(s) 1, business or working day(s)
/// 7/5 (BusinessDayInDays), week(s) 7, month(s) 30, year(s) 365.
std::optional<double> daysPerUnit(llvm::StringRef unit);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_TIMEUNITS_H
