//===- StageLabels.h - The labels a CRM writes for a process's stages ------===//
//
// The one table of which CRM label names which stage or outcome, and which lost reason
// names which lost outcome. Reading an export (ExportReshape.cpp) resolves each label
// through it; `salesc emit --to=sql` writes it as the script's labels table, so a warehouse
// table with the CRM's own labels is read as conform reads its export (docs/sql.md).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_STAGELABELS_H
#define SALESC_RUNTIME_STAGELABELS_H

#include "salesc/runtime/ExportMapping.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

/// A label or name compared as people write it: ASCII letters lowered, only letters,
/// digits and non-ASCII bytes kept (`Demo Scheduled`, `demo_scheduled` and
/// `demoscheduled` are one label). The checker compares a process's CRM labels the same way.
std::string foldLabel(llvm::StringRef s);

/// Every folded label that names a state of one process, each with the one state it names.
/// Invariant: a label's state is the first of, in order, the mapping's `stages:` (a file's
/// and its preset's), the CRM labels the process gives its stages and outcomes
/// (State::crmLabels), the process's stage and outcome names, and `closedwon`/`won`
/// (`closedlost`/`lost`) for the process's only won (lost) outcome (docs/crm.md).
struct StageLabels {
  std::map<std::string, uint32_t> labels;
  /// A folded lost reason to a lost outcome: `lost_reasons:`, then the lost outcomes' names,
  /// then their CRM labels.
  std::map<std::string, uint32_t> lostReasons;
  /// An entry of `stages:` or `lost_reasons:` whose target names no (lost) state: the
  /// target as written, and where the map file writes it ("FILE:LINE:COL"; empty in a
  /// preset).
  struct BadTarget {
    std::string name;
    std::string place;
  };
  std::vector<BadTarget> badTargets, badReasons;

  /// The state a label names; nullopt when none.
  std::optional<uint32_t> label(llvm::StringRef raw) const;
  /// The lost outcome a lost reason names; nullopt when none.
  std::optional<uint32_t> lostReason(llvm::StringRef raw) const;
  /// What is wrong with a bad target, and where (empty: not known, a preset's).
  struct Problem {
    std::string place;
    std::string message;
  };
  /// One problem for each bad target of process `p`, with a "did you mean" when a (lost)
  /// state is close (nothing when there are none).
  std::vector<Problem> problems(const Process& p) const;
};

/// The labels of `p` under mapping `m`.
StageLabels stageLabels(const Process& p, const ExportMapping& m);

/// The kind of outcome a CRM's generic label stands for: Won for `Closed Won` and `Won`,
/// Lost for `Closed Lost` and `Lost` (folded); nullopt for any other label.
std::optional<StateKind> genericOutcome(llvm::StringRef label);

/// For "did you mean": the name or CRM label of `p` closest to `label` in spelling (folded),
/// quoted ("'proposal'", "'Demo Scheduled' (stage 'demo')"); nullopt when none is close.
/// A label that says lost (won) is never offered a won (lost) outcome.
std::optional<std::string> closestLabel(const Process& p, llvm::StringRef label);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_STAGELABELS_H
