//===- Format.cpp - Numbers, percentages, money and times as people read them ===//
#include "salesc/runtime/Format.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <optional>

namespace salesc::rt {
namespace {

bool underADay(double days) {
  return days > 0 && days < 1;
}

/// `v` to 12 significant digits: a product such as 0.9 x 0.7 x 0.95 is 59.85%, held as
/// 59.8499999...
double twelveDigits(double v) {
  if (!std::isfinite(v) || v == 0)
    return v;
  return std::strtod(fmt::format("{:.12g}", v).c_str(), nullptr);
}

/// `v` as a person rounds it by hand: twelveDigits(v), halves rounded away from zero. Pass
/// the result to a fixed-point format of at most 6 decimals.
double roundable(double v) {
  double n = twelveDigits(v);
  if (!std::isfinite(n) || n == 0)
    return n;
  return n + std::copysign(std::fabs(n) * 1e-12, n);
}

/// Fixed-point text without trailing zeros after the point: "60", "12.5".
std::string fixedTrimmed(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0')
      s.pop_back();
    if (s.back() == '.')
      s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

/// The most decimals a percentage gets to stay off 0, 100 and the figure it is set beside.
constexpr int MaxPercentDecimals = 6;

/// `v` percent with `decimals` decimals, more while the text would say a figure `v` is not:
/// 0, 100 or -100, or `beside` (already twelveDigits); at MaxPercentDecimals, the text
/// becomes a bound ("<100%", ">0%").
std::string percentText(double v, int decimals, std::optional<double> beside) {
  if (!std::isfinite(v))
    return fmt::format("{}%", v);
  const double exact = twelveDigits(v);
  const double rounded = roundable(v);
  for (;; ++decimals) {
    std::string s = fixedTrimmed(rounded, decimals);
    const double shown = std::strtod(s.c_str(), nullptr);
    const bool misleading =
        shown != exact && (shown == 0 || std::fabs(shown) == 100 || (beside && shown == *beside));
    if (!misleading)
      return s + "%";
    if (decimals >= MaxPercentDecimals)
      return (exact < shown ? "<" : ">") + s + "%";
  }
}

/// The decimals percent() starts from: one from 10% up (and for 0), else two.
int percentDecimals(double p) {
  const double v = roundable(p * 100);
  return v == 0 || std::fabs(v) >= 10 ? 1 : 2;
}

} // namespace

std::string percent(double p) {
  return percentText(p * 100, percentDecimals(p), std::nullopt);
}

std::string percentBeside(double p, double other) {
  return percentText(p * 100, percentDecimals(p), twelveDigits(other * 100));
}

std::string percentAsWritten(double value) {
  return fmt::format("{:.10g}%", value);
}

std::string formatDecimal(double v) {
  if (!std::isfinite(v))
    return "";
  return fixedTrimmed(roundable(v), 2);
}

std::string days(double d) {
  // The unit agrees with the figure as shown: 1.0002 days is "1 day", not "1 days".
  if (underADay(d)) {
    const std::string h = formatDecimal(d * 24);
    return h + (h == "1" ? " hour" : " hours");
  }
  const std::string text = formatDecimal(d);
  return text + (text == "1" ? " day" : " days");
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

std::string formatCount(uint64_t n) {
  std::string whole = std::to_string(n);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0)
      grouped += ',';
    grouped += whole[i];
  }
  return grouped;
}

std::string formatMoney(double amount, llvm::StringRef currency) {
  if (!std::isfinite(amount))
    return "";
  double rounded = std::round(std::fabs(amount) * 100);
  if (rounded > 9e17) // beyond exact cents: say it as a plain number
    return exactNumber(amount) + (currency.empty() ? "" : " " + currency.str());
  long long cents = static_cast<long long>(rounded);
  std::string out = (amount < 0 && cents != 0 ? "-" : "") + formatCount(uint64_t(cents / 100));
  if (cents % 100 != 0)
    out += fmt::format(".{:02}", cents % 100);
  if (!currency.empty())
    out += " " + currency.str();
  return out;
}

} // namespace salesc::rt
