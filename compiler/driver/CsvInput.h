//===- CsvInput.h - CSV files for the runtime commands --------------------===//
#ifndef SALESC_DRIVER_CSVINPUT_H
#define SALESC_DRIVER_CSVINPUT_H

#include "Command.h"

#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Model.h"

#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesc::driver {

struct ExportOptions;

/// Reads an input file (a CSV, a map) as UTF-8: a UTF-16 or Windows-1252 file is turned
/// into UTF-8 line for line, with a note on stderr (TextEncoding.h). Reports one that
/// cannot be read ("cannot read WHAT'PATH': why") and returns null. A device or a socket
/// is not read (/dev/zero never ends); a pipe (`--events <(gunzip -c log.csv.gz)`) is read
/// up to `maxBytes` and refused beyond, as a file over `maxBytes` is (a regular file is
/// mapped, and the reader that parses it refuses it by its size).
std::unique_ptr<llvm::MemoryBuffer> readInputFile(CommandContext& ctx, const std::string& path,
                                                  const char* what = "",
                                                  size_t maxBytes = rt::MaxEventLogBytes);

/// Reads and parses a CSV file; reports a file that cannot be read or parsed.
std::optional<rt::CsvTable> readCsv(CommandContext& ctx, const std::string& path);

/// Prints how loading went ("read N rows, rejected M") and every rejected row with
/// file:line on stderr. Returns 1 when a row was rejected, else 0.
int reportLoad(CommandContext& ctx, const rt::LoadReport& report, const std::string& path);

/// `--as-of`: the day given, or today (UTC) when empty. Reports a bad date, naming
/// `option`.
std::optional<double> asOfDay(CommandContext& ctx, const std::string& text,
                              llvm::StringRef option = "--as-of");
/// `--horizon`: whether `days` is above 0 and at most rt::limits::MaxDays; reports it
/// when not.
bool horizonOk(CommandContext& ctx, double days);
/// The help of the --events option of the commands that read a stage history.
inline constexpr const char* EventsHelp =
    "Stage history: CSV with header deal,stage,timestamp[,segment][,value], one row per entry "
    "into a stage or outcome";

/// A stage history read against a process, with how its rows were loaded.
struct StageHistory {
  std::vector<rt::StageEvent> events;
  rt::LoadReport load;
  int status = 0; ///< 1 when a row was rejected (reported on stderr), else 0
};

/// Reads the stage history at `path` (--events), a plain CSV or a CRM export through
/// `--from`/`--map` (ExportInput.h), against `p` (rt::loadEvents) and reports how loading
/// went; nullopt, after reporting why, when nothing usable could be read (the command
/// exits with status 1: a report of zeros would only mislead). The one place conform,
/// calibrate and backtest read their events.
std::optional<StageHistory> loadStageHistory(CommandContext& ctx, const ExportOptions& from,
                                             const std::string& path, const rt::Process& p);

} // namespace salesc::driver

#endif // SALESC_DRIVER_CSVINPUT_H
