//===- Model.h - The executable model of a sales process ------------------===//
//
// What the compiler lowers a checked process to and what the runtime loads from
// tables.json: states (stages and outcomes) and explicit transitions. Nothing in
// here knows about source text, ANTLR or Graphviz.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_MODEL_H
#define SALESC_RUNTIME_MODEL_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

/// How long a prospect stays in a stage, in days. Invariant: 0 <= min <= typical <= max.
/// A fixed time has min == typical == max. A range stated without a typical value has
/// its typical value at the midpoint, so the distribution is triangular(min, typical, max).
struct Holding {
  double min = 0;
  double typical = 0;
  double max = 0;
  /// Mean of the triangular distribution: (min + typical + max) / 3.
  double mean() const { return (min + typical + max) / 3.0; }
};

enum class StateKind { Stage, Won, Lost };

/// "stage", "won" or "lost": the spelling of the language, tables.json and every report.
llvm::StringRef toString(StateKind kind);
/// The kind spelled `text` (as toString spells it), or nullopt.
std::optional<StateKind> parseStateKind(llvm::StringRef text);

/// A named item (knowledge, material or tactic) with its description.
struct Item {
  std::string name;
  std::string description;
  std::vector<std::string> teaches; ///< materials and tactics: the knowledge they teach
};

/// A person or department on the buyer's side (`role NAME "text" { needs K, ...; }`).
struct Role {
  std::string name;
  std::string description;
  std::vector<Item> needs; ///< the knowledge this role needs before it signs off
};

/// A group on the seller's side that runs stages (`team NAME "text";`).
struct Team {
  std::string name;
  std::string description;
};

/// One role's review in a sign-off stage (`signoff ROLE P% within TIME;`). The roles of a
/// stage decide independently: the share that moves on is the product of their shares,
/// and the stage lasts until the last answer arrives (the maximum of their times).
struct Signoff {
  std::string role; ///< a name of Process::roles
  double share = 1; ///< the probability that this role approves, in (0, 1]
  Holding time;     ///< how long this role takes to answer (triangular)
};

/// One state of the chain: a stage (transient) or an outcome (absorbing).
struct State {
  std::string name;
  std::string description;
  StateKind kind = StateKind::Stage;
  Holding time;         ///< all zero for outcomes and for stages without `time`
  bool hasTime = false; ///< whether the source stated a time
  /// The time as the source writes it, spaces collapsed ("1 to 2 months", "5 to 15 business
  /// days"); empty when it states none (and in tables.json, which keeps days only).
  std::string timeWritten;
  std::optional<double> stalledAfter; ///< days; stages only
  std::vector<Item> learn;
  std::vector<Item> provide;
  std::vector<Item> tactics;
  /// Non-empty: a parallel review. Then `time` is unused (hasTime is false), the stage's
  /// holding time is the maximum of the roles' times, and its transition to the `next`
  /// target carries the product of the roles' shares; the remainder is as elsewhere.
  std::vector<Signoff> signoffs;
  std::string owner;                     ///< the team that runs the stage; empty for none
  std::vector<std::string> exitCriteria; ///< `exit when "...", ...;`, in order
  /// The labels a CRM export uses for this stage or outcome (`crm "Demo Scheduled";`),
  /// in order; the export reader matches them (docs/crm.md).
  std::vector<std::string> crmLabels;
  /// A won outcome's own deal value (`won annual "..." value 1_440 USD;`), in the
  /// process's currency; nullopt for stages, lost outcomes and won outcomes that take
  /// the process's `value` (Process::winValue).
  std::optional<double> value;

  bool isOutcome() const { return kind != StateKind::Stage; }
  bool isSignoff() const { return !signoffs.empty(); }
};

/// An edge of the chain. Invariant: for every stage, the probabilities of its
/// outgoing transitions sum to 1 (within 1e-9); outcomes have no outgoing edges.
struct Transition {
  uint32_t from = 0;
  uint32_t to = 0;
  double probability = 0;
  bool implicit = false; ///< the remainder edge the source left implicit
};

/// What a brand can require of every stage (`require knowledge;`).
enum class Requirement { Knowledge, Materials, Time, Values, Teaching };

/// Every requirement, in the order messages list them.
inline constexpr Requirement AllRequirements[] = {Requirement::Knowledge, Requirement::Materials,
                                                  Requirement::Time, Requirement::Values,
                                                  Requirement::Teaching};

/// "knowledge", "materials", "time" or "values": the spelling of the language,
/// tables.json and every message.
llvm::StringRef toString(Requirement r);
/// The requirement spelled `text`, or nullopt.
std::optional<Requirement> parseRequirement(llvm::StringRef text);

/// The brand a process is bound to, with the rules it states.
struct Brand {
  std::string name;
  std::string description;
  std::vector<std::string> values;
  std::vector<std::string> forbiddenTactics;
  std::vector<std::string> forbiddenCategories;
  std::vector<Requirement> requirements;
  std::optional<unsigned> maxStages;
  std::optional<double> maxCycleDays;
};

struct Segment;

/// A whole process, ready to analyze. `start` indexes `states` and names a stage
/// whenever the process has stages.
struct Process {
  std::string name;
  std::string description;
  std::string channel;  ///< empty when the process is not bound to a channel
  std::string offering; ///< empty when the process is not bound to an offering
  /// The descriptions of the channel and the offering, for display; empty when they have
  /// none (and in a process read from tables.json, which does not keep them).
  std::string channelDescription, offeringDescription;
  std::optional<Brand> brand;
  std::string currency; ///< ISO 4217 code, empty when no value is stated
  std::optional<double> value;
  std::optional<double> targetWinRate; ///< in 0..1
  std::optional<double> targetCycleDays;
  uint32_t start = 0;
  std::vector<State> states;
  std::vector<Transition> transitions;
  std::vector<Role> roles; ///< the roles the process's stages sign off with or learn for
  std::vector<Team> teams; ///< the teams that own its stages
  /// The gross margin on revenue, in (0, 1]; nullopt when not stated (then no margin
  /// figure is given, and ROI is on revenue).
  std::optional<double> margin;
  /// The segments its leads split into, with shares summing to 1; empty for none. Each
  /// segment's process has the same states in the same order as this one (a segment
  /// restates properties, shares, times and values; it adds and removes nothing) and no
  /// segments of its own. This process's own figures are those of no segment: the
  /// blended figures are the segments' (Markov.h).
  std::vector<Segment> segments;

  /// Index of the state named `name`, if any.
  std::optional<uint32_t> find(const std::string& name) const;
  /// The deal value of a win at `state` (a Won outcome): its own value, else the
  /// process's; nullopt when neither is stated.
  std::optional<double> winValue(uint32_t state) const {
    return states[state].value ? states[state].value : value;
  }
  /// Whether every win is worth the process's `value` (when it states one): no won outcome
  /// has a value of its own and there are no segments. Then the value of a lead is the
  /// value times the win rate, and the reports say so.
  bool oneWinValue() const {
    for (const State& s : states)
      if (s.value)
        return false;
    return segments.empty();
  }
};

/// `segment NAME "..." share P% { ... }`: a share of the leads, with the process as it
/// stands for them.
struct Segment {
  std::string name;
  std::string description;
  double share = 0; ///< in (0, 1]; the shares of a process's segments sum to 1
  Process process;
};

/// `campaign NAME "..." { process P; leads N; cost C CUR; ... }`: leads bought for a
/// process at a cost.
struct Campaign {
  std::string name;
  std::string description;
  std::string process;                ///< the name of the process the leads enter
  double leads = 0;                   ///< how many leads, above 0
  double cost = 0;                    ///< what the campaign costs, in `currency`, at least 0
  std::string currency;               ///< the process's currency
  std::optional<uint32_t> enters;     ///< the state its leads enter; nullopt: the start
  std::optional<std::string> segment; ///< the one segment its leads are in; nullopt: all
  std::optional<double> targetRoi;    ///< a ratio: 1.5 for `target roi 150%`
};

/// The campaigns of `all` whose leads enter `p` (Campaign::process names it), in order.
inline std::vector<Campaign> campaignsInto(const Process& p, const std::vector<Campaign>& all) {
  std::vector<Campaign> out;
  for (const Campaign& c : all)
    if (c.process == p.name)
      out.push_back(c);
  return out;
}

} // namespace salesc::rt

#endif // SALESC_RUNTIME_MODEL_H
