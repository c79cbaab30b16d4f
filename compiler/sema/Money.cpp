//===- Money.cpp - Currency codes and amounts -----------------------------===//
#include "Money.h"

#include "diag/Wording.h"

#include "llvm/ADT/STLExtras.h"

namespace salesc::sema {

namespace {
bool threeCapitals(llvm::StringRef s) {
  return s.size() == 3 && llvm::all_of(s, [](char c) { return c >= 'A' && c <= 'Z'; });
}
} // namespace

bool checkCurrencyCode(const ast::Ident& code, diag::DiagnosticEngine& diags) {
  if (threeCapitals(code.text))
    return true;
  auto b = diags.report(diag::DiagKind::InvalidCurrency, code.range,
                        diag::quoted(code.text) +
                            " is not a currency code; use the three capital letters of ISO "
                            "4217, such as USD, EUR or GBP");
  std::string upper = code.text.upper();
  if (threeCapitals(upper))
    b.fix(code.range, upper, "write the code in capitals", diag::Applicability::Safe);
  return false;
}

} // namespace salesc::sema
