//===- StageLabels.cpp - The labels a CRM writes for a process's stages ----===//
#include "salesc/runtime/StageLabels.h"

#include "ExportValues.h"

#include "salesc/runtime/Printable.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace salesc::rt {

namespace {

/// The generic labels (folded) of a won and of a lost outcome.
constexpr std::array<const char*, 2> GenericWon = {"closedwon", "won"},
                                     GenericLost = {"closedlost", "lost"};

/// The one outcome of `kind`; nullopt when there are none or several.
std::optional<uint32_t> onlyOutcome(const Process& p, StateKind kind) {
  std::optional<uint32_t> found;
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (p.states[i].kind == kind) {
      if (found)
        return std::nullopt;
      found = i;
    }
  return found;
}

std::optional<uint32_t> find(const std::map<std::string, uint32_t>& m, llvm::StringRef raw) {
  auto found = m.find(foldLabel(raw));
  return found == m.end() ? std::nullopt : std::optional<uint32_t>(found->second);
}

} // namespace

std::string foldLabel(llvm::StringRef s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (llvm::isAlnum(c) || static_cast<unsigned char>(c) >= 0x80)
      out.push_back(llvm::toLower(c));
  return out;
}

std::optional<StateKind> genericOutcome(llvm::StringRef label) {
  const std::string f = foldLabel(label);
  for (StateKind kind : {StateKind::Won, StateKind::Lost})
    for (const char* name : kind == StateKind::Won ? GenericWon : GenericLost)
      if (f == name)
        return kind;
  return std::nullopt;
}

std::optional<uint32_t> StageLabels::label(llvm::StringRef raw) const {
  return find(labels, raw);
}

std::optional<uint32_t> StageLabels::lostReason(llvm::StringRef raw) const {
  return find(lostReasons, raw);
}

std::vector<StageLabels::Problem> StageLabels::problems(const Process& p) const {
  std::vector<Problem> out;
  auto nearest = [&](llvm::StringRef name, bool lostOnly) -> std::string {
    std::vector<llvm::StringRef> names;
    for (const State& s : p.states)
      if (!lostOnly || s.kind == StateKind::Lost)
        names.push_back(s.name);
    const std::string best = closestSpelling(name, names);
    return best.empty() ? std::string() : fmt::format("; did you mean '{}'?", best);
  };
  for (const BadTarget& t : badTargets)
    out.push_back({t.place, fmt::format("'stages:' maps a label to {}, which is no stage or "
                                        "outcome of process '{}'{}",
                                        quote(t.name), p.name, nearest(t.name, false))});
  for (const BadTarget& t : badReasons)
    out.push_back({t.place, fmt::format("'lost_reasons:' maps a reason to {}, which is no lost "
                                        "outcome of process '{}'{}",
                                        quote(t.name), p.name, nearest(t.name, true))});
  return out;
}

namespace {

std::string placeOf(const std::map<std::string, std::string>& places, const std::string& key) {
  auto it = places.find(key);
  return it == places.end() ? std::string() : it->second;
}

} // namespace

StageLabels stageLabels(const Process& p, const ExportMapping& m) {
  std::map<std::string, uint32_t> byName;
  for (uint32_t i = 0; i < p.states.size(); ++i)
    byName.try_emplace(foldLabel(p.states[i].name), i);
  StageLabels out;
  for (const auto& [label, name] : m.stages)
    if (auto found = byName.find(foldLabel(name)); found != byName.end())
      out.labels[foldLabel(label)] = found->second;
    else
      out.badTargets.push_back({name, placeOf(m.stagePlaces, label)});
  for (const auto& [reason, name] : m.lostReasons)
    if (auto found = byName.find(foldLabel(name));
        found != byName.end() && p.states[found->second].kind == StateKind::Lost)
      out.lostReasons[foldLabel(reason)] = found->second;
    else
      out.badReasons.push_back({name, placeOf(m.lostReasonPlaces, reason)});
  for (uint32_t i = 0; i < p.states.size(); ++i)
    for (const std::string& label : p.states[i].crmLabels)
      out.labels.try_emplace(foldLabel(label), i);
  for (const auto& [name, state] : byName) {
    out.labels.try_emplace(name, state);
    if (p.states[state].kind == StateKind::Lost)
      out.lostReasons.try_emplace(name, state);
  }
  for (uint32_t i = 0; i < p.states.size(); ++i)
    if (p.states[i].kind == StateKind::Lost)
      for (const std::string& label : p.states[i].crmLabels)
        out.lostReasons.try_emplace(foldLabel(label), i);
  for (StateKind kind : {StateKind::Won, StateKind::Lost})
    if (std::optional<uint32_t> only = onlyOutcome(p, kind))
      for (const char* name : kind == StateKind::Won ? GenericWon : GenericLost)
        out.labels.try_emplace(name, *only);
  return out;
}

std::optional<std::string> closestLabel(const Process& p, llvm::StringRef label) {
  const std::string f = foldLabel(label);
  const unsigned limit = std::max<unsigned>(1, (f.size() + 2) / 3);
  std::optional<std::string> best;
  unsigned bestDistance = limit + 1;
  // A lost label is never a won outcome's, nor a won label a lost outcome's.
  const bool saysLost = llvm::StringRef(f).contains("lost"),
             saysWon = llvm::StringRef(f).contains("won");
  auto consider = [&](StateKind kind, llvm::StringRef candidate, std::string shown) {
    if ((saysLost && kind == StateKind::Won) || (saysWon && kind == StateKind::Lost))
      return;
    const unsigned d = llvm::StringRef(f).edit_distance(foldLabel(candidate), true, limit);
    if (d < bestDistance) {
      bestDistance = d;
      best = std::move(shown);
    }
  };
  for (const State& s : p.states)
    consider(s.kind, s.name, quote(s.name));
  for (const State& s : p.states)
    for (const std::string& l : s.crmLabels)
      consider(s.kind, l,
               quote(l) + " (" + (s.isOutcome() ? "outcome " : "stage ") + quote(s.name) + ")");
  // The generic labels every preset reads ("Closed Won"), when the process has an outcome
  // of their kind: "Clsoed Won" is one of them mistyped.
  for (auto [kind, spellings] : {std::pair{StateKind::Won, std::array{"Closed Won", "Won"}},
                                 std::pair{StateKind::Lost, std::array{"Closed Lost", "Lost"}}})
    if (llvm::any_of(p.states, [kind = kind](const State& s) { return s.kind == kind; }))
      for (const char* g : spellings)
        consider(kind, g, quote(g));
  return best;
}

} // namespace salesc::rt
