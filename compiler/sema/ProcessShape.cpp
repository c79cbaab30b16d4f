//===- ProcessShape.cpp - Reachability, outcomes and predicted targets ----===//
//
// Checks on the lowered chain of a process that has no other error: stages no one
// reaches, stages no one leaves, stages from which no one wins, and the figures the
// absorbing Markov chain predicts against the process's targets and brand limits.
//
//===----------------------------------------------------------------------===//
#include "BrandRules.h"
#include "diag/Wording.h"

#include "Durations.h"
#include "ProcessChecker.h"
#include "salesc/runtime/Format.h"

#include "salesc/runtime/Graph.h"
#include "salesc/runtime/Markov.h"

#include "llvm/ADT/STLExtras.h"

#include <fmt/format.h>

namespace salesc::sema {

using diag::DiagKind;

using diag::quoted;

bool ProcessChecker::checkShape(const ResolvedProcess& p, const rt::Process& model) {
  diag::ErrorTrap trap(diags_);
  const std::string name = quoted(p.decl->name.text);
  if (p.stages.empty()) {
    diags_.report(DiagKind::EmptyProcess, p.decl->name.range,
                  "process " + name +
                      " has no stages, so salesc cannot predict anything "
                      "about it; add its stages, or remove it");
    return false;
  }
  bool hasWon =
      llvm::any_of(model.states, [](const rt::State& s) { return s.kind == rt::StateKind::Won; });
  if (!hasWon) {
    diags_.report(DiagKind::NoWonOutcome, p.decl->name.range,
                  "process " + name +
                      " has no 'won' outcome, so no prospect can ever buy; add one, as in "
                      "'won signed \"Signs the agreement\";'");
    return false;
  }
  std::vector<bool> reached = rt::reachableFrom(model, model.start);
  std::vector<bool> leaves = rt::canReach(model, [](const rt::State& s) { return s.isOutcome(); });
  std::vector<bool> wins =
      rt::canReach(model, [](const rt::State& s) { return s.kind == rt::StateKind::Won; });
  // A stage without 'next' lines sends every prospect to the remainder: when stages
  // are then out of reach, it is the likely cause, and what follows from it are notes.
  std::optional<diag::DiagBuilder> cause;
  size_t causeStage = p.stages.size();
  if (llvm::is_contained(reached, false))
    for (size_t i = 0; i < p.stages.size() && !cause; ++i)
      if (reached[i] && p.stages[i].next.empty() && p.stages[i].signoffs.empty()) {
        cause = reportMissingNext(p, model, i);
        causeStage = i;
      }
  bool trapped = false;
  for (size_t i = 0; i < p.stages.size(); ++i) {
    const ResolvedStage& s = p.stages[i];
    if (cause && !reached[i]) {
      cause->note(s.name.range, "no prospect can reach stage " + quoted(s.name.text));
      continue;
    }
    if (cause && leaves[i] && !wins[i]) {
      if (i != causeStage)
        cause->note(s.name.range,
                    "no prospect who reaches stage " + quoted(s.name.text) + " can win");
      continue;
    }
    if (!reached[i]) {
      // A stage the process inherits is not the user's to delete where it is declared.
      std::string advice = s.origin && !ownsPlace(*p.decl, s.origin->name.range)
                               ? "; add 'remove " + s.name.text.str() +
                                     ";' to the process, or restate there a stage whose "
                                     "'next' line sends prospects to it"
                               : "; send prospects to it with a 'next' line, or remove it";
      diags_.report(DiagKind::UnreachableStage, s.name.range,
                    "no prospect can reach stage " + quoted(s.name.text) +
                        " from the start stage " + quoted(model.states[model.start].name) + advice);
      continue;
    }
    if (!leaves[i]) {
      diags_.report(DiagKind::TrappedStage, s.name.range,
                    "prospects who reach stage " + quoted(s.name.text) +
                        " can never win or be lost: every path from it loops back among stages "
                        "without an outcome");
      trapped = true;
    } else if (!wins[i]) {
      diags_.report(DiagKind::NoWinPath, s.name.range,
                    "no prospect who reaches stage " + quoted(s.name.text) +
                        " can ever win: no path from it leads to a 'won' outcome");
    }
  }
  return !trapped;
}

diag::DiagBuilder ProcessChecker::reportMissingNext(const ResolvedProcess& p,
                                                    const rt::Process& model, size_t stage) {
  const ResolvedStage& s = p.stages[stage];
  std::string to = "the remainder";
  for (const rt::Transition& t : model.transitions)
    if (t.from == stage && t.implicit)
      to = quoted(model.states[t.to].name);
  return diags_.report(DiagKind::MissingNext, s.name.range,
                       "stage " + quoted(s.name.text) + " has no 'next' line, so every prospect " +
                           "who reaches it goes to " + to +
                           " and the stages after it cannot be reached; is a 'next' line "
                           "missing?");
}

bool ProcessChecker::checkPredictions(const ResolvedProcess& p, const ast::BrandDecl* brand,
                                      const rt::Process& model,
                                      std::optional<rt::Analysis>& analysis) {
  diag::ErrorTrap trap(diags_);
  llvm::Expected<rt::Analysis> a = rt::analyze(model);
  if (!a) {
    llvm::consumeError(a.takeError()); // the shape checks report these cases
    return !trap.hasErrors();
  }
  const std::string start = quoted(model.states[model.start].name);
  double winRate = a->winRate();
  double toWin = a->expectedDaysToWin[model.start];
  if (p.targetWinRate && a->winRateTargetMet == false) {
    const rt::PercentAgainst shown = rt::percentAgainst(winRate, *model.targetWinRate);
    diags_.report(DiagKind::WinRateBelowTarget, p.targetWinRate->range,
                  "the process predicts a win rate of " + shown.figure + " from " + start +
                      ", below its target of " + shown.target);
  }
  if (p.targetCycle && a->cycleTargetMet == false) {
    diags_.report(DiagKind::CycleAboveTarget, p.targetCycle->range,
                  "the process predicts " + rt::days(toWin) + " from " + start +
                      " to a won deal, above its target of " + rt::days(*model.targetCycleDays));
  }
  if (brand && winRate > 0)
    checkCycleAgainstBrand(p, *brand, *a, diags_);
  analysis = std::move(*a);
  return !trap.hasErrors();
}

} // namespace salesc::sema
