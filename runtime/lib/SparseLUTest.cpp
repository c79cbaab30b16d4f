//===- SparseLUTest.cpp - Tests of the sparse LU solver and its orders ----===//
#include "salesc/runtime/SparseLU.h"

#include "SparseOrdering.h"

#include "salesc/runtime/Random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace salesc::rt {
namespace {

SquareMatrix toDense(const SparseMatrix& a) {
  SquareMatrix d(a.size());
  for (size_t r = 0; r < a.size(); ++r)
    for (size_t e = 0; e < a.rowColumns(r).size(); ++e)
      d(r, a.rowColumns(r)[e]) = a.rowValues(r)[e];
  return d;
}

/// The transpose of `a`, to check solveTransposed through multiply().
SparseMatrix transposed(const SparseMatrix& a) {
  std::vector<MatrixEntry> entries;
  for (uint32_t r = 0; r < a.size(); ++r)
    for (size_t e = 0; e < a.rowColumns(r).size(); ++e)
      entries.push_back({a.rowColumns(r)[e], r, a.rowValues(r)[e]});
  return SparseMatrix(a.size(), entries);
}

double maxAbs(const std::vector<double>& v) {
  double m = 0;
  for (double x : v)
    m = std::max(m, std::abs(x));
  return m;
}

/// max |a_i - b_i| / max(1, max |b_i|).
double relativeDifference(const std::vector<double>& a, const std::vector<double>& b) {
  double d = 0;
  for (size_t i = 0; i < a.size(); ++i)
    d = std::max(d, std::abs(a[i] - b[i]));
  return d / std::max(1.0, maxAbs(b));
}

/// I - Q for a random absorbing chain of n stages: each stage has about `perRow`
/// transitions to other stages (any of them, so loops back of every length), maybe a
/// self-loop, and 1% to 30% of its prospects leaving to an outcome.
SparseMatrix randomChain(uint32_t n, uint32_t perRow, uint64_t seed) {
  Xoshiro256 rng(seed);
  std::vector<MatrixEntry> entries;
  for (uint32_t i = 0; i < n; ++i) {
    entries.push_back({i, i, 1.0});
    const double leaves = 0.01 + 0.29 * rng.uniform();
    std::vector<uint32_t> to;
    for (uint32_t e = 0; e < perRow && n > 1; ++e)
      to.push_back(static_cast<uint32_t>(rng.next() % n));
    std::vector<double> share;
    double sum = 0;
    for (size_t e = 0; e < to.size(); ++e) {
      share.push_back(0.05 + rng.uniform());
      sum += share.back();
    }
    for (size_t e = 0; e < to.size(); ++e)
      entries.push_back({i, to[e], -(1 - leaves) * share[e] / sum});
  }
  return SparseMatrix(n, entries);
}

/// Whether x solves A x = b as well as a backward stable method can: the residual is
/// within tol (|A| |x| + |b|) in the largest norm.
::testing::AssertionResult solves(const SparseMatrix& a, const std::vector<double>& x,
                                  const std::vector<double>& b, double tol) {
  double normA = 0;
  for (size_t r = 0; r < a.size(); ++r) {
    double row = 0;
    for (double v : a.rowValues(r))
      row += std::abs(v);
    normA = std::max(normA, row);
  }
  const std::vector<double> ax = a.multiply(x);
  double residual = 0;
  for (size_t i = 0; i < b.size(); ++i)
    residual = std::max(residual, std::abs(ax[i] - b[i]));
  const double bound = tol * (normA * maxAbs(x) + maxAbs(b));
  if (residual <= bound)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "residual " << residual << " above " << bound;
}

/// Solves with `a` both ways, sparse and dense, and compares; checks the residuals too.
void agreesWithDenseLU(const SparseMatrix& a, uint64_t seed, double tol) {
  std::optional<SparseLU> sparse = SparseLU::factor(a);
  std::optional<LUFactorization> dense = LUFactorization::factor(toDense(a));
  ASSERT_TRUE(sparse.has_value());
  ASSERT_TRUE(dense.has_value());
  Xoshiro256 rng(seed);
  std::vector<double> b(a.size());
  for (double& x : b)
    x = rng.uniform() * 10 - 2;
  const std::vector<double> x = sparse->solve(b), xt = sparse->solveTransposed(b);
  EXPECT_LE(relativeDifference(x, dense->solve(b)), tol);
  EXPECT_LE(relativeDifference(xt, dense->solveTransposed(b)), tol);
  EXPECT_TRUE(solves(a, x, b, 1e-14));
  EXPECT_TRUE(solves(transposed(a), xt, b, 1e-14));
}

TEST(SparseMatrixTest, AddsUpRepeatedEntriesInOrderAndDropsZeros) {
  // (0,0): 1 - 0.6 = 0.4; (0,1): 0.5 - 0.5 = 0, not stored; (1,0) given before (0,1).
  SparseMatrix a(2, {{1, 0, -2}, {0, 0, 1}, {0, 1, 0.5}, {0, 0, -0.6}, {0, 1, -0.5}, {1, 1, 3}});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a.nonZeros(), 3u);
  EXPECT_EQ(a.rowColumns(0).vec(), (std::vector<uint32_t>{0}));
  EXPECT_EQ(a.rowValues(0).vec(), (std::vector<double>{1.0 - 0.6}));
  EXPECT_EQ(a.rowColumns(1).vec(), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(a.rowValues(1).vec(), (std::vector<double>{-2, 3}));
  EXPECT_EQ(a.multiply({1, 2}), (std::vector<double>{0.4, 4}));
}

TEST(SparseLUTest, RejectsALongLoopTooCloseToCertain) {
  // A 3,000-stage loop taken with probability 1 - 2^-50 (about 1 - 1e-15): the last
  // pivot is about 1e-15, below 3000 x epsilon (7e-13). With 1 - 2^-36 (1.5e-11 to
  // leave) it is factored. (LinearSolveTest has the short loops.)
  for (double leave : {0x1p-50, 0x1p-36}) {
    const uint32_t n = 3000;
    std::vector<MatrixEntry> entries;
    for (uint32_t i = 0; i < n; ++i) {
      entries.push_back({i, i, 1});
      entries.push_back({i, (i + 1) % n, i + 1 < n ? -1.0 : -(1 - leave)});
    }
    EXPECT_EQ(SparseLU::factor(SparseMatrix(n, entries)).has_value(), leave > 0x1p-50);
  }
}

TEST(SparseLUTest, AgreesWithDenseLUOnRandomChains) {
  // Sizes below and above SmallBlock, rows from one entry to half the matrix, so that
  // sparse blocks, dense blocks and blocks that give up on Markowitz are all solved.
  uint64_t seed = 1;
  for (uint32_t n : {1u, 2u, 3u, 7u, 30u, 33u, 100u, 400u})
    for (uint32_t perRow : {0u, 1u, 2u, 4u, n / 2}) {
      SCOPED_TRACE(testing::Message() << "n=" << n << " perRow=" << perRow);
      agreesWithDenseLU(randomChain(n, perRow, seed), seed, 1e-10);
      ++seed;
    }
}

TEST(SparseLUTest, AgreesWithDenseLUOnMatricesThatNeedRowSwaps) {
  // Each row has its large entry (1 to 2, either sign) in a column of a random
  // permutation, a few small ones elsewhere, and its diagonal small or missing: well
  // conditioned, but only row swaps find the pivots.
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    Xoshiro256 rng(seed);
    const uint32_t n = 2 + rng.next() % 80;
    std::vector<uint32_t> column(n);
    for (uint32_t i = 0; i < n; ++i)
      column[i] = i;
    for (uint32_t i = n; i > 1; --i)
      std::swap(column[i - 1], column[rng.next() % i]);
    std::vector<MatrixEntry> entries;
    for (uint32_t i = 0; i < n; ++i) {
      entries.push_back({i, column[i], (1 + rng.uniform()) * (rng.next() % 2 ? 1 : -1)});
      for (int e = 0; e < 3; ++e)
        entries.push_back({i, static_cast<uint32_t>(rng.next() % n), (rng.uniform() - 0.5) / 4});
      if (rng.next() % 4 == 0)
        entries.push_back({i, i, (rng.uniform() - 0.5) * 1e-4});
    }
    SCOPED_TRACE(testing::Message() << "seed=" << seed << " n=" << n);
    agreesWithDenseLU(SparseMatrix(n, entries), seed, 1e-12);
  }
}

/// I - Q of `stages` stages in a row (each sends `forward` to the next), with extra
/// edges i -> to(i) with probability `back` for every i where to(i) is set.
template <typename To> SparseMatrix chainWith(uint32_t stages, double forward, double back, To to) {
  std::vector<MatrixEntry> entries;
  for (uint32_t i = 0; i < stages; ++i) {
    entries.push_back({i, i, 1});
    if (i + 1 < stages)
      entries.push_back({i, i + 1, -forward});
    if (std::optional<uint32_t> t = to(i))
      entries.push_back({i, *t, -back});
  }
  return SparseMatrix(stages, entries);
}

TEST(SparseLUTest, ChainsFactorWithoutFill) {
  const uint32_t n = 5000;
  struct Case {
    const char* name;
    std::function<std::optional<uint32_t>(uint32_t)> to;
  } cases[] = {
      {"a straight chain", [](uint32_t) { return std::optional<uint32_t>(); }},
      {"skips ahead", [](uint32_t i) { return i + 2 < n ? std::optional(i + 2) : std::nullopt; }},
      {"back to the stage before", [](uint32_t i) { return std::optional(i > 0 ? i - 1 : 0); }},
      {"back to the start", [](uint32_t) { return std::optional(0u); }},
      {"to a nurture stage that sends back to the start",
       [](uint32_t i) { return std::optional(i + 1 < n ? n - 1 : 0); }},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    SparseMatrix a = chainWith(n, 0.6, 0.1, c.to);
    std::optional<SparseLU> lu = SparseLU::factor(a);
    ASSERT_TRUE(lu.has_value());
    EXPECT_EQ(lu->storedEntries(), a.nonZeros());
    std::vector<double> b(n, 1.0);
    EXPECT_TRUE(solves(a, lu->solve(b), b, 1e-14));
    EXPECT_TRUE(solves(transposed(a), lu->solveTransposed(b), b, 1e-14));
  }
}

TEST(SparseLUTest, BlocksAreTheLoops) {
  // 0 -> 1 -> 2 -> 3, 2 -> 1 and 3 -> 3: blocks {0}, {1, 2}, {3}.
  SparseMatrix a(4, {{0, 0, 1},
                     {0, 1, -0.5},
                     {1, 1, 1},
                     {1, 2, -0.5},
                     {2, 2, 1},
                     {2, 1, -0.2},
                     {2, 3, -0.5},
                     {3, 3, 0.5}});
  std::optional<SparseLU> lu = SparseLU::factor(a);
  ASSERT_TRUE(lu.has_value());
  EXPECT_EQ(lu->blockOf(1), lu->blockOf(2));
  EXPECT_NE(lu->blockOf(0), lu->blockOf(1));
  EXPECT_NE(lu->blockOf(3), lu->blockOf(1));
  EXPECT_NE(lu->blockOf(0), lu->blockOf(3));
  // Column 1 of A^-1: nothing downstream of the loop leads back to 1.
  std::vector<double> col = lu->solve({0, 1, 0, 0});
  EXPECT_EQ(col[3], 0.0);
  EXPECT_GT(col[0], 0.0);
  EXPECT_GT(col[2], 0.0);
}

TEST(SparseOrderingTest, BlockTriangularFormPutsEveryEdgeForward) {
  // 4 -> 0 -> 1 -> 2 -> 0, 2 -> 3, 1 -> 5: blocks {4}, {0, 1, 2}, then {3} and {5}.
  SparseMatrix a(6, {{4, 0, 1}, {0, 1, 1}, {1, 2, 1}, {2, 0, 1}, {2, 3, 1}, {1, 5, 1}});
  BlockTriangularForm btf = blockTriangularForm(a);
  ASSERT_EQ(btf.order.size(), 6u);
  ASSERT_EQ(btf.blockStart.size(), 5u);
  EXPECT_EQ(btf.blockStart.front(), 0u);
  EXPECT_EQ(btf.blockStart.back(), 6u);
  std::vector<uint32_t> blockOf(6), position(6);
  for (uint32_t b = 0; b + 1 < btf.blockStart.size(); ++b)
    for (uint32_t p = btf.blockStart[b]; p < btf.blockStart[b + 1]; ++p) {
      blockOf[btf.order[p]] = b;
      position[btf.order[p]] = p;
    }
  EXPECT_EQ(blockOf[4], 0u);
  EXPECT_EQ(blockOf[0], 1u);
  EXPECT_EQ(blockOf[1], 1u);
  EXPECT_EQ(blockOf[2], 1u);
  for (uint32_t r = 0; r < 6; ++r)
    for (uint32_t c : a.rowColumns(r))
      EXPECT_LE(blockOf[r], blockOf[c]) << r << " -> " << c;
  // Within the loop, only the back edge 2 -> 0 points backwards.
  EXPECT_LT(position[0], position[1]);
  EXPECT_LT(position[1], position[2]);
}

TEST(SparseOrderingTest, MarkowitzLeavesTheHubOfAStarForLast) {
  // Hub 0 with an edge to and from each of 1..5: every other index costs 1 x 1, the
  // hub 5 x 5; eliminating the hub first would fill in all 20 entries among 1..5. Once
  // four leaves are gone the hub costs 1 x 1 as the last leaf does: the lower index
  // goes first, without fill either way.
  std::vector<OffDiagonal> star;
  for (uint32_t i = 1; i <= 5; ++i) {
    star.push_back({0, i});
    star.push_back({i, 0});
  }
  std::optional<std::vector<uint32_t>> order = markowitzOrder(6, star, 100);
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(*order, (std::vector<uint32_t>{1, 2, 3, 4, 0, 5}));
  // i -> i + 1 and i -> i + 3 (mod 6): every index has two entries in its row and two
  // in its column, and whichever goes first fills in (i - 1, i + 1).
  std::vector<OffDiagonal> ring;
  for (uint32_t i = 0; i < 6; ++i) {
    ring.push_back({i, (i + 1) % 6});
    ring.push_back({i, (i + 3) % 6});
  }
  EXPECT_FALSE(markowitzOrder(6, ring, 0).has_value());
  EXPECT_TRUE(markowitzOrder(6, ring, 36).has_value());
}

} // namespace
} // namespace salesc::rt
