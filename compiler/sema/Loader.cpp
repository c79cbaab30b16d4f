//===- Loader.cpp - Reads files and their imports, each once per run ------===//
#include "Loader.h"

#include "diag/Wording.h"
#include "parse/Parse.h"

#include "ImportPaths.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

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
  auto ahead = provided_.find(shownPath);
  if (ahead != provided_.end()) { // read and parsed on a worker thread
    Parsed p = std::move(ahead->second);
    provided_.erase(ahead);
    p.module->bufferId = sm_.AddNewSourceBuffer(std::move(p.buffer), llvm::SMLoc());
    diags_.replay(p.reports);
    auto e = std::make_unique<Entry>();
    e->module = std::move(p.module);
    e->syntaxErrors = p.syntaxErrors;
    byModule_[e->module.get()] = e.get();
    entries_.push_back(std::move(e));
    byPath_[canonicalPath] = entries_.back().get();
    return entries_.back().get();
  }
  auto buffer = read(shownPath);
  if (!buffer) {
    diags_.reportFile(DiagKind::FileUnreadable, shownPath,
                      "cannot read '" + shownPath + "': " + buffer.getError().message());
    return nullptr;
  }
  Entry* e = parse(std::move(*buffer));
  byPath_[canonicalPath] = e;
  return e;
}

llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
Loader::read(const std::string& shownPath) const {
  // Named as the user wrote it (checked files) or as found (imports).
  auto buffer = options_.fs->getBufferForFile(shownPath);
  // A file system in memory names a buffer as the file was added, not as it was asked for.
  if (buffer && (*buffer)->getBufferIdentifier() != shownPath)
    *buffer = llvm::MemoryBuffer::getMemBufferCopy((*buffer)->getBuffer(), shownPath);
  return buffer;
}

std::unique_ptr<llvm::MemoryBuffer> Loader::readAhead(llvm::StringRef path) const {
  llvm::ErrorOr<llvm::vfs::Status> st = options_.fs->status(path);
  if (!st || st->getType() != llvm::sys::fs::file_type::regular_file)
    return nullptr;
  auto buffer = read(path.str());
  return buffer ? std::move(*buffer) : nullptr;
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

std::vector<std::string> Loader::searchFolders(const ast::Module& from) const {
  std::vector<std::string> dirs{llvm::sys::path::parent_path(from.path).str()};
  dirs.insert(dirs.end(), options_.includeDirs.begin(), options_.includeDirs.end());
  return dirs;
}

std::vector<std::string> Loader::candidates(const ast::Module& from, llvm::StringRef spec) const {
  std::vector<std::string> dirs;
  llvm::StringRef rest = spec;
  if (spec.startswith("std/"))
    dirs.push_back(options_.stdlibDir); // holds std/*.sales
  else if (llvm::sys::path::is_absolute(spec))
    dirs.push_back("");
  else
    dirs = searchFolders(from);
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

namespace {

/// `value` as a quoted import path.
std::string quotedPath(llvm::StringRef value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

} // namespace

void Loader::resolveImports(Entry& e) {
  if (e.importsResolved)
    return;
  e.importsResolved = true;
  for (const ast::Import& imp : e.module->imports) {
    if (imp.path.value.find('\0') != std::string::npos) {
      // The system would read the path only up to the NUL: "/etc/passwd\0.sales".
      diags_.report(DiagKind::ImportNotFound, imp.path.range,
                    "an imported path cannot hold a NUL character (\\0)");
      e.failed.push_back(&imp);
      continue;
    }
    // `lib\catalogue`, as Windows writes a path: the same path on every system with '/'.
    std::string spec = imp.path.value;
    const bool backslash = spec.find('\\') != std::string::npos;
    std::replace(spec.begin(), spec.end(), '\\', '/');
    const std::string slashes = "use '/' between the folders of an imported path, not '\\'";
    std::vector<std::string> tried = candidates(*e.module, spec);
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
      if (backslash)
        diags_
            .report(DiagKind::ImportNotFound, imp.path.range,
                    slashes + ": write " + quotedPath(spec))
            .fix(imp.path.range, quotedPath(spec), "use '/'", diag::Applicability::Safe);
      continue;
    }
    e.failed.push_back(&imp);
    std::string message = "cannot find the file imported as '" + spec + "'";
    if (backslash)
      message += " (" + slashes + ")";
    std::optional<std::string> meant = closestImport(*options_.fs, spec, options_.stdlibDir,
                                                     searchFolders(*e.module), e.module->path);
    auto b = diags_.report(DiagKind::ImportNotFound, imp.path.range,
                           meant ? message + diag::didYouMean(*meant) : message);
    if (meant)
      b.fix(imp.path.range, quotedPath(*meant), "replace with " + diag::quoted(*meant));
    else if (backslash)
      b.fix(imp.path.range, quotedPath(spec), "use '/'", diag::Applicability::Safe);
    for (const std::string& c : tried)
      b.note(llvm::SMRange(), "looked for '" + c + "'");
  }
}

std::vector<FailedImport> Loader::failedImports(llvm::ArrayRef<const ast::Module*> modules) const {
  std::vector<FailedImport> out;
  for (const ast::Module* m : modules)
    if (auto it = byModule_.find(m); it != byModule_.end())
      for (const ast::Import* imp : it->second->failed)
        out.push_back({m, imp});
  return out;
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
