//===- LspConfigs.h - salesc lsp reads each document's .salesc.yaml as check does ===//
//
// The configuration of a document is what `salesc check` would use for that one file:
// ConfigSet::forRun of it, added to the command line's options by applyConfig. The files
// are read once and kept until reload(), which reads them again and says whether what
// they say for any file asked about so far has changed.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DRIVER_LSPCONFIGS_H
#define SALESC_DRIVER_LSPCONFIGS_H

#include "Config.h"

#include "lsp/DocumentConfig.h"

#include <memory>
#include <set>
#include <string>

namespace salesc::driver {

/// Each document's configuration, for salesc lsp. Mistakes in the files are not
/// reported here (`salesc check` reports them); the settings read are used.
class LspConfigs : public lsp::ConfigProvider {
public:
  /// `load` and `warnings` are the command line's (-I, --stdlib, -W); the configuration
  /// files are read from `load.fs`.
  LspConfigs(sema::LoadOptions load, diag::DiagOptions warnings, ConfigChoice choice);

  lsp::DocumentOptions optionsFor(llvm::StringRef path) override;
  bool reload(const llvm::StringMap<lsp::Document>& openConfigs) override;

private:
  /// One reading of the configuration files, shared with the checks that use its levels.
  struct Reading {
    Reading(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> from, const ConfigChoice& choice)
        : fs(std::move(from)), mistakes(sources, {}), set(*fs, sources, mistakes, choice) {}
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs;
    llvm::SourceMgr sources;
    diag::DiagnosticEngine mistakes;
    ConfigSet set;
    /// Every file whose configuration was asked for (documents, and the files their
    /// diagnostics are in), to compare with the next reading.
    std::set<std::string> asked;
  };

  sema::LoadOptions load_;
  diag::DiagOptions warnings_;
  ConfigChoice choice_;
  std::shared_ptr<Reading> now_;
};

} // namespace salesc::driver

#endif // SALESC_DRIVER_LSPCONFIGS_H
