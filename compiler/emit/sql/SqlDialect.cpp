//===- SqlDialect.cpp - How each SQL engine spells what the script needs ---===//
#include "SqlDialect.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

#include <cassert>
#include <cmath>

namespace salesc::emit::sql {

namespace {

bool backticks(Dialect d) {
  return d == Dialect::Spark || d == Dialect::BigQuery;
}

} // namespace

std::string SqlDialect::ident(llvm::StringRef name) const {
  const char q = backticks(o_.dialect) ? '`' : '"';
  std::string out(1, q);
  for (char c : name) {
    if (c == q)
      out += backticks(o_.dialect) ? '\\' : q;
    out += c;
  }
  out += q;
  return out;
}

std::string SqlDialect::table(llvm::StringRef name) const {
  std::string out;
  llvm::StringRef rest = name;
  while (!rest.empty()) {
    auto [part, tail] = rest.split('.');
    out += (out.empty() ? "" : ".") + ident(part);
    rest = tail;
  }
  return out;
}

std::string SqlDialect::object(llvm::StringRef base) const {
  if (o_.schema.empty())
    return ident("salesc_" + base.str());
  if (o_.dialect == Dialect::SQLite)
    return ident(o_.schema + "_" + base.str());
  return ident(o_.schema) + "." + ident(base);
}

std::string SqlDialect::text(llvm::StringRef s) const {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += '\'';
    else if (c == '\\' && backticks(o_.dialect))
      out += '\\';
    out += c;
  }
  return out + "'";
}

std::string SqlDialect::number(double v) const {
  assert(std::isfinite(v) && "the process's numbers are finite");
  std::string s = fmt::format("{}", v);
  // "1e-05" is a double literal everywhere; "3" would be an integer in division.
  if (s.find_first_of(".e") == std::string::npos)
    s += ".0";
  return s;
}

std::string SqlDialect::number(std::optional<double> v) const {
  return v && std::isfinite(*v) ? number(*v) : "NULL";
}

llvm::StringRef SqlDialect::textType() const {
  switch (o_.dialect) {
  case Dialect::Spark:
  case Dialect::BigQuery:
    return "STRING";
  case Dialect::DuckDB:
  case Dialect::Snowflake:
    return "VARCHAR";
  default:
    return "TEXT";
  }
}

llvm::StringRef SqlDialect::integerType() const {
  return o_.dialect == Dialect::BigQuery ? "INT64" : "BIGINT";
}

llvm::StringRef SqlDialect::doubleType() const {
  switch (o_.dialect) {
  case Dialect::Postgres:
    return "DOUBLE PRECISION";
  case Dialect::SQLite:
    return "REAL";
  case Dialect::BigQuery:
    return "FLOAT64";
  default:
    return "DOUBLE";
  }
}

llvm::StringRef SqlDialect::booleanType() const {
  return o_.dialect == Dialect::BigQuery ? "BOOL" : "BOOLEAN";
}

std::string SqlDialect::days(llvm::StringRef e) const {
  switch (o_.dialect) {
  case Dialect::Postgres:
  case Dialect::DuckDB:
    return fmt::format("(CAST(EXTRACT(EPOCH FROM {}) AS {}) / 86400.0)", e, doubleType().str());
  case Dialect::SQLite: // whole seconds: SQLite's timestamps are text
    return fmt::format("(CAST(strftime('%s', {}) AS REAL) / 86400.0)", e);
  case Dialect::Spark:
    return fmt::format("(CAST(unix_micros(CAST({} AS TIMESTAMP)) AS DOUBLE) / 86400000000.0)", e);
  case Dialect::BigQuery:
    return fmt::format("(UNIX_MICROS(CAST({} AS TIMESTAMP)) / 86400000000.0)", e);
  case Dialect::Snowflake:
    return fmt::format("(DATE_PART(EPOCH_MICROSECOND, CAST({} AS TIMESTAMP_NTZ)) / 86400000000.0)",
                       e);
  }
  return "";
}

namespace {

/// Every printable ASCII character but letters and digits.
std::string punctuation() {
  std::string out;
  for (char c = ' '; c < 0x7f; ++c)
    if (!llvm::isAlnum(c))
      out += c;
  return out;
}

} // namespace

std::string SqlDialect::foldFirst(llvm::StringRef e) const {
  const std::string marks = punctuation();
  if (o_.dialect == Dialect::SQLite) {
    std::string out = "LOWER(" + e.str() + ")";
    for (char c : llvm::StringRef(marks).take_front(marks.size() / 2))
      out = "REPLACE(" + out + ", " + text(std::string(1, c)) + ", '')";
    return out;
  }
  std::string upper, lower;
  for (char c = 'A'; c <= 'Z'; ++c) {
    upper += c;
    lower += llvm::toLower(c);
  }
  return fmt::format("TRANSLATE({}, {}, {})", e, text(upper + marks), text(lower));
}

std::string SqlDialect::foldSecond(llvm::StringRef first) const {
  if (o_.dialect != Dialect::SQLite)
    return first.str();
  const std::string marks = punctuation();
  std::string out = first.str();
  for (char c : llvm::StringRef(marks).drop_front(marks.size() / 2))
    out = "REPLACE(" + out + ", " + text(std::string(1, c)) + ", '')";
  return out;
}

bool SqlDialect::transactions() const {
  return o_.dialect == Dialect::Postgres || o_.dialect == Dialect::DuckDB ||
         o_.dialect == Dialect::SQLite;
}

std::string fill(llvm::StringRef tmpl, const llvm::StringMap<std::string>& vars) {
  std::string out;
  out.reserve(tmpl.size() * 2);
  while (!tmpl.empty()) {
    const size_t open = tmpl.find('{');
    out += tmpl.take_front(open).str();
    if (open == llvm::StringRef::npos)
      break;
    const size_t close = tmpl.find('}', open);
    assert(close != llvm::StringRef::npos && "unclosed {name}");
    auto found = vars.find(tmpl.slice(open + 1, close));
    assert(found != vars.end() && "a {name} without a value");
    out += found->second;
    tmpl = tmpl.drop_front(close + 1);
  }
  return out;
}

} // namespace salesc::emit::sql
