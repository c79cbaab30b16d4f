//===- EditStressTest.cpp - Random edits never crash the server -----------===//
//
// A seeded random sequence of edits (random text, tokens of the language, non-ASCII
// characters; at random UTF-16 positions, past the ends of lines and of the text, with
// ranges that end before they start) goes through the in-process server, each followed
// by a completion, a code action and an inlay hint request at random places. Every
// message the server sends must be valid JSON-RPC 2.0. Kept small so that it runs in a
// few seconds under AddressSanitizer too.
//
//===----------------------------------------------------------------------===//
#include "AssistTestServer.h"

#include <random>

namespace salesc::lsp::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

const char* Start = "import \"std/tactics\";\nknowledge pricing \"Price é😀\";\n"
                    "process p {\n  stage a {\n    learn pricing;\n    use phone_call;\n"
                    "    time 1 to 2 weeks;\n    next b 60%;\n  }\n  stage b { time 2 days; "
                    "next w 50%; }\n  won w value 48_000 EUR;\n  lost l;\n}\n";

const char* Pieces[] = {"process ",   "stage ",   "learn ",
                        "provide ",   "use ",     "next ",
                        "otherwise ", "time ",    "business days",
                        "3 ",         "40%",      "120%",
                        "1 to ",      "weeks",    "{",
                        "}",          ";",        ",",
                        "\"",         "\"std/",   "import ",
                        "won ",       "lost ",    "value ",
                        "48_000 ",    "EUR",      "$",
                        "é",          "😀",        "\n",
                        "  ",         "//",       "/*",
                        "*/",         "\t",       "knowledge ",
                        "tactic ",    "extends ", "segment s share 10% {",
                        "signoff ",   "within ",  "\r\n",
                        "typical ",   "-",        "pricing",
                        "phone_call"};

/// Whether `v` is a JSON-RPC 2.0 response (a result or an error, not both) or
/// notification.
::testing::AssertionResult validJsonRpc(const Value& v) {
  const Object* o = v.getAsObject();
  if (!o || o->getString("jsonrpc") != llvm::Optional<llvm::StringRef>("2.0"))
    return ::testing::AssertionFailure() << "not a JSON-RPC 2.0 object: " << show(v);
  if (o->getString("method"))
    return o->get("params") ? ::testing::AssertionSuccess()
                            : ::testing::AssertionFailure() << "a notification without params";
  bool result = o->get("result") != nullptr, error = o->getObject("error") != nullptr;
  if (!o->get("id") || result == error)
    return ::testing::AssertionFailure() << "not a response: " << show(v);
  if (error && !o->getObject("error")->getInteger("code"))
    return ::testing::AssertionFailure() << "an error without a code";
  // What the client will parse must survive a round trip.
  llvm::Expected<Value> again = llvm::json::parse(show(v));
  if (!again) {
    llvm::consumeError(again.takeError());
    return ::testing::AssertionFailure() << "not valid JSON text";
  }
  return ::testing::AssertionSuccess();
}

class EditStress : public AssistServer {
protected:
  std::mt19937 rng{20261130};
  int random(int below) { return std::uniform_int_distribution<int>(0, below - 1)(rng); }

  /// A position near or past the text's lines and their ends.
  Object somewhere(int lines) {
    return position(random(lines + 3) - (random(20) == 0 ? 1 : 0), random(40));
  }
  std::string someText() {
    std::string t;
    for (int n = random(4); n >= 0; --n) {
      if (random(3) == 0)
        t += char(32 + random(95)); // any printable character
      else
        t += Pieces[random(std::size(Pieces))];
    }
    return t;
  }
  void expectValid(const std::vector<Value>& sent, llvm::StringRef what) {
    for (const Value& v : sent)
      EXPECT_TRUE(validJsonRpc(v)) << "after " << what.str();
  }
};

TEST_F(EditStress, RandomEditsNeverCrashAndEveryAnswerIsValid) {
  initialize();
  open("stress.sales", Start);
  int lines = 14, id = 10;
  for (int step = 0; step < 400; ++step) {
    Object change{{"text", someText()}};
    if (random(30) != 0) // now and then the whole text
      change["range"] = Object{{"start", somewhere(lines)}, {"end", somewhere(lines)}};
    std::vector<Value> sent =
        send(Object{{"jsonrpc", "2.0"},
                    {"method", "textDocument/didChange"},
                    {"params", Object{{"textDocument",
                                       Object{{"uri", uri("stress.sales")}, {"version", step + 2}}},
                                      {"contentChanges", Array{std::move(change)}}}}});
    ASSERT_EQ(sent.size(), 1u) << "the diagnostics of the edit";
    expectValid(sent, "an edit");
    lines = std::max(1, lines + random(3) - 1);
    for (llvm::StringRef method :
         {"textDocument/completion", "textDocument/codeAction", "textDocument/inlayHint"}) {
      Object params{{"textDocument", Object{{"uri", uri("stress.sales")}}},
                    {"position", somewhere(lines)},
                    {"range", Object{{"start", somewhere(lines)}, {"end", somewhere(lines)}}}};
      std::vector<Value> answer = send(Object{
          {"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", std::move(params)}});
      ASSERT_EQ(answer.size(), 1u) << method.str();
      expectValid(answer, method);
      EXPECT_EQ(*answer[0].getAsObject()->getInteger("id"), id);
    }
  }
}

} // namespace
} // namespace salesc::lsp::test
