//===- Config.h - .salesc.yaml: configuration files and what they make of a file ===//
//
// A configuration file is found by walking up from each checked file's folder to the
// nearest `.salesc.yaml` (or named by --config, or ignored with --no-config). It may
// extend another; its overrides apply to the files their globs match. docs/config.md
// describes the format; ConfigFile.cpp reads one file, Config.cpp combines them.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DRIVER_CONFIG_H
#define SALESC_DRIVER_CONFIG_H

#include "diag/DiagnosticEngine.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesc::driver {

/// The name of a configuration file, looked for in every folder up from a checked file.
constexpr const char* ConfigFileName = ".salesc.yaml";

/// `diagnostics:` of a configuration (or of one of its overrides), in the order written.
using LevelList = std::vector<std::pair<diag::DiagKind, diag::Level>>;

/// One configuration file as written; paths are absolute (resolved against its folder).
struct ConfigFile {
  /// `overrides:` - levels for the files one of `globs` matches (relative to `folder`).
  struct Override {
    std::vector<std::string> globs;
    LevelList levels;
  };
  std::string path;           ///< absolute
  std::string folder;         ///< the folder it is in: what its relative paths start from
  std::string extends;        ///< absolute
  std::string extendsWritten; ///< as written
  llvm::SMRange extendsRange; ///< where `extends:` names it, for a cycle or a missing file
  LevelList levels;
  std::vector<Override> overrides;
  std::vector<std::string> include;
  std::string stdlib, baseline; ///< empty: not set
  std::optional<unsigned> maxWarnings;
};

/// Reads the configuration file at `path` (absolute) from `fs`: its text is added to `sm`,
/// named `shown`, so that its mistakes are reported (to `diags`, K001 to K004) at their line
/// and column. Null when it
/// cannot be read (not reported: the caller knows who named it). With a mistake the
/// settings read are still returned, and `hadErrors` is set.
std::unique_ptr<ConfigFile> readConfigFile(llvm::vfs::FileSystem& fs, llvm::SourceMgr& sm,
                                           diag::DiagnosticEngine& diags, llvm::StringRef path,
                                           llvm::StringRef shown, bool& hadErrors);

/// What the configuration says for one file: its configuration files and extended ones
/// combined, then the overrides whose globs match the file.
struct EffectiveConfig {
  std::vector<std::string> files; ///< the configuration files read, extended ones first
  std::map<diag::DiagKind, diag::Level> levels;
  std::vector<std::string> include;
  std::string stdlib, baseline;
  std::optional<unsigned> maxWarnings;
};

/// --config FILE and --no-config.
struct ConfigChoice {
  std::string file; ///< --config: this file for every checked file
  bool none = false;
};

/// The options --config and --no-config (every command that reads .sales files).
ConfigChoice configChoice();

/// `path` (absolute) as salesc shows it: relative to the working folder of `fs` when it
/// is inside it.
std::string shownPath(llvm::vfs::FileSystem& fs, llvm::StringRef path);

/// Whether `path` (relative, '/' between folders) matches `glob`: `*` is any characters
/// but '/', `?` one, `[a-z]` one of a class, `**` any folders; a glob without '/'
/// matches the file name in any folder.
bool globMatches(llvm::StringRef glob, llvm::StringRef path);

/// The configuration files of a run: each read once, mistakes reported once.
class ConfigSet {
public:
  ConfigSet(llvm::vfs::FileSystem& fs, llvm::SourceMgr& sm, diag::DiagnosticEngine& diags,
            ConfigChoice choice)
      : fs_(fs), sm_(sm), diags_(diags), choice_(std::move(choice)) {}

  /// The configuration of the file `path` (relative to the working folder, or absolute).
  const EffectiveConfig& forFile(llvm::StringRef path);
  /// What the configurations of the files of a run say for the run as a whole: the
  /// folders every one of them includes, and the first stdlib, baseline and max-warnings
  /// one of them sets (in the order of `files`; levels stay per file).
  EffectiveConfig forRun(llvm::ArrayRef<std::string> files);
  /// The level a configuration gives `kind` in `file`, if it gives one.
  std::optional<diag::Level> levelFor(diag::DiagKind kind, llvm::StringRef file);
  /// Whether a configuration file read so far had a mistake (or could not be read).
  bool hasErrors() const { return errors_; }

private:
  /// The configuration files `path` stands for, extended ones first; `chain` is the
  /// files extending it, to find cycles.
  std::vector<const ConfigFile*> chainOf(const std::string& path, std::vector<std::string>& chain);
  /// The nearest .salesc.yaml at or above `folder`, or "".
  std::string findConfig(const std::string& folder);
  const ConfigFile* load(const std::string& path);

  llvm::vfs::FileSystem& fs_;
  llvm::SourceMgr& sm_;
  diag::DiagnosticEngine& diags_;
  ConfigChoice choice_;
  std::map<std::string, std::unique_ptr<ConfigFile>> files_; ///< by path; null: unreadable
  std::map<std::string, std::string> nearest_;               ///< folder -> findConfig
  std::map<std::string, EffectiveConfig> effective_;         ///< by absolute file path
  bool errors_ = false;
};

} // namespace salesc::driver

#endif // SALESC_DRIVER_CONFIG_H
