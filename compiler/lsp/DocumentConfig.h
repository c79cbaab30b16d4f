//===- DocumentConfig.h - Each document's configuration (.salesc.yaml) ----===//
//
// A document is checked as `salesc check` checks it, with the configuration of its
// folder: the folders its imports are looked for in (`include:`), the standard library
// (`stdlib:`) and the levels of its diagnostics. The driver reads the configuration
// files (driver::LspConfigs); the server asks for the options of each document it checks,
// and says when configuration files may have changed.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_DOCUMENTCONFIG_H
#define SALESC_LSP_DOCUMENTCONFIG_H

#include "Diagnostics.h"

#include "llvm/ADT/StringRef.h"

namespace salesc::lsp {

/// What one check of a document runs with.
struct DocumentOptions {
  CheckOptions load;
  diag::DiagOptions warnings;
};

/// The configuration of each document. Invariant: optionsFor answers the same for a path
/// until reload() returns true.
class ConfigProvider {
public:
  virtual ~ConfigProvider() = default;
  /// The options of a check of the file `path`: the server's own (-I, --stdlib, -W) with
  /// what its configuration adds, as `salesc check` combines them.
  virtual DocumentOptions optionsFor(llvm::StringRef path) = 0;
  /// Reads the configuration files again, those the editor has open (`openConfigs`, by
  /// URI) as it has them. True when what they say for a file asked about so far changed.
  virtual bool reload(const llvm::StringMap<Document>& openConfigs) = 0;
};

/// Whether `path` names a configuration file rather than a .sales file (`.yaml`, `.yml`):
/// the server reads such a document as configuration and never checks it.
bool isConfigPath(llvm::StringRef path);

} // namespace salesc::lsp

#endif // SALESC_LSP_DOCUMENTCONFIG_H
