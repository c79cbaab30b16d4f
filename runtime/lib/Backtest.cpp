//===- Backtest.cpp - How the forecast would have done, replayed from a log ===//
//
// The events are grouped by deal and sorted by time once; each date then walks every
// deal's events (a few each) to find its stage at the date and its first outcome after.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Backtest.h"

#include "salesc/runtime/Random.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace salesc::rt {
namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr unsigned Bins = 10;

/// The events of each deal in time order (then input order): deal d's indexes at
/// order[offset[d] .. offset[d + 1]).
struct History {
  std::vector<uint32_t> offset;
  std::vector<uint32_t> order;
  std::vector<char> selfLoop; ///< per state: the process has a transition to itself

  History(const Process& p, llvm::ArrayRef<StageEvent> events) : selfLoop(p.states.size(), 0) {
    for (const Transition& t : p.transitions)
      if (t.from == t.to && t.from < p.states.size())
        selfLoop[t.from] = 1;
    llvm::StringMap<uint32_t> ids;
    std::vector<uint32_t> dealOf(events.size(), NoDeal), sizes;
    for (uint32_t i = 0; i < events.size(); ++i) {
      if (events[i].state >= p.states.size())
        continue;
      if (i > 0 && dealOf[i - 1] != NoDeal && events[i - 1].deal == events[i].deal) {
        dealOf[i] = dealOf[i - 1]; // logs usually list a deal's events together
      } else {
        auto [it, inserted] = ids.try_emplace(events[i].deal, uint32_t(sizes.size()));
        if (inserted)
          sizes.push_back(0);
        dealOf[i] = it->second;
      }
      ++sizes[dealOf[i]];
    }
    offset.assign(sizes.size() + 1, 0);
    std::partial_sum(sizes.begin(), sizes.end(), offset.begin() + 1);
    order.resize(offset.back());
    std::vector<uint32_t> fill(offset.begin(), offset.end() - 1);
    for (uint32_t i = 0; i < events.size(); ++i)
      if (dealOf[i] != NoDeal)
        order[fill[dealOf[i]]++] = i;
    for (size_t d = 0; d + 1 < offset.size(); ++d)
      std::stable_sort(order.begin() + offset[d], order.begin() + offset[d + 1],
                       [&](uint32_t x, uint32_t y) { return events[x].time < events[y].time; });
  }

  size_t deals() const { return offset.size() - 1; }

  static constexpr uint32_t NoDeal = std::numeric_limits<uint32_t>::max();
};

/// One deal at a date: open in a stage (`deal` filled in), closed, or not yet created;
/// and how it ended within the horizon.
struct DealAtDate {
  enum { NotYet, Open, Closed } status = NotYet;
  Deal deal;
  bool wonInHorizon = false;
  double wonValue = 0;
};

/// Walks deal `d`'s events up to `at`, then on to its first outcome after `at`.
DealAtDate dealAt(const Process& p, llvm::ArrayRef<StageEvent> events, const History& h, size_t d,
                  double at, double end) {
  DealAtDate out;
  const uint32_t* it = h.order.data() + h.offset[d];
  const uint32_t* last = h.order.data() + h.offset[d + 1];
  std::optional<uint32_t> state, segment;
  std::optional<double> value;
  double entered = 0;
  unsigned line = 0;
  for (; it < last && events[*it].time <= at; ++it) {
    const StageEvent& e = events[*it];
    if (!state || *state != e.state || h.selfLoop[e.state]) {
      entered = e.time;
      line = e.line;
    }
    state = e.state;
    if (e.value)
      value = e.value;
    if (e.segment && !segment)
      segment = e.segment;
  }
  if (state && p.states[*state].isOutcome()) {
    out.status = DealAtDate::Closed;
    return out;
  }
  if (state) {
    out.status = DealAtDate::Open;
    out.deal = Deal{events[h.order[h.offset[d]]].deal, *state, entered, value, line, segment};
  }
  for (; it < last && events[*it].time <= end; ++it) {
    const StageEvent& e = events[*it];
    if (e.value)
      value = e.value;
    if (e.segment && !segment)
      segment = e.segment;
    if (!p.states[e.state].isOutcome())
      continue;
    if (p.states[e.state].kind == StateKind::Won) {
      out.wonInHorizon = true;
      const Process& own =
          segment && *segment < p.segments.size() ? p.segments[*segment].process : p;
      out.wonValue = value ? *value : own.winValue(e.state).value_or(0.0);
    }
    break;
  }
  return out;
}

/// Ten bins of width 10%.
std::vector<CalibrationBin> emptyBins() {
  std::vector<CalibrationBin> bins(Bins);
  for (unsigned b = 0; b < Bins; ++b) {
    bins[b].low = b / double(Bins);
    bins[b].high = (b + 1) / double(Bins);
  }
  return bins;
}

void addToBin(std::vector<CalibrationBin>& bins, double predicted, bool won) {
  CalibrationBin& b = bins[std::min<size_t>(Bins - 1, size_t(std::max(0.0, predicted) * Bins))];
  ++b.deals;
  b.predicted += predicted; // sums until finishBins
  b.won += won;
}

void finishBins(std::vector<CalibrationBin>& bins) {
  for (CalibrationBin& b : bins) {
    b.predicted = b.deals ? b.predicted / double(b.deals) : NaN;
    b.won = b.deals ? b.won / double(b.deals) : NaN;
  }
}

} // namespace

std::vector<Deal> pipelineAt(const Process& p, llvm::ArrayRef<StageEvent> events, double at) {
  const History h(p, events);
  std::vector<Deal> deals;
  for (size_t d = 0; d < h.deals(); ++d) {
    DealAtDate x = dealAt(p, events, h, d, at, at);
    if (x.status == DealAtDate::Open)
      deals.push_back(std::move(x.deal));
  }
  return deals;
}

double lastEventTime(llvm::ArrayRef<StageEvent> events) {
  double last = NaN;
  for (const StageEvent& e : events)
    if (!(e.time <= last))
      last = e.time;
  return last;
}

BacktestResult backtest(const Process& p, const Analysis& a, llvm::ArrayRef<StageEvent> events,
                        const BacktestOptions& options) {
  BacktestResult r;
  r.horizonDays = options.horizonDays;
  r.calibrationForecast = emptyBins();
  r.calibrationStated = emptyBins();
  const History h(p, events);
  double brierForecast = 0, brierStated = 0, apeForecast = 0, apeWeighted = 0;
  for (size_t i = 0; i < options.at.size(); ++i) {
    BacktestPoint point;
    point.at = options.at[i];
    const double end = point.at + options.horizonDays;
    std::vector<Deal> deals;
    std::vector<char> won;
    for (size_t d = 0; d < h.deals(); ++d) {
      DealAtDate x = dealAt(p, events, h, d, point.at, end);
      if (x.status == DealAtDate::Open) {
        deals.push_back(std::move(x.deal));
        won.push_back(x.wonInHorizon);
        point.actualWins += x.wonInHorizon;
        point.actualRevenue += x.wonInHorizon ? x.wonValue : 0;
      } else if (x.status == DealAtDate::NotYet && x.wonInHorizon) {
        ++point.laterWins;
        point.laterRevenue += x.wonValue;
      }
    }
    ForecastOptions fo = options.forecast;
    fo.asOf = point.at;
    fo.horizonDays = options.horizonDays;
    fo.perDeal = true;
    fo.seed = streamSeed(options.forecast.seed, i);
    const ForecastResult f = forecast(p, a, deals, fo);
    point.openDeals = f.openDeals;
    point.forecastWins = f.wins;
    point.forecastRevenue = f.revenue;
    point.weightedWins = f.expectedWinsEventually;
    point.weightedRevenue = f.weightedPipeline;
    double pointForecast = 0, pointStated = 0;
    for (const DealOdds& o : f.odds) {
      const bool w = won[o.deal];
      pointForecast += (o.withinHorizon - w) * (o.withinHorizon - w);
      pointStated += (o.eventually - w) * (o.eventually - w);
      addToBin(r.calibrationForecast, o.withinHorizon, w);
      addToBin(r.calibrationStated, o.eventually, w);
    }
    const double n = double(f.odds.size());
    point.brierForecast = n > 0 ? pointForecast / n : NaN;
    point.brierStated = n > 0 ? pointStated / n : NaN;
    brierForecast += pointForecast;
    brierStated += pointStated;
    r.predictions += f.odds.size();
    if (point.actualRevenue > 0) {
      apeForecast +=
          std::abs(point.forecastRevenue.mean - point.actualRevenue) / point.actualRevenue;
      apeWeighted += std::abs(point.weightedRevenue - point.actualRevenue) / point.actualRevenue;
      ++r.mapePoints;
    }
    r.covered += point.covered();
    r.points.push_back(point);
  }
  finishBins(r.calibrationForecast);
  finishBins(r.calibrationStated);
  r.mapeForecast = r.mapePoints ? apeForecast / r.mapePoints : NaN;
  r.mapeWeighted = r.mapePoints ? apeWeighted / r.mapePoints : NaN;
  r.coverage = r.points.empty() ? NaN : double(r.covered) / double(r.points.size());
  r.brierForecast = r.predictions ? brierForecast / double(r.predictions) : NaN;
  r.brierStated = r.predictions ? brierStated / double(r.predictions) : NaN;
  return r;
}

} // namespace salesc::rt
