//===- Uri.cpp - file: URIs and the paths they name -----------------------===//
#include "Uri.h"

#include "llvm/ADT/StringExtras.h"

namespace salesc::lsp {

std::optional<std::string> pathFromUri(llvm::StringRef uri) {
  if (!uri.consume_front("file://"))
    return std::nullopt;
  if (!uri.startswith("/")) {
    size_t slash = uri.find('/');
    if (slash == llvm::StringRef::npos || !uri.take_front(slash).equals_insensitive("localhost"))
      return std::nullopt;
    uri = uri.drop_front(slash);
  }
  std::string path;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '%') {
      path += uri[i];
      continue;
    }
    unsigned byte = 0;
    if (i + 2 >= uri.size() || uri.substr(i + 1, 2).getAsInteger(16, byte))
      return std::nullopt;
    path += char(byte);
    i += 2;
  }
  if (path.empty() || path.find('\0') != std::string::npos)
    return std::nullopt;
  return path;
}

std::string uriFromPath(llvm::StringRef path) {
  std::string uri = "file://";
  for (unsigned char c : path) {
    if (llvm::isAlnum(c) || llvm::StringRef("/-._~").contains(c))
      uri += char(c);
    else
      uri += {'%', llvm::hexdigit(c >> 4), llvm::hexdigit(c & 15)};
  }
  return uri;
}

} // namespace salesc::lsp
