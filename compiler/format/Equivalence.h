//===- Equivalence.h - Whether two texts say the same thing ---------------===//
//
// The promise of `salesc fmt`: the formatted file holds the same tokens, spelled byte
// for byte as before and in the same order, and the same comments in the same order
// (only the whitespace around and inside them may differ). Tokens decide the meaning:
// whitespace between them never does.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_FORMAT_EQUIVALENCE_H
#define SALESC_FORMAT_EQUIVALENCE_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::format {

/// Nothing when `after` holds the tokens and comments of `before` (both parsed without
/// errors); else the first difference, in words.
std::optional<std::string> difference(llvm::StringRef before, llvm::StringRef after);

} // namespace salesc::format

#endif // SALESC_FORMAT_EQUIVALENCE_H
