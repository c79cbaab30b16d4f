//===- Money.cpp - Currency codes and amounts -----------------------------===//
#include "Money.h"

#include "CurrencyCodes.h"

#include "diag/Wording.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace salesc::sema {

using diag::Applicability;

namespace {

bool threeCapitals(llvm::StringRef s) {
  return s.size() == 3 && llvm::all_of(s, [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// The codes of funds and precious metals: valid, never a suggestion for a typo.
bool isFundOrMetal(llvm::StringRef code) {
  static const llvm::StringRef Funds[] = {"BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN",
                                          "UYI", "UYW", "XAG", "XAU", "XBA", "XBB", "XBC",
                                          "XBD", "XDR", "XPD", "XPT", "XSU", "XUA"};
  return llvm::is_contained(Funds, code);
}

/// What a currency's name or sign-word, written for its code, stands for.
struct CurrencyWord {
  llvm::StringRef codes; ///< "EUR", or "SEK, NOK, DKK or ISK" when it names several
  bool certain;
};

std::optional<CurrencyWord> currencyWord(llvm::StringRef word) {
  return llvm::StringSwitch<std::optional<CurrencyWord>>(word.lower())
      .Cases("euro", "euros", CurrencyWord{"EUR", true})
      .Cases("pound", "pounds", "sterling", CurrencyWord{"GBP", true})
      .Case("yen", CurrencyWord{"JPY", true})
      .Cases("yuan", "rmb", "renminbi", CurrencyWord{"CNY", true})
      .Cases("dollar", "dollars", "bucks", CurrencyWord{"USD", false})
      .Cases("rupee", "rupees", CurrencyWord{"INR", false})
      .Cases("franc", "francs", CurrencyWord{"CHF", false})
      .Case("kr", CurrencyWord{"SEK, NOK, DKK or ISK", false})
      .Default(std::nullopt);
}

/// The currencies one letter away from `code`, keeping its first two letters when any do.
std::vector<llvm::StringRef> nearMisses(llvm::StringRef code) {
  std::vector<llvm::StringRef> out, sameStart;
  for (llvm::StringRef c : currencyCodes()) {
    if (isFundOrMetal(c) || code.edit_distance(c, true) != 1)
      continue;
    out.push_back(c);
    if (c.take_front(2) == code.take_front(2))
      sameStart.push_back(c);
  }
  return sameStart.empty() ? out : sameStart;
}

} // namespace

bool checkCurrencyCode(const ast::Ident& code, diag::DiagnosticEngine& diags) {
  if (isCurrencyCode(code.text))
    return true;
  const std::string notACode = diag::quoted(code.text) + " is not a currency code";
  if (auto word = currencyWord(code.text)) {
    auto b = diags.report(diag::DiagKind::InvalidCurrency, code.range,
                          notACode + "; write its ISO 4217 code, " + word->codes.str());
    if (threeCapitals(word->codes))
      b.fix(code.range, word->codes.str(), "write " + word->codes.str(),
            word->certain ? Applicability::Safe : Applicability::Unsafe);
    return false;
  }
  std::string upper = code.text.upper();
  if (isCurrencyCode(upper)) {
    diags
        .report(diag::DiagKind::InvalidCurrency, code.range,
                notACode + "; use the three capital letters of ISO 4217, such as USD, EUR or GBP")
        .fix(code.range, upper, "write the code in capitals", Applicability::Safe);
    return false;
  }
  if (!threeCapitals(upper)) {
    diags.report(diag::DiagKind::InvalidCurrency, code.range,
                 notACode + "; use the three capital letters of ISO 4217, such as USD, EUR or GBP");
    return false;
  }
  // Three letters, but no currency's: a typo, as EUE for EUR.
  std::vector<llvm::StringRef> near = nearMisses(upper);
  const std::string notIso = diag::quoted(code.text) + " is not an ISO 4217 currency code";
  if (near.size() == 1) {
    diags
        .report(diag::DiagKind::InvalidCurrency, code.range,
                notIso + "; did you mean " + diag::quoted(near[0]) + "?")
        .fix(code.range, near[0].str(), "replace with " + diag::quoted(near[0]),
             Applicability::Unsafe);
    return false;
  }
  std::string list;
  for (size_t i = 0; i < near.size() && i < 4; ++i)
    list += (i == 0                                      ? ""
             : i + 1 == std::min<size_t>(near.size(), 4) ? " or "
                                                         : ", ") +
            diag::quoted(near[i]);
  diags.report(diag::DiagKind::InvalidCurrency, code.range,
               notIso + (near.empty() ? "; use the code of the currency, such as USD, EUR or GBP"
                                      : "; did you mean " + list + "?"));
  return false;
}

} // namespace salesc::sema
