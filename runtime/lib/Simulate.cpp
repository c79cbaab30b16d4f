//===- Simulate.cpp - Monte Carlo simulation of prospects through a process ===//
//
// The process is compiled into flat arrays (one Node per state, the alias
// columns of every stage back to back) so the inner loop does no allocation,
// no virtual call and no hashing. Prospects are cut into fixed blocks; a thread
// runs a contiguous range of blocks, and the per-block figures are merged in
// block order, which makes the result independent of the thread count.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Simulate.h"

#include "salesc/runtime/Holding.h"
#include "salesc/runtime/Random.h"
#include "salesc/runtime/Verify.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>

namespace salesc::rt {
namespace {

/// More threads than this only cost memory and start-up: the count asked for is capped.
constexpr uint64_t MaxThreads = 256;
constexpr uint64_t BlockSize = 4096; ///< prospects per block: the unit of work and of merging
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

llvm::Error fail(std::string message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// One state, compiled. Invariant: `count` is 0 exactly for outcomes; for a
/// stage, columns[first .. first + count) is its alias table.
struct Node {
  HoldingSampler time;
  uint32_t first = 0;
  uint32_t count = 0;
  bool won = false;
};

/// The chains of the process's segments (or its own chain) back to back: segment g's
/// state i is node g x states + i. Invariant: starts has one entry per segment (one
/// without segments); shares draws a segment, and is empty without segments.
struct Compiled {
  std::vector<Node> nodes;
  std::vector<AliasColumn> columns;
  std::vector<uint32_t> starts;
  std::vector<AliasColumn> shares;
};

/// Appends the chain of `p` (a process without segments) to `c`.
void compileChain(const Process& p, Compiled& c) {
  const size_t n = p.states.size();
  const uint32_t offset = static_cast<uint32_t>(c.nodes.size());
  std::vector<std::vector<double>> weights(n);
  std::vector<std::vector<uint32_t>> targets(n);
  for (const Transition& t : p.transitions) {
    weights[t.from].push_back(t.probability);
    targets[t.from].push_back(t.to);
  }
  c.starts.push_back(offset + p.start);
  c.nodes.resize(offset + n);
  for (uint32_t i = 0; i < n; ++i) {
    const State& s = p.states[i];
    Node& node = c.nodes[offset + i];
    node.won = s.kind == StateKind::Won;
    if (s.isOutcome())
      continue;
    node.time = HoldingSampler(s);
    AliasTable table(weights[i]);
    node.first = static_cast<uint32_t>(c.columns.size());
    node.count = static_cast<uint32_t>(table.columns().size());
    for (AliasColumn col : table.columns()) {
      col.primary = offset + targets[i][col.primary];
      col.alias = offset + targets[i][col.alias];
      c.columns.push_back(col);
    }
  }
}

llvm::Expected<Compiled> compile(const Process& p) {
  if (p.states.empty())
    return fail("the process has no states");
  if (llvm::Error err = verify(p))
    return err;
  Compiled c;
  if (p.segments.empty()) {
    compileChain(p, c);
    return c;
  }
  std::vector<double> shares;
  for (const Segment& g : p.segments) {
    compileChain(g.process, c);
    shares.push_back(g.share);
  }
  c.shares = AliasTable(shares).columns();
  return c;
}

/// Count, mean and sum of squared deviations of a sample (Welford), mergeable
/// (Chan et al.). Merging in a fixed order gives a fixed result.
struct Moments {
  uint64_t count = 0;
  double mean = 0;
  double m2 = 0;

  void add(double x) {
    ++count;
    const double d = x - mean;
    mean += d / static_cast<double>(count);
    m2 += d * (x - mean);
  }
  void merge(const Moments& o) {
    if (o.count == 0)
      return;
    const double n = static_cast<double>(count + o.count);
    const double d = o.mean - mean;
    mean += d * static_cast<double>(o.count) / n;
    m2 += o.m2 + d * d * static_cast<double>(count) * static_cast<double>(o.count) / n;
    count += o.count;
  }
};

/// What one thread accumulates over its range of blocks.
struct Partial {
  std::vector<double> winDays;         ///< in prospect order
  std::vector<uint64_t> outcomeCounts; ///< per node: per segment and state
  uint64_t transitions = 0;
  uint64_t unfinished = 0;
};

/// Runs the prospects of blocks [firstBlock, lastBlock) into `out`; `close` gets one
/// Moments per block, at the block's index.
void runBlocks(const Compiled& c, const SimulationOptions& o, uint64_t firstBlock,
               uint64_t lastBlock, Partial& out, std::vector<Moments>& close,
               const std::function<void(uint64_t)>& blockDone) {
  const Node* nodes = c.nodes.data();
  const AliasColumn* columns = c.columns.data();
  const uint64_t maxSteps = o.maxSteps;
  out.outcomeCounts.assign(c.nodes.size(), 0);
  for (uint64_t b = firstBlock; b < lastBlock; ++b) {
    const uint64_t begin = b * BlockSize, end = std::min(o.prospects, begin + BlockSize);
    Moments m;
    uint64_t transitions = 0;
    // One stream per block: blocks are the fixed unit of work, so prospect i draws the
    // same numbers whatever the thread count, without seeding a generator per prospect.
    Xoshiro256 rng(streamSeed(o.seed, b));
    for (uint64_t i = begin; i < end; ++i) {
      // The prospect's segment, by the shares: one draw, made only when there are segments.
      uint32_t s = c.shares.empty()
                       ? c.starts[0]
                       : c.starts[drawAlias(c.shares.data(), static_cast<uint32_t>(c.shares.size()),
                                            rng.next())];
      double days = 0;
      uint64_t steps = 0;
      while (nodes[s].count != 0 && steps < maxSteps) {
        const Node& node = nodes[s];
        days += node.time.sample(rng);
        s = drawAlias(columns + node.first, node.count, rng.next());
        ++steps;
      }
      transitions += steps;
      if (nodes[s].count != 0) {
        ++out.unfinished;
        continue;
      }
      ++out.outcomeCounts[s];
      m.add(days);
      if (nodes[s].won)
        out.winDays.push_back(days);
    }
    out.transitions += transitions;
    close[b] = m;
    blockDone(end - begin);
  }
}

/// The q-quantile of `x` (non-empty) with linear interpolation; reorders `x`.
double quantile(std::vector<double>& x, double q) {
  const double h = static_cast<double>(x.size() - 1) * q;
  const size_t lo = static_cast<size_t>(std::floor(h));
  std::nth_element(x.begin(), x.begin() + lo, x.end());
  const double low = x[lo];
  if (lo + 1 >= x.size())
    return low;
  const double high = *std::min_element(x.begin() + lo + 1, x.end());
  return low + (h - static_cast<double>(lo)) * (high - low);
}

Summary summarize(std::vector<double>& x) {
  Summary s;
  s.count = x.size();
  if (x.empty()) {
    s.mean = s.stddev = s.p10 = s.p50 = s.p90 = NaN;
    return s;
  }
  double sum = 0;
  for (double v : x)
    sum += v;
  s.mean = sum / static_cast<double>(x.size());
  double squares = 0;
  for (double v : x)
    squares += (v - s.mean) * (v - s.mean);
  s.stddev = x.size() > 1 ? std::sqrt(squares / static_cast<double>(x.size() - 1)) : 0.0;
  s.p10 = quantile(x, 0.1);
  s.p50 = quantile(x, 0.5);
  s.p90 = quantile(x, 0.9);
  return s;
}

} // namespace

double Summary::standardError() const {
  return count == 0 ? NaN : stddev / std::sqrt(static_cast<double>(count));
}

std::pair<double, double> wilsonInterval(uint64_t successes, uint64_t trials) {
  constexpr double Z = 1.959963984540054; // the 97.5th percentile of the standard normal
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = Z * Z;
  const double denominator = 1 + z2 / n;
  const double center = (p + z2 / (2 * n)) / denominator;
  const double half = Z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
  return {successes == 0 ? 0.0 : std::max(0.0, center - half),
          successes == trials ? 1.0 : std::min(1.0, center + half)};
}

/// Runs the blocks on `threads` threads, each a contiguous range, reporting progress
/// from this thread every 100 ms.
void runInParallel(const Compiled& c, const SimulationOptions& options, uint64_t blocks,
                   unsigned threads, std::vector<Partial>& partials, std::vector<Moments>& close) {
  const double total = static_cast<double>(options.prospects);
  auto range = [&](unsigned t) {
    return std::make_pair(blocks * t / threads, blocks * (t + 1) / threads);
  };
  std::atomic<uint64_t> done{0};
  std::mutex mutex;
  std::condition_variable finishedCv;
  unsigned finished = 0;
  std::function<void(uint64_t)> blockDone = [&](uint64_t n) {
    done.fetch_add(n, std::memory_order_relaxed);
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      auto [first, last] = range(t);
      runBlocks(c, options, first, last, partials[t], close, blockDone);
      std::lock_guard<std::mutex> lock(mutex);
      ++finished;
      finishedCv.notify_one();
    });
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (finished < threads) {
      finishedCv.wait_for(lock, std::chrono::milliseconds(100));
      if (options.progress && finished < threads) {
        lock.unlock();
        options.progress(static_cast<double>(done.load(std::memory_order_relaxed)) / total);
        lock.lock();
      }
    }
  }
  for (std::thread& w : workers)
    w.join();
}

/// The figures of all prospects, from the threads' partial results in block order.
SimulationResult merge(const Process& p, const SimulationOptions& options,
                       std::vector<Partial>& partials, const std::vector<Moments>& close) {
  const double total = static_cast<double>(options.prospects);
  const size_t n = p.states.size();
  SimulationResult r;
  r.prospects = options.prospects;
  r.outcomeCounts.assign(n, 0);
  std::vector<uint64_t> nodeCounts(partials.empty() ? 0 : partials[0].outcomeCounts.size(), 0);
  size_t winners = 0;
  for (const Partial& part : partials)
    winners += part.winDays.size();
  std::vector<double> winDays;
  winDays.reserve(winners);
  for (Partial& part : partials) {
    winDays.insert(winDays.end(), part.winDays.begin(), part.winDays.end());
    part.winDays = {};
    for (size_t s = 0; s < part.outcomeCounts.size(); ++s)
      nodeCounts[s] += part.outcomeCounts[s];
    r.transitions += part.transitions;
    r.unfinished += part.unfinished;
  }
  // Per segment (or the process): its prospects, wins and what the wins are worth. The
  // counts are whole numbers, so the revenue does not depend on the thread count.
  const std::vector<const Process*> chains = [&] {
    std::vector<const Process*> out;
    for (const Segment& g : p.segments)
      out.push_back(&g.process);
    if (out.empty())
      out.push_back(&p);
    return out;
  }();
  bool values = true;
  double revenue = 0;
  for (size_t g = 0; g < chains.size() && (g + 1) * n <= nodeCounts.size(); ++g) {
    SimulatedSegment seg;
    seg.name = p.segments.empty() ? "" : p.segments[g].name;
    for (uint32_t s = 0; s < n; ++s) {
      const uint64_t count = nodeCounts[g * n + s];
      r.outcomeCounts[s] += count;
      seg.finished += count;
      if (chains[g]->states[s].kind != StateKind::Won || count == 0)
        continue;
      seg.wins += count;
      if (std::optional<double> v = chains[g]->winValue(s))
        revenue += static_cast<double>(count) * *v;
      else
        values = false;
    }
    if (!p.segments.empty())
      r.segments.push_back(seg);
  }
  if (values)
    r.revenue = revenue;
  r.wins = winDays.size();
  r.winRate = static_cast<double>(r.wins) / total;
  std::tie(r.winRateLow, r.winRateHigh) = wilsonInterval(r.wins, r.prospects);
  r.daysToWin = summarize(winDays);
  if (options.keepWinDays)
    r.winDays = std::move(winDays);

  Moments all;
  for (const Moments& m : close)
    all.merge(m);
  r.daysToClose.count = all.count;
  r.daysToClose.mean = all.count ? all.mean : NaN;
  r.daysToClose.stddev = all.count > 1 ? std::sqrt(all.m2 / static_cast<double>(all.count - 1))
                         : all.count   ? 0
                                       : NaN;
  r.daysToClose.p10 = r.daysToClose.p50 = r.daysToClose.p90 = NaN;
  return r;
}

llvm::Expected<SimulationResult> simulate(const Process& p, const SimulationOptions& options) {
  if (options.prospects == 0)
    return fail("the number of prospects to simulate is 0; expected at least 1");
  llvm::Expected<Compiled> compiled = compile(p);
  if (!compiled)
    return compiled.takeError();
  const Compiled& c = *compiled;

  const uint64_t blocks = (options.prospects + BlockSize - 1) / BlockSize;
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = static_cast<unsigned>(std::clamp<uint64_t>(threads, 1, std::min(blocks, MaxThreads)));
  std::vector<Partial> partials(threads);
  std::vector<Moments> close(blocks);

  using Clock = std::chrono::steady_clock;
  const double total = static_cast<double>(options.prospects);
  if (threads == 1) {
    uint64_t done = 0;
    Clock::time_point last = Clock::now();
    std::function<void(uint64_t)> blockDone = [&](uint64_t n) {
      done += n;
      if (options.progress && Clock::now() - last > std::chrono::milliseconds(100)) {
        last = Clock::now();
        options.progress(static_cast<double>(done) / total);
      }
    };
    runBlocks(c, options, 0, blocks, partials[0], close, blockDone);
  } else {
    runInParallel(c, options, blocks, threads, partials, close);
  }
  if (options.progress)
    options.progress(1.0);

  return merge(p, options, partials, close);
}

} // namespace salesc::rt
