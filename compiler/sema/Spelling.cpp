//===- Spelling.cpp - "did you mean ...?" suggestions ---------------------===//
#include "Spelling.h"

#include <algorithm>

namespace salesc::sema {

std::optional<std::string> closest(llvm::StringRef word,
                                   llvm::ArrayRef<llvm::StringRef> candidates) {
  unsigned limit = std::max<unsigned>(1, (word.size() + 2) / 3);
  std::optional<std::string> best;
  unsigned bestDistance = limit + 1;
  for (llvm::StringRef c : candidates) {
    if (c == word)
      continue;
    unsigned d = word.edit_distance(c, /*AllowReplacements=*/true, limit);
    if (d < bestDistance) {
      bestDistance = d;
      best = c.str();
    }
  }
  return best;
}

} // namespace salesc::sema
