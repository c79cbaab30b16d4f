//===- InlayHints.cpp - textDocument/inlayHint: each stage's predictions --===//
#include "InlayHints.h"

#include "salesc/runtime/Format.h"

#include "llvm/Support/Casting.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::lsp {

namespace {

bool before(Position a, Position b) {
  return a.line < b.line || (a.line == b.line && a.character < b.character);
}

/// The checked process of `name` declared in the checked file, or none.
std::optional<size_t> modelIndex(const sema::CheckedModel& m, llvm::StringRef name) {
  for (size_t i : m.rootProcesses)
    if (m.processes[i].process.name == name)
      return i;
  return std::nullopt;
}

} // namespace

std::string stageHint(double winProbability, double daysToWin) {
  // As `salesc analyze` prints its stage table: rt::percent, and days with two decimals.
  if (winProbability <= 0 || std::isnan(daysToWin))
    return rt::percent(winProbability) + " win · never wins";
  return fmt::format("{} win · {:.2f} days to win", rt::percent(winProbability), daysToWin);
}

llvm::json::Array inlayHints(const AssistSnapshot& s, std::optional<Range> range) {
  llvm::json::Array out;
  if (!s.unit.root || s.unit.syntaxErrors)
    return out;
  const llvm::SourceMgr& sm = s.session->sourceMgr();
  const char* base = sm.getMemoryBuffer(s.rootBuffer())->getBufferStart();
  for (const auto& d : s.unit.root->decls) {
    const auto* p = llvm::dyn_cast<ast::ProcessDecl>(d.get());
    std::optional<size_t> index = p ? modelIndex(s.unit.model, p->name.text) : std::nullopt;
    if (!index)
      continue;
    llvm::Expected<rt::Analysis> a = sema::analysisOf(s.unit.model, *index);
    if (!a) {
      llvm::consumeError(a.takeError());
      continue;
    }
    const rt::Process& process = s.unit.model.processes[*index].process;
    for (const auto& stage : p->stages) {
      auto state = llvm::find_if(process.states,
                                 [&](const rt::State& st) { return st.name == stage->name.text; });
      if (state == process.states.end())
        continue;
      size_t i = size_t(state - process.states.begin());
      Position at = positionAt(s.text, size_t(stage->name.range.End.getPointer() - base));
      if (range && (before(at, range->start) || before(range->end, at)))
        continue;
      out.push_back(
          llvm::json::Object{{"position", toJson(at)},
                             {"label", stageHint(a->winProbability[i], a->expectedDaysToWin[i])},
                             {"paddingLeft", true}});
    }
  }
  return out;
}

} // namespace salesc::lsp
