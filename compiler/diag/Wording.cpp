//===- Wording.cpp - Phrases every diagnostic says the same way -----------===//
#include "Wording.h"

namespace salesc::diag {

std::string quoted(llvm::StringRef name) {
  return "'" + name.str() + "'";
}

std::string didYouMean(llvm::StringRef suggestion) {
  return "; did you mean " + quoted(suggestion) + "?";
}

void reportStatedTwice(DiagnosticEngine& diags, llvm::StringRef what, llvm::StringRef where,
                       llvm::SMRange again, llvm::SMRange first) {
  diags
      .report(DiagKind::DuplicateSetting, again,
              quoted(what) + " is stated twice in " + where.str())
      .note(first, "first stated here");
}

} // namespace salesc::diag
