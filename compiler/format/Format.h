//===- Format.h - salesc fmt: a file in the canonical layout --------------===//
//
// The formatter works on the token stream, not on the syntax tree: the hand-written
// lexer's tokens, the comments between them and the number of line breaks between each
// (Elements), laid out by braces and `;` (Layout) and broken into lines at LineWidth
// (LineBreaker). It never changes a token, so it never changes what a file means; the
// result is lexed again and compared with the original before it is used. See
// docs/formatting.md for the layout and docs/architecture.md for why tokens.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_FORMAT_FORMAT_H
#define SALESC_FORMAT_FORMAT_H

#include "diag/DiagnosticEngine.h"

#include "llvm/Support/SourceMgr.h"

#include <string>

namespace salesc::format {

enum class Outcome {
  Formatted,    ///< `text` is the file in the canonical layout (maybe the same bytes)
  SyntaxErrors, ///< reported to the diagnostics; a file that does not parse is left alone
  NotKept,      ///< the result lost or changed a token or comment (a bug): `problem` says
};

struct FormatResult {
  Outcome outcome = Outcome::Formatted;
  std::string text;
  std::string problem;
};

/// Formats buffer `bufferId` of `sm`, parsing it first as `check` does: its syntax
/// errors go to `diags`.
FormatResult formatBuffer(const llvm::SourceMgr& sm, unsigned bufferId,
                          diag::DiagnosticEngine& diags);

/// Formats `text`, named `name` in its syntax errors (which are dropped): for tests.
FormatResult formatText(llvm::StringRef text, llvm::StringRef name = "<text>");

} // namespace salesc::format

#endif // SALESC_FORMAT_FORMAT_H
