//===- Uri.h - file: URIs and the paths they name -------------------------===//
#ifndef SALESC_LSP_URI_H
#define SALESC_LSP_URI_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::lsp {

/// The absolute path a `file:` URI names (percent-escapes decoded), or none for another
/// scheme, a host other than empty or `localhost`, or a bad escape.
std::optional<std::string> pathFromUri(llvm::StringRef uri);

/// The `file:` URI of absolute path `path`, escaping what RFC 3986 does not allow.
std::string uriFromPath(llvm::StringRef path);

} // namespace salesc::lsp

#endif // SALESC_LSP_URI_H
