//===- SparseOrdering.h - The orders in which SparseLU eliminates ---------===//
//
// Two orders, both from the pattern of the matrix alone: the block triangular form
// (the strongly connected components of the matrix's graph, in topological order),
// and within each block a Markowitz order, which keeps the fill of the factors low.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_SPARSEORDERING_H
#define SALESC_RUNTIME_SPARSEORDERING_H

#include "salesc/runtime/SparseMatrix.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace salesc::rt {

/// A symmetric permutation of a square matrix A that makes it block upper triangular:
/// row and column order[p] of A go to position p, and block b holds the positions
/// blockStart[b] to blockStart[b + 1] - 1. Invariants: blockStart starts with 0,
/// increases strictly and ends with A.size(); every block is a strongly connected
/// component of A's graph (an edge i -> j for every stored entry (i, j), i != j), so
/// A(order[p], order[q]) != 0 implies block(p) <= block(q). Within a block, positions
/// follow the reverse postorder of a depth-first walk (rows in index order, each row's
/// columns in increasing order): of the block's own entries, only the walk's back
/// edges lie below the diagonal.
struct BlockTriangularForm {
  std::vector<uint32_t> order;
  std::vector<uint32_t> blockStart;
};

/// The block triangular form of `a` (Tarjan's algorithm, without recursion).
BlockTriangularForm blockTriangularForm(const SparseMatrix& a);

/// A (row, column) pair of an entry off the diagonal of a block, in the block's own
/// numbering 0..m-1.
using OffDiagonal = std::pair<uint32_t, uint32_t>;

/// An order in which to eliminate the diagonal entries of an m x m block whose entries
/// off the diagonal are `offDiagonal` (distinct pairs, row != column): at each step the
/// index with the fewest (entries left in its row) x (entries left in its column), its
/// Markowitz count, ties to the lowest index. Eliminating in this order, pivoting on the
/// diagonal, a source or a sink of the graph costs no fill, so a chain with loops back
/// to its start, or to the stage before, fills in nothing. Returns order[k] = the index
/// eliminated k-th, or nullopt as soon as the elimination would fill in more than
/// `maxFill` entries (the block is then better factored as a dense matrix).
std::optional<std::vector<uint32_t>>
markowitzOrder(uint32_t m, llvm::ArrayRef<OffDiagonal> offDiagonal, size_t maxFill);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_SPARSEORDERING_H
