//===- SegmentDiff.cpp - What a segment states differently from its process ===//
#include "SegmentDiff.h"

#include "Format.h"

#include "llvm/ADT/StringExtras.h"

#include <optional>

namespace salesc::emit {
namespace {

std::string money(const std::optional<double>& v, const std::string& currency) {
  return v ? formatMoney(*v, currency) : "none";
}

std::string names(const std::vector<rt::Item>& items) {
  std::vector<std::string> out;
  for (const rt::Item& i : items)
    out.push_back(i.name);
  return out.empty() ? "none" : llvm::join(out, ", ");
}

std::string signoffs(const rt::State& s) {
  std::vector<std::string> out;
  for (const rt::Signoff& r : s.signoffs)
    out.push_back(r.role + " " + percent(r.share) + " within " + formatTime(r.time));
  return out.empty() ? "none" : llvm::join(out, "; ");
}

std::string time(const rt::State& s) {
  return s.hasTime ? formatTime(s.time) : "none";
}

std::string stall(const rt::State& s) {
  return s.stalledAfter ? days(*s.stalledAfter) : "none";
}

/// The stated share of the transition `from` -> `to`; nullopt when there is none or
/// it is the remainder.
std::optional<double> statedShare(const rt::Process& p, uint32_t from, uint32_t to) {
  for (const rt::Transition& t : p.transitions)
    if (t.from == from && t.to == to && !t.implicit)
      return t.probability;
  return std::nullopt;
}

class Differ {
public:
  Differ(const rt::Process& p, const rt::Process& g) : p_(p), g_(g) {}

  std::vector<Difference> run() {
    add("", "value", money(p_.value, p_.currency), money(g_.value, g_.currency));
    add("", "margin", p_.margin ? percent(*p_.margin) : "none",
        g_.margin ? percent(*g_.margin) : "none");
    for (uint32_t i = 0; i < p_.states.size() && i < g_.states.size(); ++i)
      state(i);
    return std::move(out_);
  }

private:
  void add(const std::string& where, const std::string& what, const std::string& inProcess,
           const std::string& inSegment) {
    if (inProcess != inSegment)
      out_.push_back({where, what, inProcess, inSegment});
  }

  void state(uint32_t i) {
    const rt::State& a = p_.states[i];
    const rt::State& b = g_.states[i];
    add(a.name, "description", a.description, b.description);
    if (a.isOutcome()) {
      add(a.name, "value", money(a.value, p_.currency), money(b.value, g_.currency));
      return;
    }
    add(a.name, "owner", a.owner.empty() ? "none" : a.owner, b.owner.empty() ? "none" : b.owner);
    add(a.name, "time", time(a), time(b));
    add(a.name, "stalled after", stall(a), stall(b));
    add(a.name, "learns", names(a.learn), names(b.learn));
    add(a.name, "provides", names(a.provide), names(b.provide));
    add(a.name, "tactics", names(a.tactics), names(b.tactics));
    add(a.name, "sign-offs", signoffs(a), signoffs(b));
    for (uint32_t j = 0; j < p_.states.size(); ++j) {
      std::optional<double> x = statedShare(p_, i, j), y = statedShare(g_, i, j);
      if (x || y)
        add(a.name, "next " + p_.states[j].name, x ? percent(*x) : "none",
            y ? percent(*y) : "none");
    }
  }

  const rt::Process& p_;
  const rt::Process& g_;
  std::vector<Difference> out_;
};

} // namespace

std::vector<Difference> differences(const rt::Process& p, const rt::Segment& g) {
  return Differ(p, g.process).run();
}

} // namespace salesc::emit
