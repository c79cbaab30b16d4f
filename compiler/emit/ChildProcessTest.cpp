//===- ChildProcessTest.cpp - Work that must finish in time, or not at all ===//
#include "ChildProcess.h"

#include <chrono>
#include <csignal>
#include <gtest/gtest.h>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace salesc::emit {
namespace {

TEST(ChildProcessTest, HandsBackWhatTheWorkReturnedByteForByte) {
  std::string big(1 << 20, '\0'); // more than a pipe holds, with NULs
  for (size_t i = 0; i < big.size(); ++i)
    big[i] = static_cast<char>(i * 7);
  std::optional<std::string> got = runWithin(30, [&] { return big; });
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, big);
  got = runWithin(30, [] { return std::string(); });
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, "");
}

TEST(ChildProcessTest, TheWorkRunsInAnotherProcess) {
  int touched = 0;
  std::optional<std::string> pid = runWithin(30, [&] {
    touched = 1;
    return std::to_string(getpid());
  });
  ASSERT_TRUE(pid);
  EXPECT_NE(*pid, std::to_string(getpid()));
  EXPECT_EQ(touched, 0) << "the parent's memory is not the child's";
}

TEST(ChildProcessTest, WorkPastTheDeadlineIsStoppedAndGivesNothing) {
  auto start = std::chrono::steady_clock::now();
  std::optional<std::string> got = runWithin(0.2, [] {
    std::this_thread::sleep_for(std::chrono::seconds(60));
    return std::string("too late");
  });
  EXPECT_FALSE(got);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30))
      << "the child was waited for instead of stopped";
}

TEST(ChildProcessTest, AnExceptionInTheWorkIsThrownAgainWithItsMessage) {
  try {
    runWithin(30, []() -> std::string { throw std::runtime_error("Graphviz could not render"); });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "Graphviz could not render");
  }
}

TEST(ChildProcessTest, AChildThatDiesIsAnErrorNotACrash) {
  try {
    runWithin(30, []() -> std::string {
      raise(SIGKILL);
      return "unreachable";
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("stopped by signal 9"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace salesc::emit
