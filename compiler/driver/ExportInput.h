//===- ExportInput.h - `--from` / `--map`: CRM exports for any command -----===//
//
// The one place a command reads a stage history or a pipeline that may be a CRM export.
// A command registers ExportOptions on its subcommand and calls readExport instead of
// readCsv; after loading (Loaders.h) it calls mergeReshape before reportLoad. Without
// --from and --map this is readCsv: the plain CSV path costs nothing more.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DRIVER_EXPORTINPUT_H
#define SALESC_DRIVER_EXPORTINPUT_H

#include "Command.h"

#include "salesc/runtime/Csv.h"
#include "salesc/runtime/ExportMapping.h"
#include "salesc/runtime/Inputs.h"

#include "llvm/Support/CommandLine.h"

#include <optional>
#include <string>

namespace salesc::driver {

/// `--from=CRM` and `--map FILE`, registered for `cmd`; `what` ends their --help lines
/// (what the command reads through them).
struct ExportOptions {
  explicit ExportOptions(llvm::cl::SubCommand& cmd);
  ExportOptions(llvm::cl::SubCommand& cmd, llvm::cl::OptionCategory& category,
                llvm::StringRef fromHelp, llvm::StringRef mapHelp);
  /// Whether either was given.
  bool given() const { return !from.empty() || !map.empty(); }
  llvm::cl::opt<std::string> from;
  llvm::cl::opt<std::string> map;
};

/// An export read as the table the loaders take, and what reading it rejected.
struct ExportTable {
  rt::CsvTable table;
  rt::LoadReport reshaped; ///< rows of the export rejected before loading
  bool mapped = false;     ///< read through --from or --map
};

/// The mapping --from and/or --map give for `kind` (the map's keys over the preset's), or
/// nullopt after reporting why there is none (an unknown preset, a map that does not read).
std::optional<rt::ExportMapping> readMapping(CommandContext& ctx, const ExportOptions& opts,
                                             rt::ExportKind kind);

/// Whether --from names a preset and --map reads, over the preset of either kind (nothing
/// to read without them); reports why not. A command calls it before reading anything
/// and exits with status 2 when it fails: a mistake on the command line or in the map
/// (readMapping later reads the small map again, and succeeds).
bool mappingsRead(CommandContext& ctx, const ExportOptions& opts);

/// Reads `path` for `kind` against `p`: a plain CSV, or through the preset of --from
/// and/or the map of --map (the map's keys over the preset's). Reports an unreadable
/// file or map (FILE:LINE:COL) and returns nullopt; prints notes (dates read day first,
/// rows of other pipelines left out ...) on stderr.
std::optional<ExportTable> readExport(CommandContext& ctx, const ExportOptions& opts,
                                      const std::string& path, const rt::Process& p,
                                      rt::ExportKind kind);

/// Prints what reading an export noted (dates read day first, rows of other pipelines
/// left out ...) on stderr, each line "note: FILE: ...".
void printNotes(CommandContext& ctx, const rt::ReshapeNotes& notes);

/// Adds to `load` (what a loader reported) what reading the export rejected; the rows
/// read become the export's. An empty export is one error, reading's: the loader's own
/// "the file is empty" is dropped.
void mergeReshape(const ExportTable& t, rt::LoadReport& load);

} // namespace salesc::driver

#endif // SALESC_DRIVER_EXPORTINPUT_H
