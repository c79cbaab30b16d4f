//===- ImportPaths.cpp - What an import that fails may have meant ---------===//
#include "ImportPaths.h"

#include "Spelling.h"

#include "llvm/Support/Path.h"

#include <algorithm>

namespace salesc::sema {

namespace {

namespace path = llvm::sys::path;

/// `p` without `.` and `..` parts, for comparing paths as written.
std::string tidy(llvm::StringRef p) {
  llvm::SmallString<256> out(p);
  path::remove_dots(out, /*remove_dot_dot=*/true);
  return std::string(out);
}

/// The `.sales` files directly in `dir`, by name without the suffix, but `self`.
std::vector<std::string> salesFilesIn(llvm::vfs::FileSystem& fs, llvm::StringRef dir,
                                      llvm::StringRef self) {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::vfs::directory_iterator it = fs.dir_begin(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::StringRef file = it->path();
    if (path::extension(file) == ".sales" &&
        it->type() != llvm::sys::fs::file_type::directory_file && tidy(file) != self)
      out.push_back(path::stem(file).str());
  }
  return out;
}

} // namespace

std::vector<std::string> existingImports(llvm::vfs::FileSystem& fs, llvm::StringRef spec,
                                         llvm::StringRef stdlibDir,
                                         llvm::ArrayRef<std::string> roots,
                                         llvm::StringRef importer) {
  // The folder part as written ('inputs/' of 'inputs/catalog'), and the roots it is below.
  llvm::StringRef folder = path::parent_path(spec, path::Style::posix);
  std::vector<std::string> bases;
  if (spec.startswith("std/"))
    bases.push_back(stdlibDir.str());
  else if (!path::is_absolute(spec))
    bases.assign(roots.begin(), roots.end());
  else
    bases.push_back("");
  const bool suffix = spec.endswith(".sales");
  std::vector<std::string> out;
  for (const std::string& base : bases) {
    llvm::SmallString<256> dir(base);
    path::append(dir, folder);
    for (const std::string& stem :
         salesFilesIn(fs, dir.empty() ? "." : dir.str(), tidy(importer))) {
      std::string written = folder.empty() ? stem : (folder + "/" + stem).str();
      out.push_back(suffix ? written + ".sales" : written);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<std::string> closestImport(llvm::vfs::FileSystem& fs, llvm::StringRef spec,
                                         llvm::StringRef stdlibDir,
                                         llvm::ArrayRef<std::string> roots,
                                         llvm::StringRef importer) {
  std::vector<std::string> found = existingImports(fs, spec, stdlibDir, roots, importer);
  std::vector<llvm::StringRef> names(found.begin(), found.end());
  return closest(spec, names);
}

} // namespace salesc::sema
