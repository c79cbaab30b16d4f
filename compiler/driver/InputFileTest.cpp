//===- InputFileTest.cpp - Files, pipes and devices as inputs -------------===//
#include "InputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace salesc::driver {
namespace {

class InputFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("salesc-input", dir_));
    std::signal(SIGPIPE, SIG_IGN); // a reader that stops early is no crash of the writer
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir_); }

  std::string path(llvm::StringRef name) const {
    llvm::SmallString<128> p(dir_);
    llvm::sys::path::append(p, name);
    return std::string(p);
  }

  /// Writes `text` into the FIFO `fifo` once a reader opens it, giving up after 10 s.
  static std::thread writer(const std::string& fifo, std::string text) {
    return std::thread([fifo, text = std::move(text)] {
      const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      int fd = -1;
      while ((fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK)) < 0 && errno == ENXIO &&
             std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      if (fd < 0)
        return;
      ::fcntl(fd, F_SETFL, 0); // blocking writes from here
      for (size_t at = 0; at < text.size();) {
        const ssize_t n = ::write(fd, text.data() + at, text.size() - at);
        if (n <= 0)
          break;
        at += static_cast<size_t>(n);
      }
      ::close(fd);
    });
  }

  llvm::SmallString<128> dir_;
};

TEST_F(InputFileTest, AFileIsReadWhole) {
  const std::string file = path("log.csv");
  {
    std::error_code ec;
    llvm::raw_fd_ostream(file, ec) << "deal,stage,timestamp\n";
    ASSERT_FALSE(ec);
  }
  auto b = readFileOrPipe(*llvm::vfs::getRealFileSystem(), file, 4);
  ASSERT_TRUE(b) << b.getError().message();
  EXPECT_EQ((*b)->getBuffer(), "deal,stage,timestamp\n"); // the cap is a pipe's only
}

TEST_F(InputFileTest, ADeviceIsNotRead) {
  auto b = readFileOrPipe(*llvm::vfs::getRealFileSystem(), "/dev/zero", 1 << 20);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.getError(), notAFile());
  EXPECT_EQ(b.getError().message(), "it is a device or a socket, not a file");
}

TEST_F(InputFileTest, APipeIsReadUpToItsCap) {
  const std::string fifo = path("log.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread w = writer(fifo, "deal,stage,timestamp\nd1,inquiry,2026-01-01\n");
  auto b = readFileOrPipe(*llvm::vfs::getRealFileSystem(), fifo, 1 << 20);
  w.join();
  ASSERT_TRUE(b) << b.getError().message();
  EXPECT_EQ((*b)->getBuffer(), "deal,stage,timestamp\nd1,inquiry,2026-01-01\n");

  std::thread more = writer(fifo, std::string(100, 'x'));
  auto over = readFileOrPipe(*llvm::vfs::getRealFileSystem(), fifo, 10);
  more.join();
  ASSERT_FALSE(over);
  EXPECT_EQ(over.getError(), pipeTooLong());
}

} // namespace
} // namespace salesc::driver
