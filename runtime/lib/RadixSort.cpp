//===- RadixSort.cpp - Sorting the many times in stage conform measures ----===//
#include "RadixSort.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace salesc::rt {
namespace {

constexpr unsigned DigitBits = 11;
constexpr unsigned Passes = (64 + DigitBits - 1) / DigitBits; // 6
constexpr uint64_t DigitMask = (uint64_t(1) << DigitBits) - 1;
/// Below this, std::sort is as fast as the passes' histograms.
constexpr size_t RadixFrom = 2048;

uint64_t bitsOf(double d) {
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

} // namespace

void sortTimes(std::vector<double>& v) {
  const size_t n = v.size();
  if (n < RadixFrom) {
    std::sort(v.begin(), v.end());
    return;
  }
  // One pass for every digit's histogram, and the check that the bit order is the order.
  std::vector<std::array<uint32_t, DigitMask + 1>> count(Passes);
  for (auto& c : count)
    c.fill(0);
  constexpr uint64_t Sign = uint64_t(1) << 63;
  constexpr uint64_t Infinity = 0x7ff0000000000000ULL;
  for (double d : v) {
    const uint64_t u = bitsOf(d);
    if ((u & Sign) || u > Infinity) { // negative, -0 or NaN
      std::sort(v.begin(), v.end());
      return;
    }
    for (unsigned p = 0; p < Passes; ++p)
      ++count[p][(u >> (p * DigitBits)) & DigitMask];
  }
  std::vector<uint64_t> from(n), to(n);
  for (size_t i = 0; i < n; ++i)
    from[i] = bitsOf(v[i]);
  for (unsigned p = 0; p < Passes; ++p) {
    auto& c = count[p];
    if (std::any_of(c.begin(), c.end(), [n](uint32_t k) { return k == n; }))
      continue; // every value has the same digit here
    uint32_t sum = 0;
    for (uint32_t& k : c) { // counts to starting offsets
      const uint32_t here = k;
      k = sum;
      sum += here;
    }
    const unsigned shift = p * DigitBits;
    for (uint64_t u : from)
      to[c[(u >> shift) & DigitMask]++] = u;
    from.swap(to);
  }
  for (size_t i = 0; i < n; ++i)
    std::memcpy(&v[i], &from[i], sizeof(double));
}

} // namespace salesc::rt
