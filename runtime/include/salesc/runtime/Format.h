//===- Format.h - Numbers, percentages, money and times as people read them ===//
//
// The one place figures become text: the checker's messages, every emitter, every
// runtime report and examples/embed say a figure the same way.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_FORMAT_H
#define SALESC_RUNTIME_FORMAT_H

#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace salesc::rt {

/// A probability as a percentage with sensible precision: "60%", "12.5%", "5.65%". A
/// figure that is not 0, 100% or -100% never reads as one: it gets more decimals (99.97%
/// is "99.97%", 0.0004% is "0.0004%"), up to six, then a bound ("<100%", ">0%").
std::string percent(double probability);

/// A target (a probability) as its author wrote it: 0.005% is "0.005%", not "0.01%".
std::string percentTarget(double target);

/// A figure held against its target, as text: `target` as its author wrote it
/// (percentTarget), `figure` as percent() says it with more
/// decimals (the same way) wherever it would read as on the target or on its wrong side:
/// 4.9996% against 5% is "4.9996%", never "5%". Met and missed are as the analysis decides
/// them, within TargetTolerance (a figure that close may read as the target). Without a
/// target, `figure` is percent(probability) and `target` empty.
struct PercentAgainst {
  std::string figure, target;
};
PercentAgainst percentAgainst(double probability, std::optional<double> target);

/// percent(probability) as a factor of `amount`, the product shown beside it as money:
/// with more decimals until amount x the text is the product's money (1,000 x 33.333%,
/// never 33.3%, for 333.33), and held against `target` as percentAgainst() holds it, so
/// the factor never says less than the rate beside the target. After six decimals
/// "~33.333333%".
std::string percentFactor(double probability, double amount,
                          std::optional<double> target = std::nullopt);

/// A percentage with the digits its writer gave (up to ten significant ones), so
/// 99.999 stays "99.999%" where percent() would say "100%". `value` is in percent.
std::string percentAsWritten(double value);

/// Days the way people say them: "2 days", "10.5 days", "1 day", "6 hours".
std::string days(double d);

/// At most two decimals, without trailing zeros: "3", "10.5", "1.05"; empty for NaN
/// and infinities.
std::string formatDecimal(double v);

/// formatDecimal, but a figure that is not 0 never reads "0": under 0.005, two
/// significant digits, as money under half a cent ("0.0029").
std::string formatDecimalNotZero(double v);

/// The shortest text that reads back as exactly `v` ("0.6", "15000", "1e-05"); empty for
/// NaN and infinities, which stand for "no value".
std::string exactNumber(double v);

/// A stage's time: "3 days" when fixed, else "7 to 21 days (typical 14)", the unit said
/// once when the three figures share it ("12 hours to 2 days (typical 1 day)" otherwise).
/// Figures as days() says them (under a day in hours).
std::string formatTime(const Holding& time);

/// A count with thousands separators: "20,000", "912".
std::string formatCount(uint64_t n);

/// A count and its noun, plural but for one: "1 deal", "2 deals" (`noun` + "s").
std::string counted(uint64_t n, llvm::StringRef noun);

/// An amount of money with thousands separators and cents only when there are some:
/// "15,000 USD", "2,013.16 EUR"; under half a cent (but not 0), two significant digits
/// ("0.004 USD"). `currency` may be empty.
std::string formatMoney(double amount, llvm::StringRef currency);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_FORMAT_H
