//===- RandomTest.cpp - Tests of the generators and samplers --------------===//
#include "salesc/runtime/Random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace salesc::rt {
namespace {

TEST(RandomTest, SplitMix64MatchesTheReferenceSequence) {
  // The reference implementation (Vigna, splitmix64.c) seeded with 0 and with 1234567.
  uint64_t state = 0;
  EXPECT_EQ(splitmix64(state), 0xE220A8397B1DCDAFull);
  EXPECT_EQ(splitmix64(state), 0x6E789E6AA1B965F4ull);
  state = 1234567;
  EXPECT_EQ(splitmix64(state), 6457827717110365317ull);
  EXPECT_EQ(splitmix64(state), 3203168211198807973ull);
  EXPECT_EQ(splitmix64(state), 9817491932198370423ull);
}

TEST(RandomTest, Xoshiro256StarStarMatchesTheReferenceSequence) {
  // xoshiro256starstar.c from the state {1, 2, 3, 4}: the first output is
  // rotl(2 * 5, 7) * 9 = 1280 * 9 = 11520.
  Xoshiro256 g = Xoshiro256::fromState(1, 2, 3, 4);
  EXPECT_EQ(g.next(), 11520u);
  EXPECT_EQ(g.next(), 0u);
  EXPECT_EQ(g.next(), 1509978240u);
  EXPECT_EQ(g.next(), 1215971899390074240ull);
  EXPECT_EQ(g.next(), 1216172134540287360ull);
}

TEST(RandomTest, StreamsAreDistinctAndDependOnTheSeed) {
  std::set<uint64_t> seeds;
  for (uint64_t i = 0; i < 10000; ++i)
    seeds.insert(streamSeed(1, i));
  EXPECT_EQ(seeds.size(), 10000u);
  EXPECT_NE(streamSeed(1, 0), streamSeed(2, 0));
  EXPECT_EQ(streamSeed(7, 42), streamSeed(7, 42));
}

TEST(RandomTest, UniformIsInTheUnitIntervalWithMeanOneHalf) {
  // Uniform(0, 1) has variance 1/12; the mean of n draws has SE sqrt(1/(12 n)).
  Xoshiro256 g(99);
  const int n = 1000000;
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    const double u = g.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 4 * std::sqrt(1.0 / (12.0 * n)));
}

TEST(RandomTest, AliasTableDrawsEachOutcomeWithItsProbability) {
  // A share p over n draws has SE sqrt(p (1 - p) / n); a zero weight is never drawn.
  const std::vector<double> weights = {0.5, 0.3, 0.15, 0.05, 0.0};
  AliasTable table(weights);
  ASSERT_EQ(table.columns().size(), 5u);
  Xoshiro256 g(2024);
  const int n = 1000000;
  std::vector<int> counts(weights.size(), 0);
  for (int i = 0; i < n; ++i)
    ++counts[table.sample(g)];
  for (size_t k = 0; k < weights.size(); ++k) {
    const double p = weights[k];
    EXPECT_NEAR(counts[k] / double(n), p, 4 * std::sqrt(p * (1 - p) / n) + 1e-12) << k;
  }
  EXPECT_EQ(counts[4], 0);
}

TEST(RandomTest, AliasTableNormalizesWeights) {
  // Weights 2, 1, 1 are the probabilities 0.5, 0.25, 0.25.
  AliasTable table(std::vector<double>{2, 1, 1});
  Xoshiro256 g(5);
  const int n = 400000;
  std::vector<int> counts(3, 0);
  for (int i = 0; i < n; ++i)
    ++counts[table.sample(g)];
  EXPECT_NEAR(counts[0] / double(n), 0.5, 4 * std::sqrt(0.25 / n));
  EXPECT_NEAR(counts[1] / double(n), 0.25, 4 * std::sqrt(0.1875 / n));
}

TEST(RandomTest, AliasTableOfEqualWeightsNeedsNoAlias) {
  // Two halves: each column holds exactly its own outcome (threshold 2^32).
  AliasTable table(std::vector<double>{0.5, 0.5});
  for (const AliasColumn& c : table.columns())
    EXPECT_EQ(c.threshold, 1ull << 32);
  EXPECT_EQ(table.columns()[0].primary, 0u);
  EXPECT_EQ(table.columns()[1].primary, 1u);
  // A single outcome is always drawn.
  AliasTable one(std::vector<double>{1.0});
  Xoshiro256 g(1);
  for (int i = 0; i < 1000; ++i)
    ASSERT_EQ(one.sample(g), 0u);
}

TEST(RandomTest, TriangularQuantilesAreTheInverseCdf) {
  // triangular(1, 2, 3) is symmetric: F(2) = 0.5, so the median is 2.
  Triangular sym(1, 2, 3);
  EXPECT_EQ(sym.quantile(0.0), 1.0);
  EXPECT_DOUBLE_EQ(sym.quantile(0.5), 2.0);
  // Below the mode F(x) = (x - a)^2 / ((b - a)(c - a)): F(1.5) = 0.25 / 2 = 0.125.
  EXPECT_DOUBLE_EQ(sym.quantile(0.125), 1.5);
  // triangular(0, 0, 10): F(x) = 1 - (10 - x)^2 / 100, median 10 - sqrt(50).
  Triangular left(0, 0, 10);
  EXPECT_DOUBLE_EQ(left.quantile(0.5), 10 - std::sqrt(50.0));
  // triangular(0, 10, 10): F(x) = x^2 / 100, median sqrt(50).
  Triangular right(0, 10, 10);
  EXPECT_DOUBLE_EQ(right.quantile(0.5), std::sqrt(50.0));
  // triangular(2, 4, 9): F(4) = 2 / 7.
  Triangular skew(2, 4, 9);
  EXPECT_DOUBLE_EQ(skew.quantile(2.0 / 7), 4.0);
}

TEST(RandomTest, FixedTriangularReturnsItsValueWithoutDrawing) {
  Triangular fixed(5, 5, 5);
  EXPECT_TRUE(fixed.fixed());
  Xoshiro256 a(3), b(3);
  EXPECT_EQ(fixed.sample(a), 5.0);
  EXPECT_EQ(fixed.quantile(0.99), 5.0);
  EXPECT_EQ(a.next(), b.next()); // nothing was drawn
}

/// The sample mean of triangular(a, c, b) against (a + b + c) / 3 within 4 SE,
/// the SE from the sample's own standard deviation.
void expectTriangularMean(double a, double c, double b, uint64_t seed) {
  Triangular t(a, c, b);
  Xoshiro256 g(seed);
  const int n = 400000;
  double sum = 0, squares = 0;
  for (int i = 0; i < n; ++i) {
    const double x = t.sample(g);
    ASSERT_GE(x, a);
    ASSERT_LE(x, b);
    sum += x;
    squares += x * x;
  }
  const double mean = sum / n;
  const double sd = std::sqrt((squares - n * mean * mean) / (n - 1));
  EXPECT_NEAR(mean, (a + b + c) / 3, 4 * sd / std::sqrt(double(n))) << a << " " << c << " " << b;
  // The variance is (a^2 + b^2 + c^2 - ab - ac - bc) / 18.
  const double variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  EXPECT_NEAR(sd * sd, variance, 0.02 * variance) << a << " " << c << " " << b;
}

TEST(RandomTest, TriangularMeanIsTheAverageOfItsThreePoints) {
  expectTriangularMean(1, 2, 3, 11);
  expectTriangularMean(2, 4, 9, 12);
  expectTriangularMean(0, 0, 10, 13);
  expectTriangularMean(0, 10, 10, 14);
  expectTriangularMean(7, 14, 21, 15);
}

} // namespace
} // namespace salesc::rt
