//===- CliFixture.h - Running the salesc binary from a test ---------------===//
#ifndef SALESC_TESTS_CLIFIXTURE_H
#define SALESC_TESTS_CLIFIXTURE_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include "RunResult.h"

#include <gtest/gtest.h>

namespace salesc::testing {

/// The bytes of a file, or "<missing>".
inline std::string slurp(const std::string& path) {
  auto b = llvm::MemoryBuffer::getFile(path, false, false);
  return b ? (*b)->getBuffer().str() : std::string("<missing>");
}

/// A fresh temporary folder per test, files written into it, and `salesc` run with
/// stdout and stderr captured. SALESC_BINARY is the binary under test.
class CliFixture : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("salesc-cli", dir_)); }
  void TearDown() override { llvm::sys::fs::remove_directories(dir_); }

  std::string write(llvm::StringRef name, llvm::StringRef text) {
    llvm::SmallString<256> p(dir_);
    llvm::sys::path::append(p, name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(p));
    std::error_code ec;
    llvm::raw_fd_ostream os(p, ec);
    os << text;
    return std::string(p);
  }

  /// Runs salesc with `args`; its stdout goes to `stdoutPath` when given (a device, to
  /// see how salesc copes), else it is captured in RunResult::out.
  RunResult run(std::vector<std::string> args, std::string stdoutPath = "",
                llvm::Optional<llvm::ArrayRef<llvm::StringRef>> env = llvm::None) {
    std::string outFile = stdoutPath.empty() ? write("stdout.txt", "") : stdoutPath;
    std::string errFile = write("stderr.txt", "");
    std::vector<llvm::StringRef> argv{SALESC_BINARY};
    for (const std::string& a : args)
      argv.push_back(a);
    llvm::Optional<llvm::StringRef> redirects[] = {llvm::StringRef(""), llvm::StringRef(outFile),
                                                   llvm::StringRef(errFile)};
    RunResult r;
    r.status = llvm::sys::ExecuteAndWait(SALESC_BINARY, argv, env, redirects);
    if (stdoutPath.empty())
      r.out = (*llvm::MemoryBuffer::getFile(outFile))->getBuffer().str();
    r.err = (*llvm::MemoryBuffer::getFile(errFile))->getBuffer().str();
    return r;
  }

  /// Runs `script` with bash (SALESC names the binary, DIR the test's folder), stdout
  /// and stderr captured: for pipes.
  RunResult shell(const std::string& script) {
    std::string outFile = write("stdout.txt", "");
    std::string errFile = write("stderr.txt", "");
    std::string full = "SALESC='" SALESC_BINARY "'; DIR='" + std::string(dir_) + "'; " + script;
    llvm::StringRef argv[] = {"/bin/bash", "-c", full};
    llvm::Optional<llvm::StringRef> redirects[] = {llvm::StringRef(""), llvm::StringRef(outFile),
                                                   llvm::StringRef(errFile)};
    RunResult r;
    r.status = llvm::sys::ExecuteAndWait("/bin/bash", argv, llvm::None, redirects);
    r.out = (*llvm::MemoryBuffer::getFile(outFile))->getBuffer().str();
    r.err = (*llvm::MemoryBuffer::getFile(errFile))->getBuffer().str();
    return r;
  }

  llvm::SmallString<256> dir_;
};

} // namespace salesc::testing

#endif // SALESC_TESTS_CLIFIXTURE_H
