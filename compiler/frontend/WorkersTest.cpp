//===- WorkersTest.cpp - runPipeline keeps the order its stages promise ---===//
#include "Workers.h"

#include <gtest/gtest.h>

#include <mutex>
#include <thread>
#include <vector>

namespace salesc::frontend {
namespace {

/// What happened to each item, in the order the stages ran (guarded by `m`).
struct Log {
  std::mutex m;
  std::vector<int> stage;         ///< per item: 0 none, 1 first, 2 serial, 3 last
  std::vector<size_t> serials;    ///< items in the order serial() ran
  size_t lastBeforeAllSerial = 0; ///< deferred items whose last() came too early
  size_t wrongOrder = 0;          ///< a stage that ran before the one it follows
};

void runLogged(size_t n, unsigned jobs, Log& log) {
  log.stage.assign(n, 0);
  std::thread::id caller = std::this_thread::get_id();
  auto deferred = [](size_t i) { return i % 7 == 3; };
  runPipeline(
      n, jobs,
      [&](size_t i) {
        std::lock_guard<std::mutex> lock(log.m);
        log.wrongOrder += log.stage[i] != 0;
        log.stage[i] = 1;
      },
      [&](size_t i) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        std::lock_guard<std::mutex> lock(log.m);
        log.wrongOrder += log.stage[i] != 1;
        log.stage[i] = 2;
        log.serials.push_back(i);
        return !deferred(i);
      },
      [&](size_t i) {
        std::lock_guard<std::mutex> lock(log.m);
        log.wrongOrder += log.stage[i] != 2;
        log.stage[i] = 3;
        if (deferred(i) && log.serials.size() != n)
          ++log.lastBeforeAllSerial;
      });
}

TEST(Workers, EveryItemGoesThroughTheThreeStagesInOrder) {
  for (unsigned jobs : {1u, 2u, 3u, 8u})
    for (size_t n : {0u, 1u, 2u, 10u, 200u}) {
      Log log;
      runLogged(n, jobs, log);
      EXPECT_EQ(log.wrongOrder, 0u) << jobs << " jobs, " << n << " items";
      EXPECT_EQ(log.lastBeforeAllSerial, 0u) << jobs << " jobs, " << n << " items";
      EXPECT_EQ(log.stage, std::vector<int>(n, 3)) << jobs << " jobs, " << n << " items";
      std::vector<size_t> inOrder(n);
      for (size_t i = 0; i < n; ++i)
        inOrder[i] = i;
      EXPECT_EQ(log.serials, inOrder) << jobs << " jobs, " << n << " items";
    }
}

} // namespace
} // namespace salesc::frontend
