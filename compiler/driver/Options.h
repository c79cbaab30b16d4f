//===- Options.h - The subcommands and the options they share -------------===//
#ifndef SALESC_DRIVER_OPTIONS_H
#define SALESC_DRIVER_OPTIONS_H

#include "Compilation.h"

#include "emit/Emit.h"

#include "llvm/Support/CommandLine.h"

#include <memory>

namespace salesc::driver {

/// The subcommands, registered with llvm::cl.
llvm::cl::SubCommand& checkCommand();
llvm::cl::SubCommand& buildCommand();
llvm::cl::SubCommand& emitCommand();
llvm::cl::SubCommand& analyzeCommand();
llvm::cl::SubCommand& simulateCommand();
llvm::cl::SubCommand& forecastCommand();
llvm::cl::SubCommand& roiCommand();
llvm::cl::SubCommand& conformCommand();

/// Runs a subcommand; returns the exit status.
int runCheck(const char* argv0);
int runBuild(const char* argv0);
int runEmit(const char* argv0);
int runAnalyze(const char* argv0);
int runSimulate(const char* argv0);
int runForecast(const char* argv0);
int runRoi(const char* argv0);
int runConform(const char* argv0);

/// The front end as every subcommand runs it: the files named on the command line
/// (folders expanded), compiled with the shared options (-I, --stdlib, -W...).
struct FrontEnd {
  std::unique_ptr<Session> session;
  std::vector<Unit> units;
  bool unreadable = false; ///< a file or folder could not be read: exit status 2
};

/// Compiles `inputs`. Returns nullopt after a usage error (already reported).
std::optional<FrontEnd> runFrontEnd(const char* argv0, llvm::ArrayRef<std::string> inputs);

/// Prints the diagnostics as text on stderr (colour, error limit and summary as the
/// options say) and returns the exit status they imply: 0, 1 (errors), or 2.
int reportText(FrontEnd& fe);

/// The processes declared in the files named (not their imports), each with its
/// analysis, for build and emit. Reports a process the analysis refuses and leaves
/// it out.
std::vector<emit::Analysed> analyseRootProcesses(const FrontEnd& fe);

/// Whether the text report uses colour (--color, or stderr is a terminal).
bool useColor();

} // namespace salesc::driver

#endif // SALESC_DRIVER_OPTIONS_H
