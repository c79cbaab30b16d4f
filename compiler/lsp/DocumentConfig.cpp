//===- DocumentConfig.cpp - Each document's configuration (.salesc.yaml) --===//
#include "DocumentConfig.h"

#include "llvm/Support/Path.h"

namespace salesc::lsp {

bool isConfigPath(llvm::StringRef path) {
  llvm::StringRef ext = llvm::sys::path::extension(path);
  return ext == ".yaml" || ext == ".yml";
}

} // namespace salesc::lsp
