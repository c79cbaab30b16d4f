//===- Requests.h - The requests about names: hover, go to, rename, outline -===//
//
// textDocument/hover, definition, references, prepareRename, rename, documentSymbol
// and foldingRange. Each is answered from an Index of the checks of the open documents
// current texts (those that gave their diagnostics), so an answer always reflects the
// texts the editor has. See docs/lsp.md.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_REQUESTS_H
#define SALESC_LSP_REQUESTS_H

#include "Diagnostics.h"
#include "Document.h"
#include "Index.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <utility>

namespace salesc::lsp {

/// A request answered with a JSON-RPC error: its code and message.
class RequestError : public llvm::ErrorInfo<RequestError> {
public:
  static char ID;
  RequestError(int code, std::string message) : code(code), message(std::move(message)) {}
  void log(llvm::raw_ostream& os) const override { os << message; }
  std::error_code convertToErrorCode() const override { return llvm::inconvertibleErrorCode(); }

  int code;
  std::string message;
};

/// The code and message to answer an error with: a RequestError's, else InvalidParams
/// with the error's text.
std::pair<int, std::string> errorReply(llvm::Error e);

/// The capabilities these requests add to the answer to `initialize`.
void addNameCapabilities(llvm::json::Object& capabilities);

/// The Index of the open documents, built again from their checks (`assist`) when one of
/// them was checked again since the last request: it compiles nothing itself.
class IndexCache {
public:
  const Index& get(const llvm::StringMap<Document>& open, const CheckOptions& options,
                   const diag::DiagOptions& warnings, AssistCache& assist);

private:
  std::vector<const AssistSnapshot*> key_; ///< the checks indexed (the Index keeps them)
  std::unique_ptr<Index> index_;
};

/// The answer to `method` when it is one of the requests above (an error when `params`
/// are missing or wrong, or the request is refused), else none.
std::optional<llvm::Expected<llvm::json::Value>>
answerNameRequest(llvm::StringRef method, const llvm::json::Object* params,
                  const llvm::StringMap<Document>& open, const CheckOptions& options,
                  const diag::DiagOptions& warnings, AssistCache& assist, IndexCache& cache);

} // namespace salesc::lsp

#endif // SALESC_LSP_REQUESTS_H
