//===- UnifiedDiff.h - The unified diff of two versions of a file ---------===//
#ifndef SALESC_FIX_UNIFIEDDIFF_H
#define SALESC_FIX_UNIFIEDDIFF_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace salesc::fix {

/// The unified diff that turns `before` into `after`, as `diff -u` writes it: the headers
/// `--- NAME` and `+++ NAME` (both `name`, so that `patch -p0` or `git apply -p0` applies
/// it), then hunks with `context` lines of context, a hunk's ranges written `-L,N +L,N`
/// (`-L` for one line), and `\ No newline at end of file` after a last line without one.
/// Empty when the texts are equal. The changes are a shortest edit script (Myers' greedy
/// algorithm) up to a budget; past it (a file almost entirely rewritten), the lines
/// between the first and the last change are one hunk, still exact, not the shortest.
std::string unifiedDiff(llvm::StringRef name, llvm::StringRef before, llvm::StringRef after,
                        unsigned context = 3);

/// The lines of `after` (from 1) that the diff from `before` adds: the lines an edit wrote.
std::vector<size_t> addedLines(llvm::StringRef before, llvm::StringRef after);

} // namespace salesc::fix

#endif // SALESC_FIX_UNIFIEDDIFF_H
