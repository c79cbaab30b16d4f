//===- SuppressionTest.cpp - `// salesc-ignore` in the published diagnostics ===//
#include "ServerTestFixture.h"

namespace salesc::lsp {
namespace {

/// Each diagnostic of `published` as "CODE line:character-line:character".
std::vector<std::string> codesAndRanges(const Array& published) {
  std::vector<std::string> out;
  for (const Value& v : published) {
    const Object& d = *v.getAsObject();
    const Object& r = *d.getObject("range");
    auto pos = [](const Object& p) {
      return std::to_string(*p.getInteger("line")) + ":" +
             std::to_string(*p.getInteger("character"));
    };
    out.push_back(d.getString("code")->str() + " " + pos(*r.getObject("start")) + "-" +
                  pos(*r.getObject("end")));
  }
  return out;
}

/// A file with a process: its unused declarations are warnings (N008).
const char* Process = "process p {\n  stage s { time 1 day; next won 40%; }\n  won won;\n"
                      "  lost lost;\n}\n";

/// A suite of its own (a fixture's name is one class per test program).
class LspSuppression : public LspServer {};

// As `salesc check`: a suppressed diagnostic is not published; a comment without a
// reason (U001), one that suppresses nothing (U002) and one that names an error that
// cannot be suppressed (U003) are.
TEST_F(LspSuppression, SuppressionCommentsApplyAsInCheck) {
  initialize();
  std::string text = "knowledge a \"A\"; // salesc-ignore N008: kept for the spring campaign\n"
                     "knowledge b \"B\"; // salesc-ignore N008\n"
                     "knowledge c \"C\"; // salesc-ignore F005: nothing here\n"
                     "// salesc-ignore unused-declaration: the catalogue is shared\n"
                     "knowledge d \"D\";\n"
                     "knowledge e \"E\"; // salesc-ignore S001, N008: a syntax error\n" +
                     std::string(Process);
  EXPECT_EQ(codesAndRanges(diagnostics(open(uri("catalogue.sales"), text))),
            (std::vector<std::string>{"U001 1:17-1:38", "N008 2:10-2:11", "U002 2:34-2:38",
                                      "U003 5:34-5:38"}));
}

TEST_F(LspSuppression, ASuppressionForTheWholeFile) {
  initialize();
  std::string text = "// salesc-ignore-file N008: a catalogue that other files import\n"
                     "knowledge a \"A\";\n"
                     "knowledge b \"B\";\n" +
                     std::string(Process);
  EXPECT_TRUE(diagnostics(open(uri("catalogue.sales"), text)).empty());
  // Typing the comment away shows the warnings again; the version after the edit.
  Array shown = diagnostics(notify(
      "textDocument/didChange",
      Object{{"textDocument", Object{{"uri", uri("catalogue.sales")}, {"version", 2}}},
             {"contentChanges", Array{Object{{"range", range(0, 0, 1, 0)}, {"text", ""}}}}}));
  EXPECT_EQ(codesAndRanges(shown), (std::vector<std::string>{"N008 0:10-0:11", "N008 1:10-1:11"}));
}

// A quick fix is offered for what is published only: a suppressed diagnostic has none.
TEST_F(LspSuppression, NoQuickFixForASuppressedDiagnostic) {
  initialize();
  std::string text = "process p {\n"
                     "  value 48_000 usd; // salesc-ignore T005: as the CRM writes it\n"
                     "  stage a { time 2 days; next won 40%; }\n"
                     "  won won;\n  lost lost;\n}\n";
  open(uri("p.sales"), text);
  Value actions = result(request(2, "textDocument/codeAction",
                                 Object{{"textDocument", Object{{"uri", uri("p.sales")}}},
                                        {"range", range(1, 0, 1, 40)},
                                        {"context", Object{{"diagnostics", Array{}}}}}));
  ASSERT_NE(actions.getAsArray(), nullptr);
  EXPECT_TRUE(actions.getAsArray()->empty()) << show(*actions.getAsArray());
}

} // namespace
} // namespace salesc::lsp
