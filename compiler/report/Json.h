//===- Json.h - Numbers in the JSON reports -------------------------------===//
#ifndef SALESC_REPORT_JSON_H
#define SALESC_REPORT_JSON_H

#include "salesc/runtime/Printable.h"

#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace salesc::report {

using rt::jsonText;

/// A number in a JSON report: null when it is not finite (JSON has no NaN).
void jsonNumber(llvm::json::OStream& j, llvm::StringRef key, double v);
/// A number that may be missing: null when it is.
void jsonOptional(llvm::json::OStream& j, llvm::StringRef key, std::optional<double> v);

/// Runs `body` with a JSON writer (two-space indent) and returns what it wrote, with
/// a final newline.
template <typename Body> std::string jsonDocument(Body body) {
  std::string out;
  llvm::raw_string_ostream os(out);
  {
    llvm::json::OStream j(os, 2);
    body(j);
  }
  os << '\n';
  return os.str();
}

} // namespace salesc::report

#endif // SALESC_REPORT_JSON_H
