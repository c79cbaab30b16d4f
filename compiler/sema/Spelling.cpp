//===- Spelling.cpp - "did you mean ...?" suggestions ---------------------===//
#include "Spelling.h"

#include "diag/Wording.h"

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

void reportUnknownName(diag::DiagnosticEngine& diags, const ast::Ident& name, std::string message,
                       llvm::ArrayRef<llvm::StringRef> candidates) {
  if (auto c = closest(name.text, candidates))
    diags.report(diag::DiagKind::UnknownName, name.range, message + diag::didYouMean(*c))
        .fix(name.range, *c, "replace with " + diag::quoted(*c));
  else
    diags.report(diag::DiagKind::UnknownName, name.range, std::move(message));
}

} // namespace salesc::sema
