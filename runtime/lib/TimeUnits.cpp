//===- TimeUnits.cpp - The time units of the language, in days -------------===//
#include "salesc/runtime/TimeUnits.h"

#include "llvm/ADT/StringSwitch.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

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

WrittenUnit writtenUnit(llvm::StringRef timeWritten) {
  llvm::StringRef w = timeWritten.split(" typical ").first;
  if (size_t to = w.rfind(" to "); to != llvm::StringRef::npos)
    w = w.drop_front(to + 4);
  llvm::StringRef unit = w.split(' ').second.trim();
  if (std::optional<double> per = daysPerUnit(unit)) {
    std::string plural = unit.str();
    if (plural.back() != 's')
      plural += 's';
    return {plural, *per};
  }
  return {"days", 1.0};
}

std::string unitAmount(double v) {
  if (v <= 0)
    return "0";
  if (v < 1)
    return fmt::format("{:g}", std::max(0.1, std::round(v * 10) / 10));
  return fmt::format("{:g}", std::round(v));
}

std::string withUnit(const std::string& amount, const std::string& plural) {
  return amount + " " + (amount == "1" ? plural.substr(0, plural.size() - 1) : plural);
}

} // namespace salesc::rt
