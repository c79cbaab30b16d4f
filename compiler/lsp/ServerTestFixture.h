//===- ServerTestFixture.h - salesc lsp driven in process, for tests ------===//
#ifndef SALESC_LSP_SERVERTESTFIXTURE_H
#define SALESC_LSP_SERVERTESTFIXTURE_H

#include "Server.h"
#include "Uri.h"

#include <gtest/gtest.h>

namespace llvm::json {
/// JSON values in failure messages as their text.
inline void PrintTo(const Value& v, std::ostream* os) {
  std::string text;
  llvm::raw_string_ostream out(text);
  out << v;
  *os << out.str();
}
} // namespace llvm::json

namespace salesc::lsp {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

// A folder that is not on disk: the documents exist only as the editor has them.
const char* Dir = "/nonexistent-salesc-lsp-test";

/// `v` as JSON text, for failure messages.
[[maybe_unused]] std::string show(const Array& v) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << Value(Array(v));
  return os.str();
}

class LspServer : public ::testing::Test {
protected:
  LspServer()
      : log_(logText_), server_(
                            options(), {}, [this](const Value& v) { sent_.push_back(v); }, log_) {}

  static CheckOptions options() {
    CheckOptions o;
    o.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
    return o;
  }

  /// Sends `message` and returns what the server sent back.
  std::vector<Value> send(const Value& message) {
    sent_.clear();
    std::string text;
    llvm::raw_string_ostream os(text);
    os << message;
    server_.handle(os.str());
    return sent_;
  }
  std::vector<Value> request(int id, llvm::StringRef method, Value params = Object{}) {
    return send(Object{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
  }
  std::vector<Value> notify(llvm::StringRef method, Value params = Object{}) {
    return send(Object{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }
  void initialize() {
    ASSERT_EQ(request(1, "initialize", Object{{"capabilities", Object{}}}).size(), 1u);
    notify("initialized");
  }
  std::vector<Value> open(llvm::StringRef uri, llvm::StringRef text) {
    return notify(
        "textDocument/didOpen",
        Object{{"textDocument",
                Object{{"uri", uri}, {"languageId", "sales"}, {"version", 1}, {"text", text}}}});
  }
  static std::string uri(llvm::StringRef name) {
    return uriFromPath(std::string(Dir) + "/" + name.str());
  }
  /// The diagnostics of the one publishDiagnostics in `sent`.
  static Array diagnostics(const std::vector<Value>& sent) {
    if (sent.size() != 1)
      return ADD_FAILURE() << "expected one message, got " << sent.size(), Array{};
    const Object* params = sent[0].getAsObject()->getObject("params");
    EXPECT_EQ(*sent[0].getAsObject()->getString("method"), "textDocument/publishDiagnostics");
    return *params->getArray("diagnostics");
  }
  /// The result of the one response in `sent` (null, and a failure, when it is not one).
  static Value result(const std::vector<Value>& sent) {
    const Value* r = sent.size() == 1 ? sent[0].getAsObject()->get("result") : nullptr;
    if (r)
      return *r;
    Array got;
    for (const Value& v : sent)
      got.push_back(v);
    ADD_FAILURE() << "expected one result, got " << show(got);
    return nullptr;
  }
  /// TextDocumentPositionParams.
  static Object at(llvm::StringRef uri, int line, int character) {
    return Object{{"textDocument", Object{{"uri", uri.str()}}},
                  {"position", Object{{"line", line}, {"character", character}}}};
  }
  static Value range(int l0, int c0, int l1, int c1) {
    return Object{{"start", Object{{"line", l0}, {"character", c0}}},
                  {"end", Object{{"line", l1}, {"character", c1}}}};
  }
  static Value location(llvm::StringRef uri, int line, int c0, int c1) {
    return Object{{"uri", uri.str()}, {"range", range(line, c0, line, c1)}};
  }
  static int64_t errorCode(const std::vector<Value>& sent) {
    if (sent.size() != 1)
      return 0;
    const Object* error = sent[0].getAsObject()->getObject("error");
    return error ? *error->getInteger("code") : 0;
  }

  std::string logText_;
  llvm::raw_string_ostream log_;
  std::vector<Value> sent_;
  Server server_;
};

} // namespace
} // namespace salesc::lsp

#endif // SALESC_LSP_SERVERTESTFIXTURE_H
