//===- Graph.cpp - Reachability over the states of a process --------------===//
#include "salesc/runtime/Graph.h"

#include "llvm/ADT/ArrayRef.h"

namespace salesc::rt {
namespace {

/// Lists grouped by state in two flat arrays (compressed rows): the items of state s
/// are items[first[s] .. first[s + 1]).
struct Grouped {
  std::vector<uint32_t> first;
  std::vector<uint32_t> items;
  llvm::ArrayRef<uint32_t> of(uint32_t s) const {
    return llvm::makeArrayRef(items.data() + first[s], items.data() + first[s + 1]);
  }
};

/// For each transition index t with `keyOf(t) < n`, `itemOf(t)` listed under keyOf(t),
/// in transition order: two passes, two allocations.
template <typename KeyOf, typename ItemOf>
Grouped group(size_t n, size_t transitions, KeyOf keyOf, ItemOf itemOf) {
  Grouped g;
  g.first.assign(n + 1, 0);
  for (size_t t = 0; t < transitions; ++t)
    if (uint32_t k = keyOf(t); k < n)
      ++g.first[k + 1];
  for (size_t s = 0; s < n; ++s)
    g.first[s + 1] += g.first[s];
  g.items.resize(g.first[n]);
  std::vector<uint32_t> fill(g.first.begin(), g.first.end() - 1);
  for (size_t t = 0; t < transitions; ++t)
    if (uint32_t k = keyOf(t); k < n)
      g.items[fill[k]++] = itemOf(t);
  return g;
}

/// The edges a prospect can take (probability > 0), forwards or reversed.
Grouped adjacency(const Process& p, bool reversed) {
  const size_t n = p.states.size();
  auto usable = [&](const Transition& t) { return t.from < n && t.to < n && t.probability > 0; };
  return group(
      n, p.transitions.size(),
      [&](size_t i) {
        const Transition& t = p.transitions[i];
        return !usable(t) ? uint32_t(n) : reversed ? t.to : t.from;
      },
      [&](size_t i) { return reversed ? p.transitions[i].from : p.transitions[i].to; });
}

/// Marks every state reachable from the already-marked ones along `adj`.
void flood(const Grouped& adj, std::vector<bool>& marked) {
  std::vector<uint32_t> work;
  for (uint32_t i = 0; i < marked.size(); ++i)
    if (marked[i])
      work.push_back(i);
  while (!work.empty()) {
    const uint32_t s = work.back();
    work.pop_back();
    for (uint32_t next : adj.of(s))
      if (!marked[next]) {
        marked[next] = true;
        work.push_back(next);
      }
  }
}

} // namespace

std::vector<bool> reachableFrom(const Process& p, uint32_t from) {
  std::vector<bool> marked(p.states.size(), false);
  if (from >= p.states.size())
    return marked;
  marked[from] = true;
  flood(adjacency(p, /*reversed=*/false), marked);
  return marked;
}

std::vector<bool> canReach(const Process& p, llvm::function_ref<bool(const State&)> target) {
  std::vector<bool> marked(p.states.size(), false);
  for (size_t i = 0; i < p.states.size(); ++i)
    marked[i] = target(p.states[i]);
  flood(adjacency(p, /*reversed=*/true), marked);
  return marked;
}

std::vector<uint32_t> depths(const Process& p) {
  const size_t n = p.states.size();
  std::vector<uint32_t> depth(n, Unreachable);
  if (p.start >= n)
    return depth;
  const Grouped out = adjacency(p, /*reversed=*/false);
  std::vector<uint32_t> queue{p.start}; // breadth first: read from the front, never popped
  depth[p.start] = 0;
  for (size_t head = 0; head < queue.size(); ++head) {
    const uint32_t s = queue[head];
    for (uint32_t t : out.of(s))
      if (depth[t] == Unreachable) {
        depth[t] = depth[s] + 1;
        queue.push_back(t);
      }
  }
  return depth;
}

std::vector<bool> backEdges(const Process& p) {
  std::vector<bool> back(p.transitions.size(), false);
  if (p.states.empty())
    return back;
  enum Mark : uint8_t { New, OnStack, Done };
  std::vector<Mark> mark(p.states.size(), New);
  const size_t n = p.states.size();
  const Grouped out = group(
      n, p.transitions.size(), [&](size_t i) { return p.transitions[i].from; },
      [](size_t i) { return uint32_t(i); });
  // Iterative DFS: (state, next out-edge to look at).
  std::vector<std::pair<uint32_t, size_t>> stack{{p.start, 0}};
  mark[p.start] = OnStack;
  while (!stack.empty()) {
    auto& [state, next] = stack.back();
    if (next == out.of(state).size()) {
      mark[state] = Done;
      stack.pop_back();
      continue;
    }
    size_t t = out.of(state)[next++];
    uint32_t to = p.transitions[t].to;
    if (mark[to] == OnStack)
      back[t] = true;
    else if (mark[to] == New) {
      mark[to] = OnStack;
      stack.push_back({to, 0});
    }
  }
  return back;
}

} // namespace salesc::rt
