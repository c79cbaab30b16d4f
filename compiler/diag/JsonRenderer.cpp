//===- JsonRenderer.cpp - Diagnostics as one JSON document ----------------===//
#include "Location.h"
#include "Render.h"

#include "llvm/Support/JSON.h"

namespace salesc::diag {
namespace {

/// Writes "file", "line", "column" (and the end when `withEnd`) of a range.
void place(llvm::json::OStream& j, LocationResolver& where, llvm::SMRange range,
           llvm::StringRef fallbackFile, bool withEnd) {
  Location start = where(range.Start);
  rt::jsonText(j, "file", start.line ? llvm::StringRef(start.file) : fallbackFile);
  j.attribute("line", start.line);
  j.attribute("column", start.column);
  if (!withEnd)
    return;
  Location end = range.End.isValid() ? where(range.End) : start;
  j.attribute("end_line", end.line);
  j.attribute("end_column", end.column);
}

} // namespace

void renderJson(llvm::raw_ostream& os, const llvm::SourceMgr& sm, llvm::ArrayRef<Diagnostic> diags,
                unsigned errors, unsigned warnings) {
  LocationResolver where(sm);
  llvm::json::OStream j(os);
  j.object([&] {
    j.attribute("version", 1);
    j.attributeArray("diagnostics", [&] {
      for (const Diagnostic& d : diags) {
        j.object([&] {
          j.attribute("severity", severityName(d.severity));
          j.attribute("code", kindInfo(d.kind).code);
          j.attribute("name", kindInfo(d.kind).name);
          rt::jsonText(j, "message", d.message);
          place(j, where, d.range, d.file, true);
          j.attributeArray("notes", [&] {
            for (const Note& n : d.notes)
              j.object([&] {
                rt::jsonText(j, "message", n.message);
                place(j, where, n.range, "", false);
              });
          });
          j.attributeArray("fixes", [&] {
            for (const FixIt& f : d.fixes)
              j.object([&] {
                rt::jsonText(j, "message", f.message);
                rt::jsonText(j, "replacement", f.replacement);
                place(j, where, f.range, "", true);
                j.attribute("applicability", applicabilityName(f.applicability));
              });
          });
          if (!d.processes.empty()) {
            j.attributeArray("process", [&] {
              for (const std::string& p : d.processes)
                j.value(p);
            });
            j.attribute("inheritedFrom", d.inheritedFrom);
          }
        });
      }
    });
    j.attribute("errors", errors);
    j.attribute("warnings", warnings);
  });
  os << '\n';
}

} // namespace salesc::diag
