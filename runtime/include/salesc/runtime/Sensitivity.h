//===- Sensitivity.h - Where one more point of conversion pays most -------===//
#ifndef SALESC_RUNTIME_SENSITIVITY_H
#define SALESC_RUNTIME_SENSITIVITY_H

#include "salesc/runtime/Markov.h"

#include <optional>
#include <vector>

namespace salesc::rt {

/// What one more percentage point of conversion on one edge is worth.
struct EdgeSensitivity {
  uint32_t transition = 0; ///< index into Process::transitions
  /// The share moved onto the edge: 0.01, or all the stage loses when that is less.
  double shareStep = 0.01;
  double winRateGain = 0; ///< new win rate from the start minus the current one
  /// New value of a lead minus the current one (the same update with the win values,
  /// Analysis::winValue, for the win probabilities: winRateGain x value when every win
  /// takes the process's value); nullopt when values are missing.
  std::optional<double> valuePerLeadGain;
};

/// For every edge between a stage and another stage or a won outcome whose stage also
/// loses prospects: the exact change of the win rate from the start when one
/// percentage point (0.01, or what is left if less) moves from the stage's lost exits
/// (in proportion to their shares) to that edge, found by re-solving the chain.
/// Sorted by gain, largest first (ties: transition order). Edges of stages that lose
/// no one are left out: there is no point to move. With segments: the point moves in
/// every segment, and the gains are the share-weighted sums of the segments' gains on the
/// edge between the same states (an edge a segment lacks, or where it loses no one, adds
/// nothing); the edges listed are the process's own.
std::vector<EdgeSensitivity> sensitivity(const Process& p, const Analysis& a);

/// What one more percentage point of approval by one role of a sign-off stage is worth.
struct SignoffSensitivity {
  uint32_t state = 0;     ///< the sign-off stage, index into Process::states
  uint32_t signoff = 0;   ///< the role, index into its State::signoffs
  double shareStep = 0;   ///< what the role's share gains: 0.01, or what is left below 1
  double winRateGain = 0; ///< new win rate from the start minus the current one
  std::optional<double> valuePerLeadGain; ///< as EdgeSensitivity's
};

/// For every role of every sign-off stage (in state order, then role order): the exact
/// change of the win rate from the start when the role approves one percentage point
/// more (its share s becomes s + 0.01, or 1 if less is left). The stage's approved
/// transition carries the product of the shares, so its probability is multiplied by
/// (s + 0.01) / s; what it gains leaves the stage's remainder transitions (in proportion
/// to them, like every remainder). A rank-one update of the solved chain, as for
/// sensitivity(): one solve per sign-off stage whose targets lead back to it, none
/// otherwise. With segments, blended as sensitivity() does.
std::vector<SignoffSensitivity> signoffSensitivity(const Process& p, const Analysis& a);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_SENSITIVITY_H
