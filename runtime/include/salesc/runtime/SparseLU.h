//===- SparseLU.h - Sparse LU factorization for the Markov analyses -------===//
//
// Factor a sparse square matrix once, then solve A x = b and A^T x = b for as
// many right-hand sides as needed, in time and memory that grow with the entries
// of the factors rather than with the cube of the size. How: the matrix is put in
// block triangular form (its strongly connected components, in topological
// order), so everything outside the diagonal blocks is used as it is and never
// fills in; each block is ordered by Markowitz counts and factored by the
// left-looking method of Gilbert and Peierls with threshold partial pivoting; a
// block that would fill in anyway is factored as a dense matrix (LinearSolve.h).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_SPARSELU_H
#define SALESC_RUNTIME_SPARSELU_H

#include "salesc/runtime/LinearSolve.h"
#include "salesc/runtime/SparseMatrix.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace salesc::rt {

/// The factorization of a non-singular sparse square matrix A. With A put in block
/// upper triangular form by a symmetric permutation, each diagonal block D is
/// factored as P D = L U (L unit lower triangular, U upper triangular, P a row
/// permutation within the block), sparse or dense; the entries outside the diagonal
/// blocks are kept as they are in A. Invariant: every pivot (diagonal of U) is above
/// size() * epsilon * max |a_ij|, so solve() and solveTransposed() are always defined.
///
/// Pivoting in the sparse blocks. When every row of A is diagonally dominant,
/// |a_ii| >= sum_{j != i} |a_ij| (up to DominanceSlack of the row's absolute sum, for
/// shares rounded to add up to a little over 1), the pivots are the diagonal entries,
/// in the Markowitz order, with no row swap: Gaussian elimination keeps every Schur
/// complement of such a matrix diagonally dominant by rows, in any symmetric order,
/// and is stable without pivoting (growth factor at most 2: Wilkinson; Higham,
/// Accuracy and Stability of Numerical Algorithms, 2nd ed., section 9.5). A pivot that
/// is tiny then means a row of the Schur complement is all but zero: A is singular to
/// working precision. I - Q of an absorbing chain is such a matrix (Markov.cpp).
/// Otherwise threshold partial pivoting: the diagonal entry is the pivot when it is
/// at least PivotThreshold times the largest candidate of its column, else the
/// largest candidate is (so |l_ij| <= 1 / PivotThreshold). Dense blocks use partial
/// pivoting (LinearSolve.h).
class SparseLU {
public:
  /// How much smaller than the largest candidate of its column the diagonal may be and
  /// still be the pivot, when A is not diagonally dominant.
  static constexpr double PivotThreshold = 0.1;
  /// How far short of dominance a row may fall and still count as dominant, relative
  /// to the sum of its absolute values.
  static constexpr double DominanceSlack = 1e-8;

  /// Factors `a`. Returns nullopt when `a` is singular to working precision: some
  /// pivot is at most size() * epsilon * max |a_ij|, or some entry is not finite.
  static std::optional<SparseLU> factor(const SparseMatrix& a);

  size_t size() const { return order.size(); }
  /// The x with A x = b. Requires b.size() == size().
  std::vector<double> solve(llvm::ArrayRef<double> b) const;
  /// The x with A^T x = b (equivalently the row vector x^T with x^T A = b^T).
  /// Requires b.size() == size().
  std::vector<double> solveTransposed(llvm::ArrayRef<double> b) const;

  /// The diagonal block of row and column i: the strongly connected component of A's
  /// graph that holds i. Entry (j, i) of A^-1 is 0 unless a path of A's graph leads
  /// from j to i; so for a stored entry (i, j) of A, entry (j, i) of A^-1 is exactly 0
  /// unless blockOf(i) == blockOf(j).
  uint32_t blockOf(size_t i) const { return block[position[i]]; }
  /// The entries the factorization keeps: those of the sparse L and U (diagonal
  /// included), n^2 for every dense block of n, and those of A outside the blocks. A
  /// factorization without fill keeps exactly A's entries.
  size_t storedEntries() const;

private:
  struct Workspace;
  SparseLU() = default;
  void orderBlocks(const SparseMatrix& a);
  bool factorSparseBlock(const SparseMatrix& a, uint32_t b, double tiny, Workspace& w);
  bool factorDenseBlock(const SparseMatrix& a, uint32_t b, double tiny);
  void solveBlock(uint32_t b, std::vector<double>& x, std::vector<double>& scratch) const;
  void solveBlockTransposed(uint32_t b, std::vector<double>& x, std::vector<double>& scratch) const;

  // The permutation and the blocks.
  std::vector<uint32_t> order;      ///< the row and column of A at each position
  std::vector<uint32_t> position;   ///< the position of each row and column of A
  std::vector<uint32_t> block;      ///< the block of each position
  std::vector<uint32_t> blockStart; ///< the first position of each block, then size()
  // A outside the diagonal blocks, by rows of positions (columns are positions too).
  std::vector<size_t> offStart;
  std::vector<uint32_t> offCol;
  std::vector<double> offValue;
  // The sparse blocks, by columns of positions: L (unit diagonal not stored) and U
  // (diagonal in pivot), rows numbered by pivot position; pivotRow[k] is the position
  // of the row of A that is row k of P A.
  std::vector<size_t> lStart, uStart;
  std::vector<uint32_t> lRow, uRow;
  std::vector<double> lValue, uValue, pivot;
  std::vector<uint32_t> pivotRow;
  // The dense blocks: dense[denseOf[b]] factors block b, when denseOf[b] != NotDense.
  static constexpr uint32_t NotDense = ~uint32_t(0);
  std::vector<uint32_t> denseOf;
  std::vector<LUFactorization> dense;
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_SPARSELU_H
