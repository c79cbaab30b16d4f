//===- Format.cpp - Numbers, percentages, money and times as people read them ===//
#include "salesc/runtime/Format.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace salesc::rt {
namespace {

bool underADay(double days) {
  return days > 0 && days < 1;
}

/// `v` as a person rounds it by hand: the value to 12 significant digits (a product such as
/// 0.9 x 0.7 x 0.95 is 59.85%, held as 59.8499999...), halves rounded away from zero. Pass
/// the result to a fixed-point format of at most 6 decimals.
double roundable(double v) {
  if (!std::isfinite(v) || v == 0)
    return v;
  double n = std::strtod(fmt::format("{:.12g}", v).c_str(), nullptr);
  return n + std::copysign(std::fabs(n) * 1e-12, n);
}

} // namespace

std::string percent(double p) {
  double v = roundable(p * 100);
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
  std::string s = fmt::format("{:.2f}", roundable(v));
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
