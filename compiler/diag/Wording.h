//===- Wording.h - Phrases every diagnostic says the same way -------------===//
#ifndef SALESC_DIAG_WORDING_H
#define SALESC_DIAG_WORDING_H

#include "DiagnosticEngine.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace salesc::diag {

/// A name as messages quote it: 'demo'.
std::string quoted(llvm::StringRef name);

/// The suggestion appended to a message: "; did you mean 'demo'?".
std::string didYouMean(llvm::StringRef suggestion);

/// "'what' is stated twice in where", at `again`, with a note "first stated here" at
/// `first`: a setting that a block may state once.
void reportStatedTwice(DiagnosticEngine& diags, llvm::StringRef what, llvm::StringRef where,
                       llvm::SMRange again, llvm::SMRange first);

} // namespace salesc::diag

#endif // SALESC_DIAG_WORDING_H
