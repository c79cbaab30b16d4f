//===- Format.cpp - Numbers, percentages, money and times as people read them ===//
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Markov.h"

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

/// What a percentage is set beside, which its text must not contradict.
struct Beside {
  /// A target the figure is held against (a probability), and its text read back, in percent.
  std::optional<double> target;
  double targetShown = 0;
  /// An amount the figure multiplies, the product shown as money beside it.
  std::optional<double> amount;
};

/// Whether `shown` reads as 0, 100 or -100 (percent) though `exact` is not.
bool readsAsZeroOrAHundred(double exact, double shown) {
  return shown != exact && (shown == 0 || std::fabs(shown) == 100);
}

/// Whether `shown` (the percentage `p` as its text reads) stands on the wrong side of the
/// target (met against missed, as the analysis decides it within TargetTolerance), or on
/// it though `p` is further than TargetTolerance away.
bool contradictsTarget(double p, double shown, const Beside& b) {
  const double target = *b.target;
  const bool met = p >= target - TargetTolerance;
  if (met != (shown >= b.targetShown))
    return true;
  return shown == b.targetShown && std::fabs(p - target) > TargetTolerance;
}

/// Whether `shown` says of `p` (`exact` in percent) what it is not: 0, 100 or -100 when it
/// is not; the wrong side of, or on, a target (contradictsTarget); a factor whose product
/// with the amount is other money than the product shown.
bool misleads(double p, double exact, double shown, const Beside& b) {
  if (readsAsZeroOrAHundred(exact, shown))
    return true;
  if (b.target && contradictsTarget(p, shown, b))
    return true;
  return b.amount && formatMoney(*b.amount * shown / 100, "") != formatMoney(*b.amount * p, "");
}

/// `p` in percent with `decimals` decimals, more while the text misleads (misleads()); at
/// MaxPercentDecimals the text becomes a bound: beside a target it contradicts, "<5%"
/// with the target's text, else "<100%", ">0%"; a factor still off "~33.333333%".
std::string percentText(double p, int decimals, const Beside& b) {
  const double v = p * 100;
  if (!std::isfinite(v))
    return fmt::format("{}%", v);
  const double exact = twelveDigits(v);
  const double rounded = roundable(v);
  for (;; ++decimals) {
    std::string s = fixedTrimmed(rounded, decimals);
    const double shown = std::strtod(s.c_str(), nullptr);
    if (!misleads(p, exact, shown, b))
      return s + "%";
    if (decimals < MaxPercentDecimals)
      continue;
    if (b.target && contradictsTarget(p, shown, b))
      return (p < *b.target ? "<" : ">") + percentTarget(*b.target);
    if (readsAsZeroOrAHundred(exact, shown))
      return (exact < shown ? "<" : ">") + s + "%";
    return "~" + s + "%";
  }
}

/// The decimals that give `magnitude` (above 0) two significant digits: 0.0046 -> 4.
int twoSignificantDecimals(double magnitude) {
  return 1 - static_cast<int>(std::floor(std::log10(magnitude)));
}

/// The decimals percent() starts from: one from 10% up (and for 0), two from 0.1%, and
/// below that two significant digits ("0.005%", not "0.01%"; "0.012%").
int percentDecimals(double p) {
  const double v = std::fabs(roundable(p * 100));
  if (!std::isfinite(v) || v == 0 || v >= 10) // NaN: percentText writes it as it is
    return 1;
  if (v >= 0.1)
    return 2;
  return std::min(MaxPercentDecimals, twoSignificantDecimals(v));
}

/// Beside the target `target`, when there is one.
Beside besideTarget(std::optional<double> target) {
  Beside b;
  if (target) {
    b.target = target;
    b.targetShown = std::strtod(percentTarget(*target).c_str(), nullptr); // stops at the '%'
  }
  return b;
}

/// An amount under half a cent, with two significant digits: "0.004", "-0.00046"; at
/// under 10^-9, the shortest text that reads back ("1e-12").
std::string subCent(double amount) {
  if (std::fabs(amount) < 1e-9)
    return fmt::format("{}", amount);
  return fixedTrimmed(amount, twoSignificantDecimals(std::fabs(amount)));
}

} // namespace

std::string percent(double p) {
  return percentText(p, percentDecimals(p), Beside{});
}

PercentAgainst percentAgainst(double p, std::optional<double> target) {
  return {percentText(p, percentDecimals(p), besideTarget(target)),
          target ? percentTarget(*target) : std::string()};
}

std::string percentFactor(double p, double amount, std::optional<double> target) {
  Beside b = besideTarget(target);
  b.amount = amount;
  return percentText(p, percentDecimals(p), b);
}

std::string percentTarget(double target) {
  return percentAsWritten(target * 100);
}

std::string percentAsWritten(double value) {
  return fmt::format("{:.10g}%", value);
}

std::string formatDecimal(double v) {
  if (!std::isfinite(v))
    return "";
  return fixedTrimmed(roundable(v), 2);
}

std::string formatDecimalNotZero(double v) {
  const std::string s = formatDecimal(v);
  return s == "0" && v != 0 ? subCent(v) : s;
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

std::string counted(uint64_t n, llvm::StringRef noun) {
  return fmt::format("{} {}{}", n, noun.str(), n == 1 ? "" : "s");
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
  if (cents == 0 && amount != 0) // under half a cent: two significant digits, not "0"
    return subCent(amount) + (currency.empty() ? "" : " " + currency.str());
  std::string out = (amount < 0 && cents != 0 ? "-" : "") + formatCount(uint64_t(cents / 100));
  if (cents % 100 != 0)
    out += fmt::format(".{:02}", cents % 100);
  if (!currency.empty())
    out += " " + currency.str();
  return out;
}

} // namespace salesc::rt
