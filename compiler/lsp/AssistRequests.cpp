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

namespace {

/// Whether a completion request was sent only because a space was typed in a line's
/// indentation: editors send one for every space typed there, and a list of statements
/// popping up while indenting is in the way (Ctrl+Space still asks for it).
bool spaceInIndentation(const Object& params, llvm::StringRef text, Position pos) {
  const Object* context = params.getObject("context");
  if (!context || context->getInteger("triggerKind").getValueOr(0) != 2 ||
      context->getString("triggerCharacter").getValueOr("") != " ")
    return false;
  size_t start = 0;
  for (unsigned line = 0; line < pos.line; ++line) {
    start = text.find('\n', start);
    if (start == llvm::StringRef::npos)
      return false;
    ++start;
  }
  // Blanks are one UTF-16 unit each: any other character before the cursor ends it.
  llvm::StringRef before = text.substr(start, pos.character);
  return before.size() == pos.character && before.find_first_not_of(" \t") == llvm::StringRef::npos;
}

} // namespace

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
    if (spaceInIndentation(*params, doc.text, *pos))
      return reply(id, Object{{"isIncomplete", false}, {"items", llvm::json::Array{}}}), true;
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
