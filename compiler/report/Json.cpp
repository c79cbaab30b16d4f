//===- Json.cpp - Numbers in the JSON reports -----------------------------===//
#include "Json.h"

#include <cmath>

namespace salesc::report {

void jsonNumber(llvm::json::OStream& j, llvm::StringRef key, double v) {
  if (std::isfinite(v))
    j.attribute(key, v);
  else
    j.attribute(key, nullptr);
}

void jsonOptional(llvm::json::OStream& j, llvm::StringRef key, std::optional<double> v) {
  if (v)
    j.attribute(key, *v);
  else
    j.attribute(key, nullptr);
}

} // namespace salesc::report
