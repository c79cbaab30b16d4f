//===- UnifiedDiff.h - How one text becomes another, as `diff -u` says it --===//
#ifndef SALESC_OUTPUT_UNIFIEDDIFF_H
#define SALESC_OUTPUT_UNIFIEDDIFF_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace salesc::output {

/// The unified diff from `before` to `after`, as GNU `diff -u` writes it: the headers
/// `--- fromName` and `+++ toName`, then hunks with `context` unchanged lines around
/// each change (a minimal one: Myers' algorithm) and "\ No newline at end of file"
/// after a last line that has none. Empty when the texts are equal. `patch -p0`
/// applies it.
std::string unifiedDiff(llvm::StringRef before, llvm::StringRef after, llvm::StringRef fromName,
                        llvm::StringRef toName, unsigned context = 3);

} // namespace salesc::output

#endif // SALESC_OUTPUT_UNIFIEDDIFF_H
