//===- Loader.h - Reads files and their imports, each once per run --------===//
#ifndef SALESC_SEMA_LOADER_H
#define SALESC_SEMA_LOADER_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <memory>
#include <string>
#include <vector>

namespace salesc::sema {

struct LoadOptions {
  std::string stdlibDir;                ///< where `import "std/x"` looks
  std::vector<std::string> includeDirs; ///< searched after the importing file's folder
  /// Where files are read: the real disk, or files in memory in a test.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = llvm::vfs::getRealFileSystem();
};

/// An import of `from` that found no file (or named one that cannot be read).
struct FailedImport {
  const ast::Module* from;
  const ast::Import* import;
};

/// Whether `path` names a folder of `fs` (a link to a folder counts).
bool isFolder(llvm::vfs::FileSystem& fs, const llvm::Twine& path);

/// Owns every Module read in a run. A file is read and parsed once, however many
/// checked files import it; its imports are resolved once too.
class Loader {
public:
  Loader(llvm::SourceMgr& sm, diag::DiagnosticEngine& diags, LoadOptions options)
      : sm_(sm), diags_(diags), options_(std::move(options)) {}

  /// Where files are looked for; changed only before the first file is read.
  LoadOptions& options() { return options_; }

  /// Reads a file named on the command line. Null (and a FileUnreadable diagnostic)
  /// when it cannot be read.
  const ast::Module* loadRoot(llvm::StringRef path);
  /// Parses text held in memory, as if read from `name` (for tests and stdin).
  const ast::Module* loadText(llvm::StringRef name, llvm::StringRef text);

  /// A file read and parsed ahead of time (on a worker thread), for loadRoot to take as
  /// it would have read and parsed it: its buffer, what it parsed to, and the reports
  /// the parse made on a recording engine.
  struct Parsed {
    std::unique_ptr<llvm::MemoryBuffer> buffer;
    std::unique_ptr<ast::Module> module;
    unsigned syntaxErrors = 0;
    std::deque<diag::RecordedReport> reports;
  };
  /// Reads the file a later loadRoot(`path`) will load, unless it is not a regular file
  /// (that is for loadRoot to say): null then. Reads nothing of the loader but its
  /// options: it may run on any thread, beside the loading.
  std::unique_ptr<llvm::MemoryBuffer> readAhead(llvm::StringRef path) const;
  /// Hands over the parse of the file a later loadRoot(`path`) loads.
  void provide(llvm::StringRef path, Parsed parsed) { provided_[path] = std::move(parsed); }

  /// The module and everything it imports, transitively, each once, the module first.
  std::vector<const ast::Module*> closure(const ast::Module* root);

  /// The imports of `modules` that failed, in the order of `modules` and of the imports.
  /// Meaningful once closure() has resolved them.
  std::vector<FailedImport> failedImports(llvm::ArrayRef<const ast::Module*> modules) const;

  /// Syntax errors found in `m` (the checker skips compilations that have any).
  unsigned syntaxErrors(const ast::Module* m) const;

private:
  struct Entry {
    std::unique_ptr<ast::Module> module;
    unsigned syntaxErrors = 0;
    bool importsResolved = false;
    std::vector<const ast::Module*> imports;
    std::vector<const ast::Import*> failed; ///< imports that found no file
  };

  Entry* load(const std::string& canonicalPath, const std::string& shownPath);
  Entry* parse(std::unique_ptr<llvm::MemoryBuffer> buffer);
  /// Reads `shownPath` (a regular file), named so; an error when it cannot be read.
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> read(const std::string& shownPath) const;
  void resolveImports(Entry& e);
  /// Where a relative import of `from` is looked for: its folder, then the -I folders.
  std::vector<std::string> searchFolders(const ast::Module& from) const;
  /// Candidate files for an import, in search order.
  std::vector<std::string> candidates(const ast::Module& from, llvm::StringRef spec) const;

  llvm::SourceMgr& sm_;
  diag::DiagnosticEngine& diags_;
  LoadOptions options_;
  llvm::StringMap<Entry*> byPath_; ///< canonical path -> entry
  std::vector<std::unique_ptr<Entry>> entries_;
  llvm::DenseMap<const ast::Module*, Entry*> byModule_;
  llvm::StringMap<Parsed> provided_; ///< by the path loadRoot is given
};

} // namespace salesc::sema

#endif // SALESC_SEMA_LOADER_H
