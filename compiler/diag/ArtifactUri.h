//===- ArtifactUri.h - File paths as the URIs of a SARIF log --------------===//
#ifndef SALESC_DIAG_ARTIFACTURI_H
#define SALESC_DIAG_ARTIFACTURI_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace salesc::diag {

/// `text` with every byte but RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~) and
/// '/' percent-encoded: a space, '%', '#', '?', '[', a non-ASCII letter or a byte that is
/// not UTF-8 each become %XX, so the URI decodes back to exactly the path.
std::string percentEncode(llvm::StringRef text);

/// Where a log's relative URIs start: the names SARIF calls uriBaseIds.
struct UriBases {
  std::string workingDir; ///< relative paths (as files were named) are relative to this
  std::string srcRoot;    ///< %SRCROOT%: absolute, no trailing '/'
  std::string stdlibRoot; ///< STDLIB: the standard library folder, absolute; may be empty
};

/// An artifactLocation: a URI relative to a base (`baseId` set), or an absolute file:// URI.
struct ArtifactUri {
  std::string uri;
  llvm::StringRef baseId; ///< "%SRCROOT%", "STDLIB" or empty
};

/// `path` (as a buffer or a diagnostic names it) as a URI: inside the standard library
/// relative to STDLIB, else inside the source root relative to %SRCROOT%, else an absolute
/// file:// URI. Paths are made absolute against the working folder and `.`/`..` removed
/// first; symbolic links are not resolved.
ArtifactUri artifactUri(llvm::StringRef path, const UriBases& bases);

/// A folder as the absolute URI originalUriBaseIds gives it: file:///..., ending in '/'.
std::string folderUri(llvm::StringRef absoluteFolder);

} // namespace salesc::diag

#endif // SALESC_DIAG_ARTIFACTURI_H
