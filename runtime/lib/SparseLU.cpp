//===- SparseLU.cpp - Sparse LU factorization for the Markov analyses -----===//
#include "salesc/runtime/SparseLU.h"

#include "SparseOrdering.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace salesc::rt {
namespace {

/// Blocks of up to this many rows are always factored sparse: their dense form saves
/// nothing worth an allocation per solve.
constexpr uint32_t SmallBlock = 32;

/// A larger block is factored dense when its factors would hold a quarter of its
/// n^2 entries or more: dense LU then does about as many operations, on contiguous
/// rows. The entries of the block itself, diagonal included, count as a lower bound.
bool fillsInAnyway(size_t entries, uint32_t m) {
  return m > SmallBlock && entries * 4 >= size_t(m) * m;
}

constexpr uint32_t NoPivot = ~uint32_t(0);

/// Whether every row of `a` is diagonally dominant, up to SparseLU::DominanceSlack.
bool diagonallyDominant(const SparseMatrix& a) {
  for (size_t r = 0; r < a.size(); ++r) {
    double diagonal = 0, others = 0;
    for (size_t e = 0; e < a.rowColumns(r).size(); ++e)
      (a.rowColumns(r)[e] == r ? diagonal : others) += std::abs(a.rowValues(r)[e]);
    if (diagonal < others - SparseLU::DominanceSlack * (diagonal + others))
      return false;
  }
  return true;
}

} // namespace

/// Scratch arrays of the sparse factorization, indexed by position, shared by all
/// blocks (mark[r] == k + 1 says row r was reached while computing column k).
struct SparseLU::Workspace {
  Workspace(size_t n, bool onDiagonal)
      : onDiagonal(onDiagonal), x(n, 0.0), pinv(n, NoPivot), mark(n, 0) {}
  bool onDiagonal;                                 ///< pivot on the diagonal (SparseLU.h)
  std::vector<double> x;                           ///< the column being computed
  std::vector<uint32_t> pinv;                      ///< the pivot position of each row
  std::vector<size_t> mark;                        ///< see above
  std::vector<uint32_t> reach;                     ///< rows of the column, in postorder
  std::vector<std::pair<uint32_t, size_t>> walk;   ///< (row, next child) of the walk
  std::vector<std::pair<uint32_t, double>> column; ///< the entries of A's column
};

void SparseLU::orderBlocks(const SparseMatrix& a) {
  const size_t n = a.size();
  BlockTriangularForm btf = blockTriangularForm(a);
  order = std::move(btf.order);
  blockStart = std::move(btf.blockStart);
  const uint32_t blocks = blockStart.size() - 1;
  block.resize(n);
  position.resize(n);
  for (uint32_t b = 0; b < blocks; ++b)
    for (uint32_t p = blockStart[b]; p < blockStart[b + 1]; ++p) {
      block[p] = b;
      position[order[p]] = p;
    }
  // Within each block of more than one row, the Markowitz order (SparseOrdering.h),
  // unless the block fills in anyway: it is then factored dense, in the order it has.
  denseOf.assign(blocks, NotDense);
  std::vector<OffDiagonal> pattern;
  std::vector<uint32_t> reordered;
  for (uint32_t b = 0; b < blocks; ++b) {
    const uint32_t s = blockStart[b], m = blockStart[b + 1] - s;
    if (m == 1)
      continue;
    pattern.clear();
    for (uint32_t p = s; p < s + m; ++p)
      for (uint32_t c : a.rowColumns(order[p]))
        if (c != order[p] && block[position[c]] == b)
          pattern.push_back({p - s, position[c] - s});
    const size_t entries = pattern.size() + m;
    std::optional<std::vector<uint32_t>> local;
    if (!fillsInAnyway(entries, m))
      local =
          markowitzOrder(m, pattern, m <= SmallBlock ? size_t(m) * m : size_t(m) * m / 4 - entries);
    if (!local) {
      denseOf[b] = 0; // factorDenseBlock says which
      continue;
    }
    reordered.clear();
    for (uint32_t k : *local)
      reordered.push_back(order[s + k]);
    for (uint32_t k = 0; k < m; ++k) {
      order[s + k] = reordered[k];
      position[reordered[k]] = s + k;
    }
  }
}

std::optional<SparseLU> SparseLU::factor(const SparseMatrix& a) {
  const size_t n = a.size();
  double scale = 0.0;
  for (size_t r = 0; r < n; ++r)
    for (double v : a.rowValues(r)) {
      if (!std::isfinite(v))
        return std::nullopt;
      scale = std::max(scale, std::abs(v));
    }
  const double tiny = static_cast<double>(n) * std::numeric_limits<double>::epsilon() * scale;

  SparseLU lu;
  lu.orderBlocks(a);
  lu.lStart.assign(n + 1, 0);
  lu.uStart.assign(n + 1, 0);
  lu.pivot.assign(n, 0.0);
  lu.pivotRow.resize(n);
  Workspace w(n, diagonallyDominant(a));
  for (uint32_t b = 0; b + 1 < lu.blockStart.size(); ++b)
    if (lu.denseOf[b] != NotDense ? !lu.factorDenseBlock(a, b, tiny)
                                  : !lu.factorSparseBlock(a, b, tiny, w))
      return std::nullopt;

  // The entries outside the diagonal blocks, by rows of positions.
  lu.offStart.assign(n + 1, 0);
  for (uint32_t p = 0; p < n; ++p) {
    llvm::ArrayRef<uint32_t> cols = a.rowColumns(lu.order[p]);
    llvm::ArrayRef<double> values = a.rowValues(lu.order[p]);
    for (size_t e = 0; e < cols.size(); ++e) {
      const uint32_t q = lu.position[cols[e]];
      if (lu.block[q] != lu.block[p]) {
        assert(lu.block[q] > lu.block[p] && "not block upper triangular");
        lu.offCol.push_back(q);
        lu.offValue.push_back(values[e]);
      }
    }
    lu.offStart[p + 1] = lu.offCol.size();
  }
  return lu;
}

bool SparseLU::factorDenseBlock(const SparseMatrix& a, uint32_t b, double tiny) {
  const uint32_t s = blockStart[b], m = blockStart[b + 1] - s;
  SquareMatrix d(m);
  for (uint32_t p = s; p < s + m; ++p) {
    llvm::ArrayRef<uint32_t> cols = a.rowColumns(order[p]);
    llvm::ArrayRef<double> values = a.rowValues(order[p]);
    for (size_t e = 0; e < cols.size(); ++e)
      if (block[position[cols[e]]] == b)
        d(p - s, position[cols[e]] - s) = values[e];
  }
  std::optional<LUFactorization> f = LUFactorization::factor(std::move(d), tiny);
  if (!f)
    return false;
  denseOf[b] = dense.size();
  dense.push_back(std::move(*f));
  for (uint32_t p = s; p < s + m; ++p) {
    lStart[p + 1] = lStart[p];
    uStart[p + 1] = uStart[p];
    pivotRow[p] = p;
  }
  return true;
}

/// Gilbert and Peierls, column by column: column k of L and U solves L x = A(:, k)
/// over the columns of L already made, visiting only the rows a depth-first walk of L
/// reaches from A(:, k)'s entries, in topological order; then the pivot is chosen
/// among the rows not yet pivotal (SparseLU.h). Work is proportional to the
/// operations on nonzeros, not to the size of the block.
bool SparseLU::factorSparseBlock(const SparseMatrix& a, uint32_t b, double tiny, Workspace& w) {
  const uint32_t s = blockStart[b], e = blockStart[b + 1];
  // A's block by columns: for each row of the block, its entries in the block go to
  // their columns' lists (rows increasing within each column).
  std::vector<size_t> colStart(e - s + 1, 0);
  for (uint32_t p = s; p < e; ++p)
    for (uint32_t c : a.rowColumns(order[p]))
      if (block[position[c]] == b)
        ++colStart[position[c] - s + 1];
  for (uint32_t k = 0; k < e - s; ++k)
    colStart[k + 1] += colStart[k];
  w.column.resize(colStart.back());
  {
    std::vector<size_t> next(colStart.begin(), colStart.end() - 1);
    for (uint32_t p = s; p < e; ++p) {
      llvm::ArrayRef<uint32_t> cols = a.rowColumns(order[p]);
      llvm::ArrayRef<double> values = a.rowValues(order[p]);
      for (size_t i = 0; i < cols.size(); ++i)
        if (block[position[cols[i]]] == b)
          w.column[next[position[cols[i]] - s]++] = {p, values[i]};
    }
  }

  for (uint32_t k = s; k < e; ++k) {
    const size_t stamp = size_t(k) + 1;
    const auto entries =
        llvm::makeArrayRef(w.column).slice(colStart[k - s], colStart[k - s + 1] - colStart[k - s]);
    // The rows of column k: those L's columns reach from A's entries, in postorder.
    w.reach.clear();
    auto children = [&](uint32_t r) -> size_t {
      return w.pinv[r] == NoPivot ? 0 : lStart[w.pinv[r]];
    };
    for (const auto& [root, value] : entries) {
      if (w.mark[root] == stamp)
        continue;
      w.mark[root] = stamp;
      w.walk.push_back({root, children(root)});
      while (!w.walk.empty()) {
        const uint32_t r = w.walk.back().first;
        const size_t end = w.pinv[r] == NoPivot ? 0 : lStart[w.pinv[r] + 1];
        if (w.walk.back().second < end) {
          const uint32_t child = lRow[w.walk.back().second++];
          if (w.mark[child] != stamp) {
            w.mark[child] = stamp;
            w.walk.push_back({child, children(child)});
          }
          continue;
        }
        w.walk.pop_back();
        w.reach.push_back(r);
      }
    }
    // x = L \ A(:, k), over the reached rows in topological order.
    for (uint32_t r : w.reach)
      w.x[r] = 0.0;
    for (const auto& [r, value] : entries)
      w.x[r] = value;
    for (auto it = w.reach.rbegin(); it != w.reach.rend(); ++it) {
      const uint32_t j = w.pinv[*it];
      if (j == NoPivot)
        continue;
      const double xj = w.x[*it];
      for (size_t q = lStart[j]; q < lStart[j + 1]; ++q)
        w.x[lRow[q]] -= lValue[q] * xj;
    }
    // U(:, k) above the diagonal, and the pivot among the other rows.
    uint32_t chosen = NoPivot;
    double largest = -1.0;
    for (auto it = w.reach.rbegin(); it != w.reach.rend(); ++it) {
      const uint32_t r = *it;
      if (w.pinv[r] != NoPivot) {
        uRow.push_back(w.pinv[r]);
        uValue.push_back(w.x[r]);
      } else if (std::abs(w.x[r]) > largest) {
        largest = std::abs(w.x[r]);
        chosen = r;
      }
    }
    const bool diagonal = w.pinv[k] == NoPivot && w.mark[k] == stamp;
    if (w.onDiagonal)
      chosen = diagonal ? k : NoPivot;
    else if (diagonal && std::abs(w.x[k]) >= PivotThreshold * largest && std::abs(w.x[k]) > tiny)
      chosen = k;
    if (chosen == NoPivot || !(std::abs(w.x[chosen]) > tiny))
      return false;
    pivot[k] = w.x[chosen];
    pivotRow[k] = chosen;
    w.pinv[chosen] = k;
    for (auto it = w.reach.rbegin(); it != w.reach.rend(); ++it)
      if (w.pinv[*it] == NoPivot) {
        lRow.push_back(*it);
        lValue.push_back(w.x[*it] / pivot[k]);
      }
    lStart[k + 1] = lRow.size();
    uStart[k + 1] = uRow.size();
  }
  // L's rows were numbered by rows of A while the block was factored; from now on, by
  // their pivot positions, as U's are.
  for (size_t q = lStart[s]; q < lStart[e]; ++q)
    lRow[q] = w.pinv[lRow[q]];
  return true;
}

void SparseLU::solveBlock(uint32_t b, std::vector<double>& x, std::vector<double>& scratch) const {
  const uint32_t s = blockStart[b], e = blockStart[b + 1];
  if (denseOf[b] != NotDense) {
    std::vector<double> y = dense[denseOf[b]].solve(llvm::ArrayRef<double>(x).slice(s, e - s));
    std::copy(y.begin(), y.end(), x.begin() + s);
    return;
  }
  // P D = L U: L z = P x, then U y = z.
  for (uint32_t k = s; k < e; ++k)
    scratch[k] = x[pivotRow[k]];
  for (uint32_t k = s; k < e; ++k) {
    const double zk = scratch[k];
    if (zk != 0.0)
      for (size_t q = lStart[k]; q < lStart[k + 1]; ++q)
        scratch[lRow[q]] -= lValue[q] * zk;
  }
  for (uint32_t k = e; k-- > s;) {
    const double yk = scratch[k] / pivot[k];
    x[k] = yk;
    if (yk != 0.0)
      for (size_t q = uStart[k]; q < uStart[k + 1]; ++q)
        scratch[uRow[q]] -= uValue[q] * yk;
  }
}

void SparseLU::solveBlockTransposed(uint32_t b, std::vector<double>& x,
                                    std::vector<double>& scratch) const {
  const uint32_t s = blockStart[b], e = blockStart[b + 1];
  if (denseOf[b] != NotDense) {
    std::vector<double> y =
        dense[denseOf[b]].solveTransposed(llvm::ArrayRef<double>(x).slice(s, e - s));
    std::copy(y.begin(), y.end(), x.begin() + s);
    return;
  }
  // D^T = U^T L^T P: U^T w = x (forward), L^T v = w (backward), y = P^T v.
  for (uint32_t k = s; k < e; ++k) {
    double sum = x[k];
    for (size_t q = uStart[k]; q < uStart[k + 1]; ++q)
      sum -= uValue[q] * scratch[uRow[q]];
    scratch[k] = sum / pivot[k];
  }
  for (uint32_t k = e; k-- > s;) {
    double sum = scratch[k];
    for (size_t q = lStart[k]; q < lStart[k + 1]; ++q)
      sum -= lValue[q] * scratch[lRow[q]];
    scratch[k] = sum;
  }
  for (uint32_t k = s; k < e; ++k)
    x[pivotRow[k]] = scratch[k];
}

namespace {

/// `solveInPlace` run on b with its entries moved to their positions (and a scratch
/// vector of the same length), the result moved back to A's order.
std::vector<double>
inPositions(llvm::ArrayRef<uint32_t> order, llvm::ArrayRef<double> b,
            llvm::function_ref<void(std::vector<double>&, std::vector<double>&)> solveInPlace) {
  assert(b.size() == order.size() && "right-hand side has the wrong length");
  std::vector<double> x(order.size()), scratch(order.size());
  for (size_t p = 0; p < order.size(); ++p)
    x[p] = b[order[p]];
  solveInPlace(x, scratch);
  std::vector<double> out(order.size());
  for (size_t p = 0; p < order.size(); ++p)
    out[order[p]] = x[p];
  return out;
}

} // namespace

std::vector<double> SparseLU::solve(llvm::ArrayRef<double> b) const {
  return inPositions(order, b, [&](std::vector<double>& x, std::vector<double>& scratch) {
    // The last block first: each block's right-hand side loses what the blocks after
    // it (already solved) contribute through the entries outside the blocks.
    for (uint32_t blk = blockStart.size() - 1; blk-- > 0;) {
      for (uint32_t p = blockStart[blk]; p < blockStart[blk + 1]; ++p)
        for (size_t q = offStart[p]; q < offStart[p + 1]; ++q)
          x[p] -= offValue[q] * x[offCol[q]];
      solveBlock(blk, x, scratch);
    }
  });
}

std::vector<double> SparseLU::solveTransposed(llvm::ArrayRef<double> b) const {
  return inPositions(order, b, [&](std::vector<double>& x, std::vector<double>& scratch) {
    // The first block first: once solved, it is taken out of the later blocks' sides.
    for (uint32_t blk = 0; blk + 1 < blockStart.size(); ++blk) {
      solveBlockTransposed(blk, x, scratch);
      for (uint32_t p = blockStart[blk]; p < blockStart[blk + 1]; ++p)
        for (size_t q = offStart[p]; q < offStart[p + 1]; ++q)
          x[offCol[q]] -= offValue[q] * x[p];
    }
  });
}

size_t SparseLU::storedEntries() const {
  size_t entries = lRow.size() + uRow.size() + offCol.size();
  for (uint32_t b = 0; b + 1 < blockStart.size(); ++b) {
    const size_t m = blockStart[b + 1] - blockStart[b];
    entries += denseOf[b] != NotDense ? m * m : m;
  }
  return entries;
}

} // namespace salesc::rt
