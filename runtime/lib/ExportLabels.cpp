//===- ExportLabels.cpp - A CRM export's stage labels to a process's states ===//
#include "ExportLabels.h"

#include "salesc/runtime/Printable.h"

#include <algorithm>

namespace salesc::rt {

std::string foldLabel(llvm::StringRef s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (llvm::isAlnum(c) || static_cast<unsigned char>(c) >= 0x80)
      out.push_back(llvm::toLower(c));
  return out;
}

StageLabels::StageLabels(const Process& p, const ExportMapping& m) : p_(p) {
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    byName_.try_emplace(foldLabel(p.states[i].name), i);
    for (const std::string& label : p.states[i].crmLabels)
      byLabel_.try_emplace(foldLabel(label), i);
  }
  for (const auto& [label, name] : m.stages)
    if (auto found = byName_.find(foldLabel(name)); found != byName_.end())
      mapped_[foldLabel(label)] = found->second;
    else
      badTargets_.push_back(name);
  for (const auto& [reason, name] : m.lostReasons)
    if (auto found = byName_.find(foldLabel(name));
        found != byName_.end() && p.states[found->second].kind == StateKind::Lost)
      reasons_[foldLabel(reason)] = found->second;
    else
      badReasons_.push_back(name);
}

std::optional<uint32_t> StageLabels::resolve(llvm::StringRef label, llvm::StringRef reason) {
  std::optional<uint32_t> s = lookup(label);
  if (!reason.empty() && (!s || p_.states[*s].kind == StateKind::Lost)) {
    const std::string r = foldLabel(reason);
    if (auto found = reasons_.find(r); found != reasons_.end())
      return found->second;
    if (std::optional<uint32_t> lost = lostByName(r))
      return lost;
  }
  return s;
}

std::optional<uint32_t> StageLabels::lookup(llvm::StringRef label) {
  auto [it, inserted] = cache_.try_emplace(label);
  if (inserted) {
    const std::string f = foldLabel(label);
    if (auto m = mapped_.find(f); m != mapped_.end())
      it->second = m->second;
    else if (auto l = byLabel_.find(f); l != byLabel_.end())
      it->second = l->second;
    else if (auto n = byName_.find(f); n != byName_.end())
      it->second = n->second;
    else if (f == "closedwon" || f == "won")
      it->second = onlyOutcome(StateKind::Won);
    else if (f == "closedlost" || f == "lost")
      it->second = onlyOutcome(StateKind::Lost);
  }
  return it->second;
}

std::optional<uint32_t> StageLabels::lostByName(const std::string& folded) const {
  for (const llvm::StringMap<uint32_t>* names : {&byName_, &byLabel_})
    if (auto found = names->find(folded);
        found != names->end() && p_.states[found->second].kind == StateKind::Lost)
      return found->second;
  return std::nullopt;
}

std::optional<uint32_t> StageLabels::onlyOutcome(StateKind kind) const {
  std::optional<uint32_t> found;
  for (uint32_t i = 0; i < p_.states.size(); ++i)
    if (p_.states[i].kind == kind) {
      if (found)
        return std::nullopt;
      found = i;
    }
  return found;
}

std::optional<std::string> StageLabels::closest(llvm::StringRef label) const {
  const std::string f = foldLabel(label);
  const unsigned limit = std::max<unsigned>(1, (f.size() + 2) / 3);
  std::optional<std::string> best;
  unsigned bestDistance = limit + 1;
  auto consider = [&](llvm::StringRef candidate, std::string shown) {
    const unsigned d = llvm::StringRef(f).edit_distance(foldLabel(candidate), true, limit);
    if (d < bestDistance) {
      bestDistance = d;
      best = std::move(shown);
    }
  };
  for (const State& s : p_.states)
    consider(s.name, quote(s.name));
  for (const State& s : p_.states)
    for (const std::string& l : s.crmLabels)
      consider(l, quote(l) + " (" + (s.isOutcome() ? "outcome " : "stage ") + quote(s.name) + ")");
  return best;
}

} // namespace salesc::rt
