//===- Chain.h - The transient part of a process's chain, factored once ---===//
//
// Shared by the analysis (Markov.cpp) and the sensitivity table (Sensitivity.cpp),
// which both solve with I - Q over the stages of a process.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_CHAIN_H
#define SALESC_RUNTIME_CHAIN_H

#include "salesc/runtime/Model.h"
#include "salesc/runtime/SparseLU.h"

#include "llvm/Support/Error.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace salesc::rt {

/// The mark of an outcome in Chain::local.
inline constexpr size_t NotStage = ~size_t(0);

/// The stages numbered 0..k-1 in state order (`stages`; `local` maps a state to its
/// number, NotStage for outcomes), R·1_won (`winNow`), the stages' mean times
/// (`mean`), and I − Q factored once (`lu`, never empty in a Chain factorChain made).
struct Chain {
  std::vector<uint32_t> stages;
  std::vector<size_t> local;
  std::vector<double> winNow;
  std::vector<double> mean;
  std::optional<SparseLU> lu;
};

/// The chain of `p`, which must pass verify(). Fails, with a message for a user, when
/// I − Q is singular to working precision: some loop is taken with a probability too
/// close to 1 for the figures to mean anything.
llvm::Expected<Chain> factorChain(const Process& p);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_CHAIN_H
