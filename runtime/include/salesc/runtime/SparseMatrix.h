//===- SparseMatrix.h - A square sparse matrix in compressed rows ---------===//
//
// The matrices of the Markov analyses have one row per stage and one entry per
// transition between stages: a few entries per row, however long the process.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_SPARSEMATRIX_H
#define SALESC_RUNTIME_SPARSEMATRIX_H

#include "llvm/ADT/ArrayRef.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace salesc::rt {

/// One entry of a matrix being built: `value` at (`row`, `col`).
struct MatrixEntry {
  uint32_t row = 0;
  uint32_t col = 0;
  double value = 0;
};

/// A square matrix of doubles in compressed sparse row form. Invariant: the
/// columns of each row are strictly increasing and below size(), and no stored
/// value is 0.0: an entry is stored when it is not exactly zero.
class SparseMatrix {
public:
  /// The n x n matrix whose entry (r, c) is the sum of the values `entries` give
  /// at (r, c), added up in the order given (so that I - Q is rounded exactly as
  /// subtracting each probability from 1 would). Requires every row and column to
  /// be below n.
  SparseMatrix(size_t n, const std::vector<MatrixEntry>& entries);

  size_t size() const { return rowStart.size() - 1; }
  /// The number of stored entries.
  size_t nonZeros() const { return cols.size(); }
  /// The columns of the stored entries of `row`, increasing.
  llvm::ArrayRef<uint32_t> rowColumns(size_t row) const {
    return llvm::ArrayRef<uint32_t>(cols).slice(rowStart[row], rowStart[row + 1] - rowStart[row]);
  }
  /// The values of the stored entries of `row`, in the order of rowColumns(row).
  llvm::ArrayRef<double> rowValues(size_t row) const {
    return llvm::ArrayRef<double>(values).slice(rowStart[row], rowStart[row + 1] - rowStart[row]);
  }
  /// A x. Requires x.size() == size().
  std::vector<double> multiply(llvm::ArrayRef<double> x) const;

private:
  std::vector<size_t> rowStart; ///< size() + 1 offsets into cols and values
  std::vector<uint32_t> cols;
  std::vector<double> values;
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_SPARSEMATRIX_H
