//===- main.cpp - The salesc command ---------------------------------------===//
#include "Driver.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <system_error>
#include <vector>

namespace {

/// The exit status once stdout is flushed: a write error (a full disk, /dev/full) is one
/// line on stderr and status 2; a reader that went away (a closed pipe) is silent, with
/// status 2 too. Errors are cleared so that LLVM does not abort at exit.
int finish(int status) {
  llvm::raw_fd_ostream& out = llvm::outs();
  out.flush();
  if (out.has_error()) {
    std::error_code ec = out.error();
    out.clear_error();
    if (ec != std::errc::broken_pipe)
      llvm::errs() << "salesc: error: cannot write the output: " << ec.message() << '\n';
    status = 2;
  }
  llvm::errs().flush();
  if (llvm::errs().has_error())
    llvm::errs().clear_error(); // nowhere left to say it
  return status;
}

} // namespace

int main(int argc, char** argv) {
  // A reader that goes away (`salesc check --format=json | head -1`) is a write error
  // finish() handles, not LLVM's SIGPIPE handler (which exits with status 74).
  llvm::InitLLVM init(argc, argv, /*InstallPipeSignalExitHandler=*/false);
  ::signal(SIGPIPE, SIG_IGN);
  salesc::driver::CommandContext ctx{llvm::outs(), llvm::errs(), argv[0],
                                     llvm::vfs::getRealFileSystem()};
  // Freeing thousands of trees one node at a time at exit would take a tenth of a
  // `check` of many files; the system takes the memory back at once. Held from a
  // global, it stays reachable: no leak for LeakSanitizer.
  ctx.keepUntilExit = [](std::shared_ptr<void> kept) {
    static auto* const everything = new std::vector<std::shared_ptr<void>>();
    everything->push_back(std::move(kept));
  };
  return finish(salesc::driver::runMain(
      llvm::ArrayRef<const char*>(const_cast<const char**>(argv), static_cast<size_t>(argc)), ctx));
}
