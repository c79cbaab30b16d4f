//===- Assets.cpp - The files every report folder carries -----------------===//
//
// The bundles come from third_party/vega/node_modules, pinned by its lock file, through
// scripts/embed-text.cmake (compiler/CMakeLists.txt).
//
//===----------------------------------------------------------------------===//
#include "Assets.h"

namespace salesc::html {

namespace {

const char VegaJs[] =
#include "vega.min.js.inc"
    ;
const char VegaLiteJs[] =
#include "vega-lite.min.js.inc"
    ;
const char VegaEmbedJs[] =
#include "vega-embed.min.js.inc"
    ;
const char Notices[] =
#include "vega-notices.txt.inc"
    ;

} // namespace

llvm::ArrayRef<Asset> assets() {
  static const Asset table[] = {
      {"assets/vega.min.js", llvm::StringRef(VegaJs, sizeof VegaJs - 1)},
      {"assets/vega-lite.min.js", llvm::StringRef(VegaLiteJs, sizeof VegaLiteJs - 1)},
      {"assets/vega-embed.min.js", llvm::StringRef(VegaEmbedJs, sizeof VegaEmbedJs - 1)},
      {NoticesPath, llvm::StringRef(Notices, sizeof Notices - 1)},
  };
  return table;
}

} // namespace salesc::html
