//===- Money.h - Currency codes and amounts -------------------------------===//
#ifndef SALESC_SEMA_MONEY_H
#define SALESC_SEMA_MONEY_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"

namespace salesc::sema {

/// Whether `code` is three capital letters, as ISO 4217 codes are; if not, reports
/// T005 (with a fix-it to capitals when that makes one).
bool checkCurrencyCode(const ast::Ident& code, diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_MONEY_H
