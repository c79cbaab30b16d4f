//===- AssistRequests.cpp - The server's completion, code actions and inlay hints ===//
//
// The requests that help write a document, answered from its snapshots (AssistSnapshot),
// and the settings that turn the inlay hints off. Server.cpp dispatches to them.
//
//===----------------------------------------------------------------------===//
#include "CodeActions.h"
#include "Completion.h"
#include "InlayHints.h"
#include "Server.h"

namespace salesc::lsp {

using llvm::json::Object;
using llvm::json::Value;

void Server::addAssistCapabilities(Object& capabilities) {
  capabilities["completionProvider"] =
      Object{{"triggerCharacters", llvm::json::Array{" ", ",", "\"", "/"}}};
  capabilities["codeActionProvider"] = Object{{"codeActionKinds", llvm::json::Array{"quickfix"}}};
  capabilities["inlayHintProvider"] = true;
}

void Server::assistSettings(const Object* settings) {
  if (!settings)
    return;
  // initializationOptions: {"inlayHints": false}; didChangeConfiguration's settings:
  // {"salesc": {"inlayHints": false}} (or the dotted key, as some clients send it).
  if (auto on = settings->getBoolean("inlayHints"))
    inlayHints_ = *on;
  if (auto on = settings->getBoolean("salesc.inlayHints"))
    inlayHints_ = *on;
  if (const Object* salesc = settings->getObject("salesc"))
    if (auto on = salesc->getBoolean("inlayHints"))
      inlayHints_ = *on;
}

bool Server::assistRequest(const Value& id, llvm::StringRef method, const Object* params) {
  if (method != "textDocument/completion" && method != "textDocument/codeAction" &&
      method != "textDocument/inlayHint")
    return false;
  const Object* td = params ? params->getObject("textDocument") : nullptr;
  auto uri = td ? td->getString("uri") : llvm::None;
  if (!uri) {
    replyError(id, InvalidParams, method.str() + " needs params.textDocument.uri");
    return true;
  }
  auto it = open_.find(*uri);
  if (it == open_.end()) {
    replyError(id, InvalidParams, "'" + uri->str() + "' is not open");
    return true;
  }
  const Document& doc = it->second;
  if (method == "textDocument/completion") {
    std::optional<Position> pos = positionFromJson(params->get("position"));
    if (!pos)
      return replyError(id, InvalidParams, "textDocument/completion needs params.position"), true;
    reply(id, completion(doc, *pos, assist_.lastParsed(doc, open_, options_, warnings_)));
    return true;
  }
  std::optional<Range> range = rangeFromJson(params->get("range"));
  if (method == "textDocument/codeAction") {
    if (!range)
      return replyError(id, InvalidParams, "textDocument/codeAction needs params.range"), true;
    reply(id, codeActions(assist_.current(doc, open_, options_, warnings_), doc.uri, *range));
    return true;
  }
  if (!inlayHints_)
    return reply(id, llvm::json::Array{}), true;
  reply(id, inlayHints(assist_.current(doc, open_, options_, warnings_), range));
  return true;
}

} // namespace salesc::lsp
