//===- CompletionTest.cpp - textDocument/completion, in process -----------===//
#include "AssistTestServer.h"

#include "sema/CurrencyCodes.h"

namespace salesc::lsp::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

class Completion : public AssistServer {
protected:
  /// The completion at the end of `text` (a document of its own).
  Value completeAtEnd(llvm::StringRef text) {
    open("c.sales", text);
    int line = int(text.count('\n'));
    int character = int(text.size() - (text.rfind('\n') + 1));
    return complete("c.sales", line, character);
  }
  Value complete(llvm::StringRef name, int line, int character) {
    return request("textDocument/completion", name,
                   Object{{"position", position(line, character)}});
  }
  /// The labels of a completion list.
  static std::vector<std::string> labels(const Value& list) {
    std::vector<std::string> out;
    if (const Array* items = list.getAsObject() ? list.getAsObject()->getArray("items") : nullptr)
      for (const Value& i : *items)
        out.push_back(i.getAsObject()->getString("label")->str());
    return out;
  }
  /// A completion item replacing `edit` with its label (no edit: the client replaces the
  /// name at the cursor).
  static Object item(llvm::StringRef label, int kind, std::optional<Object> edit,
                     llvm::StringRef detail = "", llvm::StringRef documentation = "") {
    Object o{{"label", label}, {"kind", kind}};
    if (edit)
      o["textEdit"] = Object{{"range", std::move(*edit)}, {"newText", label}};
    if (!detail.empty())
      o["detail"] = detail;
    if (!documentation.empty())
      o["documentation"] = documentation;
    return o;
  }
  static Value list(Array items) {
    return Object{{"isIncomplete", false}, {"items", std::move(items)}};
  }

  void SetUp() override { initialize(); }
};

TEST_F(Completion, StatementsOfAStage) {
  Value got = completeAtEnd("process p {\n  stage a {\n    ");
  Array want;
  for (const char* k : {"learn", "provide", "use", "time", "stalled after", "next", "otherwise",
                        "owner", "exit when", "signoff", "crm"})
    want.push_back(item(k, 14, range(2, 4, 2, 4)));
  EXPECT_EQ(got, list(std::move(want))) << show(got);
}

TEST_F(Completion, NoListWhileASpaceIsTypedInTheIndentationButOnRequest) {
  open("c.sales", "process p {\n  stage a {\n    ");
  auto typed = [&](int character, const char* trigger) {
    Object context{{"triggerKind", 2}, {"triggerCharacter", trigger}};
    return request("textDocument/completion", "c.sales",
                   Object{{"position", position(2, character)}, {"context", std::move(context)}});
  };
  EXPECT_EQ(typed(4, " "), list(Array{}));
  EXPECT_EQ(typed(2, " "), list(Array{}));
  // Asked for (Ctrl+Space), the statements come.
  Value invoked =
      request("textDocument/completion", "c.sales",
              Object{{"position", position(2, 4)}, {"context", Object{{"triggerKind", 1}}}});
  EXPECT_EQ(labels(invoked).size(), 11u) << show(invoked);
  // After a word, a space still lists what may follow it.
  open("d.sales", "knowledge proof;\nprocess p {\n  stage a { learn ");
  Value afterLearn =
      request("textDocument/completion", "d.sales",
              Object{{"position", position(2, 18)},
                     {"context", Object{{"triggerKind", 2}, {"triggerCharacter", " "}}}});
  EXPECT_EQ(labels(afterLearn), std::vector<std::string>{"proof"}) << show(afterLearn);
}

TEST_F(Completion, StatementsOfTheFileAndOfAProcessWhileTypingTheFirstWord) {
  EXPECT_EQ(labels(completeAtEnd("// a comment\n")),
            (std::vector<std::string>{"import", "channel", "offering", "knowledge", "literature",
                                      "tool", "category", "tactic", "role", "team", "brand",
                                      "process", "campaign"}));
  EXPECT_EQ(labels(completeAtEnd("proc")), std::vector<std::string>{"process"});
  EXPECT_EQ(labels(completeAtEnd("process p {\n  ")),
            (std::vector<std::string>{"stage", "won", "lost", "start", "brand", "value", "margin",
                                      "target win rate", "target cycle", "remove", "segment"}));
  // The letters typed so far, in order, filter the list, as editors do.
  Value got = completeAtEnd("process p {\n  stage a { time 1 day; }\n  st");
  EXPECT_EQ(labels(got), (std::vector<std::string>{"stage", "lost", "start", "segment"}));
  EXPECT_EQ(*got.getAsObject()->getArray("items")->front().getAsObject()->getObject("textEdit"),
            (Object{{"range", range(2, 2, 2, 4)}, {"newText", "stage"}}))
      << "the word typed so far is replaced, as some labels are not names";
}

TEST_F(Completion, KnowledgeAfterLearnWithDescriptionsInATextThatDoesNotParse) {
  Value got = completeAtEnd("knowledge pricing \"Price\";\nknowledge proof;\ntactic call "
                            "category c;\nprocess p {\n  stage a { learn proof, pr");
  EXPECT_EQ(got, list(Array{item("pricing", 21, std::nullopt, "knowledge", "Price"),
                            item("proof", 21, std::nullopt, "knowledge")}))
      << show(got);
}

TEST_F(Completion, TacticsAfterUseFromTheStandardLibrary) {
  std::string text = "import \"std/tactics\";\nprocess p {\n  stage a { use phone_call; "
                     "next w 50%; }\n  won w;\n  lost l;\n}\n";
  open("t.sales", text);
  // The cursor just after `use `.
  Value got = complete("t.sales", 2, 16);
  std::vector<std::string> names = labels(got);
  ASSERT_FALSE(names.empty()) << show(got);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  const Array& items = *got.getAsObject()->getArray("items");
  auto call = llvm::find_if(
      items, [](const Value& i) { return *i.getAsObject()->getString("label") == "phone_call"; });
  ASSERT_NE(call, items.end());
  EXPECT_EQ(*call->getAsObject()->getString("detail"), "tactic in tactics.sales");
  EXPECT_EQ(*call->getAsObject()->getInteger("kind"), 3);
  EXPECT_TRUE(call->getAsObject()->getString("documentation")) << show(*call);
  EXPECT_FALSE(llvm::is_contained(names, "need")) << "knowledge is not a tactic";
}

TEST_F(Completion, StagesAndOutcomesAfterNextButTheStageItself) {
  Value got = completeAtEnd("process p {\n  stage b \"Second\" { }\n  won w \"Won\";\n"
                            "  lost l;\n  stage a { next b 50%; next ");
  EXPECT_EQ(got, list(Array{item("b", 22, std::nullopt, "stage", "Second"),
                            item("l", 20, std::nullopt, "lost outcome"),
                            item("w", 20, std::nullopt, "won outcome", "Won")}))
      << show(got);
}

TEST_F(Completion, UnitsAfterANumberInATime) {
  EXPECT_EQ(labels(completeAtEnd("process p {\n  stage a { time 3 ")),
            (std::vector<std::string>{"minutes", "hours", "days", "business days", "working days",
                                      "weeks", "months", "years"}));
  Value got = completeAtEnd("process p {\n  stage a { time 1 to 2 weeks typical 1 ");
  EXPECT_EQ(labels(got), (std::vector<std::string>{"minute", "hour", "day", "business day",
                                                   "working day", "week", "month", "year"}));
  EXPECT_EQ(got.getAsObject()->getArray("items")->front(),
            Value(item("minute", 11, range(1, 40, 1, 40), "1/1440 of a day")));
  EXPECT_EQ(labels(completeAtEnd("process p {\n  stage a { next b 3")), std::vector<std::string>{})
      << "a share takes no unit";
}

TEST_F(Completion, CurrenciesAfterAValue) {
  std::vector<std::string> codes = labels(completeAtEnd("process p {\n  value 48_000 "));
  ASSERT_EQ(codes.size(), sema::currencyCodes().size());
  EXPECT_EQ(codes.front(), sema::currencyCodes().front().str());
  EXPECT_TRUE(llvm::is_contained(codes, "EUR"));
  std::vector<std::string> withE;
  for (llvm::StringRef code : sema::currencyCodes())
    if (code.contains('E'))
      withE.push_back(code.str());
  EXPECT_EQ(labels(completeAtEnd("process p {\n  won big value 2 E")), withE);
}

TEST_F(Completion, ValueAndCrmInAnOutcomeLine) {
  using Labels = std::vector<std::string>;
  EXPECT_EQ(labels(completeAtEnd("process p {\n  won signed ")), (Labels{"value", "crm"}));
  EXPECT_EQ(labels(completeAtEnd("process p {\n  won signed \"Signs\" ")),
            (Labels{"value", "crm"}));
  EXPECT_EQ(labels(completeAtEnd("process p {\n  won signed \"Signs\" value 1_440 USD ")),
            Labels{"crm"});
  EXPECT_EQ(labels(completeAtEnd("process p {\n  lost lost \"No\" c")), Labels{"crm"})
      << "the letters typed filter the clauses";
  EXPECT_EQ(labels(completeAtEnd("process p {\n  won signed crm \"Closed Won\" ")), Labels{})
      << "a line with its labels takes nothing more";
}

TEST_F(Completion, ModulesInsideAnImportOfTheStandardLibrary) {
  Value got = completeAtEnd("import \"std/ta");
  Array want;
  for (const char* m : {"std/brands", "std/knowledge", "std/materials", "std/processes",
                        "std/roles", "std/tactics"})
    want.push_back(item(m, 9, range(0, 8, 0, 14), "module"));
  EXPECT_EQ(got, list(std::move(want))) << show(got);
}

TEST_F(Completion, NothingWhereNothingFits) {
  EXPECT_EQ(completeAtEnd("knowledge pricing \"Pri"), list(Array{}));
  EXPECT_EQ(completeAtEnd("process p {\n  stage a { learn x "), list(Array{}));
  EXPECT_EQ(completeAtEnd("process p {\n  stage a { // lea"), list(Array{})) << "a comment";
}

} // namespace
} // namespace salesc::lsp::test
