//===- CodeActions.cpp - textDocument/codeAction: fix-its and the missing otherwise ===//
#include "CodeActions.h"

#include "llvm/Support/Casting.h"

namespace salesc::lsp {

using llvm::json::Array;
using llvm::json::Object;

namespace {

bool before(Position a, Position b) {
  return a.line < b.line || (a.line == b.line && a.character < b.character);
}

/// Whether [a, b] and `r` share a position (touching counts, as editors ask at a cursor).
bool touches(Range a, Range r) {
  return !before(a.end, r.start) && !before(r.end, a.start);
}

/// The document's text and the positions of its buffer's pointers.
struct Buffer {
  const llvm::SourceMgr& sm;
  unsigned id;
  const char* base;
  llvm::StringRef text;
  size_t offset(llvm::SMLoc l) const { return size_t(l.getPointer() - base); }
  Position at(llvm::SMLoc l) const { return positionAt(text, offset(l)); }
  bool holds(llvm::SMLoc l) const { return l.isValid() && sm.FindBufferContainingLoc(l) == id; }
};

Object edit(llvm::StringRef uri, Array textEdits) {
  return Object{{"changes", Object{{uri, std::move(textEdits)}}}};
}

/// The fix-its of `d` as one quick fix, or none when some fix-it is in another file.
std::optional<Object> fixItAction(const diag::Diagnostic& d, const Buffer& b,
                                  const llvm::SourceMgr& sm, llvm::StringRef uri) {
  if (d.fixes.empty())
    return std::nullopt;
  Array edits;
  bool safe = true;
  std::string title;
  for (const diag::FixIt& f : d.fixes) {
    llvm::SMLoc end = f.range.End.isValid() ? f.range.End : f.range.Start;
    if (!b.holds(f.range.Start) || !b.holds(end))
      return std::nullopt;
    edits.push_back(Object{{"range", toJson(Range{b.at(f.range.Start), b.at(end)})},
                           {"newText", f.replacement}});
    safe &= f.applicability == diag::Applicability::Safe;
    if (title.empty())
      title = f.message;
  }
  if (title.empty())
    title = "apply the fix-it of " + diag::kindInfo(d.kind).code.str();
  Object action{{"title", title},
                {"kind", "quickfix"},
                {"diagnostics", Array{toLspDiagnostic(d, sm)}},
                {"edit", edit(uri, std::move(edits))}};
  if (safe)
    action["isPreferred"] = true;
  return action;
}

/// The process declaring stage `stage` in the root module, by the stage's name's place.
std::pair<const ast::ProcessDecl*, const ast::Stage*> stageAt(const ast::Module& m,
                                                              llvm::SMLoc name) {
  for (const auto& d : m.decls)
    if (const auto* p = llvm::dyn_cast<ast::ProcessDecl>(d.get()))
      for (const auto& s : p->stages)
        if (s->name.range.Start == name)
          return {p, s.get()};
  return {nullptr, nullptr};
}

/// The `lost` outcomes of process `p` with those it inherits (but the removed ones).
void lostOutcomes(const frontend::Unit& u, const ast::ProcessDecl& p, std::vector<std::string>& out,
                  std::vector<std::string>& removed, int depth = 0) {
  for (const ast::NameList& r : p.remove)
    for (const ast::Ident& n : r.names)
      removed.push_back(n.text.str());
  for (const ast::Outcome& o : p.outcomes)
    if (o.kind == ast::OutcomeKind::Lost && !llvm::is_contained(out, o.name.text) &&
        !llvm::is_contained(removed, o.name.text))
      out.push_back(o.name.text.str());
  if (!p.extends || depth > 8)
    return;
  for (const ast::Module* m : u.modules)
    for (const auto& d : m->decls)
      if (const auto* base = llvm::dyn_cast<ast::ProcessDecl>(d.get()))
        if (base->name.text == p.extends->text)
          return lostOutcomes(u, *base, out, removed, depth + 1);
}

/// Where `otherwise X;` goes in stage `s`: after its last `next` line, on a line of its
/// own when the stage is written over several lines; before its `}` without one.
std::pair<size_t, std::string> otherwisePlace(const ast::Stage& s, const Buffer& b) {
  size_t open = b.offset(s.name.range.End), close = b.offset(s.range.End);
  llvm::StringRef body = b.text.slice(open, close);
  size_t after = s.next.empty() ? 0 : b.offset(s.next.back().range.End);
  if (after == 0) {
    size_t brace = b.text.rfind('}', close);
    after = brace == llvm::StringRef::npos || brace < open ? close : brace;
    return {after, "otherwise "};
  }
  if (!body.contains('\n'))
    return {after, " otherwise "};
  size_t lineStart = b.text.rfind('\n', after - 1) + 1;
  llvm::StringRef line = b.text.substr(lineStart);
  std::string indent = line.take_while([](char c) { return c == ' ' || c == '\t'; }).str();
  return {after, "\n" + indent + "otherwise "};
}

void addMissingOtherwise(const diag::Diagnostic& d, const AssistSnapshot& s, const Buffer& b,
                         llvm::StringRef uri, Array& out) {
  auto [process, stage] = stageAt(*s.unit.root, d.range.Start);
  if (!stage || !b.holds(stage->range.End))
    return;
  std::vector<std::string> lost, removed;
  lostOutcomes(s.unit, *process, lost, removed);
  auto [at, lead] = otherwisePlace(*stage, b);
  const bool spaceBefore = lead.front() != '\n' && lead.front() != ' ';
  Position p = positionAt(b.text, at);
  for (const std::string& outcome : lost) {
    std::string text = lead + outcome + ";" + (spaceBefore ? " " : "");
    out.push_back(Object{
        {"title", "Add 'otherwise " + outcome + ";' to stage '" + stage->name.text.str() +
                      "': the rest go to '" + outcome + "' (changes the predictions)"},
        {"kind", "quickfix"},
        {"diagnostics", Array{toLspDiagnostic(d, s.session->sourceMgr())}},
        {"edit", edit(uri, Array{Object{{"range", toJson(Range{p, p})}, {"newText", text}}})}});
  }
}

} // namespace

Array codeActions(const AssistSnapshot& s, llvm::StringRef uri, Range range) {
  Array out;
  if (!s.unit.root)
    return out;
  const llvm::SourceMgr& sm = s.session->sourceMgr();
  const llvm::MemoryBuffer* mb = sm.getMemoryBuffer(s.rootBuffer());
  Buffer b{sm, s.rootBuffer(), mb->getBufferStart(), mb->getBuffer()};
  for (const diag::Diagnostic& d : s.session->diags().sorted()) {
    if (!b.holds(d.range.Start))
      continue;
    llvm::SMLoc end = b.holds(d.range.End) ? d.range.End : d.range.Start;
    if (!touches(Range{b.at(d.range.Start), b.at(end)}, range))
      continue;
    if (std::optional<Object> fix = fixItAction(d, b, sm, uri))
      out.push_back(std::move(*fix));
    if (d.kind == diag::DiagKind::RemainderNowhere)
      addMissingOtherwise(d, s, b, uri, out);
  }
  return out;
}

} // namespace salesc::lsp
