//===- SarifRenderer.cpp - Diagnostics as a SARIF 2.1.0 log ----------------===//
//
// Streamed through llvm::json::OStream: memory stays at the diagnostics themselves
// however many there are (building the log as one llvm::json::Value first took 3.2 GB
// and 11 s for 100,000 diagnostics). Keys are written in sorted order, as printing a
// json::Object would. What GitHub code scanning needs of the log (and
// `sarif-multitool validate --rule-kind "Gh;Sarif"` checks, tests/sarif) is in
// docs/cli.md#sarif.
//
//===----------------------------------------------------------------------===//
#include "Location.h"
#include "Render.h"
#include "RuleHelp.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/xxhash.h"

#include <fmt/format.h>

namespace salesc::diag {
namespace {

using llvm::json::OStream;

llvm::StringRef level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

/// {"text": message}, the message byte for byte (rt::jsonText: a path on the command
/// line need not be UTF-8).
void text(OStream& j, llvm::StringRef key, llvm::StringRef message) {
  j.attributeObject(key, [&] { rt::jsonText(j, "text", message); });
}

/// A diagnostic has a place in a file: it becomes a result (the others are notifications).
bool located(const Diagnostic& d) {
  return d.range.Start.isValid();
}

/// Literal brackets and backslashes escaped, as SARIF asks of a message with links.
std::string escapeForLinks(llvm::StringRef s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

/// The message with its notes: a note with a place is a link to its related location
/// (`[the first declaration](1)`), so that viewers show it; one without is plain text.
std::string messageWithNotes(const Diagnostic& d) {
  bool links = llvm::any_of(d.notes, [](const Note& n) { return n.range.Start.isValid(); });
  if (d.notes.empty())
    return d.message;
  std::string out = (links ? escapeForLinks(d.message) : d.message) + " (";
  unsigned id = 0;
  for (const Note& n : d.notes) {
    if (&n != &d.notes.front())
      out += "; ";
    if (n.range.Start.isValid())
      out += "[" + escapeForLinks(n.message) + "](" + std::to_string(++id) + ")";
    else
      out += links ? escapeForLinks(n.message) : n.message;
  }
  return out + ")";
}

class SarifWriter {
public:
  SarifWriter(OStream& j, const llvm::SourceMgr& sm, const SarifRun& run)
      : j_(j), sm_(sm), where_(sm), run_(run) {}

  void log(llvm::ArrayRef<Diagnostic> diags);

private:
  void invocation(llvm::ArrayRef<Diagnostic> diags, size_t locatedCount);
  void notification(llvm::StringRef lvl, llvm::StringRef message, const Diagnostic* d);
  void result(const Diagnostic& d, llvm::StringRef baselineState);
  void fingerprint(const Diagnostic& d, llvm::StringRef uri);
  void artifactLocation(llvm::StringRef file);
  void region(llvm::SMRange range);
  void physical(llvm::SMRange range);
  void fix(llvm::ArrayRef<FixIt> fixes);
  void replacement(const FixIt& f);
  void rule(const KindInfo& k, const llvm::StringMap<RuleHelp>& help);
  void tool();

  OStream& j_;
  const llvm::SourceMgr& sm_;
  LocationResolver where_;
  const SarifRun& run_;
  /// How often each (file, code, line text) was met so far: the occurrence index of the
  /// fingerprints.
  llvm::StringMap<unsigned> occurrences_;
  llvm::StringRef line_;                 ///< the line of the last fingerprint
  std::string stripped_;                 ///< ... without spaces and tabs
  llvm::StringMap<uint64_t> lineHashes_; ///< ... hashed with each code met on it
};

void SarifWriter::artifactLocation(llvm::StringRef file) {
  ArtifactUri a = artifactUri(file, run_.bases);
  j_.attributeObject("artifactLocation", [&] {
    j_.attribute("uri", a.uri);
    if (!a.baseId.empty())
      j_.attribute("uriBaseId", a.baseId);
  });
}

void SarifWriter::region(llvm::SMRange range) {
  Location start = where_(range.Start);
  Location end = range.End.isValid() ? where_(range.End) : start;
  j_.attributeObject("region", [&] {
    if (end.line) {
      j_.attribute("endColumn", end.column);
      j_.attribute("endLine", end.line);
    }
    j_.attribute("startColumn", start.column);
    j_.attribute("startLine", start.line);
  });
}

void SarifWriter::physical(llvm::SMRange range) {
  Location start = where_(range.Start);
  j_.attributeObject("physicalLocation", [&] {
    artifactLocation(start.file);
    region(range);
  });
}

void SarifWriter::replacement(const FixIt& f) {
  Location start = where_(f.range.Start);
  j_.object([&] {
    j_.attributeBegin("deletedRegion");
    j_.object([&] {
      Location end = f.range.End.isValid() ? where_(f.range.End) : start;
      j_.attribute("endColumn", end.column);
      j_.attribute("endLine", end.line);
      j_.attribute("startColumn", start.column);
      j_.attribute("startLine", start.line);
    });
    j_.attributeEnd();
    text(j_, "insertedContent", f.replacement);
  });
}

/// The fix-its of one diagnostic are one edit (both quotes of a description): one SARIF
/// fix, whose changes are applied together, an artifactChanges entry per file.
void SarifWriter::fix(llvm::ArrayRef<FixIt> fixes) {
  std::vector<std::string> files;
  for (const FixIt& f : fixes)
    if (!llvm::is_contained(files, where_(f.range.Start).file))
      files.push_back(where_(f.range.Start).file);
  bool safe =
      llvm::all_of(fixes, [](const FixIt& f) { return f.applicability == Applicability::Safe; });
  j_.object([&] {
    j_.attributeArray("artifactChanges", [&] {
      for (const std::string& file : files)
        j_.object([&] {
          artifactLocation(file);
          j_.attributeArray("replacements", [&] {
            for (const FixIt& f : fixes)
              if (where_(f.range.Start).file == file)
                replacement(f);
          });
        });
    });
    text(j_, "description", fixes.front().message);
    // SARIF 2.1.0 has no field for it: a property, as tools that apply fixes read them
    // (docs/cli.md#sarif).
    j_.attributeObject("properties", [&] {
      j_.attribute("applicability",
                   applicabilityName(safe ? Applicability::Safe : Applicability::Unsafe));
    });
  });
}

/// "salesc/v1": the xxHash64 of the code and the text of the diagnostic's first line with
/// every space and tab taken out, then the how-manieth such pair it is in its file. Edits
/// elsewhere (lines added above, indentation) keep it; an edit of the line itself does not.
void SarifWriter::fingerprint(const Diagnostic& d, llvm::StringRef uri) {
  // Results come sorted: many on one long line stay one pass over it.
  const char* at = d.range.Start.getPointer();
  if (!(at >= line_.begin() && at <= line_.end())) {
    line_ = lineText(sm_, d.range.Start);
    stripped_.clear();
    for (char c : line_)
      if (c != ' ' && c != '\t')
        stripped_ += c;
    lineHashes_.clear();
  }
  llvm::StringRef code = kindInfo(d.kind).code;
  uint64_t& hash = lineHashes_[code];
  if (!hash)
    hash = llvm::xxHash64((code + "\n" + stripped_).str());
  unsigned occurrence = ++occurrences_[(uri + "\n" + llvm::utohexstr(hash)).str()];
  j_.attributeObject("partialFingerprints", [&] {
    j_.attribute("salesc/v1", fmt::format("{:016x}:{}", hash, occurrence));
  });
}

void SarifWriter::result(const Diagnostic& d, llvm::StringRef baselineState) {
  Location start = where_(d.range.Start);
  j_.object([&] {
    if (!baselineState.empty())
      j_.attribute("baselineState", baselineState);
    if (!d.fixes.empty())
      j_.attributeArray("fixes", [&] { fix(d.fixes); });
    j_.attribute("level", level(d.severity));
    j_.attributeArray("locations", [&] { j_.object([&] { physical(d.range); }); });
    text(j_, "message", messageWithNotes(d));
    fingerprint(d, artifactUri(start.file, run_.bases).uri);
    if (llvm::any_of(d.notes, [](const Note& n) { return n.range.Start.isValid(); }))
      j_.attributeArray("relatedLocations", [&] {
        unsigned id = 0;
        for (const Note& n : d.notes)
          if (n.range.Start.isValid())
            j_.object([&] {
              j_.attribute("id", ++id);
              text(j_, "message", n.message);
              physical(n.range);
            });
      });
    if (!d.processes.empty())
      j_.attributeObject("properties", [&] {
        j_.attributeArray("process", [&] {
          for (const std::string& p : d.processes)
            j_.value(p);
        });
        j_.attribute("inheritedFrom", d.inheritedFrom);
      });
    j_.attribute("ruleId", kindInfo(d.kind).code);
    j_.attribute("ruleIndex", static_cast<unsigned>(d.kind));
    if (d.suppression) // GitHub shows it as dismissed in the source, with the reason
      j_.attributeArray("suppressions", [&] {
        j_.object([&] {
          if (!d.suppression->empty())
            j_.attribute("justification", *d.suppression);
          j_.attribute("kind", "inSource");
        });
      });
  });
}

/// A notification: the command line's problems and files that could not be read (about
/// a diagnostic `d`, linked to its rule), and what the log leaves out.
void SarifWriter::notification(llvm::StringRef lvl, llvm::StringRef message, const Diagnostic* d) {
  j_.object([&] {
    if (d)
      j_.attributeObject("associatedRule", [&] {
        j_.attribute("id", kindInfo(d->kind).code);
        j_.attribute("index", static_cast<unsigned>(d->kind));
      });
    j_.attribute("level", lvl);
    if (d && !d->file.empty())
      j_.attributeArray("locations", [&] {
        j_.object(
            [&] { j_.attributeObject("physicalLocation", [&] { artifactLocation(d->file); }); });
      });
    text(j_, "message", d ? messageWithNotes(*d) : message);
  });
}

void SarifWriter::invocation(llvm::ArrayRef<Diagnostic> diags, size_t locatedCount) {
  j_.object([&] {
    j_.attribute("executionSuccessful", run_.exitCode != 2);
    j_.attribute("exitCode", run_.exitCode);
    j_.attributeArray("toolExecutionNotifications", [&] {
      if (!run_.usageError.empty())
        notification("error", run_.usageError, nullptr);
      for (const Diagnostic& d : diags)
        if (!located(d))
          notification(level(d.severity), "", &d);
      if (locatedCount > run_.maxResults)
        notification("warning",
                     fmt::format("salesc found {} problems; this log holds the first {}, as many "
                                 "as GitHub code scanning takes, and leaves out {} (run salesc "
                                 "check with --format=text or --format=json to see them all)",
                                 locatedCount, run_.maxResults, locatedCount - run_.maxResults),
                     nullptr);
    });
  });
}

void SarifWriter::rule(const KindInfo& k, const llvm::StringMap<RuleHelp>& help) {
  auto h = help.find(k.code);
  j_.object([&] {
    j_.attributeObject("defaultConfiguration", [&] { j_.attribute("level", level(k.severity)); });
    if (h != help.end()) {
      text(j_, "fullDescription", h->second.fullDescription);
      j_.attributeObject("help", [&] {
        rt::jsonText(j_, "markdown", h->second.markdown);
        rt::jsonText(j_, "text", h->second.text);
      });
    }
    j_.attribute("helpUri", helpUri(k, run_.docsUrl));
    j_.attribute("id", k.code);
    j_.attribute("name", k.name);
    text(j_, "shortDescription", k.summary);
  });
}

void SarifWriter::tool() {
  llvm::StringMap<RuleHelp> help = parseRuleHelp(diagnosticsDocs(), run_.docsUrl);
  j_.attributeObject("tool", [&] {
    j_.attributeObject("driver", [&] {
      j_.attribute("informationUri", run_.docsUrl);
      j_.attribute("name", "salesc");
      j_.attributeArray("rules", [&] {
        for (const KindInfo& k : allKinds())
          rule(k, help);
      });
      j_.attribute("semanticVersion", run_.toolVersion);
      j_.attribute("version", run_.toolVersion);
    });
  });
}

void SarifWriter::log(llvm::ArrayRef<Diagnostic> diags) {
  size_t locatedCount = llvm::count_if(diags, located);
  j_.object([&] {
    j_.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    j_.attributeArray("runs", [&] {
      j_.object([&] {
        j_.attribute("columnKind", "unicodeCodePoints");
        j_.attributeArray("invocations", [&] { invocation(diags, locatedCount); });
        j_.attributeObject("originalUriBaseIds", [&] {
          j_.attributeObject("%SRCROOT%",
                             [&] { j_.attribute("uri", folderUri(run_.bases.srcRoot)); });
          if (!run_.bases.stdlibRoot.empty())
            j_.attributeObject("STDLIB",
                               [&] { j_.attribute("uri", folderUri(run_.bases.stdlibRoot)); });
        });
        j_.attributeArray("results", [&] {
          size_t written = 0;
          for (size_t i = 0; i < diags.size(); ++i)
            if (located(diags[i]) && written++ < run_.maxResults)
              result(diags[i], i < run_.baselineStates.size() ? run_.baselineStates[i] : "");
        });
        tool();
      });
    });
    j_.attribute("version", "2.1.0");
  });
}

} // namespace

void renderSarif(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                 const SarifRun& run) {
  OStream j(os, 2);
  SarifWriter(j, sm, run).log(diags);
  os << '\n';
}

} // namespace salesc::diag
