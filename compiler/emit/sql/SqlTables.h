//===- SqlTables.h - The process as SQL tables ----------------------------===//
#ifndef SALESC_EMIT_SQL_SQLTABLES_H
#define SALESC_EMIT_SQL_SQLTABLES_H

#include "SqlDialect.h"

#include "salesc/runtime/Markov.h"

#include <string>
#include <vector>

namespace salesc::emit::sql {

/// The names of the script's tables, in the order they are created (`labels` with a
/// column mapping).
std::vector<std::string> tableNames(bool labels);

/// CREATE TABLE and INSERT statements for the process tables: processes, segments,
/// states, transitions and signoffs, each row under a `segment` ('' for the whole process,
/// with its shares blended across segments as `salesc conform` compares a log without
/// segments; each segment's own process under its name), settings (the as-of date,
/// NULL: today), and with a column mapping the labels table: each folded CRM label (kind
/// 'stage') and lost reason (kind 'lost reason') with the state it names (rt::stageLabels).
std::string processTables(const SqlDialect& d, const rt::AnalyzedProcess& p);

} // namespace salesc::emit::sql

#endif // SALESC_EMIT_SQL_SQLTABLES_H
