//===- Sql.cpp - The process and its conformance analytics as one SQL script ===//
#include "Sql.h"

#include "SqlDialect.h"
#include "SqlTables.h"
#include "SqlViews.h"

namespace salesc::emit::sql {

llvm::ArrayRef<DialectName> dialectNames() {
  static const DialectName table[] = {
      {"postgres", Dialect::Postgres, "PostgreSQL"},
      {"duckdb", Dialect::DuckDB, "DuckDB"},
      {"sqlite", Dialect::SQLite, "SQLite (3.35 or later, with its math functions)"},
      {"spark", Dialect::Spark, "Spark SQL (Databricks)"},
      {"bigquery", Dialect::BigQuery, "Google BigQuery"},
      {"snowflake", Dialect::Snowflake, "Snowflake"},
  };
  return table;
}

std::string toSql(const rt::AnalyzedProcess& p, const SqlOptions& o) {
  const SqlDialect d(o);
  llvm::StringRef dialect;
  for (const DialectName& n : dialectNames())
    if (n.dialect == o.dialect)
      dialect = n.name;
  const bool segments = !p.process->segments.empty();
  const std::vector<View> vs = views(d, segments);
  std::string out = "-- The process '" + p.process->name +
                    "' and its conformance analytics, written by salesc emit --to=sql "
                    "--dialect=" +
                    dialect.str() +
                    ".\n-- Re-running it replaces what it made before. See docs/sql.md.\n";
  if (d.transactions())
    out += "BEGIN;\n";
  if (d.createsSchema())
    out += "CREATE SCHEMA IF NOT EXISTS " + d.ident(o.schema) + ";\n";
  out += "\n";
  if (!d.replaces()) { // views first: they read the tables
    for (auto v = vs.rbegin(); v != vs.rend(); ++v)
      out += "DROP VIEW IF EXISTS " + v->name + ";\n";
    const std::vector<std::string> tables = tableNames(o.columns.mapping.has_value());
    for (auto t = tables.rbegin(); t != tables.rend(); ++t)
      out += "DROP TABLE IF EXISTS " + d.object(*t) + ";\n";
    out += "\n";
  }
  out += processTables(d, p);
  for (const View& v : vs)
    out += d.create("VIEW") + v.name + " AS\n" + v.select + ";\n\n";
  if (d.transactions())
    out += "COMMIT;\n";
  return out;
}

} // namespace salesc::emit::sql
