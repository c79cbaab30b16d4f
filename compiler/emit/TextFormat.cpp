//===- TextFormat.cpp - Exact numbers, time ranges and money for the text emitters ===//
#include "TextFormat.h"

#include "Format.h"

#include <fmt/format.h>

#include <cmath>

namespace salesc::emit {
namespace {

/// At most two decimals, without trailing zeros: "3", "10.5", "12.67".
std::string twoDecimals(double v) {
  if (!std::isfinite(v))
    return "";
  std::string s = fmt::format("{:.2f}", v);
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.')
    s.pop_back();
  if (s == "-0")
    s = "0";
  return s;
}

bool underADay(double days) {
  return days > 0 && days < 1;
}

} // namespace

llvm::StringRef kindName(rt::StateKind kind) {
  switch (kind) {
  case rt::StateKind::Stage:
    return "stage";
  case rt::StateKind::Won:
    return "won";
  case rt::StateKind::Lost:
    return "lost";
  }
  return "stage";
}

std::string formatDecimal(double v) {
  return twoDecimals(v);
}

std::string exactNumber(double v) {
  if (!std::isfinite(v))
    return "";
  return fmt::format("{}", v); // fmt 9: the shortest text that reads back exactly
}

std::string formatTime(const rt::Holding& t) {
  if (t.min == t.max)
    return days(t.min);
  bool hours = underADay(t.min);
  if (hours == underADay(t.typical) && hours == underADay(t.max)) {
    double scale = hours ? 24 : 1;
    double max = t.max * scale;
    const char* unit = hours ? (max == 1 ? "hour" : "hours") : (max == 1 ? "day" : "days");
    return fmt::format("{} to {} {} (typical {})", twoDecimals(t.min * scale), twoDecimals(max),
                       unit, twoDecimals(t.typical * scale));
  }
  return fmt::format("{} to {} (typical {})", days(t.min), days(t.max), days(t.typical));
}

std::string formatMoney(double amount, llvm::StringRef currency) {
  if (!std::isfinite(amount))
    return "";
  double rounded = std::round(std::fabs(amount) * 100);
  if (rounded > 9e17) // beyond exact cents: say it as a plain number
    return exactNumber(amount) + (currency.empty() ? "" : " " + currency.str());
  long long cents = static_cast<long long>(rounded);
  std::string whole = std::to_string(cents / 100);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0)
      grouped += ',';
    grouped += whole[i];
  }
  std::string out = (amount < 0 && cents != 0 ? "-" : "") + grouped;
  if (cents % 100 != 0)
    out += fmt::format(".{:02}", cents % 100);
  if (!currency.empty())
    out += " " + currency.str();
  return out;
}

} // namespace salesc::emit
