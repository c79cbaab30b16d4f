//===- HoverTest.cpp - Hover, in process, with hand-worked figures --------===//
#include "NamesTestFixture.h"

namespace salesc::lsp {
namespace {

class LspHover : public LspNames {
protected:
  /// The markdown of the hover at `line`:`character` of `name`, checking the range
  /// it answers for.
  std::string hover(llvm::StringRef name, int line, int character, Value expectedRange) {
    Value r = result(request(2, "textDocument/hover", at(uri(name), line, character)));
    const Object* o = r.getAsObject();
    if (!o)
      return ADD_FAILURE() << "no hover", "";
    EXPECT_EQ(*o->get("range"), expectedRange);
    EXPECT_EQ(*o->getObject("contents")->getString("kind"), "markdown");
    return o->getObject("contents")->getString("value")->str();
  }
};

// Stage a takes 2 days and sends half its leads to b; b takes 3 days and wins 40%.
// From b: win 0.4, 3 days to close, 3 days to win. From a: win 0.5 x 0.4 = 0.2, to
// close 2 + 0.5 x 3 = 3.5 days, to win 2 + 3 = 5 days (the wins all pass through b).
// A lead spends 2 days in a and on average 0.5 x 3 = 1.5 in b: 2/3.5 = 57.1% and 42.9%.
TEST_F(LspHover, AStageShowsItsPredictions) {
  EXPECT_EQ(hover("user.sales", 5, 8, range(5, 8, 5, 9)),
            "**stage** `a` of process `p`\n\nFirst call\n\n"
            "- win probability: 20%\n- expected time to win: 5 days\n"
            "- expected time to close: 3.5 days\n- share of the time: 57.1%\n\n"
            "Declared at `user.sales:6`");
  EXPECT_EQ(hover("user.sales", 9, 9, range(9, 9, 9, 10)),
            "**stage** `b` of process `p`\n\n"
            "- win probability: 40%\n- expected time to win: 3 days\n"
            "- expected time to close: 3 days\n- share of the time: 42.9%\n\n"
            "Declared at `user.sales:12`");
}

// After an edit the figures are the new text's: with all of a's leads sent to b, a wins
// 40%, and takes 2 + 3 = 5 days to win and to close; 2 of the 5 days are spent in a.
TEST_F(LspHover, TheFiguresFollowEdits) {
  hover("user.sales", 5, 8, range(5, 8, 5, 9));
  notify(
      "textDocument/didChange",
      Object{{"textDocument", Object{{"uri", uri("user.sales")}, {"version", 2}}},
             {"contentChanges", Array{Object{{"range", range(9, 11, 9, 13)}, {"text", "100"}}}}});
  EXPECT_EQ(hover("user.sales", 5, 8, range(5, 8, 5, 9)),
            "**stage** `a` of process `p`\n\nFirst call\n\n"
            "- win probability: 40%\n- expected time to win: 5 days\n"
            "- expected time to close: 5 days\n- share of the time: 40%\n\n"
            "Declared at `user.sales:6`");
}

TEST_F(LspHover, AProcessAndAnOutcome) {
  EXPECT_EQ(hover("user.sales", 3, 8, range(3, 8, 3, 9)),
            "**process** `p`\n\nTwo steps\n\n"
            "- win rate from the start (`a`): 20%\n- expected time to win: 5 days\n"
            "- expected time until any outcome: 3.5 days\n\n"
            "Declared at `user.sales:4`");
  EXPECT_EQ(hover("user.sales", 13, 10, range(13, 9, 13, 12)),
            "**won outcome** `won` of process `p`\n\n- leads that end here: 20%\n\n"
            "Declared at `user.sales:16`");
}

TEST_F(LspHover, ATacticFromTheStandardLibraryAndTheBrand) {
  EXPECT_EQ(hover("user.sales", 7, 8, range(7, 8, 7, 23)),
            "**tactic** `email_follow_up`\n\nA prompt, personal email after each contact that "
            "answers questions and proposes the next step\n\n"
            "Category: `outreach`. Brand `polite` of process `p` allows it.\n\n"
            "Declared at `std/tactics.sales:30`");
  EXPECT_EQ(hover("user.sales", 2, 33, range(2, 31, 2, 40)),
            "**tactic** `cold_call`\n\nAn unsolicited call to a prospect who has not asked to "
            "be contacted\n\nCategory: `outreach`.\n\nDeclared at `std/tactics.sales:34`");
}

TEST_F(LspHover, ARoleItsNeedsAndSignoffs) {
  open(uri("review.sales"), "import \"lib\";\n"
                            "process r {\n"
                            "  stage legal { signoff buyer 90% within 5 days; next won; }\n"
                            "  won won;\n  lost lost;\n}\n");
  EXPECT_EQ(hover("lib.sales", 1, 6, range(1, 5, 1, 10)),
            "**role** `buyer`\n\nThe one who pays\n\nNeeds: `pricing`.\n\n"
            "Signs off:\n- at `legal` of process `r`: 90% within 5 days\n\n"
            "Declared at `lib.sales:2`");
  EXPECT_EQ(hover("lib.sales", 2, 10, range(2, 8, 2, 15)),
            "**knowledge** `pricing`\n\nWhat it costs\n\nDeclared at `lib.sales:1`");
}

TEST_F(LspHover, AForbiddenTacticAndAProcessWithErrors) {
  open(uri("pushy.sales"), "import \"std/tactics\";\n"
                           "brand calm { forbid category pushy; }\n"
                           "process q {\n  brand calm;\n"
                           "  stage a { use limited_time_offer; time 1 day; next won 50%; }\n"
                           "  won won;\n  lost lost;\n}\n");
  EXPECT_EQ(hover("pushy.sales", 4, 18, range(4, 16, 4, 34)),
            "**tactic** `limited_time_offer`\n\nA deal that expires soon, to make the prospect "
            "decide now\n\nCategory: `pushy`. Brand `calm` of process `q` **forbids** its "
            "category `pushy`.\n\nDeclared at `std/tactics.sales:109`");
  EXPECT_EQ(hover("pushy.sales", 4, 8, range(4, 8, 4, 9)),
            "**stage** `a` of process `q`\n\n_no prediction: process `q` has errors (or an "
            "import that has)_\n\nDeclared at `pushy.sales:5`");
}

// The labels of the model, inherited ones included (base b labels its stage and its won
// outcome; d restates the stage without labels, and a hover there shows d's model), else
// those the block states (process e has an error, so no model).
TEST_F(LspHover, AStageAndAnOutcomeShowTheirCrmLabels) {
  open(uri("crm.sales"),
       "process b {\n"
       "  stage a { time 1 day; next won 50%; crm \"Demo Scheduled\", \"Demo\"; }\n"
       "  won won crm \"Closed Won\";\n  lost lost;\n}\n"
       "process d extends b {\n  stage a { time 2 days; }\n}\n"
       "process e {\n  stage s { crm \"Start\"; next nowhere 50%; }\n  won w;\n}\n");
  EXPECT_EQ(hover("crm.sales", 6, 8, range(6, 8, 6, 9)),
            "**stage** `a` of process `b`\n\nCRM labels: `Demo Scheduled`, `Demo`\n\n"
            "- win probability (in process `d`): 50%\n- expected time to win: 2 days\n"
            "- expected time to close: 2 days\n- share of the time: 100%\n\n"
            "Declared at `crm.sales:2`");
  EXPECT_EQ(hover("crm.sales", 2, 6, range(2, 6, 2, 9)),
            "**won outcome** `won` of process `b`\n\nCRM labels: `Closed Won`\n\n"
            "- leads that end here: 50%\n\nDeclared at `crm.sales:3`");
  EXPECT_EQ(hover("crm.sales", 9, 8, range(9, 8, 9, 9)),
            "**stage** `s` of process `e`\n\nCRM labels: `Start`\n\n_no prediction: process "
            "`e` has errors (or an import that has)_\n\nDeclared at `crm.sales:10`");
}

TEST_F(LspHover, NothingOutsideNames) {
  EXPECT_EQ(result(request(2, "textDocument/hover", at(uri("user.sales"), 12, 4))), nullptr);
}

} // namespace
} // namespace salesc::lsp
