//===- CodeActionsTest.cpp - textDocument/codeAction, in process ----------===//
#include "AssistTestServer.h"

namespace salesc::lsp::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

class CodeActions : public AssistServer {
protected:
  void SetUp() override { initialize(); }

  Array actions(llvm::StringRef name, Object where) {
    Value got =
        request("textDocument/codeAction", name,
                Object{{"range", std::move(where)}, {"context", Object{{"diagnostics", Array{}}}}});
    const Array* a = got.getAsArray();
    return a ? *a : (ADD_FAILURE() << show(got), Array{});
  }
  /// The action without its diagnostics, which the diagnostics tests check.
  static Object withoutDiagnostics(const Value& action, llvm::StringRef code) {
    Object o = *action.getAsObject();
    const Array* d = o.getArray("diagnostics");
    EXPECT_TRUE(d && d->size() == 1 && *(*d)[0].getAsObject()->getString("code") == code)
        << show(action);
    o.erase("diagnostics");
    return o;
  }
  static Object edit(llvm::StringRef name, Object where, llvm::StringRef text) {
    return Object{
        {"changes",
         Object{{uri(name), Array{Object{{"range", std::move(where)}, {"newText", text}}}}}}};
  }
};

const char* Abbreviated = "process p {\n  stage a { time 2 hrs; next w 40%; }\n  won w;\n"
                          "  lost l;\n}\n";

TEST_F(CodeActions, ASafeFixItIsAPreferredQuickFix) {
  open("a.sales", Abbreviated);
  Array got = actions("a.sales", range(1, 20, 1, 20));
  ASSERT_EQ(got.size(), 1u) << show(Value(Array(got)));
  EXPECT_EQ(withoutDiagnostics(got[0], "T001"),
            (Object{{"title", "replace with 'hours'"},
                    {"kind", "quickfix"},
                    {"edit", edit("a.sales", range(1, 19, 1, 22), "hours")},
                    {"isPreferred", true}}));
  EXPECT_EQ(actions("a.sales", range(3, 0, 4, 1)), Array{}) << "no diagnostic there";
}

TEST_F(CodeActions, AnUnsafeFixItIsOfferedButNotPreferred) {
  open("b.sales", "knowledge pricing;\nprocess p {\n  stage a { learn pricng; next w 40%; }\n"
                  "  won w;\n  lost l;\n}\n");
  Array got = actions("b.sales", range(0, 0, 6, 0));
  ASSERT_EQ(got.size(), 1u) << show(Value(Array(got)));
  EXPECT_EQ(withoutDiagnostics(got[0], "N001"),
            (Object{{"title", "replace with 'pricing'"},
                    {"kind", "quickfix"},
                    {"edit", edit("b.sales", range(2, 18, 2, 24), "pricing")}}));
}

TEST_F(CodeActions, TheMissingOtherwiseForEachLostOutcome) {
  open("c.sales", "process p {\n  stage a { next w 60%; }\n  stage b {\n    time 1 day;\n"
                  "    next w 50%;\n  }\n  stage c { time 1 day; }\n  won w;\n  lost gone;\n"
                  "  lost stalled;\n}\n");
  Array a = actions("c.sales", range(1, 8, 1, 8));
  ASSERT_EQ(a.size(), 2u) << show(Value(Array(a)));
  EXPECT_EQ(withoutDiagnostics(a[0], "F003"),
            (Object{{"title", "Add 'otherwise gone;' to stage 'a': the rest go to 'gone' "
                              "(changes the predictions)"},
                    {"kind", "quickfix"},
                    {"edit", edit("c.sales", range(1, 23, 1, 23), " otherwise gone;")}}))
      << show(a[0]);
  EXPECT_EQ(*a[1].getAsObject()->getString("title"),
            "Add 'otherwise stalled;' to stage 'a': the rest go to 'stalled' (changes the "
            "predictions)");

  // A stage over several lines gets a line of its own, indented as its last `next`.
  Array b = actions("c.sales", range(2, 8, 2, 9));
  ASSERT_EQ(b.size(), 2u) << show(Value(Array(b)));
  EXPECT_EQ(*withoutDiagnostics(b[0], "F003").getObject("edit"),
            edit("c.sales", range(4, 15, 4, 15), "\n    otherwise gone;"))
      << show(b[0]);

  // Without a `next` line, before the stage's `}`.
  Array c = actions("c.sales", range(6, 8, 6, 8));
  ASSERT_EQ(c.size(), 2u) << show(Value(Array(c)));
  EXPECT_EQ(*withoutDiagnostics(c[0], "F003").getObject("edit"),
            edit("c.sales", range(6, 24, 6, 24), "otherwise gone; "))
      << show(c[0]);
}

TEST_F(CodeActions, NoOtherwiseToAddWithoutALostOutcome) {
  open("d.sales", "process p {\n  stage a { next w 60%; }\n  won w;\n}\n");
  EXPECT_EQ(actions("d.sales", range(1, 8, 1, 8)), Array{});
}

} // namespace
} // namespace salesc::lsp::test

namespace salesc::lsp::test {
namespace {

class AssistCapabilities : public AssistServer {};

TEST_F(AssistCapabilities, InitializeAdvertisesCompletionCodeActionsAndInlayHints) {
  std::vector<llvm::json::Value> got = send(
      llvm::json::Object{{"jsonrpc", "2.0"},
                         {"id", 1},
                         {"method", "initialize"},
                         {"params", llvm::json::Object{{"capabilities", llvm::json::Object{}}}}});
  ASSERT_EQ(got.size(), 1u);
  const llvm::json::Object* caps =
      got[0].getAsObject()->getObject("result")->getObject("capabilities");
  EXPECT_EQ(*caps->get("completionProvider"),
            llvm::json::Value(
                llvm::json::Object{{"triggerCharacters", llvm::json::Array{" ", ",", "\"", "/"}}}));
  EXPECT_EQ(
      *caps->get("codeActionProvider"),
      llvm::json::Value(llvm::json::Object{{"codeActionKinds", llvm::json::Array{"quickfix"}}}));
  EXPECT_EQ(*caps->getBoolean("inlayHintProvider"), true);
  EXPECT_EQ(*caps->getBoolean("documentFormattingProvider"), true);
}

} // namespace
} // namespace salesc::lsp::test
