//===- DiagnosticEngine.cpp - Collects diagnostics for one run ------------===//
#include "DiagnosticEngine.h"
#include "Location.h"

#include <algorithm>

namespace salesc::diag {

DiagBuilder& DiagBuilder::note(llvm::SMRange range, std::string message) {
  if (d_)
    d_->notes.push_back(Note{std::move(message), range});
  return *this;
}

DiagBuilder& DiagBuilder::fix(llvm::SMRange range, std::string replacement,
                              std::string message) {
  if (d_)
    d_->fixes.push_back(FixIt{std::move(message), std::move(replacement), range});
  return *this;
}

DiagBuilder DiagnosticEngine::report(DiagKind kind, llvm::SMRange range, std::string message) {
  return add(kind, range, "", std::move(message));
}

DiagBuilder DiagnosticEngine::reportFile(DiagKind kind, llvm::StringRef file,
                                         std::string message) {
  return add(kind, llvm::SMRange(), file.str(), std::move(message));
}

DiagBuilder DiagnosticEngine::add(DiagKind kind, llvm::SMRange range, std::string file,
                                  std::string message) {
  const KindInfo& info = kindInfo(kind);
  Severity severity = info.severity;
  if (severity == Severity::Warning) {
    if (options_.disabled.count(info.name))
      return DiagBuilder(nullptr);
    if (options_.warningsAsErrors)
      severity = Severity::Error;
  }
  if (info.severity == Severity::Error)
    ++errorReports_; // by kind: -Werror must not change which checks run
  auto key = std::make_tuple(static_cast<unsigned>(kind), range.Start.getPointer(), file, message);
  if (!seen_.insert(key).second)
    return DiagBuilder(nullptr);
  (severity == Severity::Error ? errors_ : warnings_)++;
  diags_.push_back(std::make_unique<Diagnostic>(
      Diagnostic{kind, severity, std::move(message), range, std::move(file), {}, {}}));
  return DiagBuilder(diags_.back().get());
}

std::vector<Diagnostic> DiagnosticEngine::sorted() const {
  struct Keyed {
    std::string file;
    unsigned line, column;
    const Diagnostic* d;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(diags_.size());
  for (const auto& d : diags_) {
    Location loc = resolve(sm_, d->range.Start);
    keyed.push_back({d->file.empty() ? loc.file : d->file, loc.line, loc.column, d.get()});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.file, a.line, a.column, kindInfo(a.d->kind).code) <
           std::tie(b.file, b.line, b.column, kindInfo(b.d->kind).code);
  });
  std::vector<Diagnostic> out;
  out.reserve(keyed.size());
  for (const Keyed& k : keyed)
    out.push_back(*k.d);
  return out;
}

} // namespace salesc::diag
