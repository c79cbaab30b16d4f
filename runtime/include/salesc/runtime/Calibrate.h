//===- Calibrate.h - A process's figures estimated from a stage history ---===//
//
// `salesc calibrate`: every share of the process estimated from the moves a CRM's stage
// history shows, with a credible interval, and every stage's time from the time its
// visits took, the visits still open counted (Kaplan-Meier); then the figures the .sales
// file would state if it followed the history, stage by stage, where the history has
// enough of them. The replay itself is conform's (Conform.h).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_CALIBRATE_H
#define SALESC_RUNTIME_CALIBRATE_H

#include "salesc/runtime/Conform.h"
#include "salesc/runtime/TimeUnits.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

struct CalibrateOptions {
  /// A stage whose visits are fewer than this keeps its figures: its shares when fewer
  /// visits left it, its time when fewer visits entered it (open ones included).
  uint64_t minVisits = 20;
  double level = 0.95; ///< of the credible intervals
};

/// One edge: its share estimated as count / trials (the moves out of `from` that went to
/// `to`, of all the moves out of `from`, those the process lacks included), with the
/// equal-tailed credible interval of the posterior Beta(count + 1/2, trials - count + 1/2)
/// from the Jeffreys prior Beta(1/2, 1/2). estimate, low and high are NaN without trials.
struct EdgeCalibration {
  uint32_t from = 0, to = 0;
  double stated = 0;
  uint64_t count = 0, trials = 0;
  double estimate = 0, low = 0, high = 0;
  bool implicit = false; ///< the remainder edge the source leaves implicit
};

/// A stage's time in days: min, typical and max.
struct Days {
  double min = 0, typical = 0, max = 0;
};

/// One stage: its stated time (nullopt when it states none) against the Kaplan-Meier
/// P10, median and P90 of its visits (min, typical, max; each NaN when not reached,
/// too many visits being still open).
struct StageCalibration {
  uint32_t state = 0;
  std::optional<Days> stated;
  Days estimated;
  uint64_t visits = 0, open = 0, left = 0;
};

/// A stage's time as its line would state it: the estimates in the unit the author wrote
/// (that of the range's upper end), rounded as a time line writes them (unitAmount).
struct TimeProposal {
  Days days;        ///< the estimates, in days, unrounded
  WrittenUnit unit; ///< the author's unit
  std::string min, typical, max;
};

/// What calibrate would write for one stage, or why it keeps what the stage states.
struct StageProposal {
  uint32_t state = 0;
  /// The new whole percent of each explicit `next` edge of the stage (transition index,
  /// percent), empty when its shares are kept. They add up to 100% when the stage has no
  /// implicit remainder, to at most 100% when it has one.
  std::vector<std::pair<uint32_t, int>> shares;
  std::string sharesKept; ///< why the shares are kept; empty when proposed or when none
  std::optional<TimeProposal> time;
  std::string timeKept; ///< why the time is kept; empty when proposed
};

struct Calibration {
  ConformResult observed;               ///< the replay of the history
  std::vector<EdgeCalibration> edges;   ///< indexed like Process::transitions
  std::vector<StageCalibration> stages; ///< the stages (not the outcomes), in process order
  std::vector<StageProposal> proposals; ///< the same stages
};

/// Replays `events` against `p` as of `asOf` (conform) and estimates its figures.
Calibration calibrate(const Process& p, llvm::ArrayRef<StageEvent> events, double asOf,
                      const CalibrateOptions& options = {});

} // namespace salesc::rt

#endif // SALESC_RUNTIME_CALIBRATE_H
