//===- SqlOptions.h - What `salesc emit --to=sql` is told -----------------===//
//
// The dialect, where the script's objects go, and the user's tables and their column
// names. The column names are one struct per table (SqlColumns), filled from a column
// mapping (conform's --map / --from presets) in one place (SqlMapping.h).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_SQL_SQLOPTIONS_H
#define SALESC_EMIT_SQL_SQLOPTIONS_H

#include "salesc/runtime/ExportMapping.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::emit::sql {

/// The engines the script is written for.
enum class Dialect { Postgres, DuckDB, SQLite, Spark, BigQuery, Snowflake };

/// The stage-events table's columns: one row per entry of a deal into a stage or outcome.
/// `segment` is read only when the process has segments (a NULL or empty segment: the
/// deal's segment is not known; nullopt: no column, no deal's segment is known).
/// `lostReason` is read only through the labels table (SqlColumns::mapping).
struct EventColumns {
  std::string deal = "deal";
  std::string stage = "stage";
  std::string enteredAt = "entered_at"; ///< a timestamp (text 'YYYY-MM-DD HH:MM:SS' in SQLite)
  std::optional<std::string> segment = std::string("segment");
  std::optional<std::string> lostReason;
};

/// The open-deals table's columns: one row per open deal. Without `value` (nullopt) every
/// deal is worth what the process expects from its stage.
struct PipelineColumns {
  std::string deal = "deal";
  std::string stage = "stage";
  std::string enteredAt = "entered_at";
  std::optional<std::string> value = std::string("value");
};

/// The user's tables: names (possibly qualified, "db.schema.table": each part quoted
/// apart) and their columns.
struct SqlColumns {
  std::string eventsTable = "stage_events";
  EventColumns events;
  std::string pipelineTable = "open_deals";
  PipelineColumns pipeline;
  /// Set when a mapping (--map, --from) named the columns: the stage columns hold the CRM's
  /// labels, read through the script's labels table (rt::stageLabels of this mapping).
  std::optional<rt::ExportMapping> mapping;
};

struct SqlOptions {
  Dialect dialect = Dialect::Postgres;
  /// The schema (dataset in BigQuery) the script's tables and views go in, created when
  /// missing; empty: the current one, each name prefixed with "salesc_". SQLite has no
  /// schemas: the name becomes the prefix ("NAME_").
  std::string schema;
  SqlColumns columns;
};

/// The dialects by their --dialect names, in --help order.
struct DialectName {
  llvm::StringRef name;
  Dialect dialect;
  llvm::StringRef help;
};
llvm::ArrayRef<DialectName> dialectNames();

} // namespace salesc::emit::sql

#endif // SALESC_EMIT_SQL_SQLOPTIONS_H
