//===- Compilation.cpp - Load, parse and check files: the whole front end -===//
#include "Compilation.h"

#include "Workers.h"

#include "parse/Parse.h"
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

std::vector<Unit> Session::addAll(llvm::ArrayRef<Source> sources, unsigned jobs) {
  std::vector<sema::Loader::Parsed> ahead(sources.size());
  std::vector<Unit> units(sources.size());
  std::vector<std::vector<sema::FailedImport>> failed(sources.size());
  std::vector<std::deque<diag::RecordedReport>> reports(sources.size());
  // Read and parsed on any thread (a FIFO or a device is left for loadRoot to refuse),
  // each parse reporting to an engine of its own.
  auto readAndParse = [&](size_t i) {
    sema::Loader::Parsed& p = ahead[i];
    if (sources[i].text || !(p.buffer = loader_.readAhead(sources[i].name)))
      return;
    diag::DiagnosticEngine recording = diag::DiagnosticEngine::recording(sm_);
    parse::ParseResult r = parse::parseBuffer(*p.buffer, 0, recording);
    p.module = std::move(r.module);
    p.syntaxErrors = r.syntaxErrors;
    p.reports = recording.takeRecorded();
  };
  // Loaded in order on this thread, imports too: the same buffers, names and reports as
  // one by one.
  auto load = [&](size_t i) {
    Unit& u = units[i];
    u.path = sources[i].name;
    if (ahead[i].buffer)
      loader_.provide(u.path, std::move(ahead[i]));
    u.root =
        sources[i].text ? loader_.loadText(u.path, *sources[i].text) : loader_.loadRoot(u.path);
    if (!u.root)
      return true;
    u.modules = loader_.closure(u.root);
    u.syntaxErrors =
        llvm::any_of(u.modules, [&](const ast::Module* m) { return loader_.syntaxErrors(m) != 0; });
    failed[i] = loader_.failedImports(u.modules);
    // The check of a file with failed imports looks places up in the SourceMgr (which
    // file an unknown name is in): it waits until no buffer joins it any more.
    return failed[i].empty();
  };
  // Checked on any thread: its modules are only read by then. The reports are made on
  // the run's engine afterwards, in the order of `sources`.
  auto check = [&](size_t i) {
    Unit& u = units[i];
    if (!u.root || u.syntaxErrors) // with syntax errors the tree is incomplete
      return;
    diag::DiagnosticEngine recording = diag::DiagnosticEngine::recording(sm_);
    u.model = sema::check(u.modules, recording, failed[i]);
    reports[i] = recording.takeRecorded();
  };
  runPipeline(sources.size(), jobs, readAndParse, load, check);
  for (auto& r : reports)
    diags_.replay(r);
  return units;
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
