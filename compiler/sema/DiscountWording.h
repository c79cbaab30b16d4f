//===- DiscountWording.h - Does a tactic's wording speak of a price cut? --===//
//
// A brand that forbids the `price` or `pushy` category forbids discounts and pressure, but
// a tactic declared in another category ("A 5% credit off the build price", category
// education) slips past the rule. This heuristic reads a tactic's or material's name and
// description for the words of a price cut; docs/diagnostics.md (B011) lists them.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_SEMA_DISCOUNTWORDING_H
#define SALESC_SEMA_DISCOUNTWORDING_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::sema {

/// The first words of `text` (a name, with '_' read as a space, or a description) that
/// speak of a discount, a price cut, "% off", a rebate, a credit, free months or a
/// limited-time offer, as written in `text` (lower case); nullopt when none do.
std::optional<std::string> discountWording(llvm::StringRef text);

} // namespace salesc::sema

#endif // SALESC_SEMA_DISCOUNTWORDING_H
