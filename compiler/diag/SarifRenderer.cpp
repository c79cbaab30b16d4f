//===- SarifRenderer.cpp - Diagnostics as a SARIF 2.1.0 log ----------------===//
//
// Streamed through llvm::json::OStream: memory stays at the diagnostics themselves
// however many there are (building the log as one llvm::json::Value first took 3.2 GB
// and 11 s for 100,000 diagnostics). Keys are written in sorted order, as printing a
// json::Object would, so the document reads the same as it always has.
//
//===----------------------------------------------------------------------===//
#include "Location.h"
#include "Render.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

#include <fmt/format.h>

namespace salesc::diag {
namespace {

using llvm::json::OStream;

llvm::StringRef level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

void region(OStream& j, LocationResolver& where, llvm::SMRange range) {
  Location start = where(range.Start);
  Location end = range.End.isValid() ? where(range.End) : start;
  j.object([&] {
    if (end.line) {
      j.attribute("endColumn", end.column);
      j.attribute("endLine", end.line);
    }
    j.attribute("startColumn", start.column);
    j.attribute("startLine", start.line);
  });
}

/// A file path as a SARIF URI: relative paths stay relative (to the checkout, as code
/// scanning expects); absolute ones become file:// URIs. Every byte but the unreserved
/// characters of RFC 3986 and '/' is percent-encoded, so a space, a '%', a '#' or a
/// name that is not UTF-8 makes a valid URI that decodes to the path.
std::string uri(llvm::StringRef path) {
  std::string out = path.startswith("/") ? "file://" : "";
  for (char c : path) {
    if (llvm::isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += c;
    else
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

void artifactLocation(OStream& j, llvm::StringRef file) {
  j.attributeObject("artifactLocation", [&] { j.attribute("uri", uri(file)); });
}

/// {"text": message}, the message byte for byte (rt::jsonText: a path on the command
/// line need not be UTF-8).
void text(OStream& j, llvm::StringRef key, llvm::StringRef message) {
  j.attributeObject(key, [&] { rt::jsonText(j, "text", message); });
}

void physical(OStream& j, LocationResolver& where, llvm::SMRange range,
              llvm::StringRef fallbackFile) {
  Location start = where(range.Start);
  j.object([&] {
    artifactLocation(j, start.line ? llvm::StringRef(start.file) : fallbackFile);
    if (start.line) {
      j.attributeBegin("region");
      region(j, where, range);
      j.attributeEnd();
    }
  });
}

void rule(OStream& j, const KindInfo& k, llvm::StringRef docsUrl) {
  // GitHub's anchor for the heading "## S001 syntax-error" in docs/diagnostics.md.
  std::string anchor = llvm::StringRef((k.code + "-" + k.name).str()).lower();
  j.object([&] {
    j.attributeObject("defaultConfiguration", [&] { j.attribute("level", level(k.severity)); });
    j.attribute("helpUri", (docsUrl + "#" + anchor).str());
    j.attribute("id", k.code);
    j.attribute("name", k.name);
    text(j, "shortDescription", k.summary);
  });
}

void fix(OStream& j, LocationResolver& where, const FixIt& f) {
  Location start = where(f.range.Start);
  j.object([&] {
    j.attributeArray("artifactChanges", [&] {
      j.object([&] {
        artifactLocation(j, start.file);
        j.attributeArray("replacements", [&] {
          j.object([&] {
            j.attributeBegin("deletedRegion");
            region(j, where, f.range);
            j.attributeEnd();
            text(j, "insertedContent", f.replacement);
          });
        });
      });
    });
    text(j, "description", f.message);
  });
}

void result(OStream& j, LocationResolver& where, const Diagnostic& d) {
  j.object([&] {
    if (!d.fixes.empty())
      j.attributeArray("fixes", [&] {
        for (const FixIt& f : d.fixes)
          fix(j, where, f);
      });
    j.attribute("level", level(d.severity));
    // A diagnostic about the command line has nowhere to point: no location at all.
    if (d.range.Start.isValid() || !d.file.empty())
      j.attributeArray("locations", [&] {
        j.object([&] {
          j.attributeBegin("physicalLocation");
          physical(j, where, d.range, d.file);
          j.attributeEnd();
        });
      });
    text(j, "message", d.message);
    if (!d.notes.empty())
      j.attributeArray("relatedLocations", [&] {
        unsigned id = 0;
        for (const Note& n : d.notes)
          j.object([&] {
            j.attribute("id", id++);
            text(j, "message", n.message);
            if (n.range.Start.isValid()) {
              j.attributeBegin("physicalLocation");
              physical(j, where, n.range, "");
              j.attributeEnd();
            }
          });
      });
    j.attribute("ruleId", kindInfo(d.kind).code);
    j.attribute("ruleIndex", static_cast<unsigned>(d.kind));
  });
}

} // namespace

void renderSarif(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                 llvm::StringRef toolVersion, llvm::StringRef docsUrl) {
  LocationResolver where(sm);
  OStream j(os, 2);
  j.object([&] {
    j.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    j.attributeArray("runs", [&] {
      j.object([&] {
        j.attribute("columnKind", "unicodeCodePoints");
        j.attributeArray("results", [&] {
          for (const Diagnostic& d : diags)
            result(j, where, d);
        });
        j.attributeObject("tool", [&] {
          j.attributeObject("driver", [&] {
            j.attribute("informationUri", docsUrl);
            j.attribute("name", "salesc");
            j.attributeArray("rules", [&] {
              for (const KindInfo& k : allKinds())
                rule(j, k, docsUrl);
            });
            j.attribute("version", toolVersion);
          });
        });
      });
    });
    j.attribute("version", "2.1.0");
  });
  os << '\n';
}

} // namespace salesc::diag
