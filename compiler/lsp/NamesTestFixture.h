//===- NamesTestFixture.h - Two open documents, for the requests about names ===//
#ifndef SALESC_LSP_NAMESTESTFIXTURE_H
#define SALESC_LSP_NAMESTESTFIXTURE_H

#include "ServerTestFixture.h"

namespace salesc::lsp {
namespace {

const char* Lib = "knowledge pricing \"What it costs\";\n" // 0
                  "role buyer \"The one who pays\" {\n"    // 1
                  "  needs pricing;\n"                     // 2
                  "}\n";

// A stage `a` sends half its leads on to `b`, which wins 40% of them: from `a`, 20%.
const char* User = "import \"lib\";\n"                               // 0
                   "import \"std/tactics\";\n"                       // 1
                   "brand polite \"Polite\" { forbid cold_call; }\n" // 2
                   "process p \"Two steps\" {\n"                     // 3
                   "  brand polite;\n"                               // 4
                   "  stage a \"First call\" {\n"                    // 5
                   "    learn pricing;\n"                            // 6
                   "    use email_follow_up;\n"                      // 7
                   "    time 2 days;\n"                              // 8
                   "    next b 50%;\n"                               // 9
                   "  }\n"                                           // 10
                   "  stage b {\n"                                   // 11
                   "    time 3 days;\n"                              // 12
                   "    next won 40%;\n"                             // 13
                   "  }\n"                                           // 14
                   "  won won;\n"                                    // 15
                   "  lost lost;\n"                                  // 16
                   "}\n";

class LspNames : public LspServer {
protected:
  void SetUp() override {
    initialize();
    open(uri("lib.sales"), Lib);
    open(uri("user.sales"), User);
  }
  static std::string tactics() {
    return uriFromPath(SALESC_SOURCE_DIR "/stdlib/std/tactics.sales");
  }
  static std::string errorMessage(const std::vector<Value>& sent) {
    const Object* error = sent.size() == 1 ? sent[0].getAsObject()->getObject("error") : nullptr;
    return error ? error->getString("message")->str() : "";
  }
};

} // namespace
} // namespace salesc::lsp

#endif // SALESC_LSP_NAMESTESTFIXTURE_H
