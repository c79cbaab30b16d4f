//===- SparseMatrix.cpp - A square sparse matrix in compressed rows -------===//
#include "salesc/runtime/SparseMatrix.h"

#include <cassert>

namespace salesc::rt {
namespace {

/// `entries` stably sorted by the key `key(e)` < n: a counting sort, O(entries + n).
template <typename Key>
std::vector<MatrixEntry> sortedBy(size_t n, const std::vector<MatrixEntry>& entries, Key key) {
  std::vector<size_t> start(n + 1, 0);
  for (const MatrixEntry& e : entries)
    ++start[key(e) + 1];
  for (size_t i = 0; i < n; ++i)
    start[i + 1] += start[i];
  std::vector<MatrixEntry> out(entries.size());
  for (const MatrixEntry& e : entries)
    out[start[key(e)]++] = e;
  return out;
}

} // namespace

SparseMatrix::SparseMatrix(size_t n, const std::vector<MatrixEntry>& entries) : rowStart(n + 1, 0) {
  // By column, then stably by row: sorted by (row, column), equal positions in the
  // order given.
  const std::vector<MatrixEntry> sorted =
      sortedBy(n, sortedBy(n, entries, [](const MatrixEntry& e) { return e.col; }),
               [](const MatrixEntry& e) { return e.row; });
  cols.reserve(sorted.size());
  values.reserve(sorted.size());
  for (size_t i = 0; i < sorted.size();) {
    const MatrixEntry& e = sorted[i];
    assert(e.row < n && e.col < n && "entry outside the matrix");
    double sum = e.value;
    for (++i; i < sorted.size() && sorted[i].row == e.row && sorted[i].col == e.col; ++i)
      sum += sorted[i].value;
    if (sum == 0.0)
      continue;
    cols.push_back(e.col);
    values.push_back(sum);
    ++rowStart[e.row + 1];
  }
  for (size_t r = 0; r < n; ++r)
    rowStart[r + 1] += rowStart[r];
}

std::vector<double> SparseMatrix::multiply(llvm::ArrayRef<double> x) const {
  assert(x.size() == size() && "vector has the wrong length");
  std::vector<double> y(size(), 0.0);
  for (size_t r = 0; r < size(); ++r)
    for (size_t p = rowStart[r]; p < rowStart[r + 1]; ++p)
      y[r] += values[p] * x[cols[p]];
  return y;
}

} // namespace salesc::rt
