//===- Expectations.h - Diagnostics a test file says it should produce ----===//
//
// A checked test file states what salesc must report about it in comments:
//
//   // expect-error@+1 N001: there is no knowledge named 'pricng'; did you mean 'pricing'?
//   learn pricng;
//   next demo 120%;  // expect-error F001: a share must be above 0% and at most 100%, not 120%
//
// `@+N` / `@-N` is relative to the comment's own line; without it the comment's line
// is meant. Severity is error, warning or note (notes in the same file only).
//
// A file that holds the line `// CHECK-FIXES` also states every fix-it, at the line
// where the text it replaces starts: what it replaces, with what, and whether
// `--fix` applies it (characters that cannot be seen are written <U+200B>):
//
//   // expect-fix@+1: '12,5%' -> '12.5%' (safe)
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_TESTS_EXPECTATIONS_H
#define SALESC_TESTS_EXPECTATIONS_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace salesc::testing {

struct Expectation {
  std::string severity; ///< error, warning, note or fix
  std::string code;     ///< empty for notes
  unsigned line = 0;    ///< 1-based line the diagnostic is at
  std::string message;

  bool operator==(const Expectation& o) const {
    return severity == o.severity && code == o.code && line == o.line && message == o.message;
  }
  bool operator<(const Expectation& o) const;
  std::string str() const;
};

/// Every expectation comment in `text`. Malformed ones are returned in `errors`.
std::vector<Expectation> parseExpectations(llvm::StringRef text, std::vector<std::string>& errors);

/// `text` with every expectation comment removed and `actual` written back as
/// `// expect-KIND@+N CODE: message` lines above the lines they are about.
std::string rewriteExpectations(llvm::StringRef text, std::vector<Expectation> actual);

} // namespace salesc::testing

#endif // SALESC_TESTS_EXPECTATIONS_H
