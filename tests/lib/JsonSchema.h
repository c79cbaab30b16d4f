//===- JsonSchema.h - A JSON Schema validator for the keywords salesc uses --===//
//
// Enough of JSON Schema (2020-12) to validate documents against the schemas in this
// repository: type (one or a list; "integer" is a number without a fraction), const,
// enum, required, properties, additionalProperties: false, items, minimum, maximum,
// exclusiveMinimum, minLength, pattern, and $ref to "#/$defs/NAME". An unknown keyword
// is reported as an error, so a schema cannot silently ask for more than is checked.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_TESTS_JSONSCHEMA_H
#define SALESC_TESTS_JSONSCHEMA_H

#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace salesc::testing {

/// Every way `doc` breaks `schema`, each as "PATH: what"; empty when it conforms.
std::vector<std::string> validate(const llvm::json::Value& doc, const llvm::json::Value& schema);

} // namespace salesc::testing

#endif // SALESC_TESTS_JSONSCHEMA_H
