//===- NavigationTest.cpp - Definition, references and rename, in process -===//
#include "NamesTestFixture.h"

namespace salesc::lsp {
namespace {

class LspCapabilities : public LspServer {};

TEST_F(LspCapabilities, NamesAreAdvertised) {
  std::vector<Value> init = request(1, "initialize", Object{{"capabilities", Object{}}});
  ASSERT_EQ(init.size(), 1u);
  const Object* caps = init[0].getAsObject()->getObject("result")->getObject("capabilities");
  for (const char* c : {"hoverProvider", "definitionProvider", "referencesProvider",
                        "documentSymbolProvider", "foldingRangeProvider"})
    EXPECT_EQ(caps->getBoolean(c), true) << c;
  EXPECT_EQ(*caps->getObject("renameProvider"), (Object{{"prepareProvider", true}}));
}

TEST_F(LspNames, DefinitionAcrossAnImport) {
  EXPECT_EQ(result(request(2, "textDocument/definition", at(uri("user.sales"), 6, 12))),
            location(uri("lib.sales"), 0, 10, 17));
  // Just after the name counts too.
  EXPECT_EQ(result(request(3, "textDocument/definition", at(uri("user.sales"), 9, 10))),
            location(uri("user.sales"), 11, 8, 9));
  EXPECT_EQ(result(request(4, "textDocument/definition", at(uri("user.sales"), 8, 6))), nullptr)
      << "a keyword is no name";
}

TEST_F(LspNames, DefinitionInTheStandardLibrary) {
  // std/tactics.sales line 30: `tactic email_follow_up "..."`.
  EXPECT_EQ(result(request(2, "textDocument/definition", at(uri("user.sales"), 7, 8))),
            location(tactics(), 29, 7, 22));
}

TEST_F(LspNames, References) {
  Object params = at(uri("user.sales"), 9, 9);
  params["context"] = Object{{"includeDeclaration", true}};
  EXPECT_EQ(
      result(request(2, "textDocument/references", std::move(params))),
      Value(Array{location(uri("user.sales"), 11, 8, 9), location(uri("user.sales"), 9, 9, 10)}));
  Object across = at(uri("lib.sales"), 0, 12);
  across["context"] = Object{{"includeDeclaration", false}};
  EXPECT_EQ(
      result(request(3, "textDocument/references", std::move(across))),
      Value(Array{location(uri("lib.sales"), 2, 8, 15), location(uri("user.sales"), 6, 10, 17)}));
}

TEST_F(LspNames, RenameAcrossFiles) {
  Object params = at(uri("user.sales"), 6, 12);
  params["newName"] = "price_list";
  auto edit = [](int line, int c0, int c1) {
    return Object{{"range", range(line, c0, line, c1)}, {"newText", "price_list"}};
  };
  EXPECT_EQ(
      result(request(2, "textDocument/rename", std::move(params))),
      Value(Object{{"changes", Object{{uri("lib.sales"), Array{edit(0, 10, 17), edit(2, 8, 15)}},
                                      {uri("user.sales"), Array{edit(6, 10, 17)}}}}}));
}

TEST_F(LspNames, RenameAStage) {
  Object params = at(uri("user.sales"), 11, 8);
  params["newName"] = "demo";
  auto edit = [](int line, int c0, int c1) {
    return Object{{"range", range(line, c0, line, c1)}, {"newText", "demo"}};
  };
  EXPECT_EQ(result(request(2, "textDocument/rename", std::move(params))),
            Value(Object{
                {"changes", Object{{uri("user.sales"), Array{edit(9, 9, 10), edit(11, 8, 9)}}}}}));
  EXPECT_EQ(result(request(3, "textDocument/prepareRename", at(uri("user.sales"), 11, 8))),
            Value(Object{{"range", range(11, 8, 11, 9)}, {"placeholder", "b"}}));
}

TEST_F(LspNames, RenameRefused) {
  Object stdName = at(uri("user.sales"), 7, 8);
  stdName["newName"] = "email";
  std::vector<Value> refused = request(2, "textDocument/rename", std::move(stdName));
  EXPECT_EQ(errorCode(refused), RequestFailed);
  EXPECT_EQ(errorMessage(refused),
            "tactic 'email_follow_up' is declared in the standard library (std/tactics.sales), "
            "which salesc does not change; declare a name of your own instead");
  EXPECT_EQ(errorMessage(request(3, "textDocument/prepareRename", at(uri("user.sales"), 7, 8))),
            errorMessage(refused));

  Object taken = at(uri("user.sales"), 11, 8);
  taken["newName"] = "won";
  EXPECT_EQ(errorMessage(request(4, "textDocument/rename", std::move(taken))),
            "cannot rename stage 'b' to 'won': that name is taken in its process");
  Object takenTop = at(uri("lib.sales"), 0, 12);
  takenTop["newName"] = "buyer";
  EXPECT_EQ(errorMessage(request(5, "textDocument/rename", std::move(takenTop))),
            "cannot rename knowledge 'pricing' to 'buyer': that name is taken");
  Object bad = at(uri("lib.sales"), 0, 12);
  bad["newName"] = "2nd-price";
  std::vector<Value> notAName = request(6, "textDocument/rename", std::move(bad));
  EXPECT_EQ(errorCode(notAName), RequestFailed);
  EXPECT_EQ(errorMessage(notAName), "'2nd-price' is not a name: a name starts with a letter, "
                                    "followed by letters, digits and '_'");
  EXPECT_EQ(result(request(7, "textDocument/prepareRename", at(uri("user.sales"), 8, 6))), nullptr);
  EXPECT_EQ(errorCode(request(8, "textDocument/rename", Object{})), InvalidParams);
  EXPECT_EQ(errorCode(request(9, "textDocument/hover", at(uri("closed.sales"), 0, 0))),
            InvalidParams);
}

TEST_F(LspNames, ImportersGetFreshDiagnostics) {
  open(uri("top.sales"), "import \"user\";\n");
  // `pricing` renamed in lib alone: user, which learns it, now has an unknown name; top,
  // which imports user, is checked again too.
  std::vector<Value> sent = notify(
      "textDocument/didChange",
      Object{{"textDocument", Object{{"uri", uri("lib.sales")}, {"version", 2}}},
             {"contentChanges", Array{Object{{"text", "knowledge price \"What it costs\";\n"}}}}});
  ASSERT_EQ(sent.size(), 3u);
  std::vector<std::string> uris;
  for (const Value& v : sent) {
    EXPECT_EQ(*v.getAsObject()->getString("method"), "textDocument/publishDiagnostics");
    uris.push_back(v.getAsObject()->getObject("params")->getString("uri")->str());
  }
  EXPECT_EQ(uris,
            (std::vector<std::string>{uri("lib.sales"), uri("top.sales"), uri("user.sales")}));
  const Object* second = sent[2].getAsObject()->getObject("params");
  const Array& diagnostics = *second->getArray("diagnostics");
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(*diagnostics[0].getAsObject()->get("range"), range(6, 10, 6, 17)) << show(diagnostics);
}

} // namespace
} // namespace salesc::lsp

namespace salesc::lsp {
namespace {

class LspInherited : public LspServer {};

// A stage restated from a template of the standard library is the template's stage.
TEST_F(LspInherited, AStageOfAStandardTemplate) {
  initialize();
  open(uri("mine.sales"), "import \"std/processes\";\n"
                          "process mine extends b2b_five_step {\n"
                          "  stage demo { time 2 days; }\n"
                          "  stage extra { next demo 50%; }\n"
                          "}\n");
  std::string processes = uriFromPath(SALESC_SOURCE_DIR "/stdlib/std/processes.sales");
  EXPECT_EQ(result(request(2, "textDocument/definition", at(uri("mine.sales"), 2, 9))),
            location(processes, 37, 8, 12));
  Object params = at(uri("mine.sales"), 3, 22);
  params["context"] = Object{{"includeDeclaration", false}};
  EXPECT_EQ(result(request(3, "textDocument/references", std::move(params))),
            Value(Array{location(uri("mine.sales"), 2, 8, 12),
                        location(uri("mine.sales"), 3, 21, 25), location(processes, 35, 9, 13)}));
  Object rename = at(uri("mine.sales"), 2, 9);
  rename["newName"] = "meeting";
  EXPECT_EQ(errorCode(request(4, "textDocument/rename", std::move(rename))), RequestFailed);
  std::string text = result(request(5, "textDocument/hover", at(uri("mine.sales"), 2, 9)))
                         .getAsObject()
                         ->getObject("contents")
                         ->getString("value")
                         ->str();
  EXPECT_EQ(text.substr(0, text.find("\n\n")), "**stage** `demo` of process `b2b_five_step`");
  EXPECT_NE(text.find("\n\n- win probability (in process `mine`): "), std::string::npos) << text;
  EXPECT_EQ(text.substr(text.rfind("\n\n")), "\n\nDeclared at `std/processes.sales:38`");
}

// A document with syntax errors still has the names it parsed; nothing crashes.
TEST_F(LspInherited, ADocumentWithSyntaxErrors) {
  initialize();
  open(uri("broken.sales"), "process p {\n  stage a { next b 40% }\n  stage b { next won; \n");
  EXPECT_EQ(result(request(2, "textDocument/definition", at(uri("broken.sales"), 1, 17))),
            location(uri("broken.sales"), 2, 8, 9));
  for (const char* method :
       {"textDocument/hover", "textDocument/references", "textDocument/prepareRename"})
    EXPECT_EQ(request(3, method, at(uri("broken.sales"), 2, 8)).size(), 1u) << method;
  for (const char* method : {"textDocument/documentSymbol", "textDocument/foldingRange"})
    EXPECT_TRUE(
        result(request(4, method, Object{{"textDocument", Object{{"uri", uri("broken.sales")}}}}))
            .getAsArray())
        << method;
}

} // namespace
} // namespace salesc::lsp

namespace salesc::lsp {
namespace {

class LspExample : public LspServer {};

// examples/saas_plans.sales: segments restate the process's outcomes and stages, and a
// campaign names a segment.
TEST_F(LspExample, SegmentsAndCampaigns) {
  initialize();
  std::string path = SALESC_SOURCE_DIR "/examples/saas_plans.sales";
  auto text = llvm::MemoryBuffer::getFile(path);
  ASSERT_TRUE(bool(text));
  std::string file = uriFromPath(path);
  open(file, (*text)->getBuffer());
  Object params = at(file, 20, 11);
  params["context"] = Object{{"includeDeclaration", true}};
  EXPECT_EQ(result(request(2, "textDocument/references", std::move(params))),
            Value(Array{location(file, 20, 10, 15), location(file, 35, 10, 15)}));
  // The segment's `won paid_annual` restates the process's outcome (line 18).
  EXPECT_EQ(result(request(3, "textDocument/definition", at(file, 22, 10))),
            location(file, 17, 6, 17));
  // `upgrade_prompt` is the stage of the template, std/processes' self_serve_trial.
  EXPECT_EQ(result(request(4, "textDocument/definition", at(file, 23, 28))),
            location(uriFromPath(SALESC_SOURCE_DIR "/stdlib/std/processes.sales"), 133, 8, 22));
}

} // namespace
} // namespace salesc::lsp
