//===- RuleHelp.cpp - Each diagnostic's help, from docs/diagnostics.md ----===//
#include "RuleHelp.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace salesc::diag {

llvm::StringRef diagnosticsDocs() {
  static const char Docs[] =
#include "DiagnosticsDocs.inc"
      ;
  return llvm::StringRef(Docs, sizeof Docs - 1);
}

namespace {

/// `[label](target)` links whose target is relative made absolute: `#anchor` against the
/// page, `other.md#anchor` against the page's folder.
std::string absoluteLinks(llvm::StringRef markdown, llvm::StringRef docsUrl) {
  llvm::StringRef folder = docsUrl.substr(0, docsUrl.rfind('/') + 1);
  std::string out;
  for (size_t at; (at = markdown.find("](")) != llvm::StringRef::npos;) {
    out += markdown.substr(0, at + 2).str();
    markdown = markdown.drop_front(at + 2);
    if (markdown.startswith("#"))
      out += docsUrl.str();
    else if (!markdown.startswith("http:") && !markdown.startswith("https:"))
      out += folder.str();
  }
  return out + markdown.str();
}

/// Markdown as plain text: no `**`, and links as their label followed by the target.
std::string plainText(llvm::StringRef markdown) {
  std::string out;
  for (size_t i = 0; i < markdown.size(); ++i) {
    if (markdown.substr(i).startswith("**")) {
      ++i;
      continue;
    }
    if (markdown[i] == '[') {
      size_t close = markdown.find("](", i);
      size_t end = close == llvm::StringRef::npos ? close : markdown.find(')', close);
      if (end != llvm::StringRef::npos &&
          markdown.substr(i, close - i).find('\n') == llvm::StringRef::npos) {
        out += markdown.substr(i + 1, close - i - 1).str();
        out += " (" + markdown.substr(close + 2, end - close - 2).str() + ")";
        i = end;
        continue;
      }
    }
    out += markdown[i];
  }
  return out;
}

/// The first paragraph, without its bold lead-in ("**Error.** ") and joined on one line.
std::string firstParagraph(llvm::StringRef section) {
  llvm::StringRef para = section.substr(0, section.find("\n\n")).trim();
  if (para.startswith("**")) {
    size_t end = para.find("**", 2);
    if (end != llvm::StringRef::npos)
      para = para.drop_front(end + 2).ltrim();
  }
  llvm::SmallVector<llvm::StringRef, 8> lines;
  para.split(lines, '\n');
  return plainText(llvm::join(lines, " "));
}

} // namespace

llvm::StringMap<RuleHelp> parseRuleHelp(llvm::StringRef docs, llvm::StringRef docsUrl) {
  llvm::StringMap<RuleHelp> out;
  std::string code; // of the section being read; empty outside one
  std::string body;
  bool inFence = false;
  auto finish = [&] {
    if (!code.empty()) {
      llvm::StringRef section = llvm::StringRef(body).trim();
      RuleHelp& help = out[code];
      help.fullDescription = firstParagraph(section);
      help.markdown = absoluteLinks(section, docsUrl);
      help.text = plainText(section);
    }
    code.clear();
    body.clear();
  };
  while (!docs.empty()) {
    llvm::StringRef line;
    std::tie(line, docs) = docs.split('\n');
    if (line.startswith("```"))
      inFence = !inFence;
    if (!inFence && line.startswith("# ")) { // a group's heading ends the section before it
      finish();
      continue;
    }
    if (!inFence && line.startswith("## ")) {
      finish();
      llvm::StringRef heading = line.drop_front(3);
      llvm::StringRef first = heading.substr(0, heading.find(' '));
      // "## N001 unknown-name": a capital letter and three digits.
      if (first.size() == 4 && first[0] >= 'A' && first[0] <= 'Z' &&
          llvm::all_of(first.drop_front(), llvm::isDigit))
        code = first.str();
      continue;
    }
    if (!code.empty())
      body += line.str() + "\n";
  }
  finish();
  return out;
}

std::string helpUri(const KindInfo& kind, llvm::StringRef docsUrl) {
  return docsUrl.str() + "#" + llvm::StringRef((kind.code + "-" + kind.name).str()).lower();
}

} // namespace salesc::diag
