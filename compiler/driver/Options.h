//===- Options.h - Command-line options shared by the subcommands ---------===//
#ifndef SALESC_DRIVER_OPTIONS_H
#define SALESC_DRIVER_OPTIONS_H

#include "llvm/Support/CommandLine.h"

namespace salesc::driver {

/// The subcommands, registered with llvm::cl.
llvm::cl::SubCommand& checkCommand();

/// Runs `salesc check`; returns the exit status.
int runCheck(const char* argv0);

} // namespace salesc::driver

#endif // SALESC_DRIVER_OPTIONS_H
