//===- ImportPaths.h - What an import that fails may have meant -----------===//
#ifndef SALESC_SEMA_IMPORTPATHS_H
#define SALESC_SEMA_IMPORTPATHS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::sema {

/// The import paths that name a file that exists, written as `spec` is written, in the
/// folder `spec` names: the standard library's modules (`std/brands`) for a `std/` path,
/// else the `.sales` files of that folder below each of `roots` (the importing file's
/// folder, then the -I folders), with `.sales` when `spec` has it, but not the
/// `importer` itself. Sorted, each once.
std::vector<std::string> existingImports(llvm::vfs::FileSystem& fs, llvm::StringRef spec,
                                         llvm::StringRef stdlibDir,
                                         llvm::ArrayRef<std::string> roots,
                                         llvm::StringRef importer);

/// The existing import path closest in spelling to `spec` (closest()), if any.
std::optional<std::string> closestImport(llvm::vfs::FileSystem& fs, llvm::StringRef spec,
                                         llvm::StringRef stdlibDir,
                                         llvm::ArrayRef<std::string> roots,
                                         llvm::StringRef importer);

} // namespace salesc::sema

#endif // SALESC_SEMA_IMPORTPATHS_H
