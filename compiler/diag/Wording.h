//===- Wording.h - Phrases every diagnostic says the same way -------------===//
#ifndef SALESC_DIAG_WORDING_H
#define SALESC_DIAG_WORDING_H

#include "DiagnosticEngine.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace salesc::diag {

/// A name as messages quote it: 'demo'.
std::string quoted(llvm::StringRef name);

/// The suggestion appended to a message: "; did you mean 'demo'?".
std::string didYouMean(llvm::StringRef suggestion);

/// "'what' is stated twice in where", at `again`, with a note "first stated here" at
/// `first`: a setting that a block may state once.
void reportStatedTwice(DiagnosticEngine& diags, llvm::StringRef what, llvm::StringRef where,
                       llvm::SMRange again, llvm::SMRange first);

/// Reports every repetition of a setting a block may state once (reportStatedTwice) and
/// returns the first statement, the one that counts; null when it is not stated.
template <typename T>
const T* statedOnce(const std::vector<T>& settings, llvm::StringRef what, llvm::StringRef where,
                    DiagnosticEngine& diags) {
  for (size_t i = 1; i < settings.size(); ++i)
    reportStatedTwice(diags, what, where, settings[i].range, settings[0].range);
  return settings.empty() ? nullptr : &settings.front();
}

} // namespace salesc::diag

#endif // SALESC_DIAG_WORDING_H
