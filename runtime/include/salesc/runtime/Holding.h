//===- Holding.h - How long a prospect stays in a stage -------------------===//
//
// A stage's holding time is triangular on its min / typical / max, or, for a sign-off
// stage (State::signoffs), the maximum of its roles' independent triangular times: the
// review lasts until the last answer arrives. Here are the exact figures of both (the
// mean, the CDF, the mean time left after a given age), what the roles' shares send on,
// and the samplers that simulate and forecast draw with. Every consumer of a stage's
// time (the analysis, the simulation, the forecast, conformance, the reports) goes
// through these, so a sign-off stage means the same everywhere.
//
// The maximum M of independent T_1..T_n has the CDF G(x) = F_1(x) ... F_n(x). Each F_r is
// a polynomial of degree at most 2 between the breakpoints min_r, typical_r, max_r, so
// between consecutive breakpoints of all the roles G is a polynomial of degree at most
// 2n, and so is the survival S = 1 - G. E[M] = integral from 0 to max_r max_r of S(x) dx
// (M >= 0), and E[M - t | M > t] = integral from t of S(x) dx / S(t). Each piece is
// integrated by Gauss-Legendre quadrature with n + 1 nodes, exact for polynomials of
// degree up to 2n + 1: the result is exact up to rounding, with no series or sampling.
// S is evaluated as S_1..k = S_k + F_k S_1..k-1, a sum of non-negative terms, so it
// loses no digits where G is close to 1 (the upper tail the forecast conditions on).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_HOLDING_H
#define SALESC_RUNTIME_HOLDING_H

#include "salesc/runtime/Model.h"
#include "salesc/runtime/Random.h"

#include "llvm/ADT/ArrayRef.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace salesc::rt {

/// P(T <= x) for T triangular(h.min, h.typical, h.max); a step at min for a fixed time.
double triangularCdf(const Holding& h, double x);

/// The share of a sign-off stage's prospects that every role approves: the product of
/// the roles' shares (1 for no roles).
double approvedShare(llvm::ArrayRef<Signoff> signoffs);

/// The index in Process::transitions of the transition a sign-off stage sends its
/// approved share along (to its `next` target): its one transition that is not the
/// remainder (Transition::implicit). nullopt for a stage that is not a sign-off stage or
/// that has no such transition (verify() refuses that).
std::optional<uint32_t> approvedTransition(const Process& p, uint32_t stage);

/// The role of a sign-off stage most likely to block it: the lowest share (ties: the
/// first in order). An index into `signoffs`, which is non-empty.
uint32_t mostLikelyToBlock(llvm::ArrayRef<Signoff> signoffs);
/// The slowest role of a sign-off stage: the largest mean time (ties: the first).
uint32_t slowestRole(llvm::ArrayRef<Signoff> signoffs);

// --- The maximum of independent triangular times -------------------------------------
// `times` is non-empty, each 0 <= min <= typical <= max (verify() checks a stage's).

/// P(max <= x).
double maxCdf(llvm::ArrayRef<Holding> times, double x);
/// P(max > x), computed without cancellation (see the top of this file).
double maxSurvival(llvm::ArrayRef<Holding> times, double x);
/// E[max], exactly (piecewise-polynomial integration of the survival).
double maxMean(llvm::ArrayRef<Holding> times);
/// E[max - t | max > t], exactly: how much longer a review that has lasted t days is
/// expected to last. 0 when max > t is impossible (t at or past the largest max).
double maxExcessMean(llvm::ArrayRef<Holding> times, double t);

// --- A stage's holding time -----------------------------------------------------------

/// The triangular times whose maximum is the stage's holding time: the roles' times of a
/// sign-off stage, else the stage's one time (all zero for a stage without `time`).
std::vector<Holding> holdingTimes(const State& s);
/// The mean holding time of a stage: time.mean(), or the maximum's exact mean for a
/// sign-off stage. 0 for outcomes.
double holdingMean(const State& s);
/// P(holding time <= x).
double holdingCdf(const State& s, double x);
/// E[holding time - t | holding time > t] (see maxExcessMean).
double holdingExcessMean(const State& s, double t);
/// The shortest and longest holding time: (min, max) of the stage's time, or, for a
/// sign-off stage, (the largest min, the largest max) of its roles' times.
std::pair<double, double> holdingRange(const State& s);

/// Draws a stage's holding time: its triangular time by inverse CDF, or each role's time
/// and the maximum. A stage without sign-offs draws exactly as Triangular::sample does,
/// so adding sign-offs to a model changes no other stage's draws.
class HoldingSampler {
public:
  HoldingSampler() = default;
  explicit HoldingSampler(const State& s);

  double sample(Xoshiro256& rng) const {
    if (roles_.empty())
      return time_.sample(rng);
    double longest = 0;
    for (const Triangular& r : roles_)
      longest = std::max(longest, r.sample(rng));
    return longest;
  }

  /// What is left of the holding time of a deal that entered the stage `age` days ago:
  /// drawn from the holding time conditioned on exceeding `age`, minus `age`; 0 when it
  /// cannot exceed `age` (the deal is overdue and leaves now). Exact for a sign-off stage
  /// too: the role that is first (in role order) to take longer than `age` is drawn
  /// with its probability, the roles before it conditioned on at most `age`, itself on
  /// more, the roles after it unconditioned, and the maximum taken.
  class Remaining {
  public:
    /// Whether the deal leaves at once (its age is at least the longest holding time).
    bool leavesNow() const { return leavesNow_; }
    double sample(Xoshiro256& rng) const;

  private:
    friend class HoldingSampler;
    const HoldingSampler* stage_ = nullptr;
    double age_ = 0;
    double lowU_ = 0; ///< one time: its cdf at age; the draw is quantile(U), U in [lowU, 1)
    bool leavesNow_ = true;
  };
  /// The remaining time of a deal `age` days (>= 0) into the stage, prepared once per deal.
  Remaining after(double age) const;

private:
  double sampleMaxBeyond(double age, Xoshiro256& rng) const;

  Holding stated_; ///< the stage's own time (unused by a sign-off stage)
  Triangular time_;
  std::vector<Triangular> roles_; ///< a sign-off stage's roles, in order; empty otherwise
  std::vector<Holding> roleTimes_;
  double longest_ = 0; ///< the largest holding time possible
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_HOLDING_H
