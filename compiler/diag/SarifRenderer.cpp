//===- SarifRenderer.cpp - Diagnostics as a SARIF 2.1.0 log ----------------===//
#include "Location.h"
#include "Render.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace salesc::diag {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

llvm::StringRef level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

Value region(LocationResolver& where, llvm::SMRange range) {
  Location start = where(range.Start);
  Location end = range.End.isValid() ? where(range.End) : start;
  Object r{{"startLine", start.line}, {"startColumn", start.column}};
  if (end.line) {
    r["endLine"] = end.line;
    r["endColumn"] = end.column;
  }
  return Value(std::move(r));
}

/// A file path as a SARIF URI: relative paths stay relative (to the checkout, as code
/// scanning expects); absolute ones become file:// URIs. Spaces and '%' are escaped, and
/// bytes that are not UTF-8 replaced (jsonText).
std::string uri(llvm::StringRef path) {
  std::string out = path.startswith("/") ? "file://" : "";
  for (char c : jsonText(path)) {
    if (c == ' ')
      out += "%20";
    else if (c == '%')
      out += "%25";
    else
      out += c;
  }
  return out;
}

Value physical(LocationResolver& where, llvm::SMRange range, llvm::StringRef fallbackFile) {
  Location start = where(range.Start);
  Object loc{{"artifactLocation", Object{{"uri", uri(start.line ? start.file : fallbackFile)}}}};
  if (start.line)
    loc["region"] = region(where, range);
  return Value(std::move(loc));
}

} // namespace

void renderSarif(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                 llvm::StringRef toolVersion, llvm::StringRef docsUrl) {
  Array rules;
  for (const KindInfo& k : allKinds()) {
    // GitHub's anchor for the heading "## S001 syntax-error" in docs/diagnostics.md.
    std::string anchor = (k.code + "-" + k.name).str();
    anchor = llvm::StringRef(anchor).lower();
    rules.push_back(Object{
        {"id", k.code},
        {"name", k.name},
        {"shortDescription", Object{{"text", k.summary}}},
        {"helpUri", (docsUrl + "#" + anchor).str()},
        {"defaultConfiguration", Object{{"level", level(k.severity)}}},
    });
  }
  Array results;
  LocationResolver where(sm);
  for (const Diagnostic& d : diags) {
    Object result{
        {"ruleId", kindInfo(d.kind).code},
        {"ruleIndex", static_cast<unsigned>(d.kind)},
        {"level", level(d.severity)},
        {"message", Object{{"text", jsonText(d.message)}}},
    };
    // A diagnostic about the command line has nowhere to point: no location at all.
    if (d.range.Start.isValid() || !d.file.empty())
      result["locations"] = Array{Object{{"physicalLocation", physical(where, d.range, d.file)}}};
    if (!d.notes.empty()) {
      Array related;
      unsigned id = 0;
      for (const Note& n : d.notes) {
        Object r{{"id", id++}, {"message", Object{{"text", jsonText(n.message)}}}};
        if (n.range.Start.isValid())
          r["physicalLocation"] = physical(where, n.range, "");
        related.push_back(std::move(r));
      }
      result["relatedLocations"] = std::move(related);
    }
    if (!d.fixes.empty()) {
      Array fixes;
      for (const FixIt& f : d.fixes) {
        Location start = where(f.range.Start);
        fixes.push_back(Object{
            {"description", Object{{"text", jsonText(f.message)}}},
            {"artifactChanges",
             Array{Object{
                 {"artifactLocation", Object{{"uri", uri(start.file)}}},
                 {"replacements",
                  Array{Object{{"deletedRegion", region(where, f.range)},
                               {"insertedContent", Object{{"text", jsonText(f.replacement)}}}}}},
             }}},
        });
      }
      result["fixes"] = std::move(fixes);
    }
    results.push_back(std::move(result));
  }
  Value log = Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Array{Object{
                   {"tool", Object{{"driver",
                                    Object{
                                        {"name", "salesc"},
                                        {"version", toolVersion},
                                        {"informationUri", docsUrl},
                                        {"rules", std::move(rules)},
                                    }}}},
                   {"columnKind", "unicodeCodePoints"},
                   {"results", std::move(results)},
               }}},
  };
  os << llvm::formatv("{0:2}", log) << '\n';
}

} // namespace salesc::diag
