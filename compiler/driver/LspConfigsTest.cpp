//===- LspConfigsTest.cpp - salesc lsp reads each document's .salesc.yaml, in process ===//
#include "LspConfigs.h"

#include "lsp/ServerTestFixture.h"

namespace salesc::driver {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;
using lsp::uriFromPath;

// A project that exists only in memory, over the real disk (for the standard library).
const char* Project = "/nonexistent-salesc-lsp-config";

const char* Main = "import \"lib\";\nprocess p {\n  stage a { learn pricing; next won 40%; }\n"
                   "  won won;\n  lost lost;\n}\n";

/// The server of LspServer, with each document's configuration read by LspConfigs from
/// the files added with `file` (over the disk).
class LspConfig : public lsp::LspServer {
protected:
  LspConfig()
      : memory_(new llvm::vfs::InMemoryFileSystem), configs_(load(memory_), {}, ConfigChoice{}) {
    server_.useConfigs(configs_);
  }
  static sema::LoadOptions load(llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memory) {
    sema::LoadOptions o = options();
    auto overlay =
        llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
    overlay->pushOverlay(memory);
    o.fs = overlay;
    return o;
  }
  static std::string path(llvm::StringRef name) { return std::string(Project) + "/" + name.str(); }
  static std::string uri(llvm::StringRef name) { return uriFromPath(path(name)); }
  void file(llvm::StringRef name, llvm::StringRef text) {
    memory_->addFile(path(name), 0, llvm::MemoryBuffer::getMemBufferCopy(text));
  }
  /// initialize, with a client that watches files when asked (or not).
  std::vector<Value> initializeWatching(bool watches) {
    Object caps{
        {"workspace", Object{{"didChangeWatchedFiles", Object{{"dynamicRegistration", watches}}}}}};
    request(1, "initialize", Object{{"capabilities", std::move(caps)}});
    return notify("initialized");
  }
  /// The code of each diagnostic of the one publishDiagnostics in `sent`.
  static std::vector<std::string> codes(const std::vector<Value>& sent) {
    std::vector<std::string> out;
    for (const Value& d : diagnostics(sent))
      out.push_back(d.getAsObject()->getString("code")->str());
    return out;
  }

  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memory_;
  LspConfigs configs_;
};

using Codes = std::vector<std::string>;

TEST_F(LspConfig, IncludeFoldersOfTheConfigurationAreSearched) {
  file("shared/lib.sales", "knowledge pricing \"What it costs\";\n");
  file(".salesc.yaml", "include: shared\n");
  initialize();
  EXPECT_EQ(codes(open(uri("main.sales"), Main)), Codes{});
  // Definition, references, hover and completion read the same modules.
  EXPECT_EQ(result(request(2, "textDocument/definition", at(uri("main.sales"), 2, 20))),
            location(uri("shared/lib.sales"), 0, 10, 17));
  EXPECT_EQ(result(request(3, "textDocument/references",
                           [&] {
                             Object p = at(uri("main.sales"), 2, 20);
                             p["context"] = Object{{"includeDeclaration", true}};
                             return p;
                           }())),
            Value(Array{location(uri("shared/lib.sales"), 0, 10, 17),
                        location(uri("main.sales"), 2, 18, 25)}));
  EXPECT_EQ(
      result(request(4, "textDocument/hover", at(uri("main.sales"), 2, 20))),
      Value(Object{{"contents", Object{{"kind", "markdown"},
                                       {"value", "**knowledge** `pricing`\n\nWhat it costs\n\n"
                                                 "Declared at `shared/lib.sales:1`"}}},
                   {"range", range(2, 18, 2, 25)}}));
  notify("textDocument/didChange",
         Object{{"textDocument", Object{{"uri", uri("main.sales")}, {"version", 2}}},
                {"contentChanges", Array{Object{{"range", range(0, 8, 0, 11)}, {"text", ""}}}}});
  EXPECT_EQ(
      result(request(5, "textDocument/completion", at(uri("main.sales"), 0, 8))),
      Value(Object{{"isIncomplete", false},
                   {"items", Array{Object{{"label", "lib"}, {"kind", 9}, {"detail", "module"}}}}}));
}

TEST_F(LspConfig, WithoutTheConfigurationTheImportIsNotFound) {
  file("shared/lib.sales", "knowledge pricing \"What it costs\";\n");
  initialize();
  EXPECT_EQ(codes(open(uri("main.sales"), Main)), (Codes{"S010", "N001"}));
}

TEST_F(LspConfig, TheStandardLibraryOfTheConfigurationIsRead) {
  file("vendor/std/tactics.sales",
       "category house;\ntactic house_call \"Our way\" category house;\n");
  file(".salesc.yaml", "stdlib: vendor\n");
  initialize();
  std::string text =
      "import \"std/tactics\";\nprocess p {\n  stage a { use house_call; next won 40%; }\n"
      "  won won;\n  lost lost;\n}\n";
  EXPECT_EQ(codes(open(uri("main.sales"), text)), Codes{});
  EXPECT_EQ(result(request(2, "textDocument/definition", at(uri("main.sales"), 2, 16))),
            location(uri("vendor/std/tactics.sales"), 1, 7, 17));
  // Shown as the standard library's file, and not renamed.
  EXPECT_EQ(errorCode(request(3, "textDocument/prepareRename", at(uri("main.sales"), 2, 16))),
            lsp::RequestFailed);
}

TEST_F(LspConfig, TheLevelsOfTheConfigurationApply) {
  file(".salesc.yaml", "diagnostics:\n  N008: error\n");
  initialize();
  // "spare" is declared and never used: a warning (N008), made an error here.
  Array d =
      diagnostics(open(uri("a.sales"), "knowledge spare \"Spare\";\nprocess p {\n  stage a {\n"
                                       "    time 1 day;\n    next won 40%;\n  }\n"
                                       "  won won;\n  lost lost;\n}\n"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(*d[0].getAsObject()->getString("code"), "N008");
  EXPECT_EQ(*d[0].getAsObject()->getInteger("severity"), 1);
}

TEST_F(LspConfig, AWatchingClientIsAskedToWatchAndTheChangeIsRead) {
  file("shared/lib.sales", "knowledge pricing \"What it costs\";\n");
  std::vector<Value> sent = initializeWatching(true);
  Value watch = Object{
      {"jsonrpc", "2.0"},
      {"id", "salesc-watch-configuration"},
      {"method", "client/registerCapability"},
      {"params",
       Object{
           {"registrations",
            Array{Object{{"id", "salesc-configuration-files"},
                         {"method", "workspace/didChangeWatchedFiles"},
                         {"registerOptions",
                          Object{{"watchers", Array{Object{{"globPattern", "**/.salesc.yaml"}},
                                                    Object{{"globPattern", "**/*.yaml"}},
                                                    Object{{"globPattern", "**/*.yml"}}}}}}}}}}}};
  EXPECT_EQ(sent, std::vector<Value>{watch});
  EXPECT_TRUE(
      send(Object{{"jsonrpc", "2.0"}, {"id", "salesc-watch-configuration"}, {"result", nullptr}})
          .empty());
  EXPECT_EQ(codes(open(uri("main.sales"), Main)), (Codes{"S010", "N001"}));
  // Saved on disk: the client says so, and the document is checked again.
  file(".salesc.yaml", "include: shared\n");
  Object changed{{"changes", Array{Object{{"uri", uri(".salesc.yaml")}, {"type", 1}}}}};
  EXPECT_EQ(codes(notify("workspace/didChangeWatchedFiles", Value(Object(changed)))), Codes{});
  // Nothing changed: nothing is published again.
  EXPECT_TRUE(notify("workspace/didChangeWatchedFiles", Value(Object(changed))).empty());
}

TEST_F(LspConfig, WithoutWatchingTheConfigurationIsReadAtOpenAndSave) {
  file("shared/lib.sales", "knowledge pricing \"What it costs\";\n");
  EXPECT_TRUE(initializeWatching(false).empty());
  EXPECT_EQ(codes(open(uri("main.sales"), Main)), (Codes{"S010", "N001"}));
  file(".salesc.yaml", "include: shared\n");
  EXPECT_EQ(codes(notify("textDocument/didSave",
                         Object{{"textDocument", Object{{"uri", uri("main.sales")}}}})),
            Codes{});
}

TEST_F(LspConfig, AConfigurationEditedInTheEditorIsReadAsTyped) {
  file("shared/lib.sales", "knowledge pricing \"What it costs\";\n");
  initialize();
  EXPECT_EQ(codes(open(uri("main.sales"), Main)), (Codes{"S010", "N001"}));
  // Opened: not checked as a .sales file (no diagnostics of its own), and what it says
  // applies at once: the document is checked again (the folder it names has no lib).
  std::vector<Value> sent = notify(
      "textDocument/didOpen", Object{{"textDocument", Object{{"uri", uri(".salesc.yaml")},
                                                             {"languageId", "yaml"},
                                                             {"version", 1},
                                                             {"text", "include: elsewhere\n"}}}});
  EXPECT_EQ(codes(sent), (Codes{"S010", "N001"}));
  EXPECT_EQ(*sent[0].getAsObject()->getObject("params")->getString("uri"), uri("main.sales"));
  EXPECT_EQ(
      codes(notify("textDocument/didChange",
                   Object{{"textDocument", Object{{"uri", uri(".salesc.yaml")}, {"version", 2}}},
                          {"contentChanges",
                           Array{Object{{"range", range(0, 9, 0, 18)}, {"text", "shared"}}}}})),
      Codes{});
  // Closed without saving: the disk's (none) holds again.
  EXPECT_EQ(codes(notify("textDocument/didClose",
                         Object{{"textDocument", Object{{"uri", uri(".salesc.yaml")}}}})),
            (Codes{"S010", "N001"}));
}

} // namespace
} // namespace salesc::driver
