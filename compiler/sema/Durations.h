//===- Durations.h - Time units and time ranges in days -------------------===//
#ifndef SALESC_SEMA_DURATIONS_H
#define SALESC_SEMA_DURATIONS_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"
#include "salesc/runtime/Model.h"
#include "salesc/runtime/Verify.h"

#include <optional>
#include <string>

namespace salesc::sema {

/// Days in one `unit`: minute(s) 1/1440, hour(s) 1/24, day(s) 1, business or working day(s)
/// 7/5 (BusinessDayInDays), week(s) 7, month(s) 30, year(s) 365.
std::optional<double> daysPerUnit(llvm::StringRef unit);

/// A duration in days; an unknown unit is reported (with the closest unit) and gives
/// nullopt.
std::optional<double> toDays(const ast::Duration& d, diag::DiagnosticEngine& diags);

/// Days in a business or working day: five of them make a calendar week. salesc's times are
/// calendar days, so this is an average: it knows no holidays, nor the weekday a deal starts.
inline constexpr double BusinessDayInDays = 7.0 / 5.0;

/// A time as its line writes it, from the first number to the last unit, each run of spaces
/// one space: "1 to 2 months", "5 to 15 business days".
std::string asWritten(const ast::TimeSpec& t);

/// A stage's time line as min/typical/max days. Reports unknown units, a minimum
/// above the maximum and a typical time outside the range; nullopt after any of them.
std::optional<rt::Holding> toHolding(const ast::TimeSpec& t, diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_DURATIONS_H
