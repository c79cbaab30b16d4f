//===- Graph.cpp - Reachability over the states of a process --------------===//
#include "salesc/runtime/Graph.h"

namespace salesc::rt {
namespace {

/// Adjacency lists of the edges a prospect can take, forwards or reversed.
std::vector<std::vector<uint32_t>> adjacency(const Process& p, bool reversed) {
  const size_t n = p.states.size();
  std::vector<std::vector<uint32_t>> adj(n);
  for (const Transition& t : p.transitions) {
    if (t.from >= n || t.to >= n || !(t.probability > 0))
      continue;
    if (reversed)
      adj[t.to].push_back(t.from);
    else
      adj[t.from].push_back(t.to);
  }
  return adj;
}

/// Marks every state reachable from the already-marked ones along `adj`.
void flood(const std::vector<std::vector<uint32_t>>& adj, std::vector<bool>& marked) {
  std::vector<uint32_t> work;
  for (uint32_t i = 0; i < marked.size(); ++i)
    if (marked[i])
      work.push_back(i);
  while (!work.empty()) {
    const uint32_t s = work.back();
    work.pop_back();
    for (uint32_t next : adj[s])
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

} // namespace salesc::rt
