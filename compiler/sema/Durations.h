//===- Durations.h - Time units and time ranges in days -------------------===//
#ifndef SALESC_SEMA_DURATIONS_H
#define SALESC_SEMA_DURATIONS_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"
#include "salesc/runtime/Model.h"
#include "salesc/runtime/TimeUnits.h"
#include "salesc/runtime/Verify.h"

#include <optional>
#include <string>

namespace salesc::sema {

using rt::BusinessDayInDays;
using rt::daysPerUnit;

/// A duration in days; an unknown unit is reported (with the closest unit) and gives
/// nullopt.
std::optional<double> toDays(const ast::Duration& d, diag::DiagnosticEngine& diags);

/// A time as its line writes it, from the first number to the last unit, each run of spaces
/// one space: "1 to 2 months", "5 to 15 business days".
std::string asWritten(const ast::TimeSpec& t);

/// A stage's time line as min/typical/max days. Reports unknown units, a minimum
/// above the maximum and a typical time outside the range; nullopt after any of them.
std::optional<rt::Holding> toHolding(const ast::TimeSpec& t, diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_DURATIONS_H
