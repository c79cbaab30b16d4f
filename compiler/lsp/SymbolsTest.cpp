//===- SymbolsTest.cpp - Outline and folding ranges, in process -----------===//
#include "ServerTestFixture.h"

namespace salesc::lsp {
namespace {

const char* Outlined = "// Knowledge a buyer needs\n"   // 0
                       "// before a demo.\n"            // 1
                       "knowledge pricing \"Price\";\n" // 2
                       "process p {\n"                  // 3
                       "  stage a {\n"                  // 4
                       "    learn pricing;\n"           // 5
                       "    next won 40%;\n"            // 6
                       "  }\n"                          // 7
                       "  won won;\n"                   // 8
                       "  lost lost;\n"                 // 9
                       "}\n"                            // 10
                       "/* one\n   two */\n";           // 11-12

Object symbol(llvm::StringRef name, llvm::StringRef detail, int kind, Value range,
              Value selection) {
  return Object{{"name", name},
                {"detail", detail},
                {"kind", kind},
                {"range", std::move(range)},
                {"selectionRange", std::move(selection)}};
}

class LspOutline : public LspServer {};

TEST_F(LspOutline, DocumentSymbols) {
  initialize();
  open(uri("outline.sales"), Outlined);
  Object process = symbol("p", "process", 5, range(3, 0, 10, 1), range(3, 8, 3, 9));
  process["children"] = Array{symbol("a", "stage", 6, range(4, 2, 7, 3), range(4, 8, 4, 9)),
                              symbol("won", "won", 22, range(8, 2, 8, 10), range(8, 6, 8, 9)),
                              symbol("lost", "lost", 22, range(9, 2, 9, 12), range(9, 7, 9, 11))};
  Value r = result(request(2, "textDocument/documentSymbol",
                           Object{{"textDocument", Object{{"uri", uri("outline.sales")}}}}));
  EXPECT_EQ(r,
            Value(Array{symbol("pricing", "knowledge", 14, range(2, 0, 2, 26), range(2, 10, 2, 17)),
                        std::move(process)}));
}

TEST_F(LspOutline, FoldingRangesAreBlocksAndComments) {
  initialize();
  open(uri("outline.sales"), Outlined);
  Value r = result(request(2, "textDocument/foldingRange",
                           Object{{"textDocument", Object{{"uri", uri("outline.sales")}}}}));
  EXPECT_EQ(r, Value(Array{Object{{"startLine", 3}, {"endLine", 10}},
                           Object{{"startLine", 4}, {"endLine", 7}},
                           Object{{"startLine", 0}, {"endLine", 1}, {"kind", "comment"}},
                           Object{{"startLine", 11}, {"endLine", 12}, {"kind", "comment"}}}));
}

} // namespace
} // namespace salesc::lsp
