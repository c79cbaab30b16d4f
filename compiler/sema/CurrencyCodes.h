//===- CurrencyCodes.h - The active currency codes of ISO 4217 ------------===//
#ifndef SALESC_SEMA_CURRENCYCODES_H
#define SALESC_SEMA_CURRENCYCODES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace salesc::sema {

/// The active codes of ISO 4217 (list one, 2025), sorted: currencies, funds and
/// precious metals.
llvm::ArrayRef<llvm::StringRef> currencyCodes();

/// Whether `code` is one of them.
bool isCurrencyCode(llvm::StringRef code);

} // namespace salesc::sema

#endif // SALESC_SEMA_CURRENCYCODES_H
