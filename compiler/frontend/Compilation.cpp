//===- Compilation.cpp - Load, parse and check files: the whole front end -===//
#include "Compilation.h"

#include "sema/Project.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace salesc::frontend {

Unit Session::compile(std::string path, const ast::Module* root) {
  Unit u;
  u.path = std::move(path);
  u.root = root;
  if (!root)
    return u;
  u.modules = loader_.closure(root);
  u.syntaxErrors =
      llvm::any_of(u.modules, [&](const ast::Module* m) { return loader_.syntaxErrors(m) != 0; });
  // With syntax errors the tree is incomplete; checking it would only add noise.
  if (!u.syntaxErrors)
    u.model = sema::check(u.modules, diags_, loader_.failedImports(u.modules));
  return u;
}

Unit Session::addFile(llvm::StringRef path) {
  return compile(path.str(), loader_.loadRoot(path));
}

Unit Session::addText(llvm::StringRef name, llvm::StringRef text) {
  return compile(name.str(), loader_.loadText(name, text));
}

void Session::checkProject(llvm::ArrayRef<Unit> units) {
  std::vector<sema::ProjectFile> files;
  for (const Unit& u : units)
    files.push_back({u.root, u.modules, u.syntaxErrors ? nullptr : &u.model});
  sema::checkProject(files, diags_);
}

Unit Session::compileFile(llvm::StringRef path) {
  Unit u = addFile(path);
  checkProject(u);
  return u;
}

Unit Session::compileText(llvm::StringRef name, llvm::StringRef text) {
  Unit u = addText(name, text);
  checkProject(u);
  return u;
}

std::string findStdlib(const char* argv0, llvm::StringRef override) {
  if (!override.empty())
    return override.str();
  std::string exe = llvm::sys::fs::getMainExecutable(argv0, reinterpret_cast<void*>(&findStdlib));
  llvm::SmallString<256> dir(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(dir, "..", "share", "salesc", "stdlib");
  llvm::sys::path::remove_dots(dir, true);
  return std::string(dir);
}

} // namespace salesc::frontend
