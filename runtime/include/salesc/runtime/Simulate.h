//===- Simulate.h - Monte Carlo simulation of prospects through a process -===//
//
// Each prospect starts at the process's start stage, spends a holding time drawn
// from triangular(min, typical, max) in every stage it visits (zero for a stage
// without a time) and moves to the next state drawn from the stage's transition
// probabilities, until it reaches an outcome. Prospects run in fixed blocks of
// 4096; block b draws from its own random stream, streamSeed(seed, b), prospect by
// prospect, and every sum is taken in prospect order, so the same seed gives
// bit-identical results whatever the thread count. With segments, each prospect first
// draws its segment by the shares (one more draw from its block's stream) and then runs
// through that segment's process.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_SIMULATE_H
#define SALESC_RUNTIME_SIMULATE_H

#include "salesc/runtime/Model.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

struct SimulationOptions {
  uint64_t prospects = 0; ///< at least 1
  uint64_t seed = 1;
  unsigned threads = 1;      ///< 0: one per hardware thread; at most 256 are started
  uint64_t maxSteps = 10000; ///< per prospect: a prospect still in a stage after
                             ///< this many transitions stops there, unfinished
  /// Called now and then with the fraction done (0..1), always from the calling
  /// thread, and with 1 at the end. Optional.
  std::function<void(double)> progress;
  /// Keep the days to win of every winning prospect in SimulationResult::winDays (for a
  /// histogram: salesc report's time-to-win chart).
  bool keepWinDays = false;
};

/// A distribution summarized. Invariant: when count is 0 every figure is NaN;
/// otherwise p10 <= p50 <= p90. Percentiles interpolate linearly between order
/// statistics (numpy's default): P_q = x[floor(h)] + frac(h) * (x[floor(h)+1] - x[floor(h)]),
/// h = (count - 1) * q, over the sorted sample x.
struct Summary {
  uint64_t count = 0;
  double mean = 0;
  double stddev = 0; ///< sample standard deviation (n - 1); 0 when count is 1
  double p10 = 0, p50 = 0, p90 = 0;

  /// Standard error of the mean: stddev / sqrt(count).
  double standardError() const;
};

/// The prospects of one segment that reached an outcome, and its wins.
struct SimulatedSegment {
  std::string name;
  uint64_t finished = 0;
  uint64_t wins = 0;
};

/// What a simulation found. Invariant: wins + lost + unfinished == prospects,
/// where lost is the sum of outcomeCounts over Lost states, and wins the sum
/// over Won states.
struct SimulationResult {
  uint64_t prospects = 0;
  uint64_t wins = 0;
  uint64_t unfinished = 0; ///< stopped by maxSteps
  double winRate = 0;      ///< wins / prospects
  double winRateLow = 0;   ///< 95% Wilson score interval around winRate
  double winRateHigh = 0;
  Summary daysToWin;        ///< over the prospects that won: the sum of their holding times
  Summary daysToClose;      ///< over the prospects that reached any outcome; no percentiles
                            ///< (p10, p50 and p90 are NaN)
  uint64_t transitions = 0; ///< transitions taken by all prospects, for throughput
  /// Prospects that ended in each state, indexed like Process::states (0 for stages).
  std::vector<uint64_t> outcomeCounts;
  /// What the simulated wins are worth: the sum over wins of the value of a win there
  /// (Process::winValue, the segment's); nullopt when some win has no value.
  std::optional<double> revenue;
  /// Per segment, in the order of Process::segments; empty without segments.
  std::vector<SimulatedSegment> segments;
  /// With SimulationOptions::keepWinDays: the days to win of each prospect that won (as many
  /// as `wins`), in no particular order; empty otherwise.
  std::vector<double> winDays;
};

/// The 95% Wilson score interval for `successes` out of `trials` (trials > 0).
std::pair<double, double> wilsonInterval(uint64_t successes, uint64_t trials);

/// Simulates `options.prospects` prospects through `p`. Fails when the process
/// has no states, when a transition is out of range or leaves an outcome, when
/// a stage has no transition or probabilities that do not add up to 1 (within
/// 1e-9), when a stage's time breaks 0 <= min <= typical <= max, or when
/// `options.prospects` is 0.
llvm::Expected<SimulationResult> simulate(const Process& p, const SimulationOptions& options);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_SIMULATE_H
