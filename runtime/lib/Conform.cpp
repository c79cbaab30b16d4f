//===- Conform.cpp - Replay of real stage histories against a process -----===//
//
// One pass to number the deals (an open-addressed hash of the ids), a counting sort of the
// events by deal into compact entries (time, state, index), a stable sort of each deal's few
// entries by time, then the replay, which reads the entries in order. No allocation per event
// beyond the growth of the duration vectors.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Conform.h"

#include "Hash.h"
#include "HugePages.h"
#include "RadixSort.h"

#include "salesc/runtime/Apportion.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Graph.h"
#include "salesc/runtime/Holding.h"
#include "salesc/runtime/Significance.h"
#include "salesc/runtime/Survival.h"
#include "salesc/runtime/TimeUnits.h"

#include "salesc/runtime/Simulate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
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

/// An event as the replay reads it, copied next to the other events of its deal: the
/// replay then reads memory in order instead of jumping through the log.
struct Entry {
  double time;
  uint32_t state;
  uint32_t event; ///< its index in the log
};

/// Sorts a deal's entries by time, keeping input order among equal times.
void sortByTime(Entry* first, Entry* last) {
  auto earlier = [](const Entry& x, const Entry& y) { return x.time < y.time; };
  if (last - first > 16) {
    std::stable_sort(first, last, earlier);
    return;
  }
  for (Entry* i = first + 1; i < last; ++i) { // insertion sort: stable
    const Entry v = *i;
    Entry* j = i;
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
/// entries of deal d's events at order[offset[d] .. offset[d + 1]) in input order.
struct DealGroups {
  std::vector<uint32_t> firstEvent; ///< per deal
  std::vector<uint32_t> offset;
  std::vector<Entry> order;
};

/// Deal ids to deal numbers: an open-addressed table probed linearly. A slot holds the
/// id's hash and its first bytes, all of an id of up to 7 bytes (its length in the last
/// byte), so most lookups touch one slot; a longer id is compared with the deal's first
/// event only when those match.
class DealNumbers {
public:
  DealNumbers(llvm::ArrayRef<StageEvent> events, const std::vector<uint32_t>& firstEvent)
      : events_(events), firstEvent_(firstEvent), slots_(1024) {}

  /// The hash of `id`, its lowest bit saying whether the id fits in a slot's `head`.
  static uint32_t hashOf(const std::string& id) {
    return (static_cast<uint32_t>(hashBytes(id)) & ~1u) | (id.size() <= 7);
  }

  /// Starts loading the slot where the lookup of the id hashed `h` begins: the table is
  /// far larger than the caches, so a lookup a few events ahead hides most of the wait.
  void prefetch(uint32_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }

  /// The number of the deal `id` (hashed `h`), or `next` after recording it as new
  /// (`inserted`).
  uint32_t find(const std::string& id, uint32_t h, uint32_t next, bool& inserted) {
    const bool whole = id.size() <= 7;
    uint64_t head = headBytes(id);
    if (whole)
      head |= uint64_t(id.size()) << 56;
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.deal == Empty) {
        s = Slot{head, h, next};
        inserted = true;
        if (++used_ * 2 > slots_.size())
          grow();
        return next;
      }
      if (s.hash == h && s.head == head && (whole || events_[firstEvent_[s.deal]].deal == id)) {
        inserted = false;
        return s.deal;
      }
    }
  }

private:
  static constexpr uint32_t Empty = NoDeal;
  struct Slot {
    uint64_t head = 0; ///< the id's first 8 bytes; up to 7 and its length
    uint32_t hash = 0; ///< the lowest bit: `head` is the whole id
    uint32_t deal = Empty;
  };

  void grow() {
    std::vector<Slot> old;
    reserveLarge(old, slots_.size() * 2);
    old.resize(slots_.size() * 2);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old)
      if (s.deal != Empty) {
        size_t i = s.hash & mask;
        while (slots_[i].deal != Empty)
          i = (i + 1) & mask;
        slots_[i] = s;
      }
  }

  llvm::ArrayRef<StageEvent> events_;
  const std::vector<uint32_t>& firstEvent_;
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

DealGroups groupByDeal(uint32_t n, llvm::ArrayRef<StageEvent> events, ConformResult& r) {
  // Logs usually list a deal's events together: compare with the previous event before
  // hashing.
  std::vector<uint32_t> dealOf(events.size(), NoDeal);
  std::vector<uint32_t> sizes; // events per deal
  DealGroups g;
  DealNumbers ids(events, g.firstEvent);
  constexpr uint32_t Ahead = 8; // events looked up ahead (DealNumbers::prefetch)
  uint32_t hashes[Ahead];       // of events i to i + Ahead - 1, at [index % Ahead]
  for (uint32_t i = 0; i < Ahead && i < events.size(); ++i) {
    hashes[i] = DealNumbers::hashOf(events[i].deal);
    ids.prefetch(hashes[i]);
  }
  for (uint32_t i = 0; i < events.size(); ++i) {
    const StageEvent& e = events[i];
    const uint32_t h = hashes[i % Ahead];
    if (i + Ahead < events.size()) {
      hashes[i % Ahead] = DealNumbers::hashOf(events[i + Ahead].deal);
      ids.prefetch(hashes[i % Ahead]);
    }
    if (e.state >= n) {
      ++r.ignoredEvents;
      continue;
    }
    if (e.time > r.asOf) { // not known yet as of the report's date
      ++r.laterEvents;
      continue;
    }
    uint32_t d;
    if (i > 0 && dealOf[i - 1] != NoDeal && events[i - 1].deal == e.deal) {
      d = dealOf[i - 1];
    } else {
      bool inserted = false;
      d = ids.find(e.deal, h, static_cast<uint32_t>(g.firstEvent.size()), inserted);
      if (inserted) {
        g.firstEvent.push_back(i);
        sizes.push_back(0);
      }
    }
    dealOf[i] = d;
    ++sizes[d];
  }
  const uint32_t deals = static_cast<uint32_t>(g.firstEvent.size());
  r.deals = deals;
  r.events = events.size() - r.ignoredEvents - r.laterEvents;
  // Counting sort of event indexes by deal (input order within a deal).
  g.offset.assign(deals + 1, 0);
  for (uint32_t d = 0; d < deals; ++d)
    g.offset[d + 1] = g.offset[d] + sizes[d];
  reserveLarge(g.order, r.events);
  g.order.resize(r.events);
  std::vector<uint32_t> fill(g.offset.begin(), g.offset.end() - 1);
  for (uint32_t i = 0; i < events.size(); ++i)
    if (dealOf[i] != NoDeal)
      g.order[fill[dealOf[i]]++] = Entry{events[i].time, events[i].state, i};
  return g;
}

/// Replays every deal's events against the process, filling the counts of `r`.
class Replay {
public:
  Replay(const Process& p, llvm::ArrayRef<StageEvent> events, DealGroups& groups, ConformResult& r)
      : p_(p), events_(events), groups_(groups), r_(r), n_(uint32_t(p.states.size())),
        edgeOf_(size_t(n_) * n_, -1), unexpectedOf_(size_t(n_ + 1) * n_, -1), depth_(depths(p)),
        durations_(n_), openDurations_(n_), lastDealIn_(n_, NoDeal),
        lastDealOnEdge_(p.transitions.size(), NoDeal) {
    // Room for every visit's time, from the entries into each state (no growth and copy of
    // the large vectors while replaying).
    std::vector<size_t> entries(n_);
    for (const Entry& e : groups.order)
      ++entries[e.state];
    for (uint32_t s = 0; s < n_; ++s)
      if (!p.states[s].isOutcome())
        durations_[s].reserve(entries[s]);
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
    Entry* first = groups_.order.data() + groups_.offset[d];
    Entry* last = groups_.order.data() + groups_.offset[d + 1];
    sortByTime(first, last);
    uint32_t prev = NoDeal;
    double since = 0;
    uint32_t sinceEvent = 0;
    for (const Entry* it = first; it < last; ++it) {
      const Entry& e = *it;
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
      sinceEvent = e.event;
    }
    ++r_.states[prev].open;
    if (!p_.states[prev].isOutcome()) {
      openDurations_[prev].push_back(std::max(0.0, r_.asOf - since));
      r_.open.push_back(Deal{events_[sinceEvent].deal, prev, since, std::nullopt,
                             events_[sinceEvent].line, std::nullopt});
    }
  }

  /// Days spent in each state by the deals that left it.
  std::vector<std::vector<double>>& durations() { return durations_; }
  /// Days each open deal has spent in its stage as of the report's date.
  const std::vector<std::vector<double>>& openDurations() const { return openDurations_; }

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
  std::vector<std::vector<double>> openDurations_;
  std::vector<uint32_t> lastDealIn_;
  std::vector<uint32_t> lastDealOnEdge_;       ///< per transition: distinct deals
  std::vector<uint32_t> lastDealOnUnexpected_; ///< per r_.unexpected entry, before sorting
};

/// The time in stage `s`: completed-visit percentiles, Kaplan-Meier quantiles with the
/// open visits censored, and the test of the median against the stated range.
void summarizeTime(const State& state, std::vector<double>& times, llvm::ArrayRef<double> openTimes,
                   StageConformance& c) {
  c.p10 = c.median = c.p90 = NaN;
  if (!times.empty()) {
    sortTimes(times);
    c.p10 = percentile(times, 0.10);
    c.median = percentile(times, 0.50);
    c.p90 = percentile(times, 0.90);
  }
  std::vector<double> open(openTimes.begin(), openTimes.end());
  sortTimes(open);
  const bool anyVisit = !times.empty() || !open.empty();
  const KaplanMeier km(std::move(times), open); // `times` is sorted above
  c.kmP10 = km.quantile(0.10);
  c.kmMedian = km.quantile(0.50);
  c.kmP90 = km.quantile(0.90);
  c.kmLongest = km.longest();
  c.timeTested = (state.hasTime || state.isSignoff()) && anyVisit;
  if (!c.timeTested)
    return;
  const auto [low, high] = holdingRange(state);
  c.timeOutside =
      std::isnan(c.kmMedian) ? c.kmLongest > high : c.kmMedian < low || c.kmMedian > high;
  c.timePValue = km.medianOutsideP(low, high);
}

/// Holm's adjustment over every test of the report: the edges with trials and the
/// tested stage times.
void adjustTogether(ConformResult& r) {
  std::vector<double> p;
  for (const EdgeConformance& e : r.edges)
    if (e.trials > 0)
      p.push_back(e.pValue);
  for (const StageConformance& c : r.states)
    if (c.timeTested)
      p.push_back(c.timePValue);
  const std::vector<double> adjusted = holmAdjusted(p);
  r.tests = adjusted.size();
  size_t k = 0;
  for (EdgeConformance& e : r.edges)
    if (e.trials > 0) {
      e.adjustedP = adjusted[k++];
      e.flagged = e.adjustedP < FlagLevel;
    }
  for (StageConformance& c : r.states)
    if (c.timeTested) {
      c.timeAdjustedP = adjusted[k++];
      c.timeFlagged = c.timeAdjustedP < FlagLevel;
    }
}

/// Times in stage, rates with their intervals and tests, the false-alarm control
/// across them, and the unexpected moves most frequent first.
void summarize(const Process& p, std::vector<std::vector<double>>& durations,
               const std::vector<std::vector<double>>& openDurations, ConformResult& r) {
  const uint32_t n = static_cast<uint32_t>(p.states.size());
  for (uint32_t s = 0; s < n; ++s) {
    if (p.states[s].isOutcome()) {
      r.states[s].p10 = r.states[s].median = r.states[s].p90 = NaN;
      r.states[s].kmP10 = r.states[s].kmMedian = r.states[s].kmP90 = r.states[s].kmLongest = NaN;
      continue;
    }
    summarizeTime(p.states[s], durations[s], openDurations[s], r.states[s]);
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
    e.pValue = scoreTestP(e.count, e.trials, e.stated);
  }
  adjustTogether(r);
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
  summarize(p, replay.durations(), replay.openDurations(), r);
  r.stalled = stalledDeals(p, r.open, asOf);
  return r;
}

namespace {

/// The `next` edits of stage `s`: when one of its shares is rejected across the report
/// (or deals take a move the process lacks), every share of the stage is re-estimated
/// together, in whole percent by largest remainder so that they add up to 100%; a line
/// for each explicit edge whose share changes and each missing move of 1% or more.
void suggestShares(const Process& p, const ConformResult& r, uint32_t s,
                   std::vector<std::string>& lines) {
  const StageConformance& c = r.states[s];
  std::vector<uint64_t> counts;
  std::vector<int64_t> edgeOf; // the edge, or -(1 + the unexpected move)
  bool rejected = false;
  for (size_t e = 0; e < r.edges.size() && e < p.transitions.size(); ++e)
    if (r.edges[e].from == s) {
      counts.push_back(r.edges[e].count);
      edgeOf.push_back(static_cast<int64_t>(e));
      rejected = rejected || r.edges[e].flagged;
    }
  for (size_t u = 0; u < r.unexpected.size(); ++u)
    if (r.unexpected[u].from && *r.unexpected[u].from == s) {
      counts.push_back(r.unexpected[u].count);
      edgeOf.push_back(-1 - static_cast<int64_t>(u));
    }
  std::vector<int> units = largestRemainder(counts, c.left);
  for (size_t k = 0; k < counts.size(); ++k)
    rejected = rejected || (edgeOf[k] < 0 && units[k] >= 1);
  if (!rejected)
    return;
  // A `next` line's share is at least 1%: an explicit edge rounded to 0 keeps 1%, taken
  // from the largest share.
  for (size_t k = 0; k < counts.size(); ++k)
    if (edgeOf[k] >= 0 && !p.transitions[edgeOf[k]].implicit && units[k] == 0) {
      ++units[k];
      --*std::max_element(units.begin(), units.end());
    }
  const std::string n = fmt::format("(n={})", c.left);
  for (size_t k = 0; k < counts.size(); ++k) {
    const double observed = static_cast<double>(counts[k]) / static_cast<double>(c.left);
    if (edgeOf[k] >= 0) {
      const EdgeConformance& edge = r.edges[edgeOf[k]];
      if (p.transitions[edgeOf[k]].implicit || std::fabs(units[k] - edge.stated * 100) < 1e-9)
        continue;
      const PercentAgainst shown = percentAgainst(observed, edge.stated);
      lines.push_back(
          fmt::format("stage {}: next {} {}%;  // stated {}, observed {} {}, {}{}{}",
                      p.states[s].name, p.states[edge.to].name, units[k], shown.target,
                      shown.figure, n, edge.flagged ? "adjusted " : "not rejected by itself: ",
                      pValueText(edge.flagged ? edge.adjustedP : edge.pValue),
                      counts[k] * 100 < c.left ? "; 1% is the least a share can be" : ""));
    } else if (units[k] >= 1) {
      const UnexpectedTransition& u = r.unexpected[-1 - edgeOf[k]];
      lines.push_back(fmt::format(
          "stage {}: next {} {}%;  // not in the process ({}), observed {} {}", p.states[s].name,
          p.states[u.to].name, units[k], kindName(u.kind).str(), percent(observed), n));
    }
  }
}

/// The `time` edit of stage `s`: Kaplan-Meier P10 to P90 typical median, in the unit the
/// author wrote, when the median is outside the stated range beyond chance, or the stage
/// states no time; none while a quantile is not reached.
void suggestTime(const State& state, const StageConformance& c, std::vector<std::string>& lines) {
  if (state.hasTime ? !c.timeFlagged : c.left == 0)
    return;
  if (std::isnan(c.kmP10) || std::isnan(c.kmMedian) || std::isnan(c.kmP90))
    return;
  const auto [unit, per] = writtenUnit(state.timeWritten);
  const std::string low = unitAmount(c.kmP10 / per), high = unitAmount(c.kmP90 / per);
  std::string typical = unitAmount(c.kmMedian / per);
  const double lowV = std::stod(low), highV = std::stod(high);
  typical = fmt::format("{:g}", std::clamp(std::stod(typical), lowV, highV));
  const std::string stated =
      state.hasTime
          ? "stated " + (state.timeWritten.empty()
                             ? fmt::format("{:g} to {:g} days", state.time.min, state.time.max)
                             : state.timeWritten)
          : std::string("no time stated");
  const std::string observed =
      fmt::format("Kaplan-Meier P10 {}, median {}, P90 {} (n={}, {} still open){}",
                  formatDecimalNotZero(c.kmP10 / per), formatDecimalNotZero(c.kmMedian / per),
                  withUnit(formatDecimalNotZero(c.kmP90 / per), unit), c.visits, c.open,
                  state.hasTime ? ", adjusted " + pValueText(c.timeAdjustedP) : std::string());
  if (lowV == highV)
    lines.push_back(fmt::format("stage {}: time {};  // {}, {}", state.name, withUnit(low, unit),
                                stated, observed));
  else
    lines.push_back(fmt::format("stage {}: time {} to {} typical {};  // {}, {}", state.name, low,
                                withUnit(high, unit), withUnit(typical, unit), stated, observed));
}

} // namespace

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
    suggestShares(p, r, s, lines);
    suggestTime(state, c, lines);
  }
  return lines;
}

} // namespace salesc::rt
