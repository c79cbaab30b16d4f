//===- InProcess.h - salesc run in the test's process, on files in memory -===//
#ifndef SALESC_TESTS_INPROCESS_H
#define SALESC_TESTS_INPROCESS_H

#include "RunResult.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <string>

namespace salesc::testing {

/// Where the runs find the standard library: where an installed salesc finds it, so
/// that paths into it read as a user sees them.
constexpr const char* InstalledStdlib = "/usr/local/share/salesc/stdlib";

/// An empty file system in memory, working folder `/`, but for the source tree's
/// standard library at InstalledStdlib.
llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memoryFileSystem();

/// Runs `salesc ARGS...` in this process, reading every input from `fs`, and returns
/// what it printed on stdout and stderr and its exit status. Runs must not overlap
/// (llvm::cl options are globals).
RunResult runInProcess(llvm::ArrayRef<std::string> args,
                       llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs);

} // namespace salesc::testing

#endif // SALESC_TESTS_INPROCESS_H
