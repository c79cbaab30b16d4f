//===- Server.cpp - salesc lsp: the Language Server Protocol 3.17 dispatch ===//
#include "Server.h"

#include "Importers.h"
#include "Transport.h"
#include "Uri.h"

#include "format/Format.h"

namespace salesc::lsp {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

/// The text document a request or notification is about: params.textDocument.uri.
std::optional<std::string> documentUri(const Object& params) {
  const Object* td = params.getObject("textDocument");
  auto uri = td ? td->getString("uri") : llvm::None;
  if (!uri)
    return std::nullopt;
  return uri->str();
}

/// Whether the client of `initialize`'s params registers file watchers when asked
/// (capabilities.workspace.didChangeWatchedFiles.dynamicRegistration).
bool clientCanWatchFiles(const Object* params) {
  const Object* caps = params ? params->getObject("capabilities") : nullptr;
  const Object* ws = caps ? caps->getObject("workspace") : nullptr;
  const Object* watched = ws ? ws->getObject("didChangeWatchedFiles") : nullptr;
  return watched && watched->getBoolean("dynamicRegistration").getValueOr(false);
}

llvm::Error invalidParams(const llvm::Twine& message) {
  return llvm::make_error<llvm::StringError>(message, llvm::inconvertibleErrorCode());
}

} // namespace

void Server::handle(llvm::StringRef body) {
  llvm::Expected<Value> parsed = llvm::json::parse(body);
  if (!parsed) {
    std::string why = llvm::toString(parsed.takeError());
    log_ << "salesc lsp: a message that is not JSON: " << why << '\n';
    replyError(nullptr, ParseError, "the message is not JSON: " + why);
    return;
  }
  const Object* msg = parsed->getAsObject();
  const Value* id = msg ? msg->get("id") : nullptr;
  auto method = msg ? msg->getString("method") : llvm::None;
  if (!msg || (!method && !id)) {
    replyError(nullptr, InvalidRequest, "the message is neither a request nor a notification");
    return;
  }
  if (!method)
    return; // a response to a request of ours: there are none yet
  const Value* paramsValue = msg->get("params");
  const Object* params = paramsValue ? paramsValue->getAsObject() : nullptr;
  if (id) {
    if (id->kind() != Value::Number && id->kind() != Value::String) {
      replyError(nullptr, InvalidRequest, "a request's id is a number or a string");
      return;
    }
    request(*id, *method, params);
  } else {
    notification(*method, params);
  }
}

void Server::request(const Value& id, llvm::StringRef method, const Object* params) {
  if (method == "initialize") {
    if (initialized_)
      return replyError(id, InvalidRequest, "the server is already initialized");
    initialized_ = true;
    assistSettings(params ? params->getObject("initializationOptions") : nullptr);
    clientWatches_ = clientCanWatchFiles(params);
    return reply(id, initializeResult());
  }
  if (!initialized_)
    return replyError(id, ServerNotInitialized, "'initialize' must come first");
  if (shutdown_)
    return replyError(id, InvalidRequest, "the server is shut down; only 'exit' is left");
  if (method == "shutdown") {
    shutdown_ = true;
    return reply(id, nullptr);
  }
  if (method == "textDocument/formatting") {
    if (!params)
      return replyError(id, InvalidParams, "textDocument/formatting needs params");
    llvm::Expected<Value> result = formatting(*params);
    if (!result)
      return replyError(id, InvalidParams, llvm::toString(result.takeError()));
    return reply(id, std::move(*result));
  }
  if (auto answer =
          answerNameRequest(method, params, open_, options_, warnings_, assist_, names_)) {
    if (!*answer) {
      auto [code, message] = errorReply(answer->takeError());
      return replyError(id, code, message);
    }
    return reply(id, std::move(**answer));
  }
  if (assistRequest(id, method, params))
    return;
  replyError(id, MethodNotFound, "salesc lsp does not support '" + method.str() + "'");
}

void Server::notification(llvm::StringRef method, const Object* params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_)
    return; // the specification: notifications before initialize are dropped
  if (method == "initialized")
    return watchConfigs();
  if (!params) {
    if (method.startswith("textDocument/"))
      log_ << "salesc lsp: '" << method << "' without params was ignored\n";
    return;
  }
  std::optional<std::string> uri = documentUri(*params);
  if (uri && isConfigPath(*uri) && method.startswith("textDocument/did"))
    configDocument(method, *params);
  else if (method == "textDocument/didOpen")
    didOpen(*params);
  else if (method == "textDocument/didChange")
    didChange(*params);
  else if (method == "textDocument/didClose")
    didClose(*params);
  else if (method == "textDocument/didSave")
    didSave(*params);
  else if (method == "workspace/didChangeConfiguration")
    assistSettings(params->getObject("settings"));
  else if (method == "workspace/didChangeWatchedFiles")
    reconfigure(); // only configuration files are watched
  // $/cancelRequest, $/setTrace and others need nothing
}

llvm::json::Value Server::initializeResult() const {
  Object capabilities{
      {"positionEncoding", "utf-16"},
      {"textDocumentSync", // incremental; a save may mean a new configuration
       Object{{"openClose", true}, {"change", 2}, {"save", Object{{"includeText", false}}}}},
      {"documentFormattingProvider", true}};
  addNameCapabilities(capabilities);
  addAssistCapabilities(capabilities);
  return Object{{"capabilities", std::move(capabilities)},
                {"serverInfo", Object{{"name", "salesc"}, {"version", SALESC_VERSION}}}};
}

void Server::didOpen(const Object& params) {
  const Object* td = params.getObject("textDocument");
  auto uri = td ? td->getString("uri") : llvm::None;
  auto text = td ? td->getString("text") : llvm::None;
  if (!uri || !text) {
    log_ << "salesc lsp: didOpen without a textDocument's uri and text was ignored\n";
    return;
  }
  Document doc;
  doc.uri = uri->str();
  doc.path = pathFromUri(*uri).value_or(doc.uri);
  doc.version = td->getInteger("version").getValueOr(0);
  doc.text = text->str();
  if (!clientWatches_)
    reconfigure(); // a configuration file may have changed unseen
  Document& stored = open_[doc.uri] = std::move(doc);
  publish(stored);
}

void Server::didChange(const Object& params) {
  std::optional<std::string> uri = documentUri(params);
  auto it = uri ? open_.find(*uri) : open_.end();
  const Array* changes = params.getArray("contentChanges");
  if (it == open_.end() || !changes) {
    log_ << "salesc lsp: didChange of a document that is not open, or without "
            "contentChanges, was ignored\n";
    return;
  }
  Document& doc = it->second;
  for (const Value& c : *changes) {
    const Object* change = c.getAsObject();
    auto text = change ? change->getString("text") : llvm::None;
    std::optional<Range> range;
    if (change && change->get("range") && !(range = rangeFromJson(change->get("range"))))
      text = llvm::None;
    if (!text || !applyChange(doc.text, range, *text)) {
      log_ << "salesc lsp: a change to '" << doc.uri << "' with a bad range or no text was "
           << "ignored; the document may differ from the editor's now\n";
      continue;
    }
  }
  const Object* td = params.getObject("textDocument");
  doc.version = td->getInteger("version").getValueOr(doc.version + 1);
  publish(doc);
  for (const std::string& importer : importersOf(doc.uri, open_, assist_))
    publish(open_.find(importer)->second);
}

void Server::didClose(const Object& params) {
  std::optional<std::string> uri = documentUri(params);
  if (!uri || !open_.erase(*uri))
    return;
  assist_.forget(*uri);
  send_(Object{{"jsonrpc", "2.0"},
               {"method", "textDocument/publishDiagnostics"},
               {"params", Object{{"uri", *uri}, {"diagnostics", Array{}}}}});
}

void Server::didSave(const Object& params) {
  std::optional<std::string> uri = documentUri(params);
  if (uri && open_.count(*uri) && !clientWatches_)
    reconfigure();
}

void Server::configDocument(llvm::StringRef method, const Object& params) {
  std::optional<std::string> uri = documentUri(params);
  const Object* td = params.getObject("textDocument");
  if (method == "textDocument/didOpen") {
    auto text = td->getString("text");
    if (!text)
      return;
    Document& doc = configDocs_[*uri];
    doc.uri = *uri;
    doc.path = pathFromUri(*uri).value_or(*uri);
    doc.text = text->str();
  } else if (method == "textDocument/didChange") {
    auto it = configDocs_.find(*uri);
    const Array* changes = params.getArray("contentChanges");
    if (it == configDocs_.end() || !changes)
      return;
    for (const Value& c : *changes) {
      const Object* change = c.getAsObject();
      auto text = change ? change->getString("text") : llvm::None;
      std::optional<Range> range =
          change && change->get("range") ? rangeFromJson(change->get("range")) : std::nullopt;
      if (text && (range || !change->get("range")))
        applyChange(it->second.text, range, *text);
    }
  } else if (method == "textDocument/didClose") {
    configDocs_.erase(*uri);
  }
  reconfigure();
}

void Server::reconfigure() {
  if (!configs_ || !configs_->reload(configDocs_))
    return;
  assist_.reconfigure();
  std::vector<std::string> uris;
  for (const auto& entry : open_)
    uris.push_back(entry.first().str());
  llvm::sort(uris);
  for (const std::string& uri : uris)
    publish(open_.find(uri)->second);
}

void Server::watchConfigs() {
  if (!configs_ || !clientWatches_)
    return;
  // The configuration files, and the files they extend (named as the user likes).
  Array watchers{Object{{"globPattern", "**/.salesc.yaml"}}, Object{{"globPattern", "**/*.yaml"}},
                 Object{{"globPattern", "**/*.yml"}}};
  send_(Object{
      {"jsonrpc", "2.0"},
      {"id", "salesc-watch-configuration"},
      {"method", "client/registerCapability"},
      {"params",
       Object{{"registrations",
               Array{Object{{"id", "salesc-configuration-files"},
                            {"method", "workspace/didChangeWatchedFiles"},
                            {"registerOptions", Object{{"watchers", std::move(watchers)}}}}}}}}});
}

void Server::publish(const Document& doc) {
  send_(Object{
      {"jsonrpc", "2.0"},
      {"method", "textDocument/publishDiagnostics"},
      {"params",
       Object{{"uri", doc.uri},
              {"version", doc.version},
              {"diagnostics",
               diagnosticsOf(*assist_.current(doc, open_, options_, warnings_).session, doc)}}}});
}

llvm::Expected<Value> Server::formatting(const Object& params) {
  std::optional<std::string> uri = documentUri(params);
  if (!uri)
    return invalidParams("textDocument/formatting needs params.textDocument.uri");
  auto it = open_.find(*uri);
  if (it == open_.end())
    return invalidParams("'" + *uri + "' is not open");
  const Document& doc = it->second;
  llvm::SourceMgr sm;
  diag::DiagnosticEngine diags(sm, {});
  unsigned id = sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(doc.text, doc.path), {});
  format::FormatResult r = format::formatBuffer(sm, id, diags);
  if (r.outcome == format::Outcome::SyntaxErrors) {
    logMessage(3, "'" + doc.uri + "' was not formatted: it has syntax errors; fix them first");
    return Value(nullptr);
  }
  if (r.outcome == format::Outcome::NotKept) {
    logMessage(1, "'" + doc.uri +
                      "' was not formatted: laid out, it would not keep every token "
                      "and comment (" +
                      r.problem + "); this is a bug in salesc fmt, please report it");
    return Value(nullptr);
  }
  if (r.text == doc.text)
    return Value(Array{});
  Range whole{{0, 0}, positionAt(doc.text, doc.text.size())};
  return Value(Array{Object{{"range", toJson(whole)}, {"newText", r.text}}});
}

void Server::reply(const Value& id, Value result) {
  send_(Object{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::replyError(const Value& id, int code, llvm::StringRef message) {
  send_(Object{{"jsonrpc", "2.0"},
               {"id", id},
               {"error", Object{{"code", code}, {"message", message.str()}}}});
}

void Server::logMessage(int type, llvm::StringRef message) {
  send_(Object{{"jsonrpc", "2.0"},
               {"method", "window/logMessage"},
               {"params", Object{{"type", type}, {"message", message}}}});
}

int serve(std::istream& in, llvm::raw_ostream& out, llvm::raw_ostream& log, CheckOptions options,
          diag::DiagOptions warnings, ConfigProvider* configs) {
  Server server(
      std::move(options), std::move(warnings),
      [&](const Value& message) { writeMessage(out, message); }, log);
  if (configs)
    server.useConfigs(*configs);
  while (!server.exited()) {
    ReadResult r = readMessage(in);
    if (r.status == ReadStatus::End) {
      log << "salesc lsp: the input ended before 'exit'"
          << (r.problem.empty() ? "" : " (" + r.problem + ")") << '\n';
      return 1;
    }
    if (r.status == ReadStatus::BadHeader) {
      log << "salesc lsp: " << r.problem << "; skipped\n";
      continue;
    }
    server.handle(r.body);
  }
  return server.exitCode();
}

} // namespace salesc::lsp
