//===- Verify.h - The invariants of a model, checked in one place ---------===//
//
// A Process comes from the checker (which refuses what breaks these in the user's
// terms, with a location), from a tables.json someone may have edited, or from an
// embedder's code. Every consumer (the analysis, the simulation, the tables loader, the
// runtime commands) calls verify() rather than checking the invariants itself, so the
// limits and the wording are the same wherever a broken model is caught.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_VERIFY_H
#define SALESC_RUNTIME_VERIFY_H

#include "salesc/runtime/Model.h"

#include "llvm/Support/Error.h"

#include <cstddef>

namespace salesc::rt {

/// The bounds every model stays within, so that every figure printed is finite.
namespace limits {
/// A stage's time, a stall limit and a target cycle: at most 100 years.
inline constexpr double MaxDays = 36500;
/// A deal's value and a campaign's cost.
inline constexpr double MaxAmount = 1e15;
/// How far the probabilities out of a stage may add up from exactly 1 (rounding).
inline constexpr double SumTolerance = 1e-9;
/// The roles that sign off at one stage. The exact mean of their maximum costs about
/// 3n^3 operations (Holding.h), so this keeps a stage's figures under a millisecond; a
/// buying committee is a handful of people.
inline constexpr size_t MaxSignoffs = 64;
} // namespace limits

/// Checks the invariants Model.h states: the start and every transition name states
/// of the process; times are ordered (0 <= min <= typical <= max) and at most
/// limits::MaxDays, stall limits too; no transition leaves an outcome; probabilities
/// are between 0 and 1; every stage can reach an outcome (naming every stage that
/// cannot); the probabilities out of each stage add up to 1; a value is above 0 and at most
/// limits::MaxAmount; a target win rate is above 0 and at most 1, a target cycle above 0 days and
/// at most limits::MaxDays. A sign-off stage is a stage without a time of its own, with at
/// most limits::MaxSignoffs roles, each a role of the process (Process::roles) signing off
/// once with a share in (0, 1] and a time as above, and exactly one transition that is not
/// the remainder (Transition::implicit), to its `next` target, whose probability is the
/// product of the shares (within limits::SumTolerance). A stage's owner is a team of the
/// process (Process::teams). A won outcome's own value is above 0 and at most
/// limits::MaxAmount, and no other state has one; a margin is in (0, 1]. Segments have
/// distinct names and shares in (0, 1] adding up to 1 (within limits::SumTolerance); each
/// segment's process has the states of the process (names and kinds, in order), its
/// start, its currency, no segments of its own, and passes verify() (its messages are
/// prefixed "segment 'NAME': "). Returns the first broken invariant, in words that name the stage
/// or transition (not the process: callers add that). A process with no states passes.
llvm::Error verify(const Process& p);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_VERIFY_H
