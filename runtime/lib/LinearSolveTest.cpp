//===- LinearSolveTest.cpp - Both LU solvers on systems worked by hand ----===//
//
// The dense LU (LinearSolve.h) and the sparse one (SparseLU.h) must agree on every
// system here; SparseLUTest compares them on many more.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/LinearSolve.h"
#include "salesc/runtime/SparseLU.h"

#include <gtest/gtest.h>

#include <cmath>

namespace salesc::rt {
namespace {

constexpr double Tol = 1e-12;

using Rows = std::vector<std::vector<double>>;

/// The dense solver, given a matrix by its rows.
struct Dense {
  static std::optional<LUFactorization> factor(const Rows& rows) {
    SquareMatrix m(rows.size());
    for (size_t r = 0; r < rows.size(); ++r)
      for (size_t c = 0; c < rows[r].size(); ++c)
        m(r, c) = rows[r][c];
    return LUFactorization::factor(std::move(m));
  }
};

/// The sparse solver, given a matrix by its rows (zeros are not stored).
struct Sparse {
  static std::optional<SparseLU> factor(const Rows& rows) {
    std::vector<MatrixEntry> entries;
    for (size_t r = 0; r < rows.size(); ++r)
      for (size_t c = 0; c < rows[r].size(); ++c)
        entries.push_back({uint32_t(r), uint32_t(c), rows[r][c]});
    return SparseLU::factor(SparseMatrix(rows.size(), entries));
  }
};

template <typename Solver> class LinearSolveTest : public ::testing::Test {};
using Solvers = ::testing::Types<Dense, Sparse>;
TYPED_TEST_SUITE(LinearSolveTest, Solvers);

TYPED_TEST(LinearSolveTest, SolvesASystemThatNeedsPivotingForSeveralRightHandSides) {
  // A has a zero in the top-left corner, so elimination must swap rows.
  //   A = [0 2 1; 1 1 1; 2 1 3]
  //   x = (1, 2, 3):  A x = (0+4+3, 1+2+3, 2+2+9)   = (7, 6, 13)
  //   x = (-1, 0, 2): A x = (0+0+2, -1+0+2, -2+0+6) = (2, 1, 4)
  auto lu = TypeParam::factor({{0, 2, 1}, {1, 1, 1}, {2, 1, 3}});
  ASSERT_TRUE(lu.has_value());
  ASSERT_EQ(lu->size(), 3u);

  std::vector<double> x = lu->solve({7, 6, 13});
  EXPECT_NEAR(x[0], 1, Tol);
  EXPECT_NEAR(x[1], 2, Tol);
  EXPECT_NEAR(x[2], 3, Tol);

  x = lu->solve({2, 1, 4});
  EXPECT_NEAR(x[0], -1, Tol);
  EXPECT_NEAR(x[1], 0, Tol);
  EXPECT_NEAR(x[2], 2, Tol);
}

TYPED_TEST(LinearSolveTest, SolvesTheTransposedSystem) {
  // A^T = [0 1 2; 2 1 1; 1 1 3]
  //   y = (1, -1, 2): A^T y = (0-1+4, 2-1+2, 1-1+6) = (3, 3, 6)
  auto lu = TypeParam::factor({{0, 2, 1}, {1, 1, 1}, {2, 1, 3}});
  ASSERT_TRUE(lu.has_value());
  std::vector<double> y = lu->solveTransposed({3, 3, 6});
  EXPECT_NEAR(y[0], 1, Tol);
  EXPECT_NEAR(y[1], -1, Tol);
  EXPECT_NEAR(y[2], 2, Tol);
}

TYPED_TEST(LinearSolveTest, RejectsSingularMatrices) {
  // Row 2 is twice row 1.
  EXPECT_FALSE(TypeParam::factor({{1, 2}, {2, 4}}).has_value());
  // I - Q for two stages that send everyone to each other: rows sum to 0.
  EXPECT_FALSE(TypeParam::factor({{1, -1}, {-1, 1}}).has_value());
  EXPECT_FALSE(TypeParam::factor({{0, 0}, {0, 0}}).has_value());
  // A row of zeros in a matrix that is otherwise fine.
  EXPECT_FALSE(TypeParam::factor({{1, -0.5, 0}, {0, 0, 0}, {0, 0, 1}}).has_value());
  // Entries that are not numbers.
  EXPECT_FALSE(TypeParam::factor({{1, NAN}, {0, 1}}).has_value());
  EXPECT_FALSE(TypeParam::factor({{INFINITY, 0}, {0, 1}}).has_value());
}

TYPED_TEST(LinearSolveTest, RejectsALoopTooCloseToCertain) {
  // Two stages that send each other everyone but 2^-52 (about 2e-16): the second pivot,
  // 2^-52, is below 2 x epsilon x 1, the largest entry.
  EXPECT_FALSE(TypeParam::factor({{1, -1}, {-(1 - 0x1p-52), 1}}).has_value());
  // A matrix is held to the scale of its own entries: a lone self-loop of 1 - 2^-53
  // leaves the entry 2^-53, exact, and its inverse 2^53 is exact too.
  auto alone = TypeParam::factor({{1 - (1 - 0x1p-53)}});
  ASSERT_TRUE(alone.has_value());
  EXPECT_EQ(alone->solve({1}), (std::vector<double>{0x1p53}));
}

TYPED_TEST(LinearSolveTest, HandlesTheEmptyAndIdentityMatrices) {
  auto empty = TypeParam::factor({});
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->solve({}).empty());
  EXPECT_TRUE(empty->solveTransposed({}).empty());

  auto id = TypeParam::factor({{1, 0}, {0, 1}});
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->solve({4, 5}), (std::vector<double>{4, 5}));
  EXPECT_EQ(id->solveTransposed({4, 5}), (std::vector<double>{4, 5}));
}

} // namespace
} // namespace salesc::rt
