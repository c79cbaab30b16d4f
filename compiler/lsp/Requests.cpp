//===- Requests.cpp - The requests about names: hover, go to, rename, outline ===//
#include "Requests.h"

#include "Hover.h"
#include "Navigation.h"
#include "Server.h"
#include "Symbols.h"

namespace salesc::lsp {

char RequestError::ID;

using llvm::json::Object;
using llvm::json::Value;

namespace {

llvm::Error invalid(const llvm::Twine& message) {
  return llvm::make_error<RequestError>(InvalidParams, message.str());
}

/// params.textDocument.uri, which must be open.
llvm::Expected<std::string> openUri(llvm::StringRef method, const Object& params,
                                    const llvm::StringMap<Document>& open) {
  const Object* td = params.getObject("textDocument");
  auto uri = td ? td->getString("uri") : llvm::None;
  if (!uri)
    return invalid(method + " needs params.textDocument.uri");
  if (!open.count(*uri))
    return invalid("'" + *uri + "' is not open");
  return uri->str();
}

} // namespace

std::pair<int, std::string> errorReply(llvm::Error e) {
  std::pair<int, std::string> out{InvalidParams, ""};
  llvm::handleAllErrors(
      std::move(e),
      [&](const RequestError& r) {
        out = {r.code, r.message};
      },
      [&](const llvm::ErrorInfoBase& other) { out.second = other.message(); });
  return out;
}

const Index& IndexCache::get(const llvm::StringMap<Document>& open, const CheckOptions& options,
                             const diag::DiagOptions& warnings, AssistCache& assist) {
  Index::Checks checks = assist.all(open, options, warnings);
  std::vector<const AssistSnapshot*> key;
  for (const auto& entry : checks)
    key.push_back(entry.second.get());
  if (!index_ || key != key_) {
    index_ = std::make_unique<Index>(std::move(checks));
    key_ = std::move(key);
  }
  return *index_;
}

void addNameCapabilities(Object& capabilities) {
  capabilities["hoverProvider"] = true;
  capabilities["definitionProvider"] = true;
  capabilities["referencesProvider"] = true;
  capabilities["renameProvider"] = Object{{"prepareProvider", true}};
  capabilities["documentSymbolProvider"] = true;
  capabilities["foldingRangeProvider"] = true;
}

std::optional<llvm::Expected<Value>> answerNameRequest(llvm::StringRef method, const Object* params,
                                                       const llvm::StringMap<Document>& open,
                                                       const CheckOptions& options,
                                                       const diag::DiagOptions& warnings,
                                                       AssistCache& assist, IndexCache& cache) {
  static const llvm::StringRef methods[] = {
      "textDocument/hover",         "textDocument/definition", "textDocument/references",
      "textDocument/prepareRename", "textDocument/rename",     "textDocument/documentSymbol",
      "textDocument/foldingRange"};
  if (!llvm::is_contained(methods, method))
    return std::nullopt;
  if (!params)
    return llvm::Expected<Value>(invalid(method + " needs params"));
  llvm::Expected<std::string> uri = openUri(method, *params, open);
  if (!uri)
    return llvm::Expected<Value>(uri.takeError());
  const Index& index = cache.get(open, options, warnings, assist);
  if (method == "textDocument/documentSymbol")
    return llvm::Expected<Value>(documentSymbols(index, *uri));
  if (method == "textDocument/foldingRange")
    return llvm::Expected<Value>(foldingRanges(index, open.find(*uri)->second));
  std::optional<Position> at = positionFromJson(params->get("position"));
  if (!at)
    return llvm::Expected<Value>(invalid(method + " needs params.position"));
  if (method == "textDocument/hover")
    return llvm::Expected<Value>(hover(index, *uri, *at));
  if (method == "textDocument/definition")
    return llvm::Expected<Value>(definition(index, *uri, *at));
  if (method == "textDocument/references") {
    const Object* context = params->getObject("context");
    bool withDeclaration = context && context->getBoolean("includeDeclaration").getValueOr(false);
    return llvm::Expected<Value>(references(index, *uri, *at, withDeclaration));
  }
  if (method == "textDocument/prepareRename")
    return prepareRename(index, *uri, *at);
  auto newName = params->getString("newName");
  if (!newName)
    return llvm::Expected<Value>(invalid("textDocument/rename needs params.newName"));
  return rename(index, *uri, *at, *newName);
}

} // namespace salesc::lsp
