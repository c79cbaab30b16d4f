//===- Random.h - Generators and samplers for the Monte Carlo simulation --===//
//
// xoshiro256** seeded through splitmix64, one independent stream per block of
// prospects (streamSeed) so results do not depend on how prospects are spread over
// threads; Vose alias tables for O(1) draws of the next state; triangular
// holding times by inverse CDF. Header-only so the simulation's inner loop
// inlines every call.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_RANDOM_H
#define SALESC_RUNTIME_RANDOM_H

#include "llvm/ADT/ArrayRef.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace salesc::rt {

/// The splitmix64 finalizer: a bijection of 64-bit integers that mixes every
/// input bit into every output bit.
inline uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// One step of splitmix64: advances `state` and returns the next output.
inline uint64_t splitmix64(uint64_t& state) {
  state += 0x9E3779B97F4A7C15ull;
  return mix64(state);
}

/// The seed of stream `stream` (block b of the simulation uses stream b) under the run seed
/// `seed`. For a fixed `seed`, distinct streams get distinct seeds (the map is
/// a bijection of `stream`).
inline uint64_t streamSeed(uint64_t seed, uint64_t stream) {
  return mix64(mix64(seed) + stream * 0x9E3779B97F4A7C15ull);
}

/// xoshiro256** 1.0 (Blackman and Vigna). Invariant: the state is never all
/// zero (splitmix64 cannot produce four zero outputs in a row).
class Xoshiro256 {
public:
  explicit Xoshiro256(uint64_t seed) {
    for (uint64_t& w : s)
      w = splitmix64(seed);
  }

  /// A generator with the given state (not all zero), for reference tests.
  static Xoshiro256 fromState(uint64_t s0, uint64_t s1, uint64_t s2, uint64_t s3) {
    Xoshiro256 g(0);
    g.s[0] = s0, g.s[1] = s1, g.s[2] = s2, g.s[3] = s3;
    return g;
  }

  uint64_t next() {
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }

  /// Uniform in [0, 1), with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s[4];
};

/// One column of an alias table: with probability threshold / 2^32 the draw is
/// `primary`, otherwise `alias`. Invariant: threshold <= 2^32.
struct AliasColumn {
  uint64_t threshold = 0;
  uint32_t primary = 0;
  uint32_t alias = 0;
};

/// Draws a column of `columns` (non-empty) and resolves it, from one 64-bit
/// random word: the high 32 bits pick the column, the low 32 bits toss its coin.
inline uint32_t drawAlias(const AliasColumn* columns, uint32_t count, uint64_t random) {
  const AliasColumn& c = columns[((random >> 32) * count) >> 32];
  return (random & 0xFFFFFFFFull) < c.threshold ? c.primary : c.alias;
}

/// A discrete distribution over outcomes 0..n-1 sampled in O(1) (Vose's alias
/// method). Invariant: one column per outcome; outcome i is drawn with
/// probability weights[i] / sum(weights), to within 2^-32 per column.
class AliasTable {
public:
  /// `weights` must be non-negative with a positive sum; they are normalized.
  explicit AliasTable(llvm::ArrayRef<double> weights);

  uint32_t sample(Xoshiro256& rng) const {
    return drawAlias(columns_.data(), static_cast<uint32_t>(columns_.size()), rng.next());
  }
  const std::vector<AliasColumn>& columns() const { return columns_; }

private:
  std::vector<AliasColumn> columns_;
};

inline AliasTable::AliasTable(llvm::ArrayRef<double> weights) {
  const size_t n = weights.size();
  double sum = 0;
  for (double w : weights)
    sum += w;
  std::vector<double> scaled(n);
  std::vector<uint32_t> small, large;
  for (size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] / sum * static_cast<double>(n);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<uint32_t>(i));
  }
  columns_.resize(n);
  constexpr double Scale = 4294967296.0; // 2^32
  auto threshold = [&](double p) {
    return static_cast<uint64_t>(std::llround(std::fmin(p, 1.0) * Scale));
  };
  while (!small.empty() && !large.empty()) {
    const uint32_t s = small.back(), l = large.back();
    small.pop_back();
    columns_[s] = AliasColumn{threshold(scaled[s]), s, l};
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // What is left has probability 1 up to rounding: always draw it.
  for (uint32_t i : large)
    columns_[i] = AliasColumn{1ull << 32, i, i};
  for (uint32_t i : small)
    columns_[i] = AliasColumn{1ull << 32, i, i};
}

/// triangular(min, mode, max) prepared for inverse-CDF sampling. Invariant:
/// min <= mode <= max; a fixed value (min == max) is returned as is.
struct Triangular {
  double min = 0, max = 0;
  double modeCdf = 0;   ///< F(mode) = (mode - min) / (max - min)
  double lowScale = 0;  ///< (max - min) * (mode - min)
  double highScale = 0; ///< (max - min) * (max - mode)

  Triangular() = default;
  Triangular(double min, double mode, double max)
      : min(min), max(max), modeCdf(max > min ? (mode - min) / (max - min) : 0),
        lowScale((max - min) * (mode - min)), highScale((max - min) * (max - mode)) {}

  bool fixed() const { return max <= min; }

  /// The value at cumulative probability `u` in [0, 1).
  double quantile(double u) const {
    if (fixed())
      return min;
    return u < modeCdf ? min + std::sqrt(u * lowScale) : max - std::sqrt((1 - u) * highScale);
  }
  double sample(Xoshiro256& rng) const { return fixed() ? min : quantile(rng.uniform()); }
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_RANDOM_H
