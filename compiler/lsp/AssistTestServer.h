//===- AssistTestServer.h - An in-process server for the assist tests ------===//
//
// Test helper (no test of its own): a Server whose messages are collected, with the
// requests of completion, code action and inlay hint tests spelt short.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_ASSISTTESTSERVER_H
#define SALESC_LSP_ASSISTTESTSERVER_H

#include "Server.h"
#include "Uri.h"

#include <gtest/gtest.h>

namespace salesc::lsp::test {

/// `v` as JSON text, for failure messages.
inline std::string show(const llvm::json::Value& v) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << v;
  return os.str();
}

/// A server over documents that exist only in the editor (their folder is not on disk).
class AssistServer : public ::testing::Test {
protected:
  AssistServer()
      : log_(logText_),
        server_(
            options(), {}, [this](const llvm::json::Value& v) { sent_.push_back(v); }, log_) {}

  static CheckOptions options() {
    CheckOptions o;
    o.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
    return o;
  }
  static std::string uri(llvm::StringRef name) {
    return uriFromPath("/nonexistent-salesc-lsp-test/" + name.str());
  }
  static llvm::json::Object position(int line, int character) {
    return llvm::json::Object{{"line", line}, {"character", character}};
  }
  static llvm::json::Object range(int l1, int c1, int l2, int c2) {
    return llvm::json::Object{{"start", position(l1, c1)}, {"end", position(l2, c2)}};
  }

  std::vector<llvm::json::Value> send(const llvm::json::Value& message) {
    sent_.clear();
    server_.handle(show(message));
    return sent_;
  }
  void initialize(llvm::json::Object initializationOptions = {}) {
    send(llvm::json::Object{{"jsonrpc", "2.0"},
                            {"id", 0},
                            {"method", "initialize"},
                            {"params", llvm::json::Object{{"capabilities", llvm::json::Object{}},
                                                          {"initializationOptions",
                                                           std::move(initializationOptions)}}}});
  }
  void notify(llvm::StringRef method, llvm::json::Value params) {
    send(llvm::json::Object{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }
  void open(llvm::StringRef name, llvm::StringRef text) {
    notify("textDocument/didOpen",
           llvm::json::Object{{"textDocument", llvm::json::Object{{"uri", uri(name)},
                                                                  {"languageId", "sales"},
                                                                  {"version", 1},
                                                                  {"text", text}}}});
  }
  /// The result of request `method` about document `name`, with `params` added; null,
  /// and a failure, when the answer is not one result.
  llvm::json::Value request(llvm::StringRef method, llvm::StringRef name,
                            llvm::json::Object params = {}) {
    params["textDocument"] = llvm::json::Object{{"uri", uri(name)}};
    std::vector<llvm::json::Value> got = send(llvm::json::Object{
        {"jsonrpc", "2.0"}, {"id", 1}, {"method", method}, {"params", std::move(params)}});
    const llvm::json::Object* reply = got.size() == 1 ? got[0].getAsObject() : nullptr;
    const llvm::json::Value* result = reply ? reply->get("result") : nullptr;
    if (!result) {
      ADD_FAILURE() << "expected one result, got " << got.size() << " messages"
                    << (got.empty() ? "" : ": " + show(got[0]));
      return nullptr;
    }
    return *result;
  }

  std::string logText_;
  llvm::raw_string_ostream log_;
  std::vector<llvm::json::Value> sent_;
  Server server_;
};

} // namespace salesc::lsp::test

#endif // SALESC_LSP_ASSISTTESTSERVER_H
