//===- Roi.cpp - Return on a marketing campaign that brings in leads ------===//
#include "salesc/runtime/Roi.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <deque>

namespace salesc::rt {
namespace {

/// Inverse of the standard normal CDF: Acklam's rational approximation
/// (relative error 1.15e-9) polished by one Halley step against erfc.
double normalQuantile(double q) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double low = 0.02425;
  double x;
  if (q < low) {
    const double r = std::sqrt(-2 * std::log(q));
    x = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) /
        ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
  } else if (q <= 1 - low) {
    const double s = q - 0.5, r = s * s;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * s /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double r = std::sqrt(-2 * std::log(1 - q));
    x = -(((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) /
        ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
  }
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - q;
  const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

/// The exact quantile: relative pmf weights around the mode (weight 1 there),
/// extended both ways until they fall below 1e-30 of the mode's.
uint64_t exactQuantile(uint64_t n, double prob, double q) {
  const double ratio = prob / (1 - prob); // pmf(k+1)/pmf(k) = (n-k)/(k+1) * ratio
  const uint64_t mode =
      std::min<uint64_t>(n, static_cast<uint64_t>(std::floor((static_cast<double>(n) + 1) * prob)));
  constexpr double Cutoff = 1e-30;
  std::deque<double> weights{1.0};
  uint64_t lo = mode;
  for (double w = 1.0; lo > 0;) {
    const double k = static_cast<double>(lo);
    w *= k / ((static_cast<double>(n) - k + 1) * ratio);
    if (w < Cutoff)
      break;
    weights.push_front(w);
    --lo;
  }
  for (double w = 1.0, k = static_cast<double>(mode); k < static_cast<double>(n); k += 1) {
    w *= (static_cast<double>(n) - k) / (k + 1) * ratio;
    if (w < Cutoff)
      break;
    weights.push_back(w);
  }
  double total = 0;
  for (double w : weights)
    total += w;
  const double target = q * total;
  double cumulative = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    cumulative += weights[i];
    if (cumulative >= target)
      return lo + i;
  }
  return lo + weights.size() - 1;
}

} // namespace

uint64_t binomialQuantile(uint64_t n, double prob, double q) {
  assert(q > 0 && q < 1 && "quantile outside (0, 1)");
  if (n == 0 || !(prob > 0))
    return 0;
  if (prob >= 1)
    return n;
  const double mean = static_cast<double>(n) * prob;
  const double variance = mean * (1 - prob);
  if (variance <= BinomialNormalThreshold)
    return exactQuantile(n, prob, q);
  const double k = std::ceil(mean + normalQuantile(q) * std::sqrt(variance) - 0.5);
  return static_cast<uint64_t>(std::clamp(k, 0.0, static_cast<double>(n)));
}

namespace {

/// What one lead of a segment (or of a process without segments) brings where it enters.
struct PerLead {
  double weight = 1; ///< the segment's share of the campaign's leads
  double win = 0;
  std::optional<double> value;
  std::optional<double> margin;
  std::optional<double> marginRate; ///< the process's (segment's) margin
  /// The value of every win, when all take the process's value (then the figures are
  /// computed as customers x value, as before outcomes had values of their own).
  std::optional<double> uniform;
};

PerLead perLead(const Process& p, const Analysis& a, uint32_t enters, double weight) {
  PerLead x;
  x.weight = weight;
  x.win = a.winProbability[enters];
  if (!a.winValue.empty())
    x.value = a.winValue[enters];
  x.marginRate = p.margin;
  if (x.value && p.margin)
    x.margin = *x.value * *p.margin;
  if (p.oneWinValue())
    x.uniform = p.value;
  return x;
}

/// The percentiles of Binomial(n, prob).
std::pair<uint64_t, uint64_t> customerPercentiles(uint64_t n, double prob) {
  return {binomialQuantile(n, prob, 0.10), binomialQuantile(n, prob, 0.90)};
}

} // namespace

RoiResult roi(const Process& p, const Analysis& a, double leads, double cost) {
  Campaign c;
  c.leads = leads;
  c.cost = cost;
  llvm::Expected<RoiResult> r = roi(p, a, c);
  if (!r) { // the start of a process that passes verify() is a state
    llvm::consumeError(r.takeError());
    return RoiResult{};
  }
  return std::move(*r);
}

llvm::Expected<RoiResult> roi(const Process& p, const Analysis& a, const Campaign& c) {
  auto fail = [](std::string message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
  };
  RoiResult r;
  r.campaign = c.name;
  r.leads = std::max(0.0, c.leads);
  r.cost = c.cost;
  r.enters = c.enters.value_or(p.start);
  r.segment = c.segment;
  r.targetRoi = c.targetRoi;
  if (r.enters >= p.states.size() || r.enters >= a.winProbability.size())
    return fail("its leads enter at a state the process does not have");
  if (p.states[r.enters].isOutcome())
    return fail("its leads enter at outcome '" + p.states[r.enters].name + "'; expected a stage");

  // The leads of each segment, or of the process when it has none.
  std::vector<PerLead> parts;
  if (a.segments.empty() || a.segments.size() != p.segments.size()) {
    if (c.segment)
      return fail("it names segment '" + *c.segment + "', but the process has no segments");
    parts.push_back(perLead(p, a, r.enters, 1));
  } else {
    for (size_t g = 0; g < p.segments.size(); ++g) {
      if (c.segment && *c.segment != p.segments[g].name)
        continue;
      parts.push_back(perLead(p.segments[g].process, a.segments[g].analysis, r.enters,
                              c.segment ? 1.0 : p.segments[g].share));
      RoiSegment s;
      s.name = p.segments[g].name;
      s.share = parts.back().weight;
      r.segments.push_back(s);
    }
    if (parts.empty())
      return fail("it names segment '" + *c.segment + "', which the process does not have");
  }

  const uint64_t n = static_cast<uint64_t>(std::llround(std::min(r.leads, 9e18)));
  bool values = true, margins = true;
  double valuePerLead = 0, marginPerLead = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const PerLead& x = parts[i];
    r.winRate += x.weight * x.win;
    values = values && x.value;
    margins = margins && x.margin;
    valuePerLead += x.weight * x.value.value_or(0.0);
    marginPerLead += x.weight * x.margin.value_or(0.0);
    if (r.segments.empty())
      continue;
    RoiSegment& s = r.segments[i];
    s.winRate = x.win;
    s.expectedCustomers = r.leads * x.weight * x.win;
    s.expectedRevenue = r.leads * x.weight * x.value.value_or(0.0);
    if (x.margin)
      s.expectedMargin = r.leads * x.weight * *x.margin;
    std::tie(s.customersP10, s.customersP90) = customerPercentiles(n, x.weight * x.win);
  }
  if (!values)
    valuePerLead = 0;
  const std::optional<double> margin = parts.size() == 1 ? parts[0].marginRate : std::nullopt;
  r.expectedCustomers = r.leads * r.winRate;
  double perLeadReturn = 0;
  if (parts.size() == 1 && parts[0].uniform) {
    r.value = *parts[0].uniform;
    r.expectedRevenue = r.expectedCustomers * r.value;
    perLeadReturn = r.winRate * r.value;
    if (margin) {
      r.expectedMargin = r.expectedRevenue * *margin;
      perLeadReturn *= *margin;
    }
  } else {
    r.value = r.winRate > 0 ? valuePerLead / r.winRate : 0.0;
    r.expectedRevenue = r.leads * valuePerLead;
    if (values && margins)
      r.expectedMargin = r.leads * marginPerLead;
    perLeadReturn = r.expectedMargin ? marginPerLead : valuePerLead;
  }
  if (c.cost != 0)
    r.roi = ((r.expectedMargin ? *r.expectedMargin : r.expectedRevenue) - c.cost) / c.cost;
  if (r.roi && r.targetRoi)
    r.targetMet = *r.roi >= *r.targetRoi - TargetTolerance;
  if (r.expectedCustomers > 0)
    r.costPerCustomer = c.cost / r.expectedCustomers;
  if (perLeadReturn != 0)
    r.breakEvenLeads = c.cost / perLeadReturn;

  const double variance = static_cast<double>(n) * r.winRate * (1 - r.winRate);
  r.normalApproximation = variance > BinomialNormalThreshold;
  std::tie(r.customersP10, r.customersP90) = customerPercentiles(n, r.winRate);
  r.revenueP10 = static_cast<double>(r.customersP10) * r.value;
  r.revenueP90 = static_cast<double>(r.customersP90) * r.value;
  return r;
}

} // namespace salesc::rt
