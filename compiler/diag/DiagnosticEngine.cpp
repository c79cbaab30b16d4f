//===- DiagnosticEngine.cpp - Collects diagnostics for one run ------------===//
#include "DiagnosticEngine.h"
#include "Location.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <functional>

namespace salesc::diag {

DiagBuilder& DiagBuilder::note(llvm::SMRange range, std::string message) {
  if (d_)
    d_->notes.push_back(Note{std::move(message), range});
  return *this;
}

DiagBuilder& DiagBuilder::fix(llvm::SMRange range, std::string replacement, std::string message,
                              Applicability applicability) {
  if (d_)
    d_->fixes.push_back(FixIt{std::move(message), std::move(replacement), range, applicability});
  return *this;
}

namespace {

bool contains(llvm::SMRange r, llvm::SMLoc at) {
  std::less_equal<const char*> le;
  return r.isValid() && at.isValid() && le(r.Start.getPointer(), at.getPointer()) &&
         le(at.getPointer(), r.End.getPointer());
}

/// "'a'", "'a' and 'b'", "'a', 'b' and 'c'".
std::string quotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i)
      out += i + 1 == names.size() ? " and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

std::string inheritedMessage(const Diagnostic& d, llvm::StringRef message) {
  return (d.processes.size() == 1 ? "in process " : "in processes ") + quotedList(d.processes) +
         " (from '" + d.inheritedFrom + "'): " + message.str();
}

} // namespace

DiagBuilder DiagnosticEngine::record(DiagKind kind, llvm::SMRange range, std::string file,
                                     std::string message) {
  if (kindInfo(kind).severity == Severity::Error)
    ++errorReports_; // as the run's engine counts them (ErrorTrap)
  RecordedReport r;
  r.d.kind = kind;
  r.d.severity = kindInfo(kind).severity;
  r.d.range = range;
  r.d.file = std::move(file);
  r.d.message = std::move(message);
  if (process_)
    r.process = *process_;
  recorded_.push_back(std::move(r));
  return DiagBuilder(&recorded_.back().d);
}

void DiagnosticEngine::replay(std::deque<RecordedReport>& reports) {
  for (RecordedReport& r : reports) {
    std::optional<InheritedScope> scope;
    if (r.process)
      scope.emplace(*this, *r.process);
    DiagBuilder b = r.d.file.empty() ? report(r.d.kind, r.d.range, std::move(r.d.message))
                                     : reportFile(r.d.kind, r.d.file, std::move(r.d.message));
    for (Note& n : r.d.notes)
      b.note(n.range, std::move(n.message));
    for (FixIt& f : r.d.fixes)
      b.fix(f.range, std::move(f.replacement), std::move(f.message), f.applicability);
  }
}

DiagBuilder DiagnosticEngine::report(DiagKind kind, llvm::SMRange range, std::string message) {
  if (recording_)
    return record(kind, range, "", std::move(message));
  if (process_ && !contains(process_->own, range.Start))
    for (const auto& [block, name] : process_->bases)
      if (contains(block, range.Start))
        return addInherited(kind, range, std::move(message));
  // The base says the same of itself: its own diagnostic stands for the inherited one.
  auto same = sameAsBase_.find(std::make_tuple(static_cast<unsigned>(kind),
                                               range.Start.getPointer(), std::string(), message));
  if (same != sameAsBase_.end()) {
    Diagnostic& d = *same->second;
    d.message = message;
    d.processes.clear();
    d.inheritedFrom.clear();
    sameAsBase_.erase(same);
    if (kindInfo(kind).severity == Severity::Error)
      ++errorReports_;
    seen_.insert(std::make_tuple(static_cast<unsigned>(kind), range.Start.getPointer(),
                                 std::string(), std::move(message)));
    return DiagBuilder(nullptr);
  }
  return add(kind, range, "", std::move(message));
}

DiagBuilder DiagnosticEngine::addInherited(DiagKind kind, llvm::SMRange range,
                                           std::string message) {
  std::string base;
  for (const auto& [block, name] : process_->bases)
    if (contains(block, range.Start)) {
      base = name;
      break;
    }
  auto plain = std::make_tuple(static_cast<unsigned>(kind), range.Start.getPointer(), std::string(),
                               message);
  if (seen_.count(plain)) { // the base said it of itself already
    if (kindInfo(kind).severity == Severity::Error)
      ++errorReports_;
    return DiagBuilder(nullptr);
  }
  auto key = std::make_tuple(static_cast<unsigned>(kind), range.Start.getPointer(), base, message);
  auto it = inherited_.find(key);
  if (it != inherited_.end()) {
    if (kindInfo(kind).severity == Severity::Error)
      ++errorReports_;
    Diagnostic& d = *it->second;
    if (llvm::find(d.processes, process_->name) == d.processes.end()) {
      d.processes.push_back(process_->name);
      d.message = inheritedMessage(d, message);
    }
    return DiagBuilder(nullptr);
  }
  Diagnostic probe;
  probe.processes = {process_->name};
  probe.inheritedFrom = base;
  DiagBuilder b = add(kind, range, "", inheritedMessage(probe, message));
  if (b.d_) {
    b.d_->processes = std::move(probe.processes);
    b.d_->inheritedFrom = std::move(base);
    inherited_[key] = b.d_;
    sameAsBase_[plain] = b.d_;
  }
  return b;
}

DiagBuilder DiagnosticEngine::reportFile(DiagKind kind, llvm::StringRef file, std::string message) {
  if (recording_)
    return record(kind, llvm::SMRange(), file.str(), std::move(message));
  return add(kind, llvm::SMRange(), file.str(), std::move(message));
}

DiagBuilder DiagnosticEngine::add(DiagKind kind, llvm::SMRange range, std::string file,
                                  std::string message) {
  const KindInfo& info = kindInfo(kind);
  Severity severity = info.severity;
  if (severity == Severity::Warning) {
    if (options_.disabled.count(info.name))
      return DiagBuilder(nullptr);
    std::optional<Level> level;
    if (options_.levelFor)
      level = options_.levelFor(kind, file.empty() ? bufferName(range) : file);
    if (level == Level::Off)
      return DiagBuilder(nullptr);
    if (level == Level::Error || options_.warningsAsErrors)
      severity = Severity::Error;
    else if (options_.errorsOnly)
      return DiagBuilder(nullptr);
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

std::string DiagnosticEngine::bufferName(llvm::SMRange range) const {
  if (range.Start.isValid())
    if (unsigned id = sm_.FindBufferContainingLoc(range.Start))
      return sm_.getMemoryBuffer(id)->getBufferIdentifier().str();
  return "";
}

std::string DiagnosticEngine::fileOf(const Diagnostic& d) const {
  return d.file.empty() ? bufferName(d.range) : d.file;
}

void DiagnosticEngine::suppress(
    const std::function<std::optional<std::string>(const Diagnostic&)>& reason) {
  for (const auto& d : diags_) {
    if (d->suppression)
      continue;
    d->suppression = reason(*d);
    if (!d->suppression)
      continue;
    --(d->severity == Severity::Error ? errors_ : warnings_);
    ++suppressed_;
  }
}

std::vector<Diagnostic> DiagnosticEngine::sorted(bool withSuppressed) const {
  // By file name, then by place in the file: within one buffer, byte order is line
  // and column order, so nothing needs resolving (resolving every diagnostic is
  // quadratic on a long line full of mistakes).
  struct Keyed {
    std::string file;
    const char* at;
    const Diagnostic* d;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(diags_.size());
  for (const auto& d : diags_)
    if (withSuppressed || !d->suppression)
      keyed.push_back({fileOf(*d), d->range.Start.getPointer(), d.get()});
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.file != b.file)
      return a.file < b.file;
    if (a.at != b.at)
      return std::less<const char*>()(a.at, b.at);
    return kindInfo(a.d->kind).code < kindInfo(b.d->kind).code;
  });
  std::vector<Diagnostic> out;
  out.reserve(keyed.size());
  for (const Keyed& k : keyed)
    out.push_back(*k.d);
  return out;
}

} // namespace salesc::diag
