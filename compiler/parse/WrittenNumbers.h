//===- WrittenNumbers.h - Numbers and amounts as documents write them -----===//
//
// Private to the parser. A number as a spreadsheet or a proposal writes it (1,350,000,
// 1.350.000, 1 350 000, 12,5, 48M) and a currency sign ($, €, US$), read into what
// it means and how salesc writes it (1_350_000, 12.5, 48_000_000, USD), with whether
// that reading is certain. The tree builder reports each with a fix-it.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_WRITTENNUMBERS_H
#define SALESC_PARSE_WRITTENNUMBERS_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::parse {

/// A NUMBER token, read.
struct WrittenNumber {
  double value = 0;
  std::string canonical; ///< as salesc writes it: `1_350_000`, `12.5`
  /// What differs from how salesc writes numbers ("salesc separates thousands with
  /// '_'"); empty when the number is written as salesc writes it.
  std::string why;
  /// False when a separator could be a thousands separator or a decimal mark (`1,350`).
  bool certain = true;
};

WrittenNumber readWrittenNumber(llvm::StringRef text);

/// The power of ten a scale word stands for: 3 for `k`, 6 for `M` or `million`.
std::optional<unsigned> scaleWord(llvm::StringRef word);

/// `canonical` (as readWrittenNumber gives it) times 10^exponent, exactly, as salesc
/// writes it: `1.5` and 6 give `1_500_000`.
std::string scaleNumber(llvm::StringRef canonical, unsigned exponent);

/// What a currency sign stands for.
struct CurrencySign {
  llvm::StringRef code;   ///< its ISO 4217 code
  llvm::StringRef others; ///< other currencies written with it ("CAD, AUD, ..."), if any
};

/// The currency sign `sign` (a CURRENCY_SIGN token: `$`, `US$`, `€`, ...).
std::optional<CurrencySign> currencySign(llvm::StringRef sign);

} // namespace salesc::parse

#endif // SALESC_PARSE_WRITTENNUMBERS_H
