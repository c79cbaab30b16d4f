//===- Assets.h - The files every report folder carries -------------------===//
#ifndef SALESC_HTML_ASSETS_H
#define SALESC_HTML_ASSETS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace salesc::html {

/// A file written once into the report folder, under assets/.
struct Asset {
  llvm::StringRef path;  ///< relative to the report folder: "assets/vega.min.js"
  llvm::StringRef bytes; ///< embedded in salesc at build time
};

/// Vega, Vega-Lite and vega-embed (minified, in the order the pages load them) and the
/// licences of everything they bundle (assets/THIRD-PARTY-NOTICES.txt).
llvm::ArrayRef<Asset> assets();

/// The path of the notices, which every page links to.
inline constexpr const char* NoticesPath = "assets/THIRD-PARTY-NOTICES.txt";

} // namespace salesc::html

#endif // SALESC_HTML_ASSETS_H
