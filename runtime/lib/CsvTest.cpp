//===- CsvTest.cpp - Tests of the CSV reader ------------------------------===//
#include "salesc/runtime/Csv.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

using Fields = std::vector<std::string>;

CsvTable parseOk(llvm::StringRef text) {
  llvm::Expected<CsvTable> t = parseCsv(text, "f.csv");
  if (!t) {
    ADD_FAILURE() << llvm::toString(t.takeError());
    return CsvTable{};
  }
  return std::move(*t);
}

std::string parseError(llvm::StringRef text) {
  llvm::Expected<CsvTable> t = parseCsv(text, "f.csv");
  if (t) {
    ADD_FAILURE() << "expected an error";
    return "";
  }
  return llvm::toString(t.takeError());
}

TEST(CsvTest, RefusesATextOverTheLimitBeforeReadingIt) {
  llvm::Expected<CsvTable> t = parseCsv("deal,stage\nA,b\n", "big.csv", 14);
  ASSERT_FALSE(t);
  EXPECT_EQ(llvm::toString(t.takeError()),
            "big.csv: the file is 1 MiB; salesc reads CSV files of up to 0 MiB");
  EXPECT_TRUE(bool(parseCsv("deal,stage\nA,b\n", "ok.csv", 15)));
  EXPECT_EQ(MaxCsvBytes, size_t(256) << 20);
  EXPECT_EQ(MaxEventLogBytes, size_t(2) << 30);
}

TEST(CsvTest, ScanningGivesTheRecordsParsingKeeps) {
  const char* text = "\xEF\xBB\xBF deal,\"sta\"\"ge\"\r\n\n"
                     "A,\"x,\ny\"\nB,\"\"\"q\"\"\",\"plain\"  \n\t\nC\n";
  CsvTable t = parseOk(text);
  std::vector<std::pair<unsigned, Fields>> scanned;
  ASSERT_FALSE(bool(scanCsv(text, "f.csv", MaxCsvBytes, ',', [&](const CsvRecord& r) {
    scanned.emplace_back(r.line, Fields(r.fields.begin(), r.fields.end()));
  })));
  ASSERT_EQ(scanned.size(), t.rows.size() + 1);
  EXPECT_EQ(scanned[0], std::make_pair(t.headerLine, t.header));
  EXPECT_EQ(scanned[0].second, (Fields{" deal", "sta\"ge"}));
  for (size_t i = 0; i < t.rows.size(); ++i)
    EXPECT_EQ(scanned[i + 1], std::make_pair(t.rows[i].line, t.rows[i].fields));
  EXPECT_EQ(scanned[2].second, (Fields{"B", "\"q\"", "plain"}));
  // The same errors, and the limit.
  llvm::Error open = scanCsv("a\n\"b\n", "f.csv", MaxCsvBytes, ',', [](const CsvRecord&) {});
  EXPECT_EQ(llvm::toString(std::move(open)), parseError("a\n\"b\n"));
  llvm::Error big = scanCsv("deal\n", "big.csv", 4, ',', [](const CsvRecord&) {});
  EXPECT_EQ(llvm::toString(std::move(big)),
            "big.csv: the file is 1 MiB; salesc reads CSV files of up to 0 MiB");
}

TEST(CsvTest, ReadsHeaderAndRowsWithTheirLines) {
  CsvTable t = parseOk("deal,stage,entered\nD1,demo,2024-03-01\nD2,proposal,2024-03-02\n");
  EXPECT_EQ(t.header, (Fields{"deal", "stage", "entered"}));
  EXPECT_EQ(t.headerLine, 1u);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 2u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"D1", "demo", "2024-03-01"}));
  EXPECT_EQ(t.rows[1].line, 3u);
  EXPECT_EQ(t.rows[1].fields, (Fields{"D2", "proposal", "2024-03-02"}));
}

TEST(CsvTest, ReadsCrlfAndALastLineWithoutLineEnd) {
  CsvTable t = parseOk("a,b\r\n1,2\r\n3,4");
  EXPECT_EQ(t.header, (Fields{"a", "b"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"1", "2"}));
  EXPECT_EQ(t.rows[1].fields, (Fields{"3", "4"}));
  EXPECT_EQ(t.rows[1].line, 3u);
}

TEST(CsvTest, ALoneCarriageReturnEndsALine) {
  CsvTable t = parseOk("a,b\r1,2\r");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"1", "2"}));
  EXPECT_EQ(t.rows[0].line, 2u);
}

TEST(CsvTest, SkipsAByteOrderMark) {
  CsvTable t = parseOk("\xEF\xBB\xBF"
                       "deal,stage\nD1,demo\n");
  EXPECT_EQ(t.header, (Fields{"deal", "stage"}));
  ASSERT_EQ(t.rows.size(), 1u);
}

TEST(CsvTest, SkipsBlankLinesButKeepsLineNumbers) {
  CsvTable t = parseOk("\n\na,b\n\n1,2\n  \t \r\n\n3,4\n\n\n");
  EXPECT_EQ(t.headerLine, 3u);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 5u);
  EXPECT_EQ(t.rows[1].line, 8u);
}

TEST(CsvTest, KeepsEmptyFields) {
  CsvTable t = parseOk("a,b,c\n1,,3\n,,\n4,5,\n");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"1", "", "3"}));
  EXPECT_EQ(t.rows[1].fields, (Fields{"", "", ""}));
  EXPECT_EQ(t.rows[2].fields, (Fields{"4", "5", ""}));
}

TEST(CsvTest, KeepsSpacesInUnquotedFields) {
  CsvTable t = parseOk("a,b\n x , y\n");
  EXPECT_EQ(t.rows[0].fields, (Fields{" x ", " y"}));
}

TEST(CsvTest, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  CsvTable t = parseOk("deal,note,value\n"
                       "\"D1\",\"big, important\",\"15000\"\n"
                       "D2,\"she said \"\"yes\"\"\",1\n"
                       "D3,\"two\nlines\",2\n"
                       "D4,\"\",3\n"
                       "D5,\"three\r\nlines\n!\",4\n"
                       "D6,after,5\n");
  ASSERT_EQ(t.rows.size(), 6u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"D1", "big, important", "15000"}));
  EXPECT_EQ(t.rows[1].fields, (Fields{"D2", "she said \"yes\"", "1"}));
  EXPECT_EQ(t.rows[2].fields, (Fields{"D3", "two\nlines", "2"}));
  EXPECT_EQ(t.rows[2].line, 4u);
  EXPECT_EQ(t.rows[3].fields, (Fields{"D4", "", "3"}));
  EXPECT_EQ(t.rows[3].line, 6u);
  EXPECT_EQ(t.rows[4].fields, (Fields{"D5", "three\r\nlines\n!", "4"}));
  EXPECT_EQ(t.rows[4].line, 7u);
  EXPECT_EQ(t.rows[5].line, 10u); // D5 spans lines 7 to 9
}

TEST(CsvTest, AllowsSpacesAfterAClosingQuote) {
  CsvTable t = parseOk("a,b\n\"x\"  ,\"y\"\t\n");
  EXPECT_EQ(t.rows[0].fields, (Fields{"x", "y"}));
}

// With tabs between fields (Excel's "Unicode text"), the tab after a closing quote
// separates; spaces are still stepped over.
TEST(CsvTest, ATabAfterAClosingQuoteSeparatesWhenTabsDo) {
  llvm::Expected<CsvTable> t =
      parseCsv("a\tb\tc\n\"x\"\t\"y\" \t2026-01-01 09:00\n", "f.txt", MaxCsvBytes, '\t');
  ASSERT_TRUE(bool(t)) << llvm::toString(t.takeError());
  EXPECT_EQ(t->rows[0].fields, (Fields{"x", "y", "2026-01-01 09:00"}));
}

TEST(CsvTest, AQuoteInsideAnUnquotedFieldIsKept) {
  CsvTable t = parseOk("a,b\n5\" disk,x\n");
  EXPECT_EQ(t.rows[0].fields, (Fields{"5\" disk", "x"}));
}

TEST(CsvTest, EmptyTextHasNoHeader) {
  CsvTable t = parseOk("");
  EXPECT_TRUE(t.header.empty());
  EXPECT_EQ(t.headerLine, 0u);
  EXPECT_TRUE(t.rows.empty());
  EXPECT_EQ(parseOk("\xEF\xBB\xBF\n \n\r\n").headerLine, 0u);
}

TEST(CsvTest, HeaderOnly) {
  CsvTable t = parseOk("deal,stage,entered\n");
  EXPECT_EQ(t.header.size(), 3u);
  EXPECT_TRUE(t.rows.empty());
}

TEST(CsvTest, AnUnterminatedQuoteNamesTheLineWhereTheFieldStarts) {
  EXPECT_EQ(parseError("a,b\n1,2\n3,\"open\n4,5\n"),
            "f.csv:3: a quoted field is not closed: the '\"' that ends it is missing");
}

TEST(CsvTest, TextAfterAClosingQuoteIsAnError) {
  EXPECT_EQ(parseError("a,b\n1,2\n\"x\"y,2\n"),
            "f.csv:3: unexpected 'y' after the closing quote of a field; a quote inside a quoted "
            "field is written as two quotes (\"\")");
  // The line is the one of the closing quote.
  EXPECT_EQ(parseError("a,b\n\"x\ny\"z,2\n").substr(0, 9), "f.csv:3: ");
}

// A field's place is where it starts on its line, in characters as editors count (a
// UTF-8 sequence is one), its opening quote included; a quoted line break moves it to a
// later line.
TEST(CsvTest, AFieldsPlaceIsItsLineAndColumn) {
  const std::string text = "deal;stage;when\n"
                           "A;\"Démo; \"\"new\"\"\";2024-03-01\n"
                           "\"B\nb\";x;2024-13-01\n";
  std::vector<FieldPlace> places;
  ASSERT_FALSE(bool(scanCsv(text, "f.csv", MaxCsvBytes, ';', [&](const CsvRecord& r) {
    for (size_t f = 0; f < 3; ++f)
      places.push_back(fieldPlace(r, f));
    EXPECT_EQ(fieldPlaceText("f.csv", r, ~size_t(0)), "f.csv:" + std::to_string(r.line));
    EXPECT_EQ(fieldPlace(r, 3).column, 0u) << "no such field";
  })));
  const std::vector<std::pair<unsigned, unsigned>> expected = {
      {1, 1}, {1, 6}, {1, 12}, {2, 1}, {2, 3}, {2, 19}, {3, 1}, {4, 4}, {4, 6}};
  ASSERT_EQ(places.size(), expected.size());
  for (size_t i = 0; i < places.size(); ++i) {
    EXPECT_EQ(places[i].line, expected[i].first) << i;
    EXPECT_EQ(places[i].column, expected[i].second) << i;
  }
  // A table keeps its rows' text: the same places, and none for a row built in memory.
  CsvTable t = *parseCsv(text, "f.csv", MaxCsvBytes, ';');
  std::vector<llvm::StringRef> fields(t.rows[1].fields.begin(), t.rows[1].fields.end());
  EXPECT_EQ(fieldPlaceText("f.csv", recordOf(t, t.rows[1], fields), 2), "f.csv:4:6");
  EXPECT_EQ(fieldPlaceText("f.csv", recordOf(t, CsvRow{7, {"x"}}, fields), 0), "f.csv:7");
}

TEST(CsvTest, ReadsManyRows) {
  std::string text = "deal,stage,timestamp\n";
  for (int i = 0; i < 100000; ++i)
    text += "D" + std::to_string(i) + ",demo,2024-03-01T10:00:00Z\n";
  CsvTable t = parseOk(text);
  ASSERT_EQ(t.rows.size(), 100000u);
  EXPECT_EQ(t.rows[99999].line, 100001u);
  EXPECT_EQ(t.rows[99999].fields[0], "D99999");
}

} // namespace
} // namespace salesc::rt
