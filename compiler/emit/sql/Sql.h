//===- Sql.h - The process and its conformance analytics as one SQL script ===//
#ifndef SALESC_EMIT_SQL_SQL_H
#define SALESC_EMIT_SQL_SQL_H

#include "SqlOptions.h"

#include "salesc/runtime/Markov.h"

#include <string>

namespace salesc::emit::sql {

/// The script of `salesc emit --to=sql` for one process (docs/sql.md): it drops what an
/// earlier run made (views, then tables), creates the process tables and the views over
/// the user's tables, in one transaction where the engine has them. Same input, same bytes.
std::string toSql(const rt::AnalyzedProcess& p, const SqlOptions& o);

} // namespace salesc::emit::sql

#endif // SALESC_EMIT_SQL_SQL_H
