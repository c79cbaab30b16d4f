//===- SharedCheckTest.cpp - One check per document version, for every request ===//
#include "NamesTestFixture.h"

#include "Requests.h"

namespace salesc::lsp {
namespace {

Document doc(llvm::StringRef name, std::string text) {
  std::string path = std::string(Dir) + "/" + name.str();
  return Document{uriFromPath(path), path, 1, std::move(text)};
}

void edit(llvm::StringMap<Document>& open, const Document& d, std::string text) {
  Document& stored = open[d.uri];
  stored.text = std::move(text);
  ++stored.version;
}

// The index of names reads the checks whose diagnostics were published: after an edit,
// nothing is compiled a second time, and a document the edit does not touch (it does not
// import the edited one) keeps its check.
TEST(LspSharedCheck, TheIndexReadsTheChecksOfTheDiagnostics) {
  CheckOptions options;
  options.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
  Document lib = doc("lib.sales", "knowledge pricing \"Price\";\n");
  Document user = doc("user.sales", "import \"lib\";\nprocess p {\n  stage a { learn pricing; "
                                    "next won 40%; }\n  won won;\n  lost lost;\n}\n");
  Document other = doc("other.sales", "knowledge proof;\n");
  llvm::StringMap<Document> open;
  for (const Document& d : {lib, user, other})
    open[d.uri] = d;
  AssistCache assist;
  IndexCache names;
  const frontend::Unit* userUnit = &assist.current(open[user.uri], open, options, {}).unit;
  const frontend::Unit* otherUnit = &assist.current(open[other.uri], open, options, {}).unit;
  const Index* index = &names.get(open, options, {}, assist);
  EXPECT_EQ(index->unit(user.uri), userUnit);
  EXPECT_EQ(index->unit(other.uri), otherUnit);

  edit(open, other, "knowledge proof \"Proof\";\n");
  const frontend::Unit* edited = &assist.current(open[other.uri], open, options, {}).unit;
  index = &names.get(open, options, {}, assist);
  EXPECT_EQ(index->unit(other.uri), edited);
  EXPECT_EQ(index->unit(user.uri), userUnit) << "user.sales does not import other.sales";

  edit(open, lib, "knowledge pricing \"What it costs\";\n");
  index = &names.get(open, options, {}, assist);
  EXPECT_NE(index->unit(user.uri), userUnit) << "user.sales imports lib.sales";
  const Occurrence* learnt = index->at(user.uri, {2, 20});
  ASSERT_NE(learnt, nullptr);
  EXPECT_EQ(learnt->symbol->decl->description->value, "What it costs");

  // A document opened since re-checks only the checks with an import that was not found:
  // it may be the file that import names.
  Document waiting = doc("waiting.sales", "import \"later\";\n");
  open[waiting.uri] = waiting;
  const AssistSnapshot& before = assist.current(open[waiting.uri], open, options, {});
  EXPECT_TRUE(before.importNotFound);
  const frontend::Unit* waitingUnit = &before.unit;
  userUnit = names.get(open, options, {}, assist).unit(user.uri);
  Document later = doc("later.sales", "knowledge x;\n");
  open[later.uri] = later;
  index = &names.get(open, options, {}, assist);
  EXPECT_EQ(index->unit(user.uri), userUnit) << "user.sales found all its imports";
  EXPECT_NE(index->unit(waiting.uri), waitingUnit);
  EXPECT_FALSE(assist.current(open[waiting.uri], open, options, {}).importNotFound);
}

/// A suite of its own (a fixture's name is one class per test program).
class LspSharedNames : public LspNames {};

// A file two open documents read (here the standard library) is checked in each, and
// indexed once: its names are one symbol, found from both.
TEST_F(LspSharedNames, AFileTwoDocumentsImportIsOneSymbol) {
  open(uri("second.sales"), "import \"std/tactics\";\nprocess q {\n  stage s {\n"
                            "    use email_follow_up;\n    next won 40%;\n  }\n"
                            "  won won;\n  lost lost;\n}\n");
  Object params = at(uri("second.sales"), 3, 10);
  params["context"] = Object{{"includeDeclaration", false}};
  EXPECT_EQ(
      result(request(2, "textDocument/references", std::move(params))),
      Value(Array{location(uri("second.sales"), 3, 8, 23), location(uri("user.sales"), 7, 8, 23)}));
  Value there = result(request(3, "textDocument/definition", at(uri("user.sales"), 7, 10)));
  EXPECT_EQ(result(request(4, "textDocument/definition", at(uri("second.sales"), 3, 10))), there);
  EXPECT_EQ(*there.getAsObject()->getString("uri"), tactics());
}

} // namespace
} // namespace salesc::lsp
