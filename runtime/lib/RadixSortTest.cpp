//===- RadixSortTest.cpp - The radix sort of times gives std::sort's order -===//
#include "RadixSort.h"

#include "salesc/runtime/Random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace salesc::rt {
namespace {

std::vector<double> sortedCopy(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// Times as conform measures them: fractional days from minutes to years, many ties
// (whole days), zeros, and values that differ only in their lowest bits.
TEST(RadixSortTest, GivesTheOrderOfStdSort) {
  Xoshiro256 rng(streamSeed(7, 0));
  for (size_t n : {size_t(0), size_t(1), size_t(2047), size_t(2048), size_t(100000)}) {
    std::vector<double> v;
    for (size_t i = 0; i < n; ++i) {
      const double u = rng.uniform();
      switch (i % 5) {
      case 0:
        v.push_back(std::floor(u * 60)); // whole days: ties
        break;
      case 1:
        v.push_back(u * u * 400); // fractional days
        break;
      case 2:
        v.push_back(0.0);
        break;
      case 3:
        v.push_back(std::nextafter(1.0, 2.0) + u * 1e-12); // the lowest bits differ
        break;
      default:
        v.push_back(u * 1e6);
      }
    }
    const std::vector<double> expected = sortedCopy(v);
    sortTimes(v);
    ASSERT_EQ(v.size(), expected.size());
    for (size_t i = 0; i < v.size(); ++i)
      ASSERT_EQ(std::memcmp(&v[i], &expected[i], sizeof(double)), 0) << n << " " << i;
  }
}

// Values whose bits do not order as numbers (a negative time, -0) take std::sort.
TEST(RadixSortTest, NegativeValuesAndMinusZeroStillSort) {
  std::vector<double> v(5000);
  for (size_t i = 0; i < v.size(); ++i)
    v[i] = static_cast<double>((i * 7919) % 5000);
  v[10] = -3.5;
  v[20] = -0.0;
  v[30] = std::numeric_limits<double>::infinity();
  const std::vector<double> expected = sortedCopy(v);
  sortTimes(v);
  EXPECT_EQ(v, expected);
  EXPECT_EQ(v.front(), -3.5);
  EXPECT_TRUE(std::isinf(v.back()));
}

} // namespace
} // namespace salesc::rt
