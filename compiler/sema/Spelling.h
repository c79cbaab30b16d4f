//===- Spelling.h - "did you mean ...?" suggestions -----------------------===//
#ifndef SALESC_SEMA_SPELLING_H
#define SALESC_SEMA_SPELLING_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::sema {

/// The candidate closest to `word` by edit distance, when it is close enough to be a
/// plausible typo (at most a third of the word's length, and at least one edit).
/// Ties go to the earliest candidate, so suggestions are deterministic.
std::optional<std::string> closest(llvm::StringRef word,
                                   llvm::ArrayRef<llvm::StringRef> candidates);

} // namespace salesc::sema

#endif // SALESC_SEMA_SPELLING_H
