//===- Conform.cpp - Replay of real stage histories against a process -----===//
//
// One pass to number the deals (StringMap), a counting sort of event indexes by
// deal, a stable sort of each deal's few events by time, then the replay. No
// allocation per event beyond the growth of the duration vectors.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Conform.h"

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Graph.h"
#include "salesc/runtime/Holding.h"

#include "salesc/runtime/Simulate.h"

#include "llvm/ADT/StringMap.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace salesc::rt {
namespace {

constexpr uint32_t NoDeal = std::numeric_limits<uint32_t>::max();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

double percentile(const std::vector<double>& sorted, double q) {
  const double h = q * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(h));
  if (lo + 1 >= sorted.size())
    return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

/// Sorts a deal's event indexes by time, keeping input order among equal times.
void sortByTime(uint32_t* first, uint32_t* last, llvm::ArrayRef<StageEvent> events) {
  auto earlier = [&](uint32_t x, uint32_t y) { return events[x].time < events[y].time; };
  if (last - first > 16) {
    std::stable_sort(first, last, earlier);
    return;
  }
  for (uint32_t* i = first + 1; i < last; ++i) { // insertion sort: stable
    const uint32_t v = *i;
    uint32_t* j = i;
    for (; j > first && earlier(v, j[-1]); --j)
      *j = j[-1];
    *j = v;
  }
}

} // namespace

llvm::StringRef kindName(UnexpectedKind kind) {
  switch (kind) {
  case UnexpectedKind::Entry:
    return "entry";
  case UnexpectedKind::SkipsAhead:
    return "skips ahead";
  case UnexpectedKind::MovesBackwards:
    return "moves backwards";
  }
  return "";
}

namespace {

/// The events grouped by deal: deals numbered in order of first appearance, and the
/// event indexes of deal d at order[offset[d] .. offset[d + 1]) in input order.
struct DealGroups {
  std::vector<uint32_t> firstEvent; ///< per deal
  std::vector<uint32_t> offset;
  std::vector<uint32_t> order;
};

DealGroups groupByDeal(uint32_t n, llvm::ArrayRef<StageEvent> events, ConformResult& r) {
  // Logs usually list a deal's events together: compare with the previous event before
  // hashing.
  llvm::StringMap<uint32_t> ids;
  std::vector<uint32_t> dealOf(events.size(), NoDeal);
  std::vector<uint32_t> sizes; // events per deal
  DealGroups g;
  for (uint32_t i = 0; i < events.size(); ++i) {
    const StageEvent& e = events[i];
    if (e.state >= n) {
      ++r.ignoredEvents;
      continue;
    }
    uint32_t d;
    if (i > 0 && dealOf[i - 1] != NoDeal && events[i - 1].deal == e.deal) {
      d = dealOf[i - 1];
    } else {
      auto [it, inserted] = ids.try_emplace(e.deal, static_cast<uint32_t>(g.firstEvent.size()));
      if (inserted) {
        g.firstEvent.push_back(i);
        sizes.push_back(0);
      }
      d = it->second;
    }
    dealOf[i] = d;
    ++sizes[d];
  }
  const uint32_t deals = static_cast<uint32_t>(g.firstEvent.size());
  r.deals = deals;
  r.events = events.size() - r.ignoredEvents;
  // Counting sort of event indexes by deal (input order within a deal).
  g.offset.assign(deals + 1, 0);
  for (uint32_t d = 0; d < deals; ++d)
    g.offset[d + 1] = g.offset[d] + sizes[d];
  g.order.resize(r.events);
  std::vector<uint32_t> fill(g.offset.begin(), g.offset.end() - 1);
  for (uint32_t i = 0; i < events.size(); ++i)
    if (dealOf[i] != NoDeal)
      g.order[fill[dealOf[i]]++] = i;
  return g;
}

/// Replays every deal's events against the process, filling the counts of `r`.
class Replay {
public:
  Replay(const Process& p, llvm::ArrayRef<StageEvent> events, DealGroups& groups, ConformResult& r)
      : p_(p), events_(events), groups_(groups), r_(r), n_(uint32_t(p.states.size())),
        edgeOf_(size_t(n_) * n_, -1), unexpectedOf_(size_t(n_ + 1) * n_, -1), depth_(depths(p)),
        durations_(n_), lastDealIn_(n_, NoDeal), lastDealOnEdge_(p.transitions.size(), NoDeal) {
    // edgeOf_[from * n + to] indexes p.transitions (the first one when a pair repeats),
    // -1 when the process has no such transition.
    r.edges.resize(p.transitions.size());
    for (uint32_t e = 0; e < p.transitions.size(); ++e) {
      const Transition& t = p.transitions[e];
      r.edges[e].from = t.from;
      r.edges[e].to = t.to;
      r.edges[e].stated = t.probability;
      if (t.from < n_ && t.to < n_ && edgeOf_[size_t(t.from) * n_ + t.to] < 0)
        edgeOf_[size_t(t.from) * n_ + t.to] = static_cast<int32_t>(e);
    }
  }

  void deal(uint32_t d) {
    uint32_t* first = groups_.order.data() + groups_.offset[d];
    uint32_t* last = groups_.order.data() + groups_.offset[d + 1];
    sortByTime(first, last, events_);
    uint32_t prev = NoDeal;
    double since = 0;
    uint32_t sinceEvent = 0;
    for (uint32_t* it = first; it < last; ++it) {
      const StageEvent& e = events_[*it];
      const uint32_t s = e.state;
      if (s == prev && edgeOf_[size_t(s) * n_ + s] < 0) {
        ++r_.repeatedEvents;
        continue;
      }
      enter(s, d);
      if (prev == NoDeal) {
        if (s != p_.start)
          unexpected(std::nullopt, s, d);
      } else {
        leave(prev, s, e.time - since, d);
      }
      prev = s;
      since = e.time;
      sinceEvent = *it;
    }
    ++r_.states[prev].open;
    if (!p_.states[prev].isOutcome())
      r_.open.push_back(
          Deal{events_[sinceEvent].deal, prev, since, std::nullopt, events_[sinceEvent].line});
  }

  /// Days spent in each state by the deals that left it.
  std::vector<std::vector<double>>& durations() { return durations_; }

private:
  void enter(uint32_t s, uint32_t d) {
    StageConformance& to = r_.states[s];
    ++to.visits;
    if (lastDealIn_[s] != d) { // distinct deals
      lastDealIn_[s] = d;
      ++to.entered;
    }
  }

  void leave(uint32_t from, uint32_t to, double days, uint32_t d) {
    ++r_.states[from].left;
    if (!p_.states[from].isOutcome())
      durations_[from].push_back(days);
    const int32_t edge = edgeOf_[size_t(from) * n_ + to];
    if (edge >= 0) {
      ++r_.edges[edge].count;
      if (lastDealOnEdge_[edge] != d) {
        lastDealOnEdge_[edge] = d;
        ++r_.edges[edge].deals;
      }
    } else
      unexpected(from, to, d);
  }

  /// A move the process lacks; unexpectedOf_[(from + 1) * n + to], row 0 for entry.
  void unexpected(std::optional<uint32_t> from, uint32_t to, uint32_t deal) {
    int32_t& slot = unexpectedOf_[size_t(from ? *from + 1 : 0) * n_ + to];
    if (slot < 0) {
      slot = static_cast<int32_t>(r_.unexpected.size());
      UnexpectedTransition u;
      u.from = from;
      u.to = to;
      u.kind = !from                        ? UnexpectedKind::Entry
               : depth_[to] > depth_[*from] ? UnexpectedKind::SkipsAhead
                                            : UnexpectedKind::MovesBackwards;
      r_.unexpected.push_back(std::move(u));
      lastDealOnUnexpected_.push_back(NoDeal);
    }
    UnexpectedTransition& u = r_.unexpected[slot];
    ++u.count;
    if (lastDealOnUnexpected_[slot] != deal) {
      lastDealOnUnexpected_[slot] = deal;
      ++u.deals;
    }
    if (u.examples.size() < 3) {
      const std::string& id = events_[groups_.firstEvent[deal]].deal;
      if (u.examples.empty() || u.examples.back() != id)
        u.examples.push_back(id);
    }
  }

  const Process& p_;
  llvm::ArrayRef<StageEvent> events_;
  DealGroups& groups_; ///< each deal's events are sorted by time in place
  ConformResult& r_;
  uint32_t n_;
  std::vector<int32_t> edgeOf_;
  std::vector<int32_t> unexpectedOf_;
  std::vector<uint32_t> depth_;
  std::vector<std::vector<double>> durations_;
  std::vector<uint32_t> lastDealIn_;
  std::vector<uint32_t> lastDealOnEdge_;       ///< per transition: distinct deals
  std::vector<uint32_t> lastDealOnUnexpected_; ///< per r_.unexpected entry, before sorting
};

/// Percentiles of the time in each stage, rates with their intervals, and the
/// unexpected moves most frequent first.
void summarize(const Process& p, std::vector<std::vector<double>>& durations, ConformResult& r) {
  const uint32_t n = static_cast<uint32_t>(p.states.size());
  for (uint32_t s = 0; s < n; ++s) {
    StageConformance& c = r.states[s];
    std::vector<double>& times = durations[s];
    if (times.empty()) {
      c.p10 = c.median = c.p90 = NaN;
      continue;
    }
    std::sort(times.begin(), times.end());
    c.p10 = percentile(times, 0.10);
    c.median = percentile(times, 0.50);
    c.p90 = percentile(times, 0.90);
    const State& state = p.states[s];
    const auto [low, high] = holdingRange(state);
    c.timeOutside = (state.hasTime || state.isSignoff()) && (c.median < low || c.median > high);
  }
  for (EdgeConformance& e : r.edges) {
    e.trials = e.from < n ? r.states[e.from].left : 0;
    if (e.trials == 0) {
      e.observed = e.low = e.high = NaN;
      continue;
    }
    e.observed = static_cast<double>(e.count) / static_cast<double>(e.trials);
    std::tie(e.low, e.high) = wilsonInterval(e.count, e.trials);
    e.outside = e.stated < e.low || e.stated > e.high;
  }
  std::stable_sort(r.unexpected.begin(), r.unexpected.end(),
                   [](const UnexpectedTransition& x, const UnexpectedTransition& y) {
                     if (x.count != y.count)
                       return x.count > y.count;
                     const int64_t fx = x.from ? int64_t(*x.from) : -1;
                     const int64_t fy = y.from ? int64_t(*y.from) : -1;
                     return fx != fy ? fx < fy : x.to < y.to;
                   });
}

} // namespace

ConformResult conform(const Process& p, llvm::ArrayRef<StageEvent> events, double asOf) {
  ConformResult r;
  r.asOf = asOf;
  r.states.resize(p.states.size());
  DealGroups groups = groupByDeal(static_cast<uint32_t>(p.states.size()), events, r);
  Replay replay(p, events, groups, r);
  for (uint32_t d = 0; d < r.deals; ++d)
    replay.deal(d);
  summarize(p, replay.durations(), r);
  r.stalled = stalledDeals(p, r.open, asOf);
  return r;
}

std::vector<std::string> suggest(const Process& p, const ConformResult& r,
                                 const SuggestOptions& options) {
  std::vector<std::string> lines;
  for (uint32_t s = 0; s < p.states.size() && s < r.states.size(); ++s) {
    const State& state = p.states[s];
    const StageConformance& c = r.states[s];
    // A sign-off stage's line has no share and no time to edit, and a CRM records when
    // the stage was entered and left, not which role held it up or turned it down.
    if (state.isOutcome() || state.isSignoff() || c.left < options.minSample)
      continue;
    const std::string n = fmt::format("(n={})", c.left);
    for (size_t e = 0; e < r.edges.size() && e < p.transitions.size(); ++e) {
      const EdgeConformance& edge = r.edges[e];
      if (edge.from != s || !edge.outside || p.transitions[e].implicit)
        continue;
      const double proposed = std::round(edge.observed * 100);
      if (proposed == std::round(edge.stated * 100))
        continue;
      lines.push_back(fmt::format("stage {}: next {} {}%;  // stated {}, observed {} {}",
                                  state.name, p.states[edge.to].name, proposed,
                                  percentAsWritten(edge.stated * 100), percent(edge.observed), n));
    }
    for (const UnexpectedTransition& u : r.unexpected) {
      if (!u.from || *u.from != s)
        continue;
      const double rate = static_cast<double>(u.count) / static_cast<double>(c.left);
      const double proposed = std::round(rate * 100);
      if (proposed < 1)
        continue;
      lines.push_back(fmt::format(
          "stage {}: next {} {}%;  // not in the process ({}), observed {} {}", state.name,
          p.states[u.to].name, proposed, kindName(u.kind).str(), percent(rate), n));
    }
    if (std::isnan(c.median) || (state.hasTime && !c.timeOutside))
      continue;
    const double low = std::max(0.0, std::round(c.p10));
    const double high = std::max(low, std::round(c.p90));
    const double typical = std::clamp(std::round(c.median), low, high);
    const std::string stated =
        state.hasTime ? fmt::format("stated {} to {} days", state.time.min, state.time.max)
                      : std::string("no time stated");
    const std::string observed = fmt::format(
        "observed P10 {:.1f}, median {:.1f}, P90 {:.1f} days {}", c.p10, c.median, c.p90, n);
    auto days = [](double d) { return fmt::format(d == 1 ? "{} day" : "{} days", d); };
    if (low == high)
      lines.push_back(
          fmt::format("stage {}: time {};  // {}, {}", state.name, days(low), stated, observed));
    else
      lines.push_back(fmt::format("stage {}: time {} to {} typical {};  // {}, {}", state.name, low,
                                  days(high), days(typical), stated, observed));
  }
  return lines;
}

} // namespace salesc::rt
