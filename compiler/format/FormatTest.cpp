//===- FormatTest.cpp - The layout rules of salesc fmt, input to exact output ===//
#include "format/Format.h"
#include "format/Elements.h"
#include "format/Equivalence.h"

#include <gtest/gtest.h>

namespace salesc::format {
namespace {

/// The formatted text, which must also be its own formatting.
std::string fmt(llvm::StringRef text) {
  FormatResult r = formatText(text);
  EXPECT_EQ(r.outcome, Outcome::Formatted) << r.problem;
  EXPECT_EQ(formatText(r.text).text, r.text) << "formatting twice differs from once";
  return r.text;
}

TEST(Format, OneStatementPerLineWithCanonicalSpacing) {
  EXPECT_EQ(fmt("channel   web\"Online\"  ;channel shop ;offering o via web,shop;"),
            "channel web \"Online\";\nchannel shop;\noffering o via web, shop;\n");
}

TEST(Format, BlocksIndentByTwoAndCloseOnTheirOwnLine) {
  EXPECT_EQ(fmt("process p{stage a{next b 50 % ;otherwise c;}won b;lost c;}"), "process p {\n"
                                                                               "  stage a {\n"
                                                                               "    next b 50%;\n"
                                                                               "    otherwise c;\n"
                                                                               "  }\n"
                                                                               "  won b;\n"
                                                                               "  lost c;\n"
                                                                               "}\n");
}

TEST(Format, EmptyBlocksStayOnOneLine) {
  EXPECT_EQ(fmt("brand b {\n\n}\nrole r { }"), "brand b {}\nrole r {}\n");
}

TEST(Format, OneLineBlocksAreOpened) {
  EXPECT_EQ(fmt("role cfo \"Finance\" { needs budget; }"),
            "role cfo \"Finance\" {\n  needs budget;\n}\n");
}

TEST(Format, BlankLinesAreKeptOnceBetweenStatementsButNotAtBlockEdges) {
  EXPECT_EQ(fmt("\n\nchannel a;\n\n\n\nchannel b;\nprocess p {\n\n  start s;\n\n\n  "
                "stage s {}\n\n}\n\n\n"),
            "channel a;\n\nchannel b;\nprocess p {\n  start s;\n\n  stage s {}\n}\n");
}

TEST(Format, LineBreaksInsideAStatementAreJoined) {
  EXPECT_EQ(fmt("process p\n  for a,\n      b\n  extends c\n{\n}\n"),
            "process p for a, b extends c {}\n");
}

TEST(Format, TrailingCommentsStayOnTheirLine) {
  EXPECT_EQ(fmt("channel a;   // the web  \nprocess p { // open\n start s; /* b */ /* c */\n} "
                "// done\n"),
            "channel a; // the web\nprocess p { // open\n  start s; /* b */ /* c */\n} // done\n");
}

TEST(Format, CommentsOnTheirOwnLineTakeTheIndentationOfWhatFollows) {
  EXPECT_EQ(fmt("// file\nprocess p {\n        // first\nstart s;\n   /* last */\n}\n"),
            "// file\nprocess p {\n  // first\n  start s;\n  /* last */\n}\n");
}

TEST(Format, ACommentBeforeATokenOnItsLineStaysBeforeIt) {
  EXPECT_EQ(fmt("/* a */ channel x;\nknowledge /* b */ y;"),
            "/* a */ channel x;\nknowledge /* b */ y;\n");
}

TEST(Format, ALineCommentInsideAStatementBreaksIt) {
  EXPECT_EQ(fmt("process p {\n  stage s {\n    learn a, // first\n  b;\n  }\n}\n"),
            "process p {\n  stage s {\n    learn a, // first\n        b;\n  }\n}\n");
  EXPECT_EQ(fmt("knowledge\n// why\ny;"), "knowledge\n    // why\n    y;\n");
}

TEST(Format, ABlockCommentsLaterLinesMoveWithItsFirst) {
  EXPECT_EQ(fmt("process p {\n      /* one\n       * two\n       */\n  start s;\n}\n"),
            "process p {\n  /* one\n   * two\n   */\n  start s;\n}\n");
  // Moving right, and a line with text further left than the shift stays where it is.
  EXPECT_EQ(fmt("process p {\n/* one\n * two\nthree */\n  start s;\n}\n"),
            "process p {\n  /* one\n   * two\n  three */\n  start s;\n}\n");
}

TEST(Format, NumbersStringsAndNamesKeepTheirSpelling) {
  std::string in = "process Big_Deal \"Caf\xC3\xA9 \\\"deals\\\"\" { value 1_000_000.50 EUR; "
                   "margin 07.5%; }";
  EXPECT_EQ(fmt(in), "process Big_Deal \"Caf\xC3\xA9 \\\"deals\\\"\" {\n  value 1_000_000.50 "
                     "EUR;\n  margin 07.5%;\n}\n");
}

TEST(Format, KeywordsUsedAsNamesAreNotClauses) {
  EXPECT_EQ(fmt("process for { stage value { next for 10%; } won for; }"),
            "process for {\n  stage value {\n    next for 10%;\n  }\n  won for;\n}\n");
}

TEST(Format, LongStatementsBreakBeforeClausesThatDoNotFit) {
  EXPECT_EQ(fmt("process partner_enterprise \"Enterprise plan sold and implemented by a "
                "partner\" for partners, enterprise_plan {}"),
            "process partner_enterprise \"Enterprise plan sold and implemented by a partner\"\n"
            "    for partners, enterprise_plan {}\n");
  EXPECT_EQ(fmt("process online_team \"Team plan bought online after a free trial\" for online, "
                "team_plan extends self_serve_trial {}"),
            "process online_team \"Team plan bought online after a free trial\" for online, "
            "team_plan\n    extends self_serve_trial {}\n");
}

TEST(Format, CrmLabelsAreALineOfAStageAndAClauseOfAnOutcome) {
  EXPECT_EQ(fmt("process p{stage a{crm\"Demo Scheduled\" ,\"Demo\";next w 5%;}"
                "won w\"Wins\"crm \"Closed Won\";}"),
            "process p {\n  stage a {\n    crm \"Demo Scheduled\", \"Demo\";\n    next w 5%;\n  }\n"
            "  won w \"Wins\" crm \"Closed Won\";\n}\n");
  EXPECT_EQ(fmt("process p { won signed \"Signs the agreement and makes the first payment\" "
                "value 1_440 USD crm \"Closed Won\", \"Won\"; }"),
            "process p {\n  won signed \"Signs the agreement and makes the first payment\" "
            "value 1_440 USD\n      crm \"Closed Won\", \"Won\";\n}\n");
}

TEST(Format, LongListsBreakAfterCommas) {
  std::string names;
  for (int i = 0; i < 12; ++i)
    names += (i ? ", " : "") + std::string("knowledge_") + std::to_string(i);
  EXPECT_EQ(fmt("process p { stage s { learn " + names + "; } }"),
            "process p {\n"
            "  stage s {\n"
            "    learn knowledge_0, knowledge_1, knowledge_2, knowledge_3, knowledge_4, "
            "knowledge_5, knowledge_6,\n"
            "        knowledge_7, knowledge_8, knowledge_9, knowledge_10, "
            "knowledge_11;\n"
            "  }\n"
            "}\n");
}

TEST(Format, ALineIsAtMostOneHundredColumnsWhereItCanBreak) {
  std::string criteria;
  for (int i = 0; i < 6; ++i)
    criteria += (i ? ", " : "") + std::string("\"criterion number ") + std::to_string(i) + "\"";
  std::string out = fmt("process p { stage s { exit when " + criteria + "; } }");
  EXPECT_EQ(out, "process p {\n"
                 "  stage s {\n"
                 "    exit when \"criterion number 0\", \"criterion number 1\", \"criterion "
                 "number 2\",\n"
                 "        \"criterion number 3\", \"criterion number 4\", \"criterion number "
                 "5\";\n"
                 "  }\n"
                 "}\n");
}

TEST(Format, WidthCountsCharactersNotBytes) {
  // 95 characters, but more bytes: it stays on one line.
  std::string desc(80, 'x');
  desc.replace(0, 1, "\xC3\xA9");
  EXPECT_EQ(fmt("channel c \"" + desc + "\" ;"), "channel c \"" + desc + "\";\n");
}

TEST(Format, CrLfFilesKeepCrLfAndTheByteOrderMarkIsKept) {
  EXPECT_EQ(fmt("\xEF\xBB\xBF"
                "channel a;  // x\r\nchannel b;\r\n"),
            "\xEF\xBB\xBF"
            "channel a; // x\r\nchannel b;\r\n");
}

TEST(Format, AnEmptyFileStaysEmpty) {
  EXPECT_EQ(fmt(""), "");
  EXPECT_EQ(fmt("\n\n  \n"), "");
  EXPECT_EQ(fmt("// only a comment"), "// only a comment\n");
}

TEST(Format, SyntaxErrorsAreRefused) {
  EXPECT_EQ(formatText("process p { stage s { next } }").outcome, Outcome::SyntaxErrors);
  EXPECT_EQ(formatText("channel a; /* open").outcome, Outcome::SyntaxErrors);
  EXPECT_EQ(formatText("channel \"open;\n").outcome, Outcome::SyntaxErrors);
  EXPECT_EQ(formatText("channel a$;").outcome, Outcome::SyntaxErrors);
}

TEST(Elements, KeepTokensCommentsAndLineBreaks) {
  llvm::Expected<SourceElements> s = splitElements("a // x\r\n\n/* y\n*/ b;");
  ASSERT_TRUE(bool(s));
  ASSERT_EQ(s->elements.size(), 5u);
  EXPECT_EQ(s->elements[1].text, "// x");
  EXPECT_EQ(s->elements[1].kind, ElementKind::LineComment);
  EXPECT_EQ(s->elements[2].newlinesBefore, 2u);
  EXPECT_EQ(s->elements[2].text, "/* y\n*/");
  EXPECT_EQ(s->elements[3].newlinesBefore, 0u);
  EXPECT_EQ(s->elements[3].sourceColumn, 3u);
  EXPECT_TRUE(s->crlf);
}

TEST(Equivalence, FindsALostOrChangedTokenOrComment) {
  EXPECT_EQ(difference("channel a; // x", "channel  a ;\n  // x  "), std::nullopt);
  EXPECT_EQ(difference("channel a;", "channel b;"),
            "element 2 was the token 'a' and became the token 'b'");
  EXPECT_EQ(difference("channel a; // x", "channel a;"),
            "element 4 was the comment '// x' and became the end of the file");
  EXPECT_EQ(difference("value 1_0;", "value 10;"),
            "element 2 was the token '1_0' and became the token '10'");
}

} // namespace
} // namespace salesc::format
