//===- ImportersTest.cpp - An edit re-checks the edited document and its importers only ===//
#include "ServerTestFixture.h"

namespace salesc::lsp {
namespace {

/// Its own name: the suite LspServer has its fixture in ServerTest.cpp.
class LspImporters : public LspServer {};

TEST_F(LspImporters, AnEditChecksOnlyTheDocumentAndTheOpenDocumentsImportingIt) {
  initialize();
  open(uri("lib.sales"), "knowledge pricing \"Price\";\n");
  open(uri("mid.sales"), "import \"lib\";\n");
  open(uri("user.sales"),
       "import \"mid\";\nprocess p {\n  stage a { learn pricing; next won 40%; }\n"
       "  won won;\n  lost lost;\n}\n");
  for (int i = 0; i < 12; ++i)
    open(uri("other" + std::to_string(i) + ".sales"),
         "knowledge k" + std::to_string(i) + " \"Unrelated\";\n");
  unsigned before = server_.checksRun();
  std::vector<Value> sent = notify(
      "textDocument/didChange",
      Object{{"textDocument", Object{{"uri", uri("lib.sales")}, {"version", 2}}},
             {"contentChanges", Array{Object{{"range", range(0, 10, 0, 17)}, {"text", "cost"}}}}});
  // The edited document, then those importing it, directly or not; the twelve others are
  // neither checked nor parsed.
  std::vector<std::string> published;
  for (const Value& v : sent)
    published.push_back(v.getAsObject()->getObject("params")->getString("uri")->str());
  EXPECT_EQ(published,
            (std::vector<std::string>{uri("lib.sales"), uri("mid.sales"), uri("user.sales")}));
  EXPECT_EQ(server_.checksRun() - before, 3u);
  // The importer sees the rename at once.
  Array d = *sent[2].getAsObject()->getObject("params")->getArray("diagnostics");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(*d[0].getAsObject()->getString("code"), "N001");
}

} // namespace
} // namespace salesc::lsp
