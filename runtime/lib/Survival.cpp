//===- Survival.cpp - Times in stage when some visits are still open ------===//
#include "salesc/runtime/Survival.h"

#include "salesc/runtime/Significance.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace salesc::rt {

KaplanMeier::KaplanMeier(llvm::ArrayRef<Visit> visits)
    : longest_(std::numeric_limits<double>::quiet_NaN()) {
  std::vector<double> open;
  for (const Visit& v : visits)
    (v.open ? open : completed_).push_back(v.days);
  std::sort(completed_.begin(), completed_.end());
  std::sort(open.begin(), open.end());
  build(open);
}

KaplanMeier::KaplanMeier(std::vector<double> completedSorted, llvm::ArrayRef<double> openSorted)
    : completed_(std::move(completedSorted)), longest_(std::numeric_limits<double>::quiet_NaN()) {
  assert(std::is_sorted(completed_.begin(), completed_.end()) &&
         std::is_sorted(openSorted.begin(), openSorted.end()));
  build(openSorted);
}

void KaplanMeier::build(llvm::ArrayRef<double> openSorted) {
  all_.resize(completed_.size() + openSorted.size());
  std::merge(completed_.begin(), completed_.end(), openSorted.begin(), openSorted.end(),
             all_.begin());
  if (!all_.empty())
    longest_ = all_.back();
  double survival = 1, greenwood = 0;
  size_t before = 0; // the visits of all_ shorter than t: all_[before] is the first >= t
  for (size_t i = 0; i < completed_.size();) {
    const double t = completed_[i];
    size_t j = i;
    while (j < completed_.size() && completed_[j] == t)
      ++j;
    while (before < all_.size() && all_[before] < t)
      ++before;
    const auto d = static_cast<unsigned>(j - i);
    const auto n = static_cast<unsigned>(all_.size() - before);
    survival *= 1 - static_cast<double>(d) / n;
    if (n > d)
      greenwood += static_cast<double>(d) / (static_cast<double>(n) * (n - d));
    steps_.push_back(Step{t, survival, greenwood, n, d});
    i = j;
  }
}

const KaplanMeier::Step* KaplanMeier::stepAt(double t, bool strictly) const {
  auto it = strictly ? std::lower_bound(steps_.begin(), steps_.end(), t,
                                        [](const Step& s, double v) { return s.time < v; })
                     : std::upper_bound(steps_.begin(), steps_.end(), t,
                                        [](double v, const Step& s) { return v < s.time; });
  return it == steps_.begin() ? nullptr : &*(it - 1);
}

double KaplanMeier::survival(double t) const {
  const Step* s = stepAt(t, false);
  return s ? s->survival : 1.0;
}

double KaplanMeier::survivalBefore(double t) const {
  const Step* s = stepAt(t, true);
  return s ? s->survival : 1.0;
}

double KaplanMeier::quantile(double q) const {
  for (const Step& s : steps_)
    if (s.survival <= 1 - q + 1e-12)
      return s.time;
  return std::numeric_limits<double>::quiet_NaN();
}

double KaplanMeier::effectiveSize(const Step* s, double t, bool strictly) const {
  const double survival = s ? s->survival : 1.0;
  if (survival > 0 && survival < 1 && s->greenwood > 0)
    return (1 - survival) / (survival * s->greenwood);
  // Visits whose side of t is known: completed by t, or lasting (so far) beyond it.
  auto countUpTo = [&](const std::vector<double>& v) {
    return static_cast<double>(strictly ? std::lower_bound(v.begin(), v.end(), t) - v.begin()
                                        : std::upper_bound(v.begin(), v.end(), t) - v.begin());
  };
  return countUpTo(completed_) + (static_cast<double>(all_.size()) - countUpTo(all_));
}

double KaplanMeier::medianOutsideP(double low, double high) const {
  if (all_.empty())
    return 1;
  // Under the null the median is at the bound: S there is 1/2, with variance 1/(4 m).
  auto upperTail = [](double s, double m) {
    return m > 0 ? normalUpperTail((s - 0.5) * 2 * std::sqrt(m)) : 1.0;
  };
  const double above = upperTail(survival(high), effectiveSize(stepAt(high, false), high, false));
  const double below =
      upperTail(1 - survivalBefore(low), effectiveSize(stepAt(low, true), low, true));
  return std::min(1.0, 2 * std::min(above, below));
}

} // namespace salesc::rt
