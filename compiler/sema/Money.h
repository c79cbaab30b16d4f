//===- Money.h - Currency codes and amounts -------------------------------===//
#ifndef SALESC_SEMA_MONEY_H
#define SALESC_SEMA_MONEY_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"

namespace salesc::sema {

/// Whether `code` is an active ISO 4217 code; if not, reports T005 with what to write:
/// the code in capitals, the code of a currency's name (`euro`), or the code one letter
/// away (`EUE`: did you mean 'EUR'?).
bool checkCurrencyCode(const ast::Ident& code, diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_MONEY_H
