//===- Expectations.cpp - Diagnostics a test file says it should produce --===//
#include "Expectations.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <map>
#include <regex>
#include <tuple>

namespace salesc::testing {

namespace {
const std::regex& pattern() {
  static const std::regex re(
      R"(//\s*expect-(error|warning|note|fix)(@([+-]\d+))?(\s+([A-Z]\d{3}))?:\s?(.*)$)");
  return re;
}
} // namespace

bool Expectation::operator<(const Expectation& o) const {
  return std::tie(line, severity, code, message) < std::tie(o.line, o.severity, o.code, o.message);
}

std::string Expectation::str() const {
  std::string s = std::to_string(line) + ": " + severity;
  if (!code.empty())
    s += " " + code;
  return s + ": " + message;
}

std::vector<Expectation> parseExpectations(llvm::StringRef text, std::vector<std::string>& errors) {
  std::vector<Expectation> out;
  llvm::SmallVector<llvm::StringRef, 0> lines;
  text.split(lines, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i].rtrim("\r").str();
    size_t at = line.find("expect-");
    if (at == std::string::npos || line.find("//") == std::string::npos)
      continue;
    std::smatch m;
    std::string tail = line.substr(line.rfind("//", at));
    if (!std::regex_search(tail, m, pattern())) {
      errors.push_back("line " + std::to_string(i + 1) + ": malformed expectation: " + tail);
      continue;
    }
    Expectation e;
    e.severity = m[1];
    int offset = m[3].matched ? std::stoi(m[3]) : 0;
    e.line = static_cast<unsigned>(static_cast<int>(i + 1) + offset);
    e.code = m[5].matched ? std::string(m[5]) : "";
    e.message = m[6];
    if (e.severity != "note" && e.severity != "fix" && e.code.empty())
      errors.push_back("line " + std::to_string(i + 1) +
                       ": an expected error or warning needs "
                       "its code");
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string rewriteExpectations(llvm::StringRef text, std::vector<Expectation> actual) {
  llvm::SmallVector<llvm::StringRef, 0> lines;
  text.split(lines, '\n');
  // Keep the code; drop expectation lines and trailing expectation comments, and
  // remember which new line each old line became.
  std::vector<std::string> kept;
  std::map<unsigned, unsigned> oldToKept;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i].str();
    size_t at = line.find("// expect-");
    if (at != std::string::npos) {
      std::string before = llvm::StringRef(line).substr(0, at).rtrim().str();
      if (before.empty())
        continue;
      line = before;
    }
    oldToKept[i + 1] = kept.size();
    kept.push_back(line);
  }
  std::map<unsigned, std::vector<Expectation>> byLine;
  std::sort(actual.begin(), actual.end());
  for (const Expectation& e : actual)
    byLine[oldToKept.count(e.line) ? oldToKept[e.line] : kept.size() - 1].push_back(e);
  std::string out;
  for (unsigned k = 0; k < kept.size(); ++k) {
    auto it = byLine.find(k);
    if (it != byLine.end()) {
      std::string indent = kept[k].substr(0, kept[k].find_first_not_of(" \t"));
      if (indent.size() == kept[k].size())
        indent.clear();
      size_t n = it->second.size();
      for (size_t j = 0; j < n; ++j) {
        const Expectation& e = it->second[j];
        out += indent + "// expect-" + e.severity + "@+" + std::to_string(n - j);
        if (!e.code.empty())
          out += " " + e.code;
        out += ": " + e.message + "\n";
      }
    }
    out += kept[k];
    if (k + 1 < kept.size())
      out += "\n";
  }
  return out;
}

} // namespace salesc::testing
