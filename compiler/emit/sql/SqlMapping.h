//===- SqlMapping.h - The user's columns from a CRM column mapping ---------===//
#ifndef SALESC_EMIT_SQL_SQLMAPPING_H
#define SALESC_EMIT_SQL_SQLMAPPING_H

#include "SqlOptions.h"

#include "salesc/runtime/ExportMapping.h"

#include "llvm/Support/Error.h"

namespace salesc::emit::sql {

/// `base` (the table names and default columns) with the columns `events` and `pipeline`
/// (the --from preset of each kind and/or the --map file, as conform and forecast read them)
/// name: each column's first spelling, the defaults where a mapping names none; the segment
/// and the pipeline's value only when named; the lost reason when `lost_reasons:` maps
/// some. The stage labels go through the labels table (SqlColumns::mapping). An error
/// (wide layout) says why the script cannot read such a table.
llvm::Expected<SqlColumns> mappedColumns(SqlColumns base, const rt::ExportMapping& events,
                                         const rt::ExportMapping& pipeline);

} // namespace salesc::emit::sql

#endif // SALESC_EMIT_SQL_SQLMAPPING_H
