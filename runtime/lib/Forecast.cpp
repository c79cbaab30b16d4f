//===- Forecast.cpp - Revenue forecast of the open deals of a pipeline ----===//
#include "salesc/runtime/Forecast.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace salesc::rt {
namespace {

/// xoshiro256** seeded through splitmix64 (Blackman and Vigna): fast, and the
/// same seed gives the same stream on every platform.
class Xoshiro256 {
public:
  explicit Xoshiro256(uint64_t seed) {
    for (uint64_t& word : s) {
      seed += 0x9e3779b97f4a7c15ULL;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      word = z ^ (z >> 31);
    }
  }
  uint64_t next() {
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s[4];
};

/// Triangular(min, typical, max) distribution of a holding time.
struct Triangular {
  double min = 0, typical = 0, max = 0;

  double cdf(double x) const {
    if (x <= min)
      return 0;
    if (x >= max)
      return 1;
    const double range = max - min;
    if (x < typical)
      return (x - min) * (x - min) / (range * (typical - min));
    return 1 - (max - x) * (max - x) / (range * (max - typical));
  }
  double inverse(double u) const {
    const double range = max - min;
    if (range <= 0)
      return min;
    if (u * range < typical - min)
      return min + std::sqrt(u * range * (typical - min));
    return max - std::sqrt((1 - u) * range * (max - typical));
  }
};

/// The chain in a form cheap to sample: per state its holding time and its
/// outgoing edges (probability > 0) as cumulative probabilities.
struct Chain {
  std::vector<Triangular> time;
  std::vector<uint8_t> kind; ///< StateKind
  std::vector<uint32_t> firstEdge; ///< per state, then one past the last
  std::vector<double> cumulative;
  std::vector<uint32_t> target;

  explicit Chain(const Process& p) {
    const size_t n = p.states.size();
    for (const State& s : p.states) {
      time.push_back({s.time.min, s.time.typical, s.time.max});
      kind.push_back(static_cast<uint8_t>(s.kind));
    }
    std::vector<std::vector<const Transition*>> out(n);
    for (const Transition& t : p.transitions)
      if (t.probability > 0 && t.from < n && t.to < n)
        out[t.from].push_back(&t);
    for (size_t i = 0; i < n; ++i) {
      firstEdge.push_back(static_cast<uint32_t>(target.size()));
      double sum = 0;
      for (const Transition* t : out[i]) {
        sum += t->probability;
        cumulative.push_back(sum);
        target.push_back(t->to);
      }
    }
    firstEdge.push_back(static_cast<uint32_t>(target.size()));
  }

  bool isStage(uint32_t s) const { return kind[s] == uint8_t(StateKind::Stage); }
  bool isWon(uint32_t s) const { return kind[s] == uint8_t(StateKind::Won); }

  uint32_t next(uint32_t s, double u) const {
    uint32_t e = firstEdge[s];
    const uint32_t last = firstEdge[s + 1] - 1; // rounding: u past the sum takes the last edge
    while (e < last && u >= cumulative[e])
      ++e;
    return target[e];
  }
};

/// An open deal, ready to simulate.
struct Plan {
  uint32_t state;
  double age;   ///< days already spent in the stage, >= 0
  double lowU;  ///< cdf(age): the remaining time is inverse(U) - age, U in [lowU, 1)
  bool leaves;  ///< age >= max: the deal leaves at asOf
  double value;
};

/// Percentile of a sorted sample, linear interpolation between order statistics.
double percentile(const std::vector<double>& sorted, double q) {
  if (sorted.empty())
    return 0;
  const double h = q * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(h));
  if (lo + 1 >= sorted.size())
    return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

ForecastSpread spread(std::vector<double> sample) {
  ForecastSpread out;
  const double n = static_cast<double>(sample.size());
  if (sample.empty())
    return out;
  double sum = 0;
  for (double x : sample)
    sum += x;
  out.mean = sum / n;
  double squares = 0;
  for (double x : sample)
    squares += (x - out.mean) * (x - out.mean);
  out.stdError = sample.size() > 1 ? std::sqrt(squares / (n - 1) / n) : 0;
  std::sort(sample.begin(), sample.end());
  out.p10 = percentile(sample, 0.10);
  out.p50 = percentile(sample, 0.50);
  out.p90 = percentile(sample, 0.90);
  return out;
}

/// Days since 1970-01-01 of the first day of a month (Howard Hinnant's
/// days_from_civil).
int64_t daysFromCivil(int64_t y, unsigned m) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5; // day 1 of the month
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

/// Year and month of a day since 1970-01-01 (civil_from_days).
void civilFromDays(int64_t z, int& year, unsigned& month) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (month <= 2));
}

/// The calendar months from `from` to `to`, at most MaxForecastMonths.
std::vector<ForecastMonth> monthsBetween(double from, double to) {
  std::vector<ForecastMonth> months;
  int year;
  unsigned month;
  civilFromDays(static_cast<int64_t>(std::floor(from)), year, month);
  double start = from;
  while (true) {
    const unsigned nextMonth = month == 12 ? 1 : month + 1;
    const int nextYear = month == 12 ? year + 1 : year;
    const double end = static_cast<double>(daysFromCivil(nextYear, nextMonth));
    ForecastMonth m;
    m.year = year;
    m.month = month;
    m.from = start;
    if (end >= to || months.size() + 1 == MaxForecastMonths) {
      m.to = to;
      months.push_back(m);
      return months;
    }
    m.to = end;
    months.push_back(m);
    start = end;
    year = nextYear;
    month = nextMonth;
  }
}

} // namespace

double dealValue(const Process& p, const Deal& d) {
  if (d.value)
    return *d.value;
  return p.value.value_or(0.0);
}

std::vector<StalledDeal> stalledDeals(const Process& p, llvm::ArrayRef<Deal> deals, double asOf) {
  std::vector<StalledDeal> out;
  for (const Deal& d : deals) {
    if (d.state >= p.states.size() || p.states[d.state].isOutcome())
      continue;
    const std::optional<double>& limit = p.states[d.state].stalledAfter;
    const double age = asOf - d.entered;
    if (limit && age > *limit)
      out.push_back(StalledDeal{d.id, d.state, age, *limit, d.line});
  }
  std::stable_sort(out.begin(), out.end(), [](const StalledDeal& x, const StalledDeal& y) {
    return x.daysInStage - x.limit > y.daysInStage - y.limit;
  });
  return out;
}

ForecastResult forecast(const Process& p, const Analysis& a, llvm::ArrayRef<Deal> deals,
                        const ForecastOptions& options) {
  assert(a.winProbability.size() == p.states.size() && "analysis of another process");
  ForecastResult r;
  r.asOf = options.asOf;
  r.horizonEnd = options.asOf + options.horizonDays;
  r.months = monthsBetween(r.asOf, r.horizonEnd);
  r.stalled = stalledDeals(p, deals, options.asOf);

  const Chain chain(p);
  std::vector<Plan> plans;
  plans.reserve(deals.size());
  for (const Deal& d : deals) {
    if (d.state >= p.states.size() || !chain.isStage(d.state)) {
      ++r.ignoredDeals;
      continue;
    }
    const double value = dealValue(p, d);
    r.pipelineValue += value;
    r.weightedPipeline += value * a.winProbability[d.state];
    r.expectedWinsEventually += a.winProbability[d.state];
    const Triangular& t = chain.time[d.state];
    const double age = std::max(0.0, options.asOf - d.entered);
    plans.push_back(Plan{d.state, age, t.cdf(age), age >= t.max, value});
  }
  r.openDeals = plans.size();

  uint64_t runs = std::max<uint64_t>(1, options.runs);
  if (options.pathBudget > 0 && !plans.empty())
    runs = std::min(runs, std::max(options.minRuns, options.pathBudget / plans.size()));
  r.runs = runs;

  // Month of a win time: the first month whose end is past it (the last month
  // also takes a win exactly at horizonEnd).
  std::vector<double> monthEnds;
  for (const ForecastMonth& m : r.months)
    monthEnds.push_back(m.to);
  std::vector<double> monthWins(r.months.size(), 0.0), monthRevenue(r.months.size(), 0.0);
  std::vector<double> runWins(runs, 0.0), runRevenue(runs, 0.0);

  Xoshiro256 rng(options.seed);
  const double end = r.horizonEnd;
  for (uint64_t run = 0; run < runs; ++run) {
    double wins = 0, revenue = 0;
    for (const Plan& plan : plans) {
      uint32_t s = plan.state;
      const Triangular& first = chain.time[s];
      double t = options.asOf;
      if (!plan.leaves) {
        const double u = plan.lowU + rng.uniform() * (1 - plan.lowU);
        t += std::max(0.0, first.inverse(u) - plan.age);
      }
      s = chain.next(s, rng.uniform());
      while (chain.isStage(s) && t <= end) {
        t += chain.time[s].inverse(rng.uniform());
        s = chain.next(s, rng.uniform());
      }
      if (!chain.isWon(s) || t > end)
        continue;
      wins += 1;
      revenue += plan.value;
      size_t m = std::upper_bound(monthEnds.begin(), monthEnds.end(), t) - monthEnds.begin();
      m = std::min(m, monthEnds.size() - 1);
      monthWins[m] += 1;
      monthRevenue[m] += plan.value;
    }
    runWins[run] = wins;
    runRevenue[run] = revenue;
  }

  const double n = static_cast<double>(runs);
  for (size_t m = 0; m < r.months.size(); ++m) {
    r.months[m].expectedWins = monthWins[m] / n;
    r.months[m].expectedRevenue = monthRevenue[m] / n;
  }
  r.wins = spread(std::move(runWins));
  r.revenue = spread(std::move(runRevenue));
  return r;
}

} // namespace salesc::rt
