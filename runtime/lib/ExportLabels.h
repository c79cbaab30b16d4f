//===- ExportLabels.h - A CRM export's stage labels to a process's states -===//
//
// Internal to the runtime library (ExportReshape.cpp). docs/crm.md documents the order in
// which a label is matched.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_EXPORTLABELS_H
#define SALESC_RUNTIME_EXPORTLABELS_H

#include "salesc/runtime/ExportMapping.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

/// Resolves the stage labels of an export to the states of a process, in this order:
/// the mapping's `stages:` (a file's and its preset's), the CRM labels the process gives
/// its stages and outcomes (State::crmLabels), the names of its stages and outcomes, then
/// `Closed Won` / `Won` and `Closed Lost` / `Lost` for the process's only outcome of that
/// kind. Labels compare folded (foldLabel). Each label's answer is remembered.
class StageLabels {
public:
  StageLabels(const Process& p, const ExportMapping& m);

  /// The state `label` names; a lost outcome named by `reason` (through `lost_reasons:`,
  /// a lost outcome's name or one of its CRM labels) wins over a lost label.
  std::optional<uint32_t> resolve(llvm::StringRef label, llvm::StringRef reason);
  /// The state `label` names, without a lost reason.
  std::optional<uint32_t> lookup(llvm::StringRef label);

  /// For "did you mean": the name or CRM label of the process closest to `label` in
  /// spelling, quoted ("'proposal'", "'Demo Scheduled' (stage 'demo')"); nullopt when
  /// none is close.
  std::optional<std::string> closest(llvm::StringRef label) const;

  /// The names `stages:` maps to that are no state, and those `lost_reasons:` maps to
  /// that are no lost outcome, as the mapping gives them.
  const std::vector<std::string>& badTargets() const { return badTargets_; }
  const std::vector<std::string>& badReasons() const { return badReasons_; }

private:
  /// The one outcome of `kind`; nullopt when there are none or several.
  std::optional<uint32_t> onlyOutcome(StateKind kind) const;
  /// The lost outcome whose name or CRM label `folded` is.
  std::optional<uint32_t> lostByName(const std::string& folded) const;

  const Process& p_;
  llvm::StringMap<uint32_t> byName_, byLabel_;
  std::map<std::string, uint32_t> mapped_, reasons_;
  llvm::StringMap<std::optional<uint32_t>> cache_;
  std::vector<std::string> badTargets_, badReasons_;
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_EXPORTLABELS_H
