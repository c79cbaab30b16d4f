//===- Format.cpp - Numbers, percentages, money and times as people read them ===//
#include "salesc/runtime/Format.h"

#include <fmt/format.h>

#include <cmath>

namespace salesc::rt {
namespace {

bool underADay(double days) {
  return days > 0 && days < 1;
}

} // namespace

std::string percent(double p) {
  double v = p * 100;
  int decimals = v == 0 || std::fabs(v) >= 10 ? 1 : 2;
  std::string s = fmt::format("{:.{}f}", v, decimals);
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    bool dot = s.back() == '.';
    s.pop_back();
    if (dot)
      break;
  }
  return s + "%";
}

std::string percentAsWritten(double value) {
  return fmt::format("{:.10g}%", value);
}

std::string formatDecimal(double v) {
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

std::string days(double d) {
  if (underADay(d)) {
    double h = d * 24;
    return formatDecimal(h) + (std::fabs(h - 1) < 1e-9 ? " hour" : " hours");
  }
  return formatDecimal(d) + (std::fabs(d - 1) < 1e-9 ? " day" : " days");
}

std::string exactNumber(double v) {
  if (!std::isfinite(v))
    return "";
  return fmt::format("{}", v); // fmt 9: the shortest text that reads back exactly
}

std::string formatTime(const Holding& t) {
  if (t.min == t.max)
    return days(t.min);
  bool hours = underADay(t.min);
  if (hours == underADay(t.typical) && hours == underADay(t.max)) {
    double scale = hours ? 24 : 1;
    double max = t.max * scale;
    const char* unit = hours ? (max == 1 ? "hour" : "hours") : (max == 1 ? "day" : "days");
    return fmt::format("{} to {} {} (typical {})", formatDecimal(t.min * scale), formatDecimal(max),
                       unit, formatDecimal(t.typical * scale));
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

} // namespace salesc::rt
