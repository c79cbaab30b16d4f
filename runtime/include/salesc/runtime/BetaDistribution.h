//===- BetaDistribution.h - The Beta distribution, for shares seen in a log ===//
//
// A share of deals estimated from a count of moves is uncertain; with a Beta prior its
// posterior is a Beta distribution, whose quantiles give a credible interval. calibrate
// uses the Jeffreys prior (BetaDistribution::jeffreysPosterior).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_BETADISTRIBUTION_H
#define SALESC_RUNTIME_BETADISTRIBUTION_H

#include <cstdint>
#include <utility>

namespace salesc::rt {

/// Beta(a, b) on [0, 1], a > 0 and b > 0.
class BetaDistribution {
public:
  BetaDistribution(double a, double b) : a_(a), b_(b) {}

  /// The posterior of a share after `successes` of `trials` from the Jeffreys prior
  /// Beta(1/2, 1/2): Beta(successes + 1/2, trials - successes + 1/2).
  static BetaDistribution jeffreysPosterior(uint64_t successes, uint64_t trials);

  double a() const { return a_; }
  double b() const { return b_; }
  double mean() const { return a_ / (a_ + b_); }
  /// P(X <= x): the regularized incomplete beta function I_x(a, b), by its continued
  /// fraction (Lentz's method), accurate to about 1e-13 (1e-11 with counts in the thousands, where
  /// lgamma loses digits).
  double cdf(double x) const;
  /// The q-quantile: the x with cdf(x) = q, by bisection to 1e-13; 0 for q <= 0, 1 for
  /// q >= 1.
  double quantile(double q) const;
  /// The equal-tailed interval holding `level` of the probability: the quantiles
  /// (1 - level) / 2 and (1 + level) / 2.
  std::pair<double, double> interval(double level) const;

private:
  double a_, b_;
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_BETADISTRIBUTION_H
