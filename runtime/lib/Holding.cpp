//===- Holding.cpp - How long a prospect stays in a stage -----------------===//
#include "salesc/runtime/Holding.h"

#include "llvm/ADT/SmallVector.h"

#include <cmath>

namespace salesc::rt {
namespace {

/// P(T > x) for T triangular on h, from the formula of the piece x is on (no 1 - F).
double triangularSurvival(const Holding& h, double x) {
  if (x >= h.max)
    return 0;
  if (x < h.min)
    return 1;
  const double range = h.max - h.min;
  if (x < h.typical)
    return 1 - (x - h.min) * (x - h.min) / (range * (h.typical - h.min));
  return (h.max - x) * (h.max - x) / (range * (h.max - h.typical));
}

/// The nodes (in (-1, 1)) and weights of Gauss-Legendre quadrature with m points, exact
/// for polynomials of degree up to 2m - 1: the roots of the Legendre polynomial P_m by
/// Newton's method from Tricomi's first guess, as Numerical Recipes' gauleg does.
void gaussLegendre(unsigned m, llvm::SmallVectorImpl<double>& nodes,
                   llvm::SmallVectorImpl<double>& weights) {
  const double pi = 3.14159265358979323846;
  nodes.assign(m, 0.0);
  weights.assign(m, 0.0);
  for (unsigned i = 0; i < (m + 1) / 2; ++i) {
    double z = std::cos(pi * (i + 0.75) / (m + 0.5));
    double derivative = 1;
    for (int iteration = 0; iteration < 100; ++iteration) {
      double p1 = 1, p2 = 0; // P_k(z) and P_{k-1}(z), by the three-term recurrence
      for (unsigned k = 1; k <= m; ++k) {
        const double p3 = p2;
        p2 = p1;
        p1 = ((2.0 * k - 1) * z * p2 - (k - 1.0) * p3) / k;
      }
      derivative = m * (z * p1 - p2) / (z * z - 1);
      const double step = p1 / derivative;
      z -= step;
      if (std::abs(step) <= 1e-16)
        break;
    }
    nodes[i] = -z;
    nodes[m - 1 - i] = z;
    weights[i] = weights[m - 1 - i] = 2 / ((1 - z * z) * derivative * derivative);
  }
  if (m % 2 == 1)
    nodes[m / 2] = 0; // the middle root is 0 exactly
}

/// The integral of P(max > x) over [from, the largest max]: each piece between
/// consecutive breakpoints by Gauss-Legendre with times.size() + 1 nodes, exact there.
double survivalIntegral(llvm::ArrayRef<Holding> times, double from) {
  llvm::SmallVector<double, 16> breaks{from};
  for (const Holding& h : times)
    for (double b : {h.min, h.typical, h.max})
      if (b > from)
        breaks.push_back(b);
  std::sort(breaks.begin(), breaks.end());
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
  llvm::SmallVector<double, 8> nodes, weights;
  gaussLegendre(static_cast<unsigned>(times.size()) + 1, nodes, weights);
  double total = 0;
  for (size_t i = 0; i + 1 < breaks.size(); ++i) {
    const double half = (breaks[i + 1] - breaks[i]) / 2;
    const double middle = (breaks[i + 1] + breaks[i]) / 2;
    double piece = 0;
    for (size_t k = 0; k < nodes.size(); ++k)
      piece += weights[k] * maxSurvival(times, middle + half * nodes[k]);
    total += half * piece;
  }
  return total;
}

} // namespace

double triangularCdf(const Holding& h, double x) {
  if (x >= h.max)
    return 1;
  if (x <= h.min)
    return 0;
  const double range = h.max - h.min;
  if (x < h.typical)
    return (x - h.min) * (x - h.min) / (range * (h.typical - h.min));
  return 1 - (h.max - x) * (h.max - x) / (range * (h.max - h.typical));
}

double approvedShare(llvm::ArrayRef<Signoff> signoffs) {
  double share = 1;
  for (const Signoff& s : signoffs)
    share *= s.share;
  return share;
}

std::optional<uint32_t> approvedTransition(const Process& p, uint32_t stage) {
  if (stage >= p.states.size() || !p.states[stage].isSignoff())
    return std::nullopt;
  for (uint32_t t = 0; t < p.transitions.size(); ++t)
    if (p.transitions[t].from == stage && !p.transitions[t].implicit)
      return t;
  return std::nullopt;
}

uint32_t mostLikelyToBlock(llvm::ArrayRef<Signoff> signoffs) {
  uint32_t best = 0;
  for (uint32_t r = 1; r < signoffs.size(); ++r)
    if (signoffs[r].share < signoffs[best].share)
      best = r;
  return best;
}

uint32_t slowestRole(llvm::ArrayRef<Signoff> signoffs) {
  uint32_t best = 0;
  for (uint32_t r = 1; r < signoffs.size(); ++r)
    if (signoffs[r].time.mean() > signoffs[best].time.mean())
      best = r;
  return best;
}

double maxCdf(llvm::ArrayRef<Holding> times, double x) {
  double cdf = 1;
  for (const Holding& h : times)
    cdf *= triangularCdf(h, x);
  return cdf;
}

double maxSurvival(llvm::ArrayRef<Holding> times, double x) {
  // P(max of the first k > x) = S_k + F_k P(max of the first k - 1 > x): no cancellation.
  double survival = 0;
  for (const Holding& h : times)
    survival = triangularSurvival(h, x) + triangularCdf(h, x) * survival;
  return survival;
}

double maxMean(llvm::ArrayRef<Holding> times) {
  return survivalIntegral(times, 0); // the times are >= 0
}

double maxExcessMean(llvm::ArrayRef<Holding> times, double t) {
  const double survival = maxSurvival(times, t);
  if (!(survival > 0))
    return 0;
  return survivalIntegral(times, t) / survival;
}

std::vector<Holding> holdingTimes(const State& s) {
  if (!s.isSignoff())
    return {s.time};
  std::vector<Holding> times;
  for (const Signoff& r : s.signoffs)
    times.push_back(r.time);
  return times;
}

double holdingMean(const State& s) {
  return s.isSignoff() ? maxMean(holdingTimes(s)) : s.time.mean();
}

double holdingCdf(const State& s, double x) {
  return maxCdf(holdingTimes(s), x);
}

double holdingExcessMean(const State& s, double t) {
  return maxExcessMean(holdingTimes(s), t);
}

std::pair<double, double> holdingRange(const State& s) {
  if (!s.isSignoff())
    return {s.time.min, s.time.max};
  std::pair<double, double> range{0, 0};
  for (const Signoff& r : s.signoffs) {
    range.first = std::max(range.first, r.time.min);
    range.second = std::max(range.second, r.time.max);
  }
  return range;
}

HoldingSampler::HoldingSampler(const State& s)
    : stated_(s.time), time_(s.time.min, s.time.typical, s.time.max), longest_(s.time.max) {
  if (!s.isSignoff())
    return;
  roleTimes_ = holdingTimes(s);
  longest_ = 0;
  for (const Holding& h : roleTimes_) {
    roles_.emplace_back(h.min, h.typical, h.max);
    longest_ = std::max(longest_, h.max);
  }
}

HoldingSampler::Remaining HoldingSampler::after(double age) const {
  Remaining r;
  r.stage_ = this;
  r.age_ = age;
  r.leavesNow_ = age >= longest_;
  if (roles_.empty())
    r.lowU_ = triangularCdf(stated_, age);
  return r;
}

double HoldingSampler::Remaining::sample(Xoshiro256& rng) const {
  if (leavesNow_)
    return 0;
  if (!stage_->roles_.empty())
    return stage_->sampleMaxBeyond(age_, rng);
  const double u = lowU_ + rng.uniform() * (1 - lowU_);
  return std::max(0.0, stage_->time_.quantile(u) - age_);
}

double HoldingSampler::sampleMaxBeyond(double age, Xoshiro256& rng) const {
  // A_k = {T_j <= age for j < k, T_k > age}: disjoint events whose union is max > age,
  // P(A_k) = F_1(age) ... F_{k-1}(age) S_k(age). Given A_k the roles stay independent.
  const size_t n = roles_.size();
  llvm::SmallVector<double, 8> cdf(n), first(n);
  double below = 1, total = 0;
  for (size_t k = 0; k < n; ++k) {
    cdf[k] = triangularCdf(roleTimes_[k], age);
    first[k] = below * triangularSurvival(roleTimes_[k], age);
    total += first[k];
    below *= cdf[k];
  }
  size_t k = 0;
  double pick = rng.uniform() * total;
  while (k + 1 < n && (first[k] <= 0 || pick >= first[k])) {
    pick -= first[k];
    ++k;
  }
  while (first[k] <= 0 && k > 0) // rounding in `pick` ran past the last possible role
    --k;
  double longest = 0;
  for (size_t j = 0; j < n; ++j) {
    const double x = j < k    ? roles_[j].quantile(rng.uniform() * cdf[j])
                     : j == k ? roles_[j].quantile(cdf[j] + rng.uniform() * (1 - cdf[j]))
                              : roles_[j].sample(rng);
    longest = std::max(longest, x);
  }
  return std::max(0.0, longest - age);
}

} // namespace salesc::rt
