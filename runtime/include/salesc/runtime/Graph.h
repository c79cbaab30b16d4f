//===- Graph.h - Reachability over the states of a process ----------------===//
//
// Graph queries on the transition structure of a Process, shared by the
// compiler's checker and the Markov analysis. Only transitions a prospect can
// actually take count as edges: those with probability > 0 whose endpoints are
// valid state indices.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_GRAPH_H
#define SALESC_RUNTIME_GRAPH_H

#include "salesc/runtime/Model.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <vector>

namespace salesc::rt {

/// For each state (indexed like Process::states), whether it can be reached from
/// `from` by following zero or more edges; `from` itself is reachable. All false
/// when `from` is not a valid state index.
std::vector<bool> reachableFrom(const Process& p, uint32_t from);

/// For each state (indexed like Process::states), whether some state satisfying
/// `target` can be reached from it by following zero or more edges; a state that
/// satisfies `target` itself counts.
std::vector<bool> canReach(const Process& p, llvm::function_ref<bool(const State&)> target);

/// The depth of a state no path from the start reaches.
inline constexpr uint32_t Unreachable = ~uint32_t(0);

/// For each state, the fewest edges from the start (breadth first); Unreachable where
/// there is no path.
std::vector<uint32_t> depths(const Process& p);

/// For each transition (indexed like Process::transitions), whether it leads back into
/// a state still on the path of a depth-first walk from the start that follows
/// transitions in their order: the loops of the process, drawn upwards.
std::vector<bool> backEdges(const Process& p);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_GRAPH_H
