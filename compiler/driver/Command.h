//===- Command.h - The table of salesc's commands and what they are given -===//
#ifndef SALESC_DRIVER_COMMAND_H
#define SALESC_DRIVER_COMMAND_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <memory>
#include <string>

namespace salesc::driver {

/// What a command runs with: where it prints and where it reads (injected, so a test
/// can run a command in process on files in memory and read both streams) and how it
/// was started.
struct CommandContext {
  llvm::raw_ostream& out; ///< reports, documents, artifacts written to stdout
  llvm::raw_ostream& err; ///< diagnostics and errors
  std::string argv0;      ///< to find the standard library beside the binary
  /// Where every input is read: .sales files, their imports and the standard library,
  /// folders, CSV files, tables.json. (Outputs are written to the real disk.)
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = llvm::vfs::getRealFileSystem();
  /// The standard library when --stdlib is not given; empty: beside the binary (a test
  /// serves it from memory where an installed salesc finds it).
  std::string stdlibDir = {};
  /// What `salesc check -` reads (a test gives text in memory).
  std::function<llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>()> readStdin = [] {
    return llvm::MemoryBuffer::getSTDIN();
  };
  /// Set by main, where the process ends with the command: takes what a command has
  /// built and no longer needs (a whole front end's sources, trees and models), to be
  /// left to the exit rather than freed piece by piece. Unset (in a test's process),
  /// such things are freed as usual.
  std::function<void(std::shared_ptr<void>)> keepUntilExit = {};
};

/// Starts an error line on `ctx.err`: "salesc: error: ".
llvm::raw_ostream& error(CommandContext& ctx);

/// One command of the table.
struct Command {
  llvm::StringRef name;
  llvm::StringRef synopsis;
  llvm::StringRef summary;
  llvm::cl::SubCommand& (*sub)();
  int (*run)(CommandContext&);
};

#define COMMAND(Id, Name, Synopsis, Summary, Description)                                          \
  llvm::cl::SubCommand& sub##Id();                                                                 \
  int run##Id(CommandContext& ctx);
#include "Commands.def"
#undef COMMAND

/// When `args` (a `salesc check` command line that could not be parsed) ask for
/// --format=sarif, writes a SARIF log that reports `message` on ctx.out and returns true:
/// a CI job that uploads the log gets one, saying what went wrong.
bool writeUsageErrorLog(CommandContext& ctx, llvm::ArrayRef<const char*> args,
                        llvm::StringRef message);

/// Every command, in the order `salesc help` lists them.
llvm::ArrayRef<Command> commands();
/// The command called `name`, or null.
const Command* findCommand(llvm::StringRef name);

/// An llvm::cl modifier that puts an option in every command: `cl::opt<T> O("o",
/// inEveryCommand(), ...)`.
struct inEveryCommand {
  template <class Opt> void apply(Opt& o) const {
    for (const Command& c : commands())
      o.addSubCommand(c.sub());
  }
};

} // namespace salesc::driver

#endif // SALESC_DRIVER_COMMAND_H
