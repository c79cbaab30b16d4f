//===- ArtifactUri.cpp - File paths as the URIs of a SARIF log ------------===//
#include "ArtifactUri.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

namespace salesc::diag {

std::string percentEncode(llvm::StringRef text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (llvm::isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += c;
    else
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

namespace {

std::string absolute(llvm::StringRef path, llvm::StringRef workingDir) {
  llvm::SmallString<256> p;
  if (llvm::sys::path::is_absolute(path, llvm::sys::path::Style::posix)) {
    p = path;
  } else {
    p = workingDir;
    llvm::sys::path::append(p, llvm::sys::path::Style::posix, path);
  }
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true, llvm::sys::path::Style::posix);
  return std::string(p);
}

/// `path` relative to `folder` when it lies inside it.
llvm::Optional<llvm::StringRef> inside(llvm::StringRef path, llvm::StringRef folder) {
  if (folder.empty())
    return llvm::None;
  if (folder == "/")
    return path.drop_front();
  if (!path.consume_front(folder) || !path.consume_front("/"))
    return llvm::None;
  return path;
}

} // namespace

ArtifactUri artifactUri(llvm::StringRef path, const UriBases& bases) {
  std::string abs = absolute(path, bases.workingDir);
  if (auto rel = inside(abs, bases.stdlibRoot))
    return {percentEncode(*rel), "STDLIB"};
  if (auto rel = inside(abs, bases.srcRoot))
    return {percentEncode(*rel), "%SRCROOT%"};
  return {"file://" + percentEncode(abs), ""};
}

std::string folderUri(llvm::StringRef absoluteFolder) {
  std::string uri = "file://" + percentEncode(absoluteFolder);
  if (!llvm::StringRef(uri).endswith("/"))
    uri += '/';
  return uri;
}

} // namespace salesc::diag
