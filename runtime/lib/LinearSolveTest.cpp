//===- LinearSolveTest.cpp - Tests of the dense LU solver -----------------===//
#include "salesc/runtime/LinearSolve.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

constexpr double Tol = 1e-12;

SquareMatrix fromRows(std::initializer_list<std::initializer_list<double>> rows) {
  SquareMatrix m(rows.size());
  size_t r = 0;
  for (const auto& row : rows) {
    size_t c = 0;
    for (double x : row)
      m(r, c++) = x;
    ++r;
  }
  return m;
}

TEST(LinearSolveTest, SolvesASystemThatNeedsPivotingForSeveralRightHandSides) {
  // A has a zero in the top-left corner, so elimination must swap rows.
  //   A = [0 2 1; 1 1 1; 2 1 3]
  //   x = (1, 2, 3):  A x = (0+4+3, 1+2+3, 2+2+9)   = (7, 6, 13)
  //   x = (-1, 0, 2): A x = (0+0+2, -1+0+2, -2+0+6) = (2, 1, 4)
  std::optional<LUFactorization> lu =
      LUFactorization::factor(fromRows({{0, 2, 1}, {1, 1, 1}, {2, 1, 3}}));
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

TEST(LinearSolveTest, SolvesTheTransposedSystem) {
  // A^T = [0 1 2; 2 1 1; 1 1 3]
  //   y = (1, -1, 2): A^T y = (0-1+4, 2-1+2, 1-1+6) = (3, 3, 6)
  std::optional<LUFactorization> lu =
      LUFactorization::factor(fromRows({{0, 2, 1}, {1, 1, 1}, {2, 1, 3}}));
  ASSERT_TRUE(lu.has_value());
  std::vector<double> y = lu->solveTransposed({3, 3, 6});
  EXPECT_NEAR(y[0], 1, Tol);
  EXPECT_NEAR(y[1], -1, Tol);
  EXPECT_NEAR(y[2], 2, Tol);
}

TEST(LinearSolveTest, RejectsSingularMatrices) {
  // Row 2 is twice row 1.
  EXPECT_FALSE(LUFactorization::factor(fromRows({{1, 2}, {2, 4}})).has_value());
  // I - Q for two stages that send everyone to each other: rows sum to 0.
  EXPECT_FALSE(LUFactorization::factor(fromRows({{1, -1}, {-1, 1}})).has_value());
  EXPECT_FALSE(LUFactorization::factor(SquareMatrix(2)).has_value());
}

TEST(LinearSolveTest, HandlesTheEmptyAndIdentityMatrices) {
  std::optional<LUFactorization> empty = LUFactorization::factor(SquareMatrix(0));
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->solve({}).empty());
  EXPECT_TRUE(empty->solveTransposed({}).empty());

  std::optional<LUFactorization> id = LUFactorization::factor(SquareMatrix::identity(2));
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->solve({4, 5}), (std::vector<double>{4, 5}));
  EXPECT_EQ(id->solveTransposed({4, 5}), (std::vector<double>{4, 5}));
}

} // namespace
} // namespace salesc::rt
