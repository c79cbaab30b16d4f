//===- Loader.cpp - Reads files and their imports, each once per run ------===//
#include "Loader.h"

#include "parse/Parse.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace salesc::sema {

using diag::DiagKind;

namespace {

std::string canonical(llvm::vfs::FileSystem& fs, llvm::StringRef path) {
  llvm::SmallString<256> real;
  if (!fs.getRealPath(path, real))
    return std::string(real);
  llvm::SmallString<256> abs(path);
  fs.makeAbsolute(abs);
  llvm::sys::path::remove_dots(abs, true);
  return std::string(abs);
}

} // namespace

bool isFolder(llvm::vfs::FileSystem& fs, const llvm::Twine& path) {
  llvm::ErrorOr<llvm::vfs::Status> s = fs.status(path);
  return s && s->isDirectory();
}

Loader::Entry* Loader::parse(std::unique_ptr<llvm::MemoryBuffer> buffer) {
  unsigned id = sm_.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  parse::ParseResult r = parse::parseModule(sm_, id, diags_);
  auto e = std::make_unique<Entry>();
  e->module = std::move(r.module);
  e->syntaxErrors = r.syntaxErrors;
  byModule_[e->module.get()] = e.get();
  entries_.push_back(std::move(e));
  return entries_.back().get();
}

Loader::Entry* Loader::load(const std::string& canonicalPath, const std::string& shownPath) {
  auto it = byPath_.find(canonicalPath);
  if (it != byPath_.end())
    return it->second;
  // A device or a FIFO is never read: /dev/zero would never end, a FIFO may never
  // answer. (A link is followed to what it names, which must be a regular file.)
  llvm::ErrorOr<llvm::vfs::Status> st = options_.fs->status(shownPath);
  if (st && st->getType() != llvm::sys::fs::file_type::regular_file && !st->isDirectory()) {
    diags_.reportFile(DiagKind::FileUnreadable, shownPath,
                      "cannot read '" + shownPath +
                          "': it is a device, a FIFO or a socket, not a regular file");
    return nullptr;
  }
  // Named as the user wrote it (checked files) or as found (imports).
  auto buffer = options_.fs->getBufferForFile(shownPath);
  if (!buffer) {
    diags_.reportFile(DiagKind::FileUnreadable, shownPath,
                      "cannot read '" + shownPath + "': " + buffer.getError().message());
    return nullptr;
  }
  // A file system in memory names a buffer as the file was added, not as it was asked for.
  if ((*buffer)->getBufferIdentifier() != shownPath)
    *buffer = llvm::MemoryBuffer::getMemBufferCopy((*buffer)->getBuffer(), shownPath);
  Entry* e = parse(std::move(*buffer));
  byPath_[canonicalPath] = e;
  return e;
}

const ast::Module* Loader::loadRoot(llvm::StringRef path) {
  if (isFolder(*options_.fs, path)) {
    diags_.reportFile(DiagKind::FileUnreadable, path, "'" + path.str() + "' is a folder");
    return nullptr;
  }
  Entry* e = load(canonical(*options_.fs, path), path.str());
  return e ? e->module.get() : nullptr;
}

const ast::Module* Loader::loadText(llvm::StringRef name, llvm::StringRef text) {
  Entry* e = parse(llvm::MemoryBuffer::getMemBufferCopy(text, name));
  byPath_[canonical(*options_.fs, name)] = e;
  return e->module.get();
}

unsigned Loader::syntaxErrors(const ast::Module* m) const {
  auto it = byModule_.find(m);
  return it == byModule_.end() ? 0 : it->second->syntaxErrors;
}

std::vector<std::string> Loader::candidates(const ast::Module& from, llvm::StringRef spec) const {
  std::vector<std::string> dirs;
  llvm::StringRef rest = spec;
  if (spec.startswith("std/")) {
    dirs.push_back(options_.stdlibDir); // holds std/*.sales
  } else if (llvm::sys::path::is_absolute(spec)) {
    dirs.push_back("");
  } else {
    dirs.push_back(llvm::sys::path::parent_path(from.path).str());
    for (const std::string& d : options_.includeDirs)
      dirs.push_back(d);
  }
  std::vector<std::string> out;
  for (const std::string& dir : dirs) {
    llvm::SmallString<256> p(dir);
    llvm::sys::path::append(p, rest);
    if (!llvm::sys::path::extension(p).equals(".sales"))
      p += ".sales";
    llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
    out.push_back(std::string(p));
  }
  return out;
}

void Loader::resolveImports(Entry& e) {
  if (e.importsResolved)
    return;
  e.importsResolved = true;
  for (const ast::Import& imp : e.module->imports) {
    if (imp.path.value.find('\0') != std::string::npos) {
      // The system would read the path only up to the NUL: "/etc/passwd\0.sales".
      diags_.report(DiagKind::ImportNotFound, imp.path.range,
                    "an imported path cannot hold a NUL character (\\0)");
      continue;
    }
    std::vector<std::string> tried = candidates(*e.module, imp.path.value);
    const ast::Module* found = nullptr;
    for (const std::string& c : tried) {
      if (!options_.fs->exists(c) || isFolder(*options_.fs, c))
        continue;
      if (Entry* target = load(canonical(*options_.fs, c), c))
        found = target->module.get();
      break;
    }
    if (found) {
      e.imports.push_back(found);
      continue;
    }
    auto b = diags_.report(DiagKind::ImportNotFound, imp.path.range,
                           "cannot find the file imported as '" + imp.path.value + "'");
    for (const std::string& c : tried)
      b.note(llvm::SMRange(), "looked for '" + c + "'");
  }
}

std::vector<const ast::Module*> Loader::closure(const ast::Module* root) {
  std::vector<const ast::Module*> out;
  llvm::DenseSet<const ast::Module*> seen;
  std::vector<const ast::Module*> work{root};
  while (!work.empty()) {
    const ast::Module* m = work.back();
    work.pop_back();
    if (!seen.insert(m).second)
      continue;
    out.push_back(m);
    Entry* e = byModule_[m];
    resolveImports(*e);
    for (auto it = e->imports.rbegin(); it != e->imports.rend(); ++it)
      work.push_back(*it);
  }
  return out;
}

} // namespace salesc::sema
