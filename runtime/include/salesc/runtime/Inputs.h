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
  unsigned rowsRead = 0;
  unsigned rowsRejected = 0;
  std::vector<std::string> errors; ///< "file:line: message", in file order
};

} // namespace salesc::rt

#endif // SALESC_RUNTIME_INPUTS_H
