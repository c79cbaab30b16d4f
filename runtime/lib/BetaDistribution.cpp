//===- BetaDistribution.cpp - The Beta distribution, for shares seen in a log ===//
#include "salesc/runtime/BetaDistribution.h"

#include <cmath>

namespace salesc::rt {

namespace {

/// The continued fraction of I_x(a, b) (Numerical Recipes' betacf, Lentz's method); it
/// converges fast for x < (a + 1) / (a + b + 2).
double continuedFraction(double a, double b, double x) {
  constexpr double Tiny = 1e-300, Epsilon = 1e-15;
  const double qab = a + b, qap = a + 1, qam = a - 1;
  double c = 1, d = 1 - qab * x / qap;
  if (std::fabs(d) < Tiny)
    d = Tiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 1000; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    d = std::fabs(d) < Tiny ? Tiny : d;
    c = 1 + aa / c;
    c = std::fabs(c) < Tiny ? Tiny : c;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    d = std::fabs(d) < Tiny ? Tiny : d;
    c = 1 + aa / c;
    c = std::fabs(c) < Tiny ? Tiny : c;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < Epsilon)
      break;
  }
  return h;
}

} // namespace

BetaDistribution BetaDistribution::jeffreysPosterior(uint64_t successes, uint64_t trials) {
  return BetaDistribution(static_cast<double>(successes) + 0.5,
                          static_cast<double>(trials - successes) + 0.5);
}

double BetaDistribution::cdf(double x) const {
  if (x <= 0)
    return 0;
  if (x >= 1)
    return 1;
  // x^a (1 - x)^b / B(a, b), in logarithms so that large counts do not overflow.
  const double front = std::exp(std::lgamma(a_ + b_) - std::lgamma(a_) - std::lgamma(b_) +
                                a_ * std::log(x) + b_ * std::log1p(-x));
  if (x < (a_ + 1) / (a_ + b_ + 2))
    return front * continuedFraction(a_, b_, x) / a_;
  return 1 - front * continuedFraction(b_, a_, 1 - x) / b_;
}

double BetaDistribution::quantile(double q) const {
  if (q <= 0)
    return 0;
  if (q >= 1)
    return 1;
  double low = 0, high = 1;
  while (high - low > 1e-13) {
    const double mid = (low + high) / 2;
    (cdf(mid) < q ? low : high) = mid;
  }
  return (low + high) / 2;
}

std::pair<double, double> BetaDistribution::interval(double level) const {
  return {quantile((1 - level) / 2), quantile((1 + level) / 2)};
}

} // namespace salesc::rt
