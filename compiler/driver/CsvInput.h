//===- CsvInput.h - CSV files for the runtime commands --------------------===//
#ifndef SALESC_DRIVER_CSVINPUT_H
#define SALESC_DRIVER_CSVINPUT_H

#include "Command.h"

#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Inputs.h"

#include <optional>
#include <string>

namespace salesc::driver {

/// Reads and parses a CSV file; reports a file that cannot be read or parsed.
std::optional<rt::CsvTable> readCsv(CommandContext& ctx, const std::string& path);

/// Prints how loading went ("read N rows, rejected M") and every rejected row with
/// file:line on stderr. Returns 1 when a row was rejected, else 0.
int reportLoad(CommandContext& ctx, const rt::LoadReport& report, const std::string& path);

/// `--as-of`: the day given, or today (UTC) when empty. Reports a bad date, naming
/// `option`.
std::optional<double> asOfDay(CommandContext& ctx, const std::string& text,
                              llvm::StringRef option = "--as-of");

} // namespace salesc::driver

#endif // SALESC_DRIVER_CSVINPUT_H
