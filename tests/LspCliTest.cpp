//===- LspCliTest.cpp - salesc lsp as an editor runs it: a child process --===//
//
// A scripted client: the messages an editor sends for a session (initialize, open a
// file with an error, fix it, format it, shut down, exit) framed on the standard input
// of the salesc binary; what it writes back is read frame by frame.
//
//===----------------------------------------------------------------------===//
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include "CliFixture.h"

#include <gtest/gtest.h>

namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;
using salesc::testing::CliFixture;
using salesc::testing::RunResult;

using Lsp = CliFixture;

std::string frame(const Value& message) {
  std::string body;
  llvm::raw_string_ostream os(body);
  os << message;
  os.flush();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

/// The messages of `out`, each checked to be framed as the base protocol says.
std::vector<Value> unframe(llvm::StringRef out) {
  std::vector<Value> messages;
  while (!out.empty()) {
    if (!out.consume_front("Content-Length: ")) {
      ADD_FAILURE() << "not a header: " << out.str();
      break;
    }
    size_t length = 0;
    size_t digits = out.find("\r\n\r\n");
    if (digits == llvm::StringRef::npos || out.take_front(digits).getAsInteger(10, length)) {
      ADD_FAILURE() << "bad header: " << out.str();
      break;
    }
    out = out.drop_front(digits + 4);
    llvm::Expected<Value> v = llvm::json::parse(out.take_front(length));
    if (!v) {
      ADD_FAILURE() << llvm::toString(v.takeError());
      break;
    }
    messages.push_back(std::move(*v));
    out = out.drop_front(length);
  }
  return messages;
}

Object request(int id, llvm::StringRef method, Value params) {
  return Object{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

Object notification(llvm::StringRef method, Value params) {
  return Object{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

TEST_F(Lsp, ASessionFromInitializeToExit) {
  // "120%": the stage sends more prospects on than it has.
  std::string text = "process p {\nstage a { time 1 day;   next won 120%; }\n"
                     "won won; lost lost; }\n";
  std::string path = write("deal.sales", text);
  std::string uri = "file://" + path;
  std::string in =
      frame(request(1, "initialize", Object{{"processId", nullptr}, {"capabilities", Object{}}})) +
      frame(notification("initialized", Object{})) +
      frame(notification(
          "textDocument/didOpen",
          Object{
              {"textDocument",
               Object{{"uri", uri}, {"languageId", "sales"}, {"version", 1}, {"text", text}}}})) +
      frame(notification(
          "textDocument/didChange",
          Object{{"textDocument", Object{{"uri", uri}, {"version", 2}}},
                 {"contentChanges",
                  Array{Object{{"range", Object{{"start", Object{{"line", 1}, {"character", 33}}},
                                                {"end", Object{{"line", 1}, {"character", 34}}}}},
                               {"text", ""}}}}})) +
      "Content-Length: 9\r\n\r\n{garbage}" +
      frame(request(2, "textDocument/formatting",
                    Object{{"textDocument", Object{{"uri", uri}}},
                           {"options", Object{{"tabSize", 2}, {"insertSpaces", true}}}})) +
      frame(request(3, "shutdown", nullptr)) + frame(notification("exit", nullptr));
  write("client.txt", in);
  RunResult r = shell("\"$SALESC\" lsp < \"$DIR/client.txt\"");
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<Value> got = unframe(r.out);
  ASSERT_EQ(got.size(), 6u) << r.out;

  const Object* caps = got[0].getAsObject()->getObject("result")->getObject("capabilities");
  ASSERT_TRUE(caps) << r.out;
  EXPECT_EQ(*caps->getObject("textDocumentSync")->getInteger("change"), 2);

  const Object* opened = got[1].getAsObject()->getObject("params");
  EXPECT_EQ(*opened->getString("uri"), uri);
  ASSERT_FALSE(opened->getArray("diagnostics")->empty()) << r.out;
  const Object& d = *opened->getArray("diagnostics")->front().getAsObject();
  EXPECT_EQ(*d.getInteger("severity"), 1);
  EXPECT_TRUE(d.getObject("codeDescription")->getString("href")->contains("/diagnostics.md#"));

  const Object* fixed = got[2].getAsObject()->getObject("params");
  EXPECT_EQ(*fixed->getInteger("version"), 2);
  EXPECT_EQ(*fixed->getArray("diagnostics"), Array{}) << r.out;

  EXPECT_EQ(*got[3].getAsObject()->getObject("error")->getInteger("code"), -32700);

  const Array* edits = got[4].getAsObject()->getArray("result");
  ASSERT_TRUE(edits && edits->size() == 1) << r.out;
  EXPECT_EQ(*edits->front().getAsObject()->getString("newText"),
            "process p {\n  stage a {\n    time 1 day;\n    next won 20%;\n  }\n  won won;\n"
            "  lost lost;\n}\n");

  EXPECT_EQ(*got[5].getAsObject(), (Object{{"jsonrpc", "2.0"}, {"id", 3}, {"result", nullptr}}));
}

TEST_F(Lsp, TheInputEndingWithoutExitIsStatusOne) {
  RunResult r = shell("printf 'Content-Length: 5\\r\\n\\r\\nnull\\n' | \"$SALESC\" lsp");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(unframe(r.out).size(), 1u) << "null is an invalid request: " << r.out;
  EXPECT_NE(r.err.find("the input ended before 'exit'"), std::string::npos) << r.err;
}

} // namespace
