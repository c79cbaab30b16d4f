//===- Transport.cpp - LSP base protocol: Content-Length framed messages --===//
#include "Transport.h"

#include "llvm/ADT/StringExtras.h"

#include <optional>

namespace salesc::lsp {

ReadResult readMessage(std::istream& in) {
  ReadResult r;
  std::string line;
  bool sawHeader = false;
  std::optional<size_t> length;
  std::string problem;
  while (std::getline(in, line)) {
    llvm::StringRef l(line);
    l.consume_back("\r");
    if (l.empty()) {
      if (!sawHeader)
        continue; // blank lines between messages
      break;
    }
    sawHeader = true;
    auto [name, value] = l.split(':');
    if (!name.trim().equals_insensitive("Content-Length"))
      continue; // Content-Type and any other header
    unsigned long long n = 0;
    if (value.trim().getAsInteger(10, n))
      problem = "the header '" + l.str() + "' does not give a length in bytes";
    else if (n > MaxMessageBytes)
      problem = "the header '" + l.str() + "' announces more than " +
                std::to_string(MaxMessageBytes) + " bytes";
    else
      length = size_t(n);
  }
  if (!sawHeader)
    return r; // the input ended between messages
  if (!in && !length) {
    r.problem = "the input ended inside a message's headers";
    return r;
  }
  if (!length) {
    r.status = ReadStatus::BadHeader;
    r.problem = problem.empty() ? "a message without a Content-Length header" : problem;
    return r;
  }
  r.body.resize(*length);
  in.read(r.body.data(), std::streamsize(*length));
  if (size_t(in.gcount()) != *length) {
    r.problem = "the input ended inside a message of " + std::to_string(*length) + " bytes";
    r.body.clear();
    return r;
  }
  r.status = ReadStatus::Message;
  return r;
}

void writeMessage(llvm::raw_ostream& out, const llvm::json::Value& message) {
  std::string body;
  llvm::raw_string_ostream os(body);
  os << message;
  os.flush();
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

} // namespace salesc::lsp
