//===- RuntimeInput.h - The processes a runtime command works on ----------===//
#ifndef SALESC_DRIVER_RUNTIMEINPUT_H
#define SALESC_DRIVER_RUNTIMEINPUT_H

#include "FrontEnd.h"

#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include "llvm/Support/CommandLine.h"

#include <optional>

namespace salesc::driver {

/// The processes of a `.sales` file (compiled and checked in memory) or of a
/// tables.json, owned here.
struct RuntimeInput {
  std::optional<FrontEnd> frontEnd;    ///< when read from .sales
  std::vector<rt::Process> fromTables; ///< when read from tables.json
  std::vector<rt::AnalyzedProcess> processes;
  /// The campaigns of the file (of the checked files, or of the tables), each naming a
  /// process by name; not filtered by the process chosen.
  std::vector<rt::Campaign> campaigns;
};

/// Reads `path` (`.json`: tables; anything else: a .sales file) and keeps the process
/// named `only` (all when empty). Reports problems on stderr; returns the exit status
/// they imply (0 when `out` is ready).
int loadRuntimeInput(CommandContext& ctx, const std::string& path, const std::string& only,
                     RuntimeInput& out);

/// The one process `in` holds, or null after reporting that the command (`what` works
/// on one process) needs --process.
const rt::AnalyzedProcess* singleProcess(CommandContext& ctx, const RuntimeInput& in,
                                         llvm::StringRef what);

/// Output format of the runtime commands.
enum class ReportFormat { Text, Json };

/// How many processes a runtime command works on: each of the file's, or one.
enum class Processes { Every, One };

/// The options every runtime command takes, registered for `cmd`.
struct RuntimeOptions {
  explicit RuntimeOptions(llvm::cl::SubCommand& cmd, Processes processes = Processes::Every);
  llvm::cl::opt<std::string> input;
  llvm::cl::opt<std::string> process;
  llvm::cl::opt<ReportFormat> format;
};

} // namespace salesc::driver

#endif // SALESC_DRIVER_RUNTIMEINPUT_H
