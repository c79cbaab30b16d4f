//===- Roi.h - Return on a marketing campaign that brings in leads --------===//
//
// What a campaign of N leads at a given cost returns, from the win rate and the value
// of a lead at the stage the leads enter (the start by default): the sum over won
// outcomes of P(win there) x the win's value (Markov.h winValue). With segments, the
// leads are in the segments' shares (or all in the one segment the campaign names),
// whatever stage they enter, and every figure is the sum over segments. Each lead
// wins independently with the blended win rate (a lead's segment drawn by its share,
// then its segment's chance), so the number of customers is Binomial(N, win rate), and
// those of one segment Binomial(N, share x its win rate); their percentiles are exact.
// ROI is on the margin when the process states one, else on revenue.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_ROI_H
#define SALESC_RUNTIME_ROI_H

#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

/// What the leads of one segment bring.
struct RoiSegment {
  std::string name;
  double share = 0;   ///< of the campaign's leads: the segment's share, or 1 when named
  double winRate = 0; ///< of a lead of this segment, at the stage the leads enter
  /// leads x share x winRate.
  double expectedCustomers = 0;
  /// leads x share x the segment's value of a lead there; 0 without values.
  double expectedRevenue = 0;
  /// expectedRevenue x the segment's margin; nullopt without a margin.
  std::optional<double> expectedMargin;
  /// Percentiles of the segment's customers, Binomial(round(leads), share x winRate).
  uint64_t customersP10 = 0;
  uint64_t customersP90 = 0;
};

/// The return of a campaign. Figures that would divide by zero are nullopt
/// ("not defined"; JSON null). Invariant: customersP10 <= customersP90.
struct RoiResult {
  std::string campaign; ///< the campaign's name; empty for --leads and --cost
  double leads = 0;
  double cost = 0;
  uint32_t enters = 0;                ///< the state the leads enter
  std::optional<std::string> segment; ///< the one segment of the leads; nullopt: all
  std::optional<double> targetRoi;    ///< the campaign's target, a ratio
  double winRate = 0; ///< probability that a lead becomes a customer (where it enters)
  /// The mean value of a customer: the value of a lead / winRate; 0 when values are
  /// missing (or no lead wins).
  double value = 0;
  /// leads x winRate. JSON `expected_customers`.
  double expectedCustomers = 0;
  /// leads x the value of a lead: the sum over won outcomes of the expected wins
  /// there x their value. JSON `expected_revenue`.
  double expectedRevenue = 0;
  /// The gross margin of the revenue: revenue x margin (per segment, with its
  /// margin); nullopt without a margin. JSON `expected_margin`.
  std::optional<double> expectedMargin;
  /// (expectedMargin - cost) / cost with a margin, else (expectedRevenue - cost) / cost;
  /// nullopt when cost is 0. JSON `roi`.
  std::optional<double> roi;
  /// Whether `roi` meets `targetRoi` (within TargetTolerance); nullopt without a target
  /// or an ROI.
  std::optional<bool> targetMet;
  /// cost / expectedCustomers; nullopt when no customer is expected.
  std::optional<double> costPerCustomer;
  /// Leads for the expected margin (revenue without a margin) to equal the cost: cost
  /// / what a lead brings; nullopt when a lead brings nothing.
  std::optional<double> breakEvenLeads;
  /// Percentiles of the number of customers, Binomial(round(leads), winRate).
  uint64_t customersP10 = 0;
  uint64_t customersP90 = 0;
  /// The same percentiles times `value` (the mean value of a customer: exact when every
  /// win is worth the same).
  double revenueP10 = 0;
  double revenueP90 = 0;
  /// Whether the percentiles come from the normal approximation (see binomialQuantile).
  bool normalApproximation = false;
  /// Per segment of the process that the leads are in (none without segments).
  std::vector<RoiSegment> segments;
};

/// The return of `leads` leads bought for `cost` into `p` at its start, in the shares
/// of its segments; `a` is its analysis. Negative leads count as 0.
RoiResult roi(const Process& p, const Analysis& a, double leads, double cost);

/// The return of campaign `c` into `p` (c.process names it; not checked here). Fails
/// when `c` enters a state `p` lacks or an outcome, or names a segment `p` lacks.
llvm::Expected<RoiResult> roi(const Process& p, const Analysis& a, const Campaign& c);

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
