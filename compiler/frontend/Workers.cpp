//===- Workers.cpp - Running independent pieces of work on several threads ===//
#include "Workers.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace salesc::frontend {

unsigned defaultJobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

void forEachIndex(size_t n, unsigned jobs, llvm::function_ref<void(size_t)> work) {
  if (jobs <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i)
      work(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++)
      work(i);
  };
  std::vector<std::thread> threads;
  size_t extra = std::min<size_t>(jobs, n) - 1;
  threads.reserve(extra);
  for (size_t t = 0; t < extra; ++t)
    threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads)
    t.join();
}

} // namespace salesc::frontend
