//===- LspConfigs.cpp - salesc lsp reads each document's .salesc.yaml as check does ===//
#include "LspConfigs.h"

#include "FrontEnd.h"

#include "llvm/Support/Path.h"

namespace salesc::driver {

namespace {

/// Whether two configurations say the same to a check (baseline and max-warnings are for
/// `check`'s summary, not for the diagnostics of one file).
bool sameForCheck(const EffectiveConfig& a, const EffectiveConfig& b) {
  return a.files == b.files && a.levels == b.levels && a.include == b.include &&
         a.stdlib == b.stdlib;
}

} // namespace

LspConfigs::LspConfigs(sema::LoadOptions load, diag::DiagOptions warnings, ConfigChoice choice)
    : load_(std::move(load)), warnings_(std::move(warnings)), choice_(std::move(choice)),
      now_(std::make_shared<Reading>(load_.fs, choice_)) {}

lsp::DocumentOptions LspConfigs::optionsFor(llvm::StringRef path) {
  lsp::DocumentOptions out{load_, warnings_};
  std::shared_ptr<Reading> reading = now_;
  out.warnings.levelFor = [reading](diag::DiagKind kind, llvm::StringRef file) {
    if (!file.empty())
      reading->asked.insert(file.str());
    return reading->set.levelFor(kind, file);
  };
  if (!llvm::sys::path::is_absolute(path)) // an untitled document has no folder
    return out;
  reading->asked.insert(path.str());
  applyConfig(out.load, reading->set.forRun({path.str()}));
  return out;
}

bool LspConfigs::reload(const llvm::StringMap<lsp::Document>& openConfigs) {
  auto next = std::make_shared<Reading>(lsp::overlayOpenDocuments(load_.fs, openConfigs), choice_);
  next->asked = now_->asked;
  bool changed = false;
  for (const std::string& file : next->asked)
    changed |= !sameForCheck(now_->set.forFile(file), next->set.forFile(file));
  now_ = std::move(next);
  return changed;
}

} // namespace salesc::driver
