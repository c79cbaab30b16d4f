//===- LinearSolve.h - Dense LU factorization with partial pivoting -------===//
//
// A small dense linear solver: factor a square matrix once, then solve A x = b
// and A^T x = b for as many right-hand sides as needed. SparseLU (SparseLU.h),
// which the Markov analyses use, factors its dense blocks with it.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_LINEARSOLVE_H
#define SALESC_RUNTIME_LINEARSOLVE_H

#include "llvm/ADT/ArrayRef.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace salesc::rt {

/// A square matrix of doubles stored row-major. Invariant: the storage holds
/// exactly size() * size() entries; a new matrix is all zeros.
class SquareMatrix {
public:
  explicit SquareMatrix(size_t n) : n(n), data(n * n, 0.0) {}
  static SquareMatrix identity(size_t n);

  size_t size() const { return n; }
  double& operator()(size_t row, size_t col) { return data[row * n + col]; }
  double operator()(size_t row, size_t col) const { return data[row * n + col]; }

private:
  size_t n;
  std::vector<double> data;
};

/// The factorization P A = L U of a non-singular square matrix A, with L unit
/// lower triangular and U upper triangular, both packed in one matrix, and P a
/// row permutation. Invariant: every pivot (diagonal of U) is non-negligible, so
/// solve() and solveTransposed() are always defined.
class LUFactorization {
public:
  /// Factors `a` with partial pivoting. Returns nullopt when `a` is singular to
  /// working precision: some pivot is at most size() * epsilon * max |a_ij|, or some
  /// entry is not finite.
  static std::optional<LUFactorization> factor(SquareMatrix a);
  /// The same for a matrix of finite entries, with pivots of at most `pivotFloor`
  /// refused: a block of a larger matrix is held to that matrix's threshold (SparseLU).
  static std::optional<LUFactorization> factor(SquareMatrix a, double pivotFloor);

  size_t size() const { return lu.size(); }
  /// The x with A x = b. Requires b.size() == size().
  std::vector<double> solve(llvm::ArrayRef<double> b) const;
  /// The x with A^T x = b (equivalently the row vector x^T with x^T A = b^T).
  /// Requires b.size() == size().
  std::vector<double> solveTransposed(llvm::ArrayRef<double> b) const;

private:
  LUFactorization(SquareMatrix lu, std::vector<size_t> perm)
      : lu(std::move(lu)), perm(std::move(perm)) {}

  SquareMatrix lu;
  std::vector<size_t> perm; ///< row i of P A is row perm[i] of A
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_LINEARSOLVE_H
