//===- SqlTest.cpp - Quoting, placement and replacement of the SQL script --===//
#include "Sql.h"
#include "../EmitTestProcesses.h"
#include "SqlDialect.h"

#include <gtest/gtest.h>

namespace salesc::emit::sql {
namespace {

SqlOptions in(Dialect d, std::string schema = "") {
  SqlOptions o;
  o.dialect = d;
  o.schema = std::move(schema);
  return o;
}

TEST(SqlDialectTest, QuotesNamesAndTextAsEachEngineReads) {
  const SqlOptions pg = in(Dialect::Postgres), bq = in(Dialect::BigQuery);
  EXPECT_EQ(SqlDialect(pg).ident("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(SqlDialect(bq).ident("a`b"), "`a\\`b`");
  EXPECT_EQ(SqlDialect(pg).table("crm.stage history"), "\"crm\".\"stage history\"");
  EXPECT_EQ(SqlDialect(pg).text("it's"), "'it''s'");
  EXPECT_EQ(SqlDialect(bq).text("a\\b'c"), "'a\\\\b''c'");
}

TEST(SqlDialectTest, PlacesObjectsInTheSchemaOrWithAPrefix) {
  const SqlOptions none = in(Dialect::Postgres), pg = in(Dialect::Postgres, "sales"),
                   lite = in(Dialect::SQLite, "sales");
  EXPECT_EQ(SqlDialect(none).object("edges"), "\"salesc_edges\"");
  EXPECT_EQ(SqlDialect(pg).object("edges"), "\"sales\".\"edges\"");
  EXPECT_EQ(SqlDialect(lite).object("edges"), "\"sales_edges\"");
  EXPECT_FALSE(SqlDialect(lite).createsSchema());
}

TEST(SqlDialectTest, NumbersReadBackExactlyAsDoubles) {
  const SqlOptions pg = in(Dialect::Postgres);
  EXPECT_EQ(SqlDialect(pg).number(3.0), "3.0");
  EXPECT_EQ(SqlDialect(pg).number(0.1), "0.1");
  EXPECT_EQ(SqlDialect(pg).number(std::nullopt), "NULL");
}

TEST(SqlDialectTest, FillsEveryName) {
  llvm::StringMap<std::string> vars;
  vars["a"] = "x";
  vars["b"] = "{a}";
  EXPECT_EQ(fill("SELECT {a} FROM {b}", vars), "SELECT x FROM {a}");
}

TEST(SqlTest, ReplacesWhatAnEarlierRunMade) {
  const rt::Process p = salesc::emit::testing::hostileProcess();
  const rt::AnalyzedProcess a = salesc::emit::testing::analyzed(p);
  const std::string pg = toSql(a, in(Dialect::Postgres, "s"));
  EXPECT_NE(pg.find("BEGIN;\nCREATE SCHEMA IF NOT EXISTS \"s\";"), std::string::npos);
  EXPECT_LT(pg.find("DROP VIEW IF EXISTS \"s\".\"edges\";"),
            pg.find("DROP TABLE IF EXISTS \"s\".\"states\";"));
  EXPECT_NE(pg.find("CREATE VIEW \"s\".\"edges\" AS"), std::string::npos);
  EXPECT_EQ(pg.substr(pg.size() - 8), "COMMIT;\n");
  const std::string bq = toSql(a, in(Dialect::BigQuery));
  EXPECT_EQ(bq.find("DROP "), std::string::npos);
  EXPECT_EQ(bq.find("BEGIN;"), std::string::npos);
  EXPECT_NE(bq.find("CREATE OR REPLACE TABLE `salesc_states`"), std::string::npos);
  EXPECT_NE(bq.find("CREATE OR REPLACE VIEW `salesc_edges` AS"), std::string::npos);
  EXPECT_EQ(toSql(a, in(Dialect::Spark)), toSql(a, in(Dialect::Spark))); // same bytes
}

} // namespace
} // namespace salesc::emit::sql
