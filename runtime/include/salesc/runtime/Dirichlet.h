//===- Dirichlet.h - Edge shares drawn from their posterior given a history ===//
//
// The shares a process states are estimates. Given the moves a CRM's stage history
// counts out of each stage, the shares of a stage's edges have a Dirichlet posterior
// (a Beta for a stage with two exits): `forecast --uncertainty` draws them once per
// simulated pipeline, so the spread of its figures carries how sure the history makes
// the rates. Gamma variates by Marsaglia and Tsang's method (shapes below 1 boosted
// by U^(1/shape)); a Dirichlet draw is independent Gammas, normalised.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_DIRICHLET_H
#define SALESC_RUNTIME_DIRICHLET_H

#include "salesc/runtime/Model.h"
#include "salesc/runtime/Random.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace salesc::rt {

/// A standard normal variate (Box-Muller, one of the pair).
double sampleNormal(Xoshiro256& rng);

/// A Gamma(shape, 1) variate; shape > 0.
double sampleGamma(double shape, Xoshiro256& rng);

/// The Dirichlet posterior of every stage's edge shares: per transition of the process
/// (Process::transitions order), alpha = the stated share (the prior: a Dirichlet whose
/// mean is the stated shares and whose weight is one deal in all, so a stage the history
/// never leaves keeps its stated shares on average) + the moves the history counts along
/// it. Invariant: alpha.size() == counts.size() == the process's transitions.
struct SharePosterior {
  std::vector<double> alpha;
  std::vector<uint64_t> counts; ///< per transition: the moves counted along it
};

/// The posterior of `p`'s shares given `counts` (per transition; missing entries count 0).
SharePosterior sharePosterior(const Process& p, llvm::ArrayRef<uint64_t> counts);

/// The posterior mean of transition `t`'s share: its alpha over the sum of the alphas of
/// its stage's transitions (0 when that sum is 0).
double posteriorMean(const Process& p, const SharePosterior& posterior, size_t t);

/// One draw of every transition's probability from `posterior`: per stage, its edges'
/// shares from the Dirichlet of their alphas (edges with alpha 0 stay at 0), summing to 1.
std::vector<double> drawShares(const Process& p, const SharePosterior& posterior, Xoshiro256& rng);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_DIRICHLET_H
