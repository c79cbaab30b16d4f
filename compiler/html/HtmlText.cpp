//===- HtmlText.cpp - User text and data inside the report's HTML ---------===//
#include "HtmlText.h"

#include "emit/Format.h"

#include "llvm/Support/FormatVariadic.h"

namespace salesc::html {

std::string text(llvm::StringRef s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (!emit::appendAttributeEntity(out, c))
      out += c;
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

std::string chartFigure(llvm::StringRef name, llvm::StringRef title, llvm::StringRef empty,
                        std::optional<llvm::json::Object> spec) {
  const std::string id = "chart-" + name.str();
  std::string out = "<figure class=\"chart\" id=\"figure-" + name.str() + "\">\n";
  if (!spec)
    return out + "<h3>" + text(title) + "</h3>\n<p class=\"empty\">" + text(empty) +
           "</p>\n</figure>\n";
  return out + "<div id=\"" + id + "\" class=\"vega\"></div>\n<script type=\"application/json\" " +
         "data-chart=\"" + id + "\">" + scriptJson(llvm::json::Value(std::move(*spec))) +
         "</script>\n</figure>\n";
}

std::string cell(const std::string& html, bool number) {
  return number ? "<td class=\"num\">" + html + "</td>" : "<td>" + html + "</td>";
}

std::string header(std::initializer_list<const char*> columns) {
  std::string out = "<tr>";
  for (const char* c : columns)
    out += std::string("<th>") + c + "</th>";
  return out + "</tr>\n";
}

std::string section(llvm::StringRef id, llvm::StringRef title, llvm::StringRef intro,
                    const std::string& body) {
  return "<section id=\"" + id.str() + "\">\n<h2>" + text(title) + "</h2>\n" +
         (intro.empty() ? "" : "<p>" + text(intro) + "</p>\n") + body + "</section>\n";
}

} // namespace salesc::html
