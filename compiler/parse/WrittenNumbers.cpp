//===- WrittenNumbers.cpp - Numbers and amounts as documents write them ---===//
#include "WrittenNumbers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <cstdlib>
#include <vector>

namespace salesc::parse {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

/// `digits` with a '_' between groups of three, from the right, when it has four or more.
std::string grouped(llvm::StringRef digits) {
  if (digits.size() < 4)
    return digits.str();
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0)
      out += '_';
    out += digits[i];
  }
  return out;
}

} // namespace

WrittenNumber readWrittenNumber(llvm::StringRef text) {
  WrittenNumber out;
  // The digit groups and what separates them: ',', '.' or ' ' (any space).
  std::vector<std::string> groups(1);
  std::string seps;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (isDigit(c) || c == '_') {
      groups.back() += c;
      continue;
    }
    seps += c == ',' || c == '.' ? c : ' ';
    groups.emplace_back();
    if (static_cast<unsigned char>(c) >= 0x80) // a no-break or thin space: skip its bytes
      while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80)
        ++i;
  }
  // Which separator is the decimal mark, if any (npos: none).
  size_t decimal = std::string::npos;
  if (seps == ".") {
    decimal = 0; // as salesc writes it
  } else if (seps == ",") {
    // One comma: a decimal mark unless three digits follow, which could be either.
    if (groups[1].size() == 3)
      out.certain = false;
    else
      decimal = 0;
  } else if (!seps.empty() && seps.back() != ' ' && (llvm::count(seps, seps.back()) == 1)) {
    decimal = seps.size() - 1; // 1,350.50, 1.350,50, 1 350,50
  } else if (!seps.empty() && seps.back() != ' ' &&
             seps.find_first_not_of(seps.back()) != std::string::npos) {
    out.certain = false; // 1.350,000,000: several kinds, none clearly the decimal mark
  }
  out.canonical = groups[0];
  bool thousands = false;
  for (size_t i = 0; i < seps.size(); ++i) {
    if (i == decimal) {
      out.canonical += "." + groups[i + 1];
      continue;
    }
    thousands = true;
    if (groups[i + 1].size() != 3)
      out.certain = false;
    out.canonical += "_" + groups[i + 1];
  }
  std::string digits;
  for (char c : out.canonical)
    if (c != '_')
      digits += c;
  out.value = std::strtod(digits.c_str(), nullptr);
  bool comma = decimal != std::string::npos && seps[decimal] == ',';
  if (thousands)
    out.why = "salesc separates thousands with '_'";
  if (comma)
    out.why += std::string(thousands ? " and " : "") + "the decimal mark is '.'";
  if (seps == "," && !out.certain)
    out.why += " (if ',' is the decimal mark here, write " + groups[0] + "." + groups[1] + ")";
  return out;
}

std::optional<unsigned> scaleWord(llvm::StringRef word) {
  return llvm::StringSwitch<std::optional<unsigned>>(word)
      .Cases("k", "K", "thousand", 3)
      .Cases("m", "M", "mn", "MM", "mio", "Mio", 6)
      .Cases("million", "millions", 6)
      .Cases("bn", "Bn", "B", "billion", "billions", 9)
      .Default(std::nullopt);
}

std::string scaleNumber(llvm::StringRef canonical, unsigned exponent) {
  std::string digits;
  for (char c : canonical)
    if (c != '_')
      digits += c;
  llvm::StringRef whole, fraction;
  std::tie(whole, fraction) = llvm::StringRef(digits).split('.');
  std::string frac = fraction.str();
  frac.resize(std::max<size_t>(frac.size(), exponent), '0');
  std::string intPart = whole.str() + frac.substr(0, exponent);
  std::string rest = frac.substr(exponent);
  size_t lead = intPart.find_first_not_of('0');
  intPart = lead == std::string::npos ? "0" : intPart.substr(lead);
  while (!rest.empty() && rest.back() == '0')
    rest.pop_back();
  return grouped(intPart) + (rest.empty() ? "" : "." + rest);
}

std::optional<CurrencySign> currencySign(llvm::StringRef sign) {
  return llvm::StringSwitch<std::optional<CurrencySign>>(sign)
      .Case("$", CurrencySign{"USD", "CAD, AUD, MXN or another dollar or peso"})
      .Case("US$", CurrencySign{"USD", ""})
      .Cases("A$", "AU$", CurrencySign{"AUD", ""})
      .Cases("C$", "CA$", CurrencySign{"CAD", ""})
      .Case("NZ$", CurrencySign{"NZD", ""})
      .Case("HK$", CurrencySign{"HKD", ""})
      .Case("S$", CurrencySign{"SGD", ""})
      .Case("R$", CurrencySign{"BRL", ""})
      .Case("MX$", CurrencySign{"MXN", ""})
      .Case("\xE2\x82\xAC", CurrencySign{"EUR", ""}) // €
      .Case("\xC2\xA3", CurrencySign{"GBP", ""})     // £
      .Case("\xC2\xA5", CurrencySign{"JPY", "CNY"})  // ¥
      .Case("\xE2\x82\xB9", CurrencySign{"INR", ""}) // ₹
      .Case("\xE2\x82\xA9", CurrencySign{"KRW", ""}) // ₩
      .Case("\xE2\x82\xBD", CurrencySign{"RUB", ""}) // ₽
      .Case("\xE2\x82\xBA", CurrencySign{"TRY", ""}) // ₺
      .Case("\xE2\x82\xAA", CurrencySign{"ILS", ""}) // ₪
      .Case("\xE2\x82\xAB", CurrencySign{"VND", ""}) // ₫
      .Case("\xE2\x82\xB1", CurrencySign{"PHP", ""}) // ₱
      .Case("\xE2\x82\xB4", CurrencySign{"UAH", ""}) // ₴
      .Case("\xE2\x82\xA6", CurrencySign{"NGN", ""}) // ₦
      .Case("\xE0\xB8\xBF", CurrencySign{"THB", ""}) // ฿
      .Default(std::nullopt);
}

} // namespace salesc::parse
