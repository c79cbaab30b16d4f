//===- ServerTest.cpp - salesc lsp's dispatch, in process -----------------===//
#include "ServerTestFixture.h"

namespace salesc::lsp {
namespace {

// As salesc fmt lays it out.
const char* Clean = "process p {\n  stage a {\n    time 1 day;\n    next won 40%;\n  }\n"
                    "  won won;\n  lost lost;\n}\n";

TEST_F(LspServer, Lifecycle) {
  EXPECT_EQ(errorCode(request(1, "shutdown")), ServerNotInitialized);
  std::vector<Value> init = request(2, "initialize", Object{{"capabilities", Object{}}});
  ASSERT_EQ(init.size(), 1u);
  const Object* caps = init[0].getAsObject()->getObject("result")->getObject("capabilities");
  EXPECT_EQ(*caps->getObject("textDocumentSync")->getInteger("change"), 2) << "incremental";
  EXPECT_EQ(*caps->getBoolean("documentFormattingProvider"), true);
  EXPECT_EQ(errorCode(request(3, "initialize")), InvalidRequest);
  EXPECT_TRUE(notify("initialized").empty());
  EXPECT_EQ(errorCode(request(4, "textDocument/typeDefinition")), MethodNotFound);
  EXPECT_TRUE(notify("$/cancelRequest", Object{{"id", 4}}).empty());
  std::vector<Value> down = request(5, "shutdown");
  ASSERT_EQ(down.size(), 1u);
  EXPECT_EQ(*down[0].getAsObject(), (Object{{"jsonrpc", "2.0"}, {"id", 5}, {"result", nullptr}}));
  EXPECT_EQ(errorCode(request(6, "textDocument/formatting")), InvalidRequest);
  EXPECT_FALSE(server_.exited());
  notify("exit");
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exitCode(), 0);
}

TEST_F(LspServer, ExitWithoutShutdownIsStatusOne) {
  initialize();
  notify("exit");
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exitCode(), 1);
}

TEST_F(LspServer, BadMessagesGetErrorsNotACrash) {
  sent_.clear();
  server_.handle("{not json");
  ASSERT_EQ(sent_.size(), 1u);
  EXPECT_EQ(*sent_[0].getAsObject()->getObject("error")->getInteger("code"), ParseError);
  EXPECT_EQ(sent_[0].getAsObject()->get("id")->kind(), Value::Null);
  EXPECT_EQ(errorCode(send(Array{1, 2})), InvalidRequest);
  EXPECT_EQ(errorCode(send(Object{{"jsonrpc", "2.0"}, {"id", Array{}}, {"method", "x"}})),
            InvalidRequest);
  initialize();
  EXPECT_EQ(errorCode(request(7, "textDocument/formatting", Object{})), InvalidParams);
  EXPECT_EQ(errorCode(request(8, "textDocument/formatting",
                              Object{{"textDocument", Object{{"uri", uri("closed.sales")}}}})),
            InvalidParams);
  EXPECT_TRUE(notify("textDocument/didChange", Object{{"textDocument", 3}}).empty());
  EXPECT_TRUE(notify("textDocument/didOpen", Object{}).empty());
  EXPECT_NE(logText_.find("didOpen without"), std::string::npos) << logText_;
}

TEST_F(LspServer, DiagnosticsFollowIncrementalEditsAndClearOnClose) {
  initialize();
  // "pricing" is declared and never used; "120%" leaves the stage with too much.
  std::string text = "knowledge pricing \"Price é😀\";\n" + std::string(Clean);
  Array first = diagnostics(open(uri("a.sales"), text));
  ASSERT_EQ(first.size(), 1u) << show(first);
  const Object& unused = *first[0].getAsObject();
  EXPECT_EQ(*unused.getString("code"), "N008");
  EXPECT_EQ(*unused.getString("source"), "salesc");
  EXPECT_EQ(*unused.getInteger("severity"), 2);
  EXPECT_EQ(*unused.getObject("codeDescription")->getString("href"),
            "https://github.com/salesc/salesc/blob/main/docs/diagnostics.md"
            "#n008-unused-declaration");
  EXPECT_EQ(*unused.getArray("tags"), (Array{1}));
  EXPECT_EQ(*unused.getObject("range")->getObject("start"),
            (Object{{"line", 0}, {"character", 10}}));

  // An edit after the non-ASCII text, in UTF-16 units: "40%" -> "140%" on line 4.
  std::vector<Value> changed = notify(
      "textDocument/didChange",
      Object{{"textDocument", Object{{"uri", uri("a.sales")}, {"version", 2}}},
             {"contentChanges",
              Array{Object{{"range", Object{{"start", Object{{"line", 4}, {"character", 13}}},
                                            {"end", Object{{"line", 4}, {"character", 13}}}}},
                           {"text", "1"}}}}});
  Array second = diagnostics(changed);
  EXPECT_EQ(*changed[0].getAsObject()->getObject("params")->getInteger("version"), 2);
  bool error = false;
  for (const Value& d : second)
    error |= d.getAsObject()->getInteger("severity").getValueOr(0) == 1;
  EXPECT_TRUE(error) << show(second);

  // Replace the whole first line (its emoji counts two units) by a comment: clean.
  Array third = diagnostics(notify(
      "textDocument/didChange",
      Object{{"textDocument", Object{{"uri", uri("a.sales")}, {"version", 3}}},
             {"contentChanges",
              Array{Object{{"range", Object{{"start", Object{{"line", 0}, {"character", 0}}},
                                            {"end", Object{{"line", 0}, {"character", 30}}}}},
                           {"text", "// the price"}},
                    Object{{"range", Object{{"start", Object{{"line", 4}, {"character", 13}}},
                                            {"end", Object{{"line", 4}, {"character", 14}}}}},
                           {"text", ""}}}}}));
  EXPECT_TRUE(third.empty()) << show(third);

  Array closed = diagnostics(
      notify("textDocument/didClose", Object{{"textDocument", Object{{"uri", uri("a.sales")}}}}));
  EXPECT_TRUE(closed.empty());
}

TEST_F(LspServer, AnOpenDocumentShadowsTheDiskForImports) {
  initialize();
  open(uri("lib.sales"), "knowledge pricing \"Price\";\n");
  std::string user = "import \"lib\";\nprocess p {\n  stage a { learn pricing; next won 40%; }\n"
                     "  won won;\n  lost lost;\n}\n";
  EXPECT_TRUE(diagnostics(open(uri("user.sales"), user)).empty());
  std::string misspelt = user;
  misspelt.replace(misspelt.find("learn pricing"), 13, "learn pricng");
  Array unknown = diagnostics(open(uri("user2.sales"), misspelt));
  ASSERT_FALSE(unknown.empty());
  EXPECT_EQ(*unknown[0].getAsObject()->getInteger("severity"), 1);
}

TEST_F(LspServer, Formatting) {
  initialize();
  open(uri("messy.sales"), "process p {\nstage a { time 1 day;   next won 40%; }\n"
                           "won won; lost lost; }\n");
  std::vector<Value> edits =
      request(9, "textDocument/formatting",
              Object{{"textDocument", Object{{"uri", uri("messy.sales")}}},
                     {"options", Object{{"tabSize", 2}, {"insertSpaces", true}}}});
  ASSERT_EQ(edits.size(), 1u);
  const Array& result = *edits[0].getAsObject()->getArray("result");
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(*result[0].getAsObject()->getObject("range"),
            (Object{{"start", Object{{"line", 0}, {"character", 0}}},
                    {"end", Object{{"line", 3}, {"character", 0}}}}));
  EXPECT_EQ(*result[0].getAsObject()->getString("newText"), Clean);

  open(uri("clean.sales"), Clean);
  std::vector<Value> none = request(10, "textDocument/formatting",
                                    Object{{"textDocument", Object{{"uri", uri("clean.sales")}}}});
  EXPECT_EQ(*none[0].getAsObject()->getArray("result"), Array{});

  open(uri("broken.sales"), "process p {\n  stage a { next won 40% }\n}\n");
  std::vector<Value> refused =
      request(11, "textDocument/formatting",
              Object{{"textDocument", Object{{"uri", uri("broken.sales")}}}});
  ASSERT_EQ(refused.size(), 2u) << "a log message, then no edits";
  EXPECT_EQ(*refused[0].getAsObject()->getString("method"), "window/logMessage");
  EXPECT_EQ(refused[1].getAsObject()->get("result")->kind(), Value::Null);
}

} // namespace
} // namespace salesc::lsp

namespace salesc::lsp {
namespace {

TEST(LspServerOptions, WarningsTurnedOffAreNotPublished) {
  diag::DiagOptions warnings;
  warnings.disabled.insert("unused-declaration");
  std::vector<llvm::json::Value> sent;
  std::string log;
  llvm::raw_string_ostream os(log);
  CheckOptions options;
  options.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
  Server server(
      options, warnings, [&](const llvm::json::Value& v) { sent.push_back(v); }, os);
  server.handle(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  server.handle(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":)"
                R"({"uri":"untitled:1","languageId":"sales","version":1,"text":)"
                R"("knowledge pricing \"Price\";\n"}}})");
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(*sent[1].getAsObject()->getObject("params")->getArray("diagnostics"),
            llvm::json::Array{});
}

} // namespace
} // namespace salesc::lsp
