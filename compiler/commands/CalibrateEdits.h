//===- CalibrateEdits.h - calibrate's figures written into the .sales file ===//
#ifndef SALESC_COMMANDS_CALIBRATEEDITS_H
#define SALESC_COMMANDS_CALIBRATEEDITS_H

#include "ast/AST.h"
#include "fix/Edits.h"
#include "salesc/runtime/Calibrate.h"

#include <string>
#include <vector>

namespace salesc::driver {

struct CalibrationEdits {
  /// One replacement per number that changes: a `next` line's share, a `time` line's
  /// amounts. Nothing else of the file (its comments, layout, units) is touched.
  std::vector<fix::Edit> edits;
  /// Stages whose lines are not in the file (inherited from the process it extends), one
  /// line each, to print after "salesc: ".
  std::vector<std::string> notFound;
};

/// The edits of `text` (the file `root` was parsed from) that make the process `p`
/// declared in it state the figures `c` proposes. Each number is written in its own unit:
/// a range's low end in the unit it is written in (`2 days to 3 weeks`), a typical time in
/// its own; a fixed time (`time 3 days;`) takes the median.
CalibrationEdits calibrationEdits(const ast::Module& root, llvm::StringRef text,
                                  const rt::Process& p, const rt::Calibration& c);

} // namespace salesc::driver

#endif // SALESC_COMMANDS_CALIBRATEEDITS_H
