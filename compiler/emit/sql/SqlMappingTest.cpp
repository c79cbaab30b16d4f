//===- SqlMappingTest.cpp - The user's columns from a CRM column mapping ---===//
#include "SqlMapping.h"
#include "SqlDialect.h"

#include <gtest/gtest.h>

namespace salesc::emit::sql {
namespace {

rt::ExportMapping mapping(llvm::StringRef yaml) {
  llvm::Expected<rt::ExportMapping> m = rt::readExportMapping(yaml, "map.yaml");
  EXPECT_TRUE(bool(m)) << llvm::toString(m.takeError());
  return m ? std::move(*m) : rt::ExportMapping{};
}

TEST(SqlMappingTest, TakesEachColumnsFirstSpellingAndKeepsTheRestDefault) {
  const rt::ExportMapping m = mapping("columns:\n  deal: [OpportunityId, Opportunity ID]\n"
                                      "  timestamp: CreatedDate\n");
  llvm::Expected<SqlColumns> c = mappedColumns(SqlColumns{}, m, m);
  ASSERT_TRUE(bool(c)) << llvm::toString(c.takeError());
  EXPECT_EQ(c->events.deal, "OpportunityId");
  EXPECT_EQ(c->events.stage, "stage");
  EXPECT_EQ(c->events.enteredAt, "CreatedDate");
  EXPECT_EQ(c->events.segment, std::nullopt); // not named: no deal's segment is known
  EXPECT_EQ(c->pipeline.value, std::nullopt);
  EXPECT_TRUE(c->mapping.has_value());
}

TEST(SqlMappingTest, ReadsTheLostReasonOnlyWithLostReasons) {
  const rt::ExportMapping named = mapping("columns:\n  lost_reason: Why\n");
  EXPECT_EQ(mappedColumns(SqlColumns{}, named, named)->events.lostReason, std::nullopt);
  const rt::ExportMapping mapped =
      mapping("columns:\n  lost_reason: Why\nlost_reasons:\n  Price: lost\n");
  EXPECT_EQ(mappedColumns(SqlColumns{}, mapped, mapped)->events.lostReason, "Why");
}

TEST(SqlMappingTest, RefusesAWideLayout) {
  const rt::ExportMapping wide = *rt::exportPreset("hubspot", rt::ExportKind::Events);
  const rt::ExportMapping flat = mapping("columns:\n  deal: Id\n");
  llvm::Expected<SqlColumns> c = mappedColumns(SqlColumns{}, wide, flat);
  ASSERT_FALSE(bool(c));
  EXPECT_EQ(llvm::toString(c.takeError()),
            "--to=sql reads a table with one row per stage entered ('layout: long'); the "
            "stage-history mapping is 'layout: wide' (a date column per stage): unpivot it into "
            "deal, stage, entered-at rows in the warehouse first (docs/sql.md)");
}

TEST(SqlDialectTest, FoldsLabelsAsConformDoes) {
  SqlOptions pg, lite;
  lite.dialect = Dialect::SQLite;
  const std::string t = SqlDialect(pg).foldFirst("x");
  EXPECT_EQ(t.substr(0, 40), "TRANSLATE(x, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  EXPECT_NE(t.find("'abcdefghijklmnopqrstuvwxyz')"), std::string::npos);
  EXPECT_NE(t.find(" !\"#$%&''()*+,-./:;<=>?@[\\]^_`{|}~'"), std::string::npos);
  EXPECT_EQ(SqlDialect(pg).foldSecond("y"), "y");
  const std::string first = SqlDialect(lite).foldFirst("x");
  EXPECT_NE(first.find("REPLACE(LOWER(x), ' ', '')"), std::string::npos);
  EXPECT_NE(first.find("'''', '')"), std::string::npos); // the quote, doubled
  const std::string second = SqlDialect(lite).foldSecond("y");
  EXPECT_NE(second.find("REPLACE(y, "), std::string::npos);
  EXPECT_NE(second.find("'~', '')"), std::string::npos);
}

} // namespace
} // namespace salesc::emit::sql
