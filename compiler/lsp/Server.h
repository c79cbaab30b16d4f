//===- Server.h - salesc lsp: the Language Server Protocol 3.17 dispatch ---===//
//
// One message in, any number out: requests are answered in the order they come, each
// change of a document publishes its diagnostics. Never stops on bad input: a message
// that is not JSON gets a ParseError response, one that is not a request an
// InvalidRequest, an unknown request MethodNotFound. See docs/lsp.md.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_SERVER_H
#define SALESC_LSP_SERVER_H

#include "AssistSnapshot.h"
#include "Diagnostics.h"
#include "Document.h"
#include "DocumentConfig.h"
#include "Requests.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <istream>

namespace salesc::lsp {

/// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
};

class Server {
public:
  /// `send` writes a message to the client; `log` is standard error.
  Server(CheckOptions options, diag::DiagOptions warnings,
         std::function<void(const llvm::json::Value&)> send, llvm::raw_ostream& log)
      : options_(std::move(options)), warnings_(std::move(warnings)), send_(std::move(send)),
        log_(log) {}

  /// Reads each document's configuration from `configs` (salesc lsp: its .salesc.yaml),
  /// not owned; without it every document is checked with the options above.
  void useConfigs(ConfigProvider& configs) {
    configs_ = &configs;
    assist_.useConfigs(&configs);
  }

  /// Handles one message's bytes.
  void handle(llvm::StringRef body);

  /// How many checks of documents were run (AssistCache::checksRun), for tests.
  unsigned checksRun() const { return assist_.checksRun(); }

  /// Whether `exit` came; then the process ends with exitCode().
  bool exited() const { return exited_; }
  /// 0 when `shutdown` came before `exit`, else 1 (as the specification says).
  int exitCode() const { return shutdown_ ? 0 : 1; }

private:
  void request(const llvm::json::Value& id, llvm::StringRef method, const llvm::json::Object* p);
  void notification(llvm::StringRef method, const llvm::json::Object* params);
  void reply(const llvm::json::Value& id, llvm::json::Value result);
  void replyError(const llvm::json::Value& id, int code, llvm::StringRef message);
  void logMessage(int type, llvm::StringRef message);

  llvm::json::Value initializeResult() const;
  void didOpen(const llvm::json::Object& params);
  void didChange(const llvm::json::Object& params);
  void didClose(const llvm::json::Object& params);
  void didSave(const llvm::json::Object& params);
  /// didOpen, didChange and didClose of a configuration file (DocumentConfig.h).
  void configDocument(llvm::StringRef method, const llvm::json::Object& params);
  /// A configuration file may have changed: reads them again and, when what they say
  /// changed, checks every open document again and publishes its diagnostics.
  void reconfigure();
  /// Asks the client to tell of changes of configuration files on disk.
  void watchConfigs();
  void publish(const Document& doc);
  /// The result of textDocument/formatting, or an error message.
  llvm::Expected<llvm::json::Value> formatting(const llvm::json::Object& params);

  /// Completion, code actions and inlay hints (AssistRequests.cpp): false when `method`
  /// is none of them.
  bool assistRequest(const llvm::json::Value& id, llvm::StringRef method,
                     const llvm::json::Object* params);
  /// initializationOptions or didChangeConfiguration's settings: `inlayHints`.
  void assistSettings(const llvm::json::Object* settings);
  static void addAssistCapabilities(llvm::json::Object& capabilities);

  CheckOptions options_;
  diag::DiagOptions warnings_;
  std::function<void(const llvm::json::Value&)> send_;
  llvm::raw_ostream& log_;
  llvm::StringMap<Document> open_;       ///< by URI
  llvm::StringMap<Document> configDocs_; ///< open configuration files, by URI
  ConfigProvider* configs_ = nullptr;
  /// The client tells of changed files (workspace/didChangeWatchedFiles, registered at
  /// `initialized`); without it configurations are read again at each open and save.
  bool clientWatches_ = false;
  IndexCache names_;       ///< for the requests about names
  AssistCache assist_;     ///< what completion, code actions and inlay hints read
  bool inlayHints_ = true; ///< the setting salesc.inlayHints
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

/// Serves on `in` and `out` (each document's configuration from `configs`, when given) until `exit`
/// or the end of the input; returns the exit status (1 when the input ended without `shutdown` and
/// `exit`).
int serve(std::istream& in, llvm::raw_ostream& out, llvm::raw_ostream& log, CheckOptions options,
          diag::DiagOptions warnings, ConfigProvider* configs = nullptr);

} // namespace salesc::lsp

#endif // SALESC_LSP_SERVER_H
