//===- Workers.cpp - Running independent pieces of work on several threads ===//
#include "Workers.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace salesc::frontend {

unsigned defaultJobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

void runPipeline(size_t n, unsigned jobs, llvm::function_ref<void(size_t)> first,
                 llvm::function_ref<bool(size_t)> serial, llvm::function_ref<void(size_t)> last) {
  std::vector<size_t> deferred; // serial(i) returned false
  if (jobs <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) {
      first(i);
      if (serial(i))
        last(i);
      else
        deferred.push_back(i);
    }
    for (size_t i : deferred)
      last(i);
    return;
  }
  // Everything below is guarded by `m`; `changed` is signalled when first() has
  // returned for an item, when an item is ready for last(), and when serial() is done.
  std::mutex m;
  std::condition_variable changed;
  size_t nextFirst = 0;           // first() has been started for every item before it
  std::vector<char> firstDone(n); // first(i) has returned
  std::deque<size_t> ready;       // items whose last() may start
  bool serialDone = false;        // serial() has returned for every item
  auto runFirst = [&](std::unique_lock<std::mutex>& lock, size_t i) {
    lock.unlock();
    first(i);
    lock.lock();
    firstDone[i] = 1;
    changed.notify_all();
  };
  // Runs one piece of work other than serial(), if any is left to start: last() before
  // first(), so that finished items do not pile up. Holds `lock` on entry and exit.
  auto step = [&](std::unique_lock<std::mutex>& lock) {
    if (!ready.empty()) {
      size_t i = ready.front();
      ready.pop_front();
      lock.unlock();
      last(i);
      lock.lock();
      return true;
    }
    if (nextFirst < n) {
      runFirst(lock, nextFirst++);
      return true;
    }
    return false;
  };
  auto worker = [&] {
    std::unique_lock<std::mutex> lock(m);
    while (step(lock) || !serialDone)
      if (!serialDone && ready.empty() && nextFirst == n)
        changed.wait(lock);
  };
  auto caller = [&] {
    std::unique_lock<std::mutex> lock(m);
    for (size_t i = 0; i < n; ++i) {
      // Waiting for item i: the calling thread helps rather than waits.
      while (!firstDone[i]) {
        if (nextFirst == i)
          runFirst(lock, nextFirst++);
        else if (!step(lock))
          changed.wait(lock);
      }
      lock.unlock();
      bool now = serial(i);
      lock.lock();
      if (now) {
        ready.push_back(i);
        changed.notify_all();
      } else {
        deferred.push_back(i);
      }
    }
    ready.insert(ready.end(), deferred.begin(), deferred.end());
    serialDone = true;
    changed.notify_all();
    lock.unlock();
    worker();
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < std::min<size_t>(jobs, n); ++t)
    threads.emplace_back(worker);
  caller();
  for (std::thread& t : threads)
    t.join();
}

} // namespace salesc::frontend
