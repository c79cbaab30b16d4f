//===- HtmlText.cpp - User text and data inside the report's HTML ---------===//
#include "HtmlText.h"

#include "emit/Format.h"

#include "llvm/Support/FormatVariadic.h"

namespace salesc::html {

std::string text(llvm::StringRef s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (emit::appendMarkupEntity(out, c))
      continue;
    switch (c) {
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string scriptJson(const llvm::json::Value& v) {
  std::string json = llvm::formatv("{0}", v).str();
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

std::string list(llvm::ArrayRef<std::string> items, llvm::StringRef none) {
  if (items.empty())
    return none.str();
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += i + 1 == items.size() ? " and " : ", ";
    out += text(items[i]);
  }
  return out;
}

std::string stageAnchor(llvm::StringRef name) {
  return "stage-" + name.str();
}

} // namespace salesc::html
