//===- SparseOrdering.cpp - The orders in which SparseLU eliminates -------===//
#include "SparseOrdering.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <functional>
#include <queue>

namespace salesc::rt {

BlockTriangularForm blockTriangularForm(const SparseMatrix& a) {
  const size_t n = a.size();
  constexpr uint32_t Unvisited = ~uint32_t(0);
  std::vector<uint32_t> index(n, Unvisited), low(n, 0), component(n, 0);
  std::vector<bool> onStack(n, false);
  std::vector<uint32_t> stack;                   // Tarjan's stack of open components
  std::vector<std::pair<uint32_t, size_t>> walk; // (row, next entry to follow)
  std::vector<uint32_t> postorder;               // rows as the walk leaves them
  postorder.reserve(n);
  uint32_t visited = 0, components = 0;
  auto enter = [&](uint32_t v) {
    index[v] = low[v] = visited++;
    stack.push_back(v);
    onStack[v] = true;
    walk.push_back({v, 0});
  };
  for (uint32_t root = 0; root < n; ++root) {
    if (index[root] != Unvisited)
      continue;
    enter(root);
    while (!walk.empty()) {
      const uint32_t v = walk.back().first;
      llvm::ArrayRef<uint32_t> next = a.rowColumns(v);
      if (walk.back().second < next.size()) {
        const uint32_t w = next[walk.back().second++];
        if (index[w] == Unvisited)
          enter(w);
        else if (onStack[w])
          low[v] = std::min(low[v], index[w]);
        continue;
      }
      walk.pop_back();
      postorder.push_back(v);
      if (!walk.empty())
        low[walk.back().first] = std::min(low[walk.back().first], low[v]);
      if (low[v] != index[v])
        continue;
      // v roots a component: everything above it on the stack.
      uint32_t w;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[w] = false;
        component[w] = components;
      } while (w != v);
      ++components;
    }
  }

  // Tarjan finds the components sinks first: block b is component (components - 1 - b).
  // Positions within a block follow the reverse postorder (a counting sort by block).
  BlockTriangularForm btf;
  btf.blockStart.assign(components + 1, 0);
  for (uint32_t v = 0; v < n; ++v)
    ++btf.blockStart[components - component[v]];
  for (uint32_t b = 0; b < components; ++b)
    btf.blockStart[b + 1] += btf.blockStart[b];
  std::vector<uint32_t> next(btf.blockStart.begin(), btf.blockStart.end() - 1);
  btf.order.resize(n);
  for (auto it = postorder.rbegin(); it != postorder.rend(); ++it)
    btf.order[next[components - 1 - component[*it]]++] = *it;
  return btf;
}

std::optional<std::vector<uint32_t>>
markowitzOrder(uint32_t m, llvm::ArrayRef<OffDiagonal> offDiagonal, size_t maxFill) {
  // The pattern left to eliminate: rows[i] the columns of row i, cols[j] the rows of
  // column j. Eliminated indices are dropped from a list lazily (compact), the counts
  // are kept exact.
  std::vector<std::vector<uint32_t>> rows(m), cols(m);
  for (const OffDiagonal& e : offDiagonal) {
    rows[e.first].push_back(e.second);
    cols[e.second].push_back(e.first);
  }
  std::vector<uint32_t> rowCount(m), colCount(m);
  for (uint32_t i = 0; i < m; ++i) {
    rowCount[i] = rows[i].size();
    colCount[i] = cols[i].size();
  }
  std::vector<bool> done(m, false);
  auto compact = [&](std::vector<uint32_t>& list) {
    llvm::erase_if(list, [&](uint32_t j) { return done[j]; });
  };
  auto cost = [&](uint32_t i) { return uint64_t(rowCount[i]) * colCount[i]; };
  // Smallest count first, then lowest index; entries whose count changed since they
  // were pushed are skipped when they come up.
  using Candidate = std::pair<uint64_t, uint32_t>;
  std::priority_queue<Candidate, std::vector<Candidate>, std::greater<Candidate>> heap;
  for (uint32_t i = 0; i < m; ++i)
    heap.push({cost(i), i});

  std::vector<uint32_t> order;
  order.reserve(m);
  std::vector<uint32_t> mark(m, 0);
  uint32_t stamp = 0;
  size_t fill = 0;
  while (order.size() < m) {
    const auto [count, k] = heap.top();
    heap.pop();
    if (done[k] || count != cost(k))
      continue;
    done[k] = true;
    order.push_back(k);
    compact(rows[k]);
    compact(cols[k]);
    // Row i -= l_ik * row k: row i gains the columns of row k it lacks.
    for (uint32_t i : cols[k]) {
      compact(rows[i]);
      ++stamp;
      for (uint32_t j : rows[i])
        mark[j] = stamp;
      for (uint32_t j : rows[k])
        if (j != i && mark[j] != stamp) {
          rows[i].push_back(j);
          cols[j].push_back(i);
          ++colCount[j];
          ++fill;
        }
      rowCount[i] = rows[i].size();
      heap.push({cost(i), i});
    }
    if (fill > maxFill)
      return std::nullopt;
    for (uint32_t j : rows[k]) {
      --colCount[j];
      heap.push({cost(j), j});
    }
  }
  return order;
}

} // namespace salesc::rt
