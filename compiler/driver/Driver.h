//===- Driver.h - From a command line to a command's exit status ----------===//
#ifndef SALESC_DRIVER_DRIVER_H
#define SALESC_DRIVER_DRIVER_H

#include "Command.h"

#include <string>

namespace salesc::driver {

/// Runs the command line `args` (args[0] is the program) and returns the exit status:
/// `salesc help [COMMAND]`, `--version` anywhere, an unknown command with the closest
/// one suggested, then the command of the table with its options parsed. Command
/// options are llvm::cl globals: they are reset first, so this can run many times in
/// one process (not at once). `COMMAND --help` is llvm::cl's and exits the process.
int runMain(llvm::ArrayRef<const char*> args, CommandContext& ctx);

/// What `salesc help` prints: the commands of the table with their synopses.
std::string topLevelHelp();

} // namespace salesc::driver

#endif // SALESC_DRIVER_DRIVER_H
