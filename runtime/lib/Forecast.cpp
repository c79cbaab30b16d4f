//===- Forecast.cpp - Revenue forecast of the open deals of a pipeline ----===//
#include "salesc/runtime/Forecast.h"

#include "salesc/runtime/Holding.h"
#include "salesc/runtime/Random.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cmath>
#include <thread>

namespace salesc::rt {
namespace {

/// The chain in a form cheap to sample: per state its holding time and an
/// alias table over its outgoing edges with probability > 0, whose columns name
/// the target states directly, all in flat arrays.
class Chain {
public:
  /// The chain of `p`, with `shares` (per transition) instead of the stated shares when
  /// given.
  explicit Chain(const Process& p, llvm::ArrayRef<double> shares = {}) {
    const size_t n = p.states.size();
    std::vector<std::vector<double>> weights(n);
    std::vector<std::vector<uint32_t>> targets(n);
    for (size_t i = 0; i < p.transitions.size(); ++i) {
      const Transition& t = p.transitions[i];
      const double share = shares.empty() ? t.probability : shares[i];
      if (share > 0 && t.from < n && t.to < n) {
        weights[t.from].push_back(share);
        targets[t.from].push_back(t.to);
      }
    }
    for (size_t i = 0; i < n; ++i) {
      const State& s = p.states[i];
      Node node;
      node.time = HoldingSampler(s);
      node.kind = s.kind;
      if (s.kind == StateKind::Won)
        node.value = p.winValue(static_cast<uint32_t>(i)).value_or(0.0);
      node.first = static_cast<uint32_t>(columns.size());
      node.count = static_cast<uint32_t>(weights[i].size());
      if (!weights[i].empty()) {
        const AliasTable table(weights[i]);
        for (AliasColumn c : table.columns()) {
          c.primary = targets[i][c.primary];
          c.alias = targets[i][c.alias];
          columns.push_back(c);
        }
      }
      nodes.push_back(node);
    }
  }

  bool isStage(uint32_t s) const { return nodes[s].kind == StateKind::Stage; }
  bool isWon(uint32_t s) const { return nodes[s].kind == StateKind::Won; }
  /// The value of a win at won outcome `s` (0 when none is stated).
  double winValue(uint32_t s) const { return nodes[s].value; }
  const HoldingSampler& time(uint32_t s) const { return nodes[s].time; }
  /// The next state after stage `s` (which has an outgoing edge).
  uint32_t step(uint32_t s, Xoshiro256& rng) const {
    const Node& node = nodes[s];
    assert(node.count > 0 && "a stage without transitions: analyze() rejects it");
    return node.count == 1 ? columns[node.first].primary
                           : drawAlias(&columns[node.first], node.count, rng.next());
  }

private:
  struct Node {
    HoldingSampler time;
    StateKind kind = StateKind::Stage;
    uint32_t first = 0, count = 0; ///< the state's columns
    double value = 0;              ///< a won outcome's win value
  };
  std::vector<Node> nodes;
  std::vector<AliasColumn> columns;
};

/// An open deal, ready to simulate.
struct Plan {
  uint32_t state;
  /// Per chain (segment): the rest of its time in the stage, given the days already
  /// spent there (>= 0), when it is short of the longest time.
  std::vector<HoldingSampler::Remaining> remaining;
  /// Per chain: when it is past the longest time, the mean of its exponential remaining
  /// time (OverdueRule::Memoryless); 0: it leaves at asOf.
  std::vector<double> tailMean;
  /// Its own value; nullopt: the value of the win it reaches, in its segment.
  std::optional<double> value;
  /// Draws its segment by P(segment | its stage); empty: one chain (no segments, or a
  /// deal whose segment is known, `chain`).
  std::vector<AliasColumn> segments;
  uint32_t chain = 0;
  bool overdue = false; ///< listed as overdue: its wins count in overdueWins

  /// The rest of its time in its stage in chain `g`.
  double rest(uint32_t g, Xoshiro256& rng) const {
    if (!remaining[g].leavesNow())
      return remaining[g].sample(rng);
    if (tailMean[g] > 0)
      return -tailMean[g] * std::log(1 - rng.uniform());
    return 0;
  }
};

/// Percentile of a sorted sample, linear interpolation between order statistics.
double percentile(const std::vector<double>& sorted, double q) {
  const double h = q * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(h));
  if (lo + 1 >= sorted.size())
    return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

/// The Summary of a non-empty sample, as Simulate.h defines it.
Summary summarize(std::vector<double> sample) {
  Summary out;
  const double n = static_cast<double>(sample.size());
  out.count = sample.size();
  double sum = 0;
  for (double x : sample)
    sum += x;
  out.mean = sum / n;
  double squares = 0;
  for (double x : sample)
    squares += (x - out.mean) * (x - out.mean);
  out.stddev = sample.size() > 1 ? std::sqrt(squares / (n - 1)) : 0;
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

constexpr uint64_t BlockRuns = 64;

/// What one run brought: wins and revenue, and the parts of them from overdue deals and
/// from deals not yet created.
struct RunFigures {
  double wins = 0, revenue = 0;
  double overdueWins = 0, overdueRevenue = 0;
  double arrivalWins = 0, arrivalRevenue = 0;
};

/// The open deals and what a run needs to simulate them.
struct Pipeline {
  const Process& process;
  const std::vector<Chain>& chains; ///< the segments' (the process's without segments)
  const std::vector<Plan>& plans;
  double asOf, end; ///< a deal is won within the horizon when it wins by `end`
  uint64_t seed;
  std::vector<double> monthEnds;
  const SharePosterior* shares = nullptr; ///< non-null: each run draws its shares
  double arrivalsPerDay = 0;
  std::vector<AliasColumn> arrivalSegments; ///< by the shares; empty without segments

  Pipeline(const Process& process, const std::vector<Chain>& chains, const std::vector<Plan>& plans,
           double asOf, double end, uint64_t seed, const std::vector<ForecastMonth>& months)
      : process(process), chains(chains), plans(plans), asOf(asOf), end(end), seed(seed) {
    for (const ForecastMonth& m : months)
      monthEnds.push_back(m.to);
  }

  /// Runs [first, last): the figures of each run into figures[run], and per month (the
  /// first whose end is past the win; the last also takes a win exactly at `end`) its
  /// wins and revenue added to monthWins and monthRevenue. With `dealWins`, each plan's
  /// wins are counted in dealWins[plan].
  void simulate(uint64_t first, uint64_t last, RunFigures* figures, double* monthWins,
                double* monthRevenue, uint32_t* dealWins) const {
    std::vector<Chain> drawn;
    for (uint64_t run = first; run < last; ++run) {
      const std::vector<Chain>* use = &chains;
      if (shares) {
        Xoshiro256 shareRng(streamSeed(seed ^ SharesStream, run));
        drawn.assign(1, Chain(process, drawShares(process, *shares, shareRng)));
        use = &drawn;
      }
      Xoshiro256 rng(streamSeed(seed, run)); // one stream per run
      RunFigures& f = figures[run];
      auto credit = [&](double t, double value) {
        f.wins += 1;
        f.revenue += value;
        size_t m = std::upper_bound(monthEnds.begin(), monthEnds.end(), t) - monthEnds.begin();
        m = std::min(m, monthEnds.size() - 1);
        monthWins[m] += 1;
        monthRevenue[m] += value;
      };
      for (size_t i = 0; i < plans.size(); ++i) {
        const Plan& plan = plans[i];
        // The deal's segment: one more draw, only when it is not known.
        const uint32_t g = plan.segments.empty()
                               ? plan.chain
                               : drawAlias(plan.segments.data(),
                                           static_cast<uint32_t>(plan.segments.size()), rng.next());
        const Chain& chain = (*use)[g];
        double t = asOf + plan.rest(g, rng);
        const uint32_t s = walk(chain, chain.step(plan.state, rng), t, rng);
        if (!chain.isWon(s) || t > end)
          continue;
        const double value = plan.value ? *plan.value : chain.winValue(s);
        if (dealWins)
          ++dealWins[i];
        credit(t, value);
        if (plan.overdue) {
          f.overdueWins += 1;
          f.overdueRevenue += value;
        }
      }
      if (arrivalsPerDay <= 0)
        continue;
      // Deals not yet created: a Poisson process of arrivals, each from the start.
      for (double arrival = asOf;;) {
        arrival -= std::log(1 - rng.uniform()) / arrivalsPerDay;
        if (arrival > end)
          break;
        const uint32_t g =
            arrivalSegments.empty()
                ? 0
                : drawAlias(arrivalSegments.data(), static_cast<uint32_t>(arrivalSegments.size()),
                            rng.next());
        const Chain& chain = (*use)[g];
        double t = arrival + chain.time(process.start).sample(rng);
        const uint32_t s = walk(chain, chain.step(process.start, rng), t, rng);
        if (!chain.isWon(s) || t > end)
          continue;
        credit(t, chain.winValue(s));
        f.arrivalWins += 1;
        f.arrivalRevenue += chain.winValue(s);
      }
    }
  }

  /// Walks on from state `s`, entered at `t`, until an outcome or past `end`: returns
  /// the state reached, with `t` the time it was entered.
  uint32_t walk(const Chain& chain, uint32_t s, double& t, Xoshiro256& rng) const {
    while (chain.isStage(s) && t <= end) {
      t += chain.time(s).sample(rng);
      s = chain.step(s, rng);
    }
    return s;
  }
};

} // namespace

double arrivalsPerMonthSeen(llvm::ArrayRef<StageEvent> events, double asOf) {
  llvm::StringMap<double> first;
  for (const StageEvent& e : events)
    if (e.time <= asOf) {
      auto [it, added] = first.try_emplace(e.deal, e.time);
      if (!added)
        it->second = std::min(it->second, e.time);
    }
  if (first.empty())
    return 0;
  double earliest = asOf;
  for (const auto& entry : first)
    earliest = std::min(earliest, entry.second);
  const double span = asOf - earliest;
  return span > 0 ? static_cast<double>(first.size()) / (span / DaysPerMonth) : 0;
}

ForecastResult forecast(const Process& p, const Analysis& a, llvm::ArrayRef<Deal> deals,
                        const ForecastOptions& options) {
  assert(a.winProbability.size() == p.states.size() && "analysis of another process");
  ForecastResult r;
  r.asOf = options.asOf;
  r.horizonEnd = options.asOf + options.horizonDays;
  r.months = monthsBetween(r.asOf, r.horizonEnd);
  snapshotPipeline(p, a, deals, options.asOf, r);

  std::vector<Chain> chains;
  for (const Segment& g : p.segments)
    chains.emplace_back(g.process);
  const bool segmented = !chains.empty() && a.segments.size() == chains.size();
  if (!segmented) {
    chains.clear();
    chains.emplace_back(p);
  }
  auto stageIn = [&](uint32_t g, uint32_t state) -> const State& {
    return segmented ? p.segments[g].process.states[state] : p.states[state];
  };
  std::vector<Plan> plans;
  plans.reserve(deals.size());
  for (const Deal& d : deals) {
    if (d.state >= p.states.size() || !chains[0].isStage(d.state))
      continue;
    if (options.perDeal)
      r.odds.push_back(
          DealOdds{static_cast<size_t>(&d - deals.data()), dealWinProbability(a, d), 0});
    const double age = std::max(0.0, options.asOf - d.entered);
    // r.deals lists the open deals in input order, as plans does.
    Plan plan{d.state, {}, {}, d.value, {}, 0, r.deals[plans.size()].overdue};
    for (uint32_t g = 0; g < chains.size(); ++g) {
      plan.remaining.push_back(chains[g].time(d.state).after(age));
      const State& s = stageIn(g, d.state);
      const bool past = stageMaxDays(s) > 0 && age >= stageMaxDays(s);
      plan.tailMean.push_back(past && options.overdue == OverdueRule::Memoryless ? holdingMean(s)
                                                                                 : 0.0);
    }
    if (segmented && d.segment && *d.segment < chains.size()) {
      plan.chain = *d.segment;
    } else if (segmented) {
      std::vector<double> odds; // P(g | stage) = share x reach / sum, the shares if none
      double total = 0;
      for (const SegmentAnalysis& g : a.segments)
        total += g.share * g.analysis.reachProbability[d.state];
      for (const SegmentAnalysis& g : a.segments)
        odds.push_back(total > 0 ? g.share * g.analysis.reachProbability[d.state] / total
                                 : g.share);
      plan.segments = AliasTable(odds).columns();
    } else if (!d.value && p.oneWinValue()) {
      plan.value = p.value.value_or(0.0); // every win is worth the process's value
    }
    plans.push_back(std::move(plan));
  }

  const bool arrivals =
      options.arrivalsPerMonth > 0 && p.start < p.states.size() && chains[0].isStage(p.start);
  r.arrivalsPerMonth = arrivals ? options.arrivalsPerMonth : 0;
  r.expectedArrivals = r.arrivalsPerMonth * options.horizonDays / DaysPerMonth;
  uint64_t runs = std::max<uint64_t>(1, options.runs);
  const double paths = static_cast<double>(plans.size()) + r.expectedArrivals;
  if (options.pathBudget > 0 && paths > 0)
    runs = std::min(runs,
                    std::max(options.minRuns, static_cast<uint64_t>(options.pathBudget / paths)));
  r.runs = runs;

  // Runs go in blocks of BlockRuns, each with its own month sums, added up in
  // block order: the figures do not depend on the thread count.
  Pipeline pipeline{p, chains, plans, options.asOf, r.horizonEnd, options.seed, r.months};
  if (options.shares && !segmented && options.shares->alpha.size() == p.transitions.size()) {
    pipeline.shares = options.shares;
    r.uncertainShares = true;
  }
  if (arrivals) {
    pipeline.arrivalsPerDay = r.arrivalsPerMonth / DaysPerMonth;
    if (segmented) {
      std::vector<double> shares;
      for (const SegmentAnalysis& g : a.segments)
        shares.push_back(g.share);
      pipeline.arrivalSegments = AliasTable(shares).columns();
    }
  }
  const uint64_t blocks = (runs + BlockRuns - 1) / BlockRuns;
  const size_t months = r.months.size();
  std::vector<RunFigures> figures(runs);
  std::vector<double> blockWins(blocks * months, 0.0), blockRevenue(blocks * months, 0.0);
  // Wins per deal and block when asked for: whole numbers, so their sum does not depend
  // on the order either.
  const size_t perDeal = options.perDeal ? plans.size() : 0;
  std::vector<uint32_t> blockDealWins(blocks * perDeal, 0);
  std::atomic<uint64_t> nextBlock{0};
  auto work = [&] {
    for (uint64_t b; (b = nextBlock++) < blocks;)
      pipeline.simulate(b * BlockRuns, std::min(runs, (b + 1) * BlockRuns), figures.data(),
                        &blockWins[b * months], &blockRevenue[b * months],
                        perDeal ? &blockDealWins[b * perDeal] : nullptr);
  };
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = static_cast<unsigned>(std::clamp<uint64_t>(threads, 1, blocks));
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i)
    pool.emplace_back(work);
  work();
  for (std::thread& t : pool)
    t.join();

  std::vector<double> monthWins(months, 0.0), monthRevenue(months, 0.0);
  for (uint64_t b = 0; b < blocks; ++b)
    for (size_t m = 0; m < months; ++m) {
      monthWins[m] += blockWins[b * months + m];
      monthRevenue[m] += blockRevenue[b * months + m];
    }

  const double n = static_cast<double>(runs);
  for (size_t m = 0; m < r.months.size(); ++m) {
    r.months[m].expectedWins = monthWins[m] / n;
    r.months[m].expectedRevenue = monthRevenue[m] / n;
  }
  for (size_t i = 0; i < perDeal; ++i) {
    uint64_t won = 0;
    for (uint64_t b = 0; b < blocks; ++b)
      won += blockDealWins[b * perDeal + i];
    r.odds[i].withinHorizon = static_cast<double>(won) / n;
  }
  std::vector<double> runWins, runRevenue;
  RunFigures total;
  for (const RunFigures& f : figures) {
    runWins.push_back(f.wins);
    runRevenue.push_back(f.revenue);
    total.overdueWins += f.overdueWins;
    total.overdueRevenue += f.overdueRevenue;
    total.arrivalWins += f.arrivalWins;
    total.arrivalRevenue += f.arrivalRevenue;
  }
  r.overdueWins = total.overdueWins / n;
  r.overdueRevenue = total.overdueRevenue / n;
  r.arrivalWins = total.arrivalWins / n;
  r.arrivalRevenue = total.arrivalRevenue / n;
  r.wins = summarize(std::move(runWins));
  r.revenue = summarize(std::move(runRevenue));
  return r;
}

} // namespace salesc::rt
