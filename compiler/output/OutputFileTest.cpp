//===- OutputFileTest.cpp - Outputs go to regular files only --------------===//
#include "OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <thread>

namespace salesc::output {
namespace {

struct TempDir {
  llvm::SmallString<128> path;
  TempDir() { EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("salesc-out", path)); }
  ~TempDir() { llvm::sys::fs::remove_directories(path); }
  std::string operator/(llvm::StringRef name) const { return (path + "/" + name).str(); }
};

std::string read(const std::string& path) {
  auto b = llvm::MemoryBuffer::getFile(path);
  return b ? (*b)->getBuffer().str() : "<unreadable>";
}

std::string refusal(const std::string& path) {
  llvm::Expected<WriteResult> r = writeAtomically(path, "new bytes");
  return r ? "written" : llvm::toString(r.takeError());
}

TEST(OutputFile, WritesReplacesAndLeavesTheSameBytesAlone) {
  TempDir dir;
  std::string file = dir / "a.txt";
  EXPECT_EQ(*writeAtomically(file, "one"), WriteResult::Written);
  EXPECT_EQ(*writeAtomically(file, "one"), WriteResult::Unchanged);
  EXPECT_EQ(*writeAtomically(file, "two!"), WriteResult::Written);
  EXPECT_EQ(read(file), "two!");
}

TEST(OutputFile, NeverReplacesALinkAFifoOrAFolder) {
  TempDir dir;
  std::string target = dir / "target.txt";
  ASSERT_EQ(*writeAtomically(target, "kept"), WriteResult::Written);
  std::string link = dir / "link.txt";
  ASSERT_FALSE(llvm::sys::fs::create_link(target, link));
  EXPECT_EQ(refusal(link), "'" + link +
                               "' is a symbolic link; salesc writes only regular files (or "
                               "standard output), so it leaves it alone");
  EXPECT_EQ(read(target), "kept");
  llvm::sys::fs::file_status st;
  ASSERT_FALSE(llvm::sys::fs::status(link, st, /*follow=*/false));
  EXPECT_EQ(st.type(), llvm::sys::fs::file_type::symlink_file) << "the link was replaced";

  // A FIFO would block a read for ever: it is neither read nor replaced.
  std::string fifo = dir / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(refusal(fifo).find("is a device, a FIFO or a socket"), std::string::npos);
  ASSERT_FALSE(llvm::sys::fs::status(fifo, st, /*follow=*/false));
  EXPECT_EQ(st.type(), llvm::sys::fs::file_type::fifo_file);

  EXPECT_NE(refusal(dir / "").find("is a folder"), std::string::npos);
}

TEST(OutputFile, ALinkToADeviceIsNeverRead) {
  // A link to /dev/zero once made the comparison with the old bytes read for ever.
  TempDir dir;
  std::string link = dir / "zero.svg";
  ASSERT_FALSE(llvm::sys::fs::create_link("/dev/zero", link));
  EXPECT_NE(refusal(link).find("is a symbolic link"), std::string::npos);
}

TEST(OutputFile, StaleTemporariesOfAKilledRunAreRemoved) {
  TempDir dir;
  for (const char* name :
       {"a.svg.tmp-Ab12Cd", "tables.json.tmp-000000", "a.svg", "notes.tmp-x", "keep.tmp-toolong1"})
    ASSERT_EQ(*writeAtomically(dir / name, "x"), WriteResult::Written);
  EXPECT_EQ(removeStaleTemporaries(dir.path), 2u);
  EXPECT_FALSE(llvm::sys::fs::exists(dir / "a.svg.tmp-Ab12Cd"));
  EXPECT_FALSE(llvm::sys::fs::exists(dir / "tables.json.tmp-000000"));
  for (const char* kept : {"a.svg", "notes.tmp-x", "keep.tmp-toolong1"})
    EXPECT_TRUE(llvm::sys::fs::exists(dir / kept)) << kept;
}

TEST(OutputFile, TwoBuildsIntoOneFolderTakeTurns) {
  TempDir dir;
  llvm::Expected<FolderLock> first = FolderLock::acquire(dir.path, [] {});
  ASSERT_TRUE(bool(first));
  std::atomic<bool> waited{false}, second{false};
  std::thread other([&] {
    llvm::Expected<FolderLock> lock = FolderLock::acquire(dir.path, [&] { waited = true; });
    EXPECT_TRUE(bool(lock));
    second = true;
  });
  for (int i = 0; i < 200 && !waited; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_TRUE(waited) << "the second build did not wait";
  EXPECT_FALSE(second) << "the second build went on while the first held the folder";
  { FolderLock release = std::move(*first); }
  other.join();
  EXPECT_TRUE(second);
  llvm::Expected<FolderLock> missing = FolderLock::acquire(dir / "missing", [] {});
  ASSERT_FALSE(bool(missing));
  EXPECT_NE(llvm::toString(missing.takeError()).find("cannot open folder"), std::string::npos);
}

} // namespace
} // namespace salesc::output
