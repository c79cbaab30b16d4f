//===- Survival.h - Times in stage when some visits are still open --------===//
//
// The Kaplan-Meier estimate of the survival function S(t) = P(time in stage > t) from
// completed visits (events) and visits still open at the as-of date (right-censored at
// the time they have lasted so far), its quantiles, and a test of where its median lies.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_SURVIVAL_H
#define SALESC_RUNTIME_SURVIVAL_H

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace salesc::rt {

/// One visit: how long it lasted (completed) or has lasted so far (open: censored).
struct Visit {
  double days = 0;
  bool open = false;
};

/// The Kaplan-Meier step function of a sample of visits: at each distinct completed
/// time t_i, S drops by the factor 1 - d_i / n_i (d_i visits completed at t_i, n_i
/// visits at risk: lasting t_i or longer, open ones whose time equals t_i included).
class KaplanMeier {
public:
  explicit KaplanMeier(llvm::ArrayRef<Visit> visits);
  /// The same from the completed times and the open ones, each already sorted (ascending):
  /// no sort again (conform sorts the completed times for their percentiles first).
  KaplanMeier(std::vector<double> completedSorted, llvm::ArrayRef<double> openSorted);

  /// S(t): the estimated share of visits lasting longer than t.
  double survival(double t) const;
  /// S just before t: the share lasting t or longer.
  double survivalBefore(double t) const;
  /// The q-quantile: the smallest completed time t with S(t) <= 1 - q (the textbook
  /// definition, no interpolation); NaN when S never falls that low (too many visits
  /// still open, or none completed).
  double quantile(double q) const;
  /// The longest time observed, completed or open; NaN without visits.
  double longest() const { return longest_; }
  /// Whether the median is outside [low, high] beyond chance: the two-sided p-value
  /// of the test that S(high) > 1/2 (median above high) or S just before low < 1/2
  /// (median below low), each a one-sided z test with the variance under the null,
  /// 1/4 divided by the effective sample size m (m = S (1 - S) / Greenwood's variance,
  /// which is n without censoring; where S is 0 or 1, the visits whose side of t is
  /// known); 1 without visits.
  double medianOutsideP(double low, double high) const;

private:
  struct Step {
    double time;        ///< a distinct completed time
    double survival;    ///< S from this time on
    double greenwood;   ///< the sum of d / (n (n - d)) up to this time
    unsigned atRisk;    ///< n: visits lasting this long or longer
    unsigned completed; ///< d
  };
  /// The steps, from completed_ (sorted) and the sorted open times.
  void build(llvm::ArrayRef<double> openSorted);
  /// The last step at or before t (or strictly before t); nullptr when there is none.
  const Step* stepAt(double t, bool strictly) const;
  /// The effective sample size at the step `s` (nullptr: before any completion) for t
  /// (or just before t).
  double effectiveSize(const Step* s, double t, bool strictly) const;

  std::vector<Step> steps_;
  std::vector<double> completed_; ///< sorted completed times
  std::vector<double> all_;       ///< sorted times, completed and open
  double longest_;
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_SURVIVAL_H
