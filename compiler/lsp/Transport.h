//===- Transport.h - LSP base protocol: Content-Length framed messages ----===//
//
// Each message is a header block (`Content-Length: N`, optionally `Content-Type`, each
// line ended by \r\n) then an empty line and N bytes of JSON. See docs/lsp.md.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_TRANSPORT_H
#define SALESC_LSP_TRANSPORT_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <istream>
#include <string>

namespace salesc::lsp {

enum class ReadStatus {
  Message,   ///< `body` holds one message's bytes
  End,       ///< the input ended (`problem` says so when it ended inside a message)
  BadHeader, ///< a header block without a usable Content-Length: `problem` says why
};

struct ReadResult {
  ReadStatus status = ReadStatus::End;
  std::string body;
  std::string problem;
};

/// The largest message read (a bigger Content-Length is a bad header, not an allocation).
constexpr size_t MaxMessageBytes = 64u << 20;

/// Reads the next message from `in`.
ReadResult readMessage(std::istream& in);

/// Writes `message` framed, and flushes `out`.
void writeMessage(llvm::raw_ostream& out, const llvm::json::Value& message);

} // namespace salesc::lsp

#endif // SALESC_LSP_TRANSPORT_H
