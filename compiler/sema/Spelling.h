//===- Spelling.h - "did you mean ...?" suggestions -----------------------===//
#ifndef SALESC_SEMA_SPELLING_H
#define SALESC_SEMA_SPELLING_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"

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

/// N001 at `name` with `message`; when one of `candidates` is close (closest), the
/// message adds "did you mean" and a fix-it replaces the name with it.
void reportUnknownName(diag::DiagnosticEngine& diags, const ast::Ident& name, std::string message,
                       llvm::ArrayRef<llvm::StringRef> candidates);

} // namespace salesc::sema

#endif // SALESC_SEMA_SPELLING_H
