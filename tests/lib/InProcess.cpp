//===- InProcess.cpp - salesc run in the test's process, on files in memory ===//
#include "InProcess.h"

#include "driver/Driver.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace salesc::testing {

llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memoryFileSystem() {
  auto fs = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  fs->setCurrentWorkingDirectory("/");
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(SALESC_SOURCE_DIR "/stdlib/std", ec), end;
       it != end && !ec; it.increment(ec)) {
    auto text = llvm::MemoryBuffer::getFile(it->path());
    if (!text)
      continue;
    std::string path =
        std::string(InstalledStdlib) + "/std/" + llvm::sys::path::filename(it->path()).str();
    fs->addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy((*text)->getBuffer(), path));
  }
  return fs;
}

RunResult runInProcess(llvm::ArrayRef<std::string> args,
                       llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs) {
  std::vector<const char*> argv{"salesc"};
  for (const std::string& a : args)
    argv.push_back(a.c_str());
  RunResult r;
  llvm::raw_string_ostream out(r.out), err(r.err);
  driver::CommandContext ctx{out, err, "salesc", std::move(fs), InstalledStdlib};
  r.status = driver::runMain(argv, ctx);
  out.flush();
  err.flush();
  return r;
}

} // namespace salesc::testing
