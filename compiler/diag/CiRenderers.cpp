//===- CiRenderers.cpp - Diagnostics as GitHub annotations and JUnit XML --===//
//
// Two formats CI systems read: GitHub Actions' workflow commands (annotations on the
// pull request) and a JUnit XML report (GitLab, Jenkins, Azure test tabs). Both name a
// file by its path relative to the source root, as the SARIF log does.
//
//===----------------------------------------------------------------------===//
#include "Location.h"
#include "Render.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

#include <map>

namespace salesc::diag {
namespace {

/// `path` relative to the source root when inside it, else as given.
std::string ciPath(llvm::StringRef path, const UriBases& bases) {
  llvm::SmallString<256> abs(path);
  if (!llvm::sys::path::is_absolute(abs)) {
    abs = bases.workingDir;
    llvm::sys::path::append(abs, path);
  }
  llvm::sys::path::remove_dots(abs, true);
  llvm::StringRef rel(abs);
  if (bases.srcRoot == "/" && rel.consume_front("/"))
    return rel.str();
  if (!bases.srcRoot.empty() && rel.consume_front(bases.srcRoot) && rel.consume_front("/"))
    return rel.str();
  return path.str();
}

/// GitHub's escaping of a workflow command's message: '%', CR and LF.
std::string escapeData(llvm::StringRef s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

/// ... and of a property value, where ':' and ',' separate too.
std::string escapeProperty(llvm::StringRef s) {
  std::string out;
  for (char c : escapeData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string placeText(LocationResolver& where, llvm::SMRange range, const UriBases& bases) {
  Location at = where(range.Start);
  return fmt::format("{}:{}:{}", ciPath(at.file, bases), at.line, at.column);
}

} // namespace

void renderGithub(llvm::raw_ostream& os, const llvm::SourceMgr& sm,
                  llvm::ArrayRef<Diagnostic> diags, const UriBases& bases) {
  LocationResolver where(sm);
  for (const Diagnostic& d : diags) {
    const KindInfo& k = kindInfo(d.kind);
    std::string props;
    if (d.range.Start.isValid()) {
      Location start = where(d.range.Start);
      Location end = d.range.End.isValid() ? where(d.range.End) : start;
      props = fmt::format("file={},line={},endLine={},col={},endColumn={},",
                          escapeProperty(ciPath(start.file, bases)), start.line, end.line,
                          start.column, end.column);
    } else if (!d.file.empty()) {
      props = "file=" + escapeProperty(ciPath(d.file, bases)) + ",";
    }
    props += "title=" + escapeProperty(k.code);
    std::string message = d.message;
    for (const Note& n : d.notes)
      message +=
          "\nnote: " + (n.range.Start.isValid() ? placeText(where, n.range, bases) + ": " : "") +
          n.message;
    os << "::" << (d.severity == Severity::Error ? "error" : "warning") << ' ' << props
       << "::" << escapeData(message) << '\n';
  }
}

namespace {

/// Text as XML 1.0 character data or an attribute value: the five special characters as
/// entities, a control character or a byte that is not UTF-8 as U+FFFD (XML cannot hold
/// them at all), line breaks kept (as &#10; in attributes, which would fold them).
std::string xml(llvm::StringRef s, bool attribute) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"' && attribute)
      out += "&quot;";
    else if ((c == '\n' || c == '\r' || c == '\t') && attribute)
      out += fmt::format("&#{};", static_cast<int>(c));
    else if (c == '\n' || c == '\r' || c == '\t')
      out += c;
    else if (unsigned n = controlCharacterLength(s.drop_front(i))) {
      out += "\xEF\xBF\xBD";
      i += n;
      continue;
    } else if (unsigned n = rt::utf8Length(s.drop_front(i))) {
      out += s.substr(i, n).str();
      i += n;
      continue;
    } else {
      out += "\xEF\xBF\xBD";
    }
    ++i;
  }
  return out;
}

struct Suite {
  std::vector<const Diagnostic*> diags;
};

} // namespace

void renderJunit(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                 llvm::ArrayRef<std::string> checkedFiles, const UriBases& bases) {
  LocationResolver where(sm);
  // One suite per file: the files checked, in the order given, then any other file a
  // diagnostic is about (an import), then "salesc" for the command line.
  std::vector<std::string> order;
  std::map<std::string, Suite> suites;
  auto suiteOf = [&](const std::string& name) -> Suite& {
    auto [it, added] = suites.try_emplace(name);
    if (added)
      order.push_back(name);
    return it->second;
  };
  for (const std::string& f : checkedFiles)
    suiteOf(ciPath(f, bases));
  for (const Diagnostic& d : diags) {
    std::string file = d.range.Start.isValid() ? where(d.range.Start).file : d.file;
    suiteOf(file.empty() ? "salesc" : ciPath(file, bases)).diags.push_back(&d);
  }
  size_t tests = 0, failures = 0;
  for (auto& [name, s] : suites) {
    tests += s.diags.empty() ? 1 : s.diags.size();
    for (const Diagnostic* d : s.diags)
      failures += d->severity == Severity::Error;
  }
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  os << fmt::format("<testsuites name=\"salesc\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                    tests, failures);
  for (const std::string& name : order) {
    const Suite& s = suites[name];
    size_t suiteFailures = 0;
    for (const Diagnostic* d : s.diags)
      suiteFailures += d->severity == Severity::Error;
    os << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
                      "skipped=\"0\">\n",
                      xml(name, true), s.diags.empty() ? 1 : s.diags.size(), suiteFailures);
    if (s.diags.empty())
      os << fmt::format("    <testcase classname=\"{}\" name=\"salesc check\" file=\"{}\"/>\n",
                        xml(name, true), xml(name, true));
    for (const Diagnostic* d : s.diags) {
      const KindInfo& k = kindInfo(d->kind);
      Location at = where(d->range.Start);
      std::string caseName =
          at.line ? fmt::format("{} {}:{}", k.code, at.line, at.column) : k.code.str();
      std::string lineAttr = at.line ? fmt::format(" line=\"{}\"", at.line) : "";
      os << fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\"{}>\n",
                        xml(name, true), xml(caseName, true), xml(name, true), lineAttr);
      std::string body = at.line ? fmt::format("{}:{}:{}: ", name, at.line, at.column) : "";
      body += severityName(d->severity).str() + ": " + d->message + " [" + k.code.str() + "]";
      for (const Note& n : d->notes)
        body += "\n" + (n.range.Start.isValid() ? placeText(where, n.range, bases) + ": " : "") +
                "note: " + n.message;
      if (d->severity == Severity::Error)
        os << fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                          xml(k.code, true), xml(d->message, true), xml(body, false));
      else
        os << fmt::format("      <system-out>{}</system-out>\n", xml(body, false));
      os << "    </testcase>\n";
    }
    os << "  </testsuite>\n";
  }
  os << "</testsuites>\n";
}

} // namespace salesc::diag
