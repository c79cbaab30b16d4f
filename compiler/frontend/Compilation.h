//===- Compilation.h - Load, parse and check files: the whole front end ---===//
#ifndef SALESC_FRONTEND_COMPILATION_H
#define SALESC_FRONTEND_COMPILATION_H

#include "diag/DiagnosticEngine.h"
#include "sema/Checker.h"
#include "sema/Loader.h"

#include "llvm/Support/SourceMgr.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesc::frontend {

/// The result of compiling one checked file.
struct Unit {
  std::string path;
  const ast::Module* root = nullptr;       ///< null when the file could not be read
  std::vector<const ast::Module*> modules; ///< root first, then its imports
  bool syntaxErrors = false;               ///< then `model` is empty: nothing was checked
  sema::CheckedModel model;
};

/// One run of the front end over any number of files. Owns the sources, the modules
/// and the diagnostics; files shared between checked files (the standard library)
/// are read and parsed once.
class Session {
public:
  Session(sema::LoadOptions load, diag::DiagOptions diagOptions)
      : diags_(sm_, std::move(diagOptions)), loader_(sm_, diags_, std::move(load)) {}

  /// Compiles the file at `path` and what it imports, as a run of its own (the checks
  /// that span files included).
  Unit compileFile(llvm::StringRef path);
  /// Compiles `text` as if it were the file `name` (tests, stdin), as a run of its own.
  Unit compileText(llvm::StringRef name, llvm::StringRef text);

  /// A file of a run: its name, and its text when it is not read from disk (stdin).
  struct Source {
    std::string name;
    std::optional<std::string> text;
  };
  /// Compiles every source as addFile or addText would, one after the other, with the
  /// same diagnostics in the same order, but `jobs` at a time, as a pipeline
  /// (runPipeline): the named files are read and parsed on any thread; each is loaded on
  /// this thread, in order, as soon as it is parsed, with its imports (a file shared by
  /// several is read once, as always); then it is checked on any thread, reporting to a
  /// recording engine, replayed on the run's engine in the order of `sources` once all
  /// are checked. Call checkProject after it.
  std::vector<Unit> addAll(llvm::ArrayRef<Source> sources, unsigned jobs);

  /// For a run of several files: compile each with addFile or addText, then call
  /// checkProject once with all of them (sema/Project.h).
  Unit addFile(llvm::StringRef path);
  Unit addText(llvm::StringRef name, llvm::StringRef text);
  void checkProject(llvm::ArrayRef<Unit> units);

  diag::DiagnosticEngine& diags() { return diags_; }
  const llvm::SourceMgr& sourceMgr() const { return sm_; }
  /// For texts read beside the .sales files whose mistakes are diagnostics too
  /// (configuration files).
  llvm::SourceMgr& sourceMgr() { return sm_; }
  /// Where files are looked for: a configuration file adds to it before any is read.
  sema::LoadOptions& loadOptions() { return loader_.options(); }

private:
  Unit compile(std::string path, const ast::Module* root);

  llvm::SourceMgr sm_;
  diag::DiagnosticEngine diags_;
  sema::Loader loader_;
};

/// Where the standard library is: `override` when given, else beside the binary
/// (`<bin>/../share/salesc/stdlib`, as built and as installed).
std::string findStdlib(const char* argv0, llvm::StringRef override);

} // namespace salesc::frontend

#endif // SALESC_FRONTEND_COMPILATION_H
