//===- InlayHintsTest.cpp - textDocument/inlayHint, in process ------------===//
#include "AssistTestServer.h"

#include "InlayHints.h"

namespace salesc::lsp::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

// Worked by hand. W is the probability of winning from a stage, T the expected days to
// win given a win (each step weighted by the wins that go through it):
//   W(d) = 0 (all go to l): never wins.    W(b) = 0.8 + 0.1 W(d) = 0.8, T(b) = 4.
//   W(a) = 0.5 W(b) + 0.3 W(c), W(c) = 0.6 + 0.2 W(a): W(a) = 0.58 / 0.94 = 61.70%,
//   W(c) = 72.34%.
//   T(a) = 2 + (0.5 W(b) T(b) + 0.3 W(c) T(c)) / W(a), T(c) = 3 + 0.2 W(a) T(a) / W(c):
//   T(a) = (2 + 1.6 / W(a) + 0.9 W(c) / W(a)) / (1 - 0.06) = 6.0088, T(c) = 4.0250.
const char* Tiny = "process p {\n  start a;\n  stage a { time 2 days; next b 50%; next c 30%; }\n"
                   "  stage b { time 4 days; next w 80%; next d 10%; }\n"
                   "  stage c { time 3 days; next a 20%; next w 60%; }\n"
                   "  stage d { time 1 day; next l 100%; }\n  won w;\n  lost l;\n}\n";

class InlayHints : public AssistServer {
protected:
  Value hints(llvm::StringRef name) {
    return request("textDocument/inlayHint", name, Object{{"range", range(0, 0, 99, 0)}});
  }
  static Object hint(int line, int character, llvm::StringRef label) {
    return Object{{"position", position(line, character)}, {"label", label}, {"paddingLeft", true}};
  }
};

TEST_F(InlayHints, WinProbabilityAndDaysToWinAfterEachStageName) {
  initialize();
  open("tiny.sales", Tiny);
  Value got = hints("tiny.sales");
  EXPECT_EQ(got, Value(Array{hint(2, 9, "61.7% win · 6.01 days to win"),
                             hint(3, 9, "80% win · 4.00 days to win"),
                             hint(4, 9, "72.3% win · 4.03 days to win"),
                             hint(5, 9, "0% win · never wins")}))
      << show(got);
  Value part =
      request("textDocument/inlayHint", "tiny.sales", Object{{"range", range(3, 0, 3, 40)}});
  EXPECT_EQ(part, Value(Array{hint(3, 9, "80% win · 4.00 days to win")}));
}

TEST_F(InlayHints, TheOptionTurnsThemOffAndOn) {
  initialize(Object{{"inlayHints", false}});
  open("tiny.sales", Tiny);
  EXPECT_EQ(hints("tiny.sales"), Value(Array{}));
  notify("workspace/didChangeConfiguration",
         Object{{"settings", Object{{"salesc", Object{{"inlayHints", true}}}}}});
  EXPECT_EQ(hints("tiny.sales").getAsArray()->size(), 4u);
  notify("workspace/didChangeConfiguration",
         Object{{"settings", Object{{"salesc", Object{{"inlayHints", false}}}}}});
  EXPECT_EQ(hints("tiny.sales"), Value(Array{}));
}

TEST_F(InlayHints, NoneForAFileThatDoesNotCheck) {
  initialize();
  open("broken.sales", "process p {\n  stage a { next w 40% }\n}\n");
  EXPECT_EQ(hints("broken.sales"), Value(Array{}));
}

TEST(StageHint, FormattedAsTheAnalyzeTable) {
  EXPECT_EQ(stageHint(0.125, 10.0 / 3), "12.5% win · 3.33 days to win");
  EXPECT_EQ(stageHint(0, std::nan("")), "0% win · never wins");
}

} // namespace
} // namespace salesc::lsp::test
