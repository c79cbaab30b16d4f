//===- Graph.cpp - Reachability over the states of a process --------------===//
#include "salesc/runtime/Graph.h"

#include <deque>

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

std::vector<uint32_t> depths(const Process& p) {
  const size_t n = p.states.size();
  std::vector<uint32_t> depth(n, Unreachable);
  if (p.start >= n)
    return depth;
  std::vector<std::vector<uint32_t>> out(n);
  for (const Transition& t : p.transitions)
    if (t.probability > 0 && t.from < n && t.to < n)
      out[t.from].push_back(t.to);
  std::deque<uint32_t> queue{p.start};
  depth[p.start] = 0;
  while (!queue.empty()) {
    const uint32_t s = queue.front();
    queue.pop_front();
    for (uint32_t t : out[s])
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
  std::vector<std::vector<size_t>> out(p.states.size());
  for (size_t i = 0; i < p.transitions.size(); ++i)
    out[p.transitions[i].from].push_back(i);
  // Iterative DFS: (state, next out-edge to look at).
  std::vector<std::pair<uint32_t, size_t>> stack{{p.start, 0}};
  mark[p.start] = OnStack;
  while (!stack.empty()) {
    auto& [state, next] = stack.back();
    if (next == out[state].size()) {
      mark[state] = Done;
      stack.pop_back();
      continue;
    }
    size_t t = out[state][next++];
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
