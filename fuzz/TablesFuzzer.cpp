//===- TablesFuzzer.cpp - libFuzzer target: tables.json, the runtime ------===//
//
// The input is a tables.json, taken on the two paths that read one:
// - a program that embeds the runtime (examples/embed): rt::loadTables, then rt::analyze
//   of every process it accepts, which may refuse one but must not crash;
// - the runtime commands (`salesc analyze tables.json`): driver::loadRuntimeInput from a
//   file system in memory, which refuses the processes the reports cannot work on (no
//   stage, a start that is an outcome); the processes it hands over go through Oracles.h's
//   exerciseProcesses: written again, loaded again, simulated, reported.
// Seeds: the golden tables.json of the examples and those of the output file tests
// (fuzz/seeds.py).
//
//===----------------------------------------------------------------------===//
#include "Oracles.h"

#include "driver/RuntimeInput.h"
#include "salesc/runtime/Tables.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace salesc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef json(reinterpret_cast<const char*>(data), size);
  llvm::Expected<std::vector<rt::Process>> loaded = rt::loadTables(json, "fuzz.json");
  if (!loaded) {
    llvm::consumeError(loaded.takeError());
    return 0;
  }
  for (const rt::Process& p : *loaded)
    if (llvm::Expected<rt::Analysis> a = rt::analyze(p); !a)
      llvm::consumeError(a.takeError());

  auto fs = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  fs->addFile("/fuzz.json", 0, llvm::MemoryBuffer::getMemBuffer(json, "fuzz.json", false));
  std::string out, err;
  llvm::raw_string_ostream outStream(out), errStream(err);
  driver::CommandContext ctx{outStream, errStream, "salesc", fs};
  driver::RuntimeInput in;
  if (driver::loadRuntimeInput(ctx, "/fuzz.json", "", in) == 0)
    fuzz::exerciseProcesses(in.processes);
  return 0;
}
