//===- Sensitivity.h - Where one more point of conversion pays most -------===//
#ifndef SALESC_RUNTIME_SENSITIVITY_H
#define SALESC_RUNTIME_SENSITIVITY_H

#include "salesc/runtime/Markov.h"

#include <optional>
#include <vector>

namespace salesc::rt {

/// What one more percentage point of conversion on one edge is worth.
struct EdgeSensitivity {
  uint32_t transition = 0;                ///< index into Process::transitions
  double winRateGain = 0;                 ///< new win rate from the start minus the current one
  std::optional<double> valuePerLeadGain; ///< winRateGain x value, when the value is known
};

/// For every edge between a stage and another stage or a won outcome whose stage also
/// loses prospects: the exact change of the win rate from the start when one
/// percentage point (0.01, or what is left if less) moves from the stage's lost exits
/// (in proportion to their shares) to that edge, found by re-solving the chain.
/// Sorted by gain, largest first (ties: transition order). Edges of stages that lose
/// no one are left out: there is no point to move.
std::vector<EdgeSensitivity> sensitivity(const Process& p, const Analysis& a);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_SENSITIVITY_H
