//===- Roi.h - Return on a marketing campaign that brings in leads --------===//
//
// What a campaign of N leads at a given cost returns, from the win rate of the
// process (from its start) and the process value. Each lead wins independently
// with the win rate, so the number of customers is Binomial(N, win rate); its
// percentiles are exact.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_ROI_H
#define SALESC_RUNTIME_ROI_H

#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include <cstdint>
#include <optional>

namespace salesc::rt {

/// The return of a campaign. Figures that would divide by zero are nullopt
/// ("not defined"; JSON null). Invariant: customersP10 <= customersP90.
struct RoiResult {
  double leads = 0;
  double cost = 0;
  double winRate = 0; ///< probability that a lead becomes a customer (from the start)
  double value = 0;   ///< value of a customer: the process value, 0 when it states none
  /// leads x winRate. JSON `expected_customers`.
  double expectedCustomers = 0;
  /// expectedCustomers x value. JSON `expected_revenue`.
  double expectedRevenue = 0;
  /// (expectedRevenue - cost) / cost; nullopt when cost is 0. JSON `roi`.
  std::optional<double> roi;
  /// cost / expectedCustomers; nullopt when no customer is expected.
  std::optional<double> costPerCustomer;
  /// Leads for expected revenue to equal the cost: cost / (winRate x value);
  /// nullopt when a lead is worth nothing (winRate x value = 0).
  std::optional<double> breakEvenLeads;
  /// Percentiles of the number of customers, Binomial(round(leads), winRate).
  uint64_t customersP10 = 0;
  uint64_t customersP90 = 0;
  /// The same percentiles times value.
  double revenueP10 = 0;
  double revenueP90 = 0;
  /// Whether the percentiles come from the normal approximation (see binomialQuantile).
  bool normalApproximation = false;
};

/// The return of `leads` leads bought for `cost` into `p`, whose analysis is
/// `a`. Negative leads count as 0.
RoiResult roi(const Process& p, const Analysis& a, double leads, double cost);

/// Above this variance n p (1 - p), binomialQuantile uses the normal approximation.
constexpr double BinomialNormalThreshold = 1e4;

/// The q-quantile of Binomial(n, prob): the smallest k with P(X <= k) >= q, for
/// q in (0, 1). Exact (the pmf, built outwards from the mode by its ratio
/// recurrence and normalized, summed from below) while n p (1 - p) <=
/// BinomialNormalThreshold; above it, the normal
/// approximation with continuity correction, ceil(n p + z_q sqrt(n p (1-p)) - 0.5),
/// clamped to 0..n.
uint64_t binomialQuantile(uint64_t n, double prob, double q);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_ROI_H
