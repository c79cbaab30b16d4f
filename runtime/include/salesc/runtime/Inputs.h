//===- Inputs.h - Real-world inputs of the runtime: deals and stage events ===//
//
// What the forecast and conformance analyses read, after loading (Loaders.h turns
// CSV rows into these, reporting bad rows with file:line). Times are plain numbers:
// days since 1970-01-01 (UTC), fractional for timestamps with a time of day.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_INPUTS_H
#define SALESC_RUNTIME_INPUTS_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesc::rt {

/// An open deal of the pipeline: `deal,stage,entered[,value]`.
struct Deal {
  std::string id;
  uint32_t state = 0;          ///< index into Process::states (a stage)
  double entered = 0;          ///< day the deal entered its current stage
  std::optional<double> value; ///< the process's value when absent
  unsigned line = 0;           ///< where it was read, for messages
  /// The deal's segment, an index into Process::segments; nullopt: not known (then it
  /// is in each segment with P(segment | its stage), Forecast.h).
  std::optional<uint32_t> segment;
};

/// One entry of a deal into a stage or outcome: `deal,stage,timestamp`.
struct StageEvent {
  std::string deal;
  uint32_t state = 0; ///< index into Process::states
  double time = 0;    ///< days since 1970-01-01, fractional
  unsigned line = 0;
  /// The segment the row names (optional column `segment`), an index into
  /// Process::segments; nullopt when the row names none.
  std::optional<uint32_t> segment;
  /// The deal's value as the row gives it (optional column `value`; a CRM's stage
  /// history carries the amount at each change); nullopt when the field is empty.
  std::optional<double> value;
};

/// How loading went: rows read and rejected, and why each was rejected.
struct LoadReport {
  /// The most errors a report keeps. A log of another process rejects each of its
  /// millions of rows, and their messages would take gigabytes; past this they are
  /// counted (errorsNotKept), and the rows are still counted in rowsRejected.
  static constexpr size_t MaxErrorsKept = 10000;

  unsigned rowsRead = 0;
  unsigned rowsRejected = 0;
  /// "file:line[:col]: message", in file order: the first MaxErrorsKept.
  std::vector<std::string> errors;
  unsigned errorsNotKept = 0; ///< the errors after those kept

  /// Whether the next error would be kept: when not, its message need not be made.
  bool keepsNextError() const { return errors.size() < MaxErrorsKept; }

  /// Keeps `message` as the next error, or counts it when MaxErrorsKept are kept.
  void addError(std::string message) {
    if (keepsNextError())
      errors.push_back(std::move(message));
    else
      ++errorsNotKept;
  }

  /// Adds the errors of `part` after these, as addError would, `part`'s count of those
  /// not kept too; `part` is left without errors.
  void takeErrors(LoadReport& part) {
    for (std::string& e : part.errors)
      addError(std::move(e));
    errorsNotKept += part.errorsNotKept;
    part.errors.clear();
    part.errorsNotKept = 0;
  }
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_INPUTS_H
