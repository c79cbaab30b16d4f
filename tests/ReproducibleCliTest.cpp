//===- ReproducibleCliTest.cpp - Pictures are the same bytes whatever else ===//
//
// The DOT, SVG and PNG of a file with several processes (clusters, and long processes with
// notes in subgraphs of their own), emitted and built with `-I` folders of different lengths
// and the arguments in different orders: every run gives the same bytes. (The order of the
// subgraphs once followed the heap addresses of their names, and so the length of an
// unrelated path.)
//
//===----------------------------------------------------------------------===//
#include "CliFixture.h"

#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

namespace {

using Reproducible = salesc::testing::CliFixture;

const char* const Examples[] = {SALESC_SOURCE_DIR "/examples/saas_multichannel.sales",
                                SALESC_SOURCE_DIR "/examples/luxury_cars.sales"};

/// -I folders whose paths differ in length, that exist and hold nothing the files import.
std::vector<std::string> includeFolders(llvm::StringRef dir) {
  std::vector<std::string> out;
  for (std::string name : {std::string("i"), std::string(180, 'x')}) {
    llvm::SmallString<256> p(dir);
    llvm::sys::path::append(p, name);
    llvm::sys::fs::create_directories(p);
    out.push_back(std::string(p));
  }
  return out;
}

TEST_F(Reproducible, EmitGivesTheSameBytesWhateverTheOtherArguments) {
  std::vector<std::string> folders = includeFolders(dir_);
  for (const char* file : Examples)
    for (const char* kind : {"--to=dot", "--to=svg", "--to=png"}) {
      std::vector<std::vector<std::string>> runs = {
          {"emit", kind, file},
          {"emit", "-I", folders[0], kind, file},
          {"emit", file, "-I", folders[1], kind},
          {"emit", "-I", folders[1], "-I", folders[0], file, kind, "-Wno-win-rate-below-target"},
      };
      std::string first;
      for (size_t i = 0; i < runs.size(); ++i) {
        salesc::testing::RunResult r = run(runs[i]);
        ASSERT_EQ(r.status, 0) << r.err;
        ASSERT_FALSE(r.out.empty());
        if (i == 0)
          first = r.out;
        else
          EXPECT_TRUE(r.out == first) << file << " " << kind << ": run " << i << " differs";
      }
    }
}

TEST_F(Reproducible, BuildWritesTheSameBytesWhateverTheOtherArguments) {
  std::vector<std::string> folders = includeFolders(dir_);
  auto out = [&](const char* name) {
    llvm::SmallString<256> p(dir_);
    llvm::sys::path::append(p, name);
    return std::string(p);
  };
  ASSERT_EQ(run({"build", Examples[0], Examples[1], "-o", out("a"), "--png", "--quiet"}).status, 0);
  ASSERT_EQ(
      run({"build", "--quiet", "-I", folders[1], Examples[1], "--png", Examples[0], "-o", out("b")})
          .status,
      0);
  std::error_code ec;
  unsigned compared = 0;
  for (llvm::sys::fs::directory_iterator it(out("a"), ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    if (name == "tables.json") // its processes come in the order of the files named
      continue;
    auto a = llvm::MemoryBuffer::getFile(it->path());
    auto b = llvm::MemoryBuffer::getFile(out("b") + "/" + name.str());
    ASSERT_TRUE(a && b) << name.str();
    EXPECT_TRUE((*a)->getBuffer() == (*b)->getBuffer()) << name.str() << " differs";
    ++compared;
  }
  EXPECT_EQ(compared, 16u); // dot, svg, png and md of four processes
}

} // namespace
