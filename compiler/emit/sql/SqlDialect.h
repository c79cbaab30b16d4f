//===- SqlDialect.h - How each SQL engine spells what the script needs -----===//
#ifndef SALESC_EMIT_SQL_SQLDIALECT_H
#define SALESC_EMIT_SQL_SQLDIALECT_H

#include "SqlOptions.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace salesc::emit::sql {

/// The spellings of one dialect and where the script's objects go. Everything else the
/// script writes is standard SQL that all six engines run. Our own column names are plain
/// lower-case words that no engine reserves, written unquoted; the user's names and the
/// schema are quoted.
class SqlDialect {
public:
  explicit SqlDialect(const SqlOptions& o) : o_(o) {}

  Dialect dialect() const { return o_.dialect; }
  /// `name` quoted as an identifier: "x" ("" doubled) or `x` in Spark and BigQuery.
  std::string ident(llvm::StringRef name) const;
  /// A user's table name, each dot-separated part quoted ("db.schema.t").
  std::string table(llvm::StringRef name) const;
  /// One of the script's tables or views: in the schema, or with the prefix.
  std::string object(llvm::StringRef base) const;
  /// A string literal.
  std::string text(llvm::StringRef s) const;
  /// A double literal that reads back as `v` (shortest round trip).
  std::string number(double v) const;
  /// A number, or NULL.
  std::string number(std::optional<double> v) const;
  /// TRUE or FALSE.
  std::string boolean(bool b) const { return b ? "TRUE" : "FALSE"; }

  /// Column types.
  llvm::StringRef textType() const;
  llvm::StringRef integerType() const;
  llvm::StringRef doubleType() const;
  llvm::StringRef booleanType() const;
  llvm::StringRef dateType() const { return "DATE"; }

  /// A text expression folded as rt::foldLabel folds labels (ASCII letters lowered, ASCII
  /// spaces and punctuation removed), in two steps: foldSecond of a column holding foldFirst
  /// of `expr`. Elsewhere TRANSLATE does it all first; SQLite has no TRANSLATE and its LOWER
  /// lowers ASCII only, so LOWER and nested REPLACE, split in two because its parser takes
  /// no more than about 25 nested calls in one expression.
  std::string foldFirst(llvm::StringRef expr) const;
  std::string foldSecond(llvm::StringRef first) const;

  /// Days since 1970-01-01 (UTC), fractional, of a timestamp or date expression.
  std::string days(llvm::StringRef expr) const;
  /// Whether the script runs in one transaction (BEGIN; ... COMMIT;).
  bool transactions() const;
  /// Whether the script replaces its tables and views with CREATE OR REPLACE (BigQuery,
  /// Snowflake) rather than dropping them first.
  bool replaces() const {
    return o_.dialect == Dialect::BigQuery || o_.dialect == Dialect::Snowflake;
  }
  /// "CREATE TABLE " or "CREATE OR REPLACE TABLE ", and the same for views.
  std::string create(llvm::StringRef what) const {
    return (replaces() ? "CREATE OR REPLACE " : "CREATE ") + what.str() + " ";
  }
  /// Whether the script creates its schema (CREATE SCHEMA IF NOT EXISTS).
  bool createsSchema() const { return !o_.schema.empty() && o_.dialect != Dialect::SQLite; }

  const SqlOptions& options() const { return o_; }

private:
  const SqlOptions& o_;
};

/// `tmpl` with every {name} replaced by vars[name]; a name not in `vars` is a bug of the
/// caller (asserted). The script has no braces of its own.
std::string fill(llvm::StringRef tmpl, const llvm::StringMap<std::string>& vars);

} // namespace salesc::emit::sql

#endif // SALESC_EMIT_SQL_SQLDIALECT_H
