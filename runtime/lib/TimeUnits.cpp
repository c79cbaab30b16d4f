//===- TimeUnits.cpp - The time units of the language, in days -------------===//
#include "salesc/runtime/TimeUnits.h"

#include "llvm/ADT/StringSwitch.h"

namespace salesc::rt {

std::optional<double> daysPerUnit(llvm::StringRef unit) {
  // `business days` and `working days`, spaced as written: five make a calendar week.
  if (unit.startswith("business") || unit.startswith("working")) {
    llvm::StringRef day = unit.drop_until([](char c) { return c == ' ' || c == '\t'; }).trim();
    if (day == "day" || day == "days")
      return BusinessDayInDays;
    return std::nullopt;
  }
  return llvm::StringSwitch<std::optional<double>>(unit)
      .Cases("minute", "minutes", 1.0 / 1440.0)
      .Cases("hour", "hours", 1.0 / 24.0)
      .Cases("day", "days", 1.0)
      .Cases("week", "weeks", 7.0)
      .Cases("month", "months", 30.0)
      .Cases("year", "years", 365.0)
      .Default(std::nullopt);
}

} // namespace salesc::rt
