//===- Symbols.cpp - A document's outline and its folding ranges ----------===//
#include "Symbols.h"

#include "format/Elements.h"

#include <functional>

namespace salesc::lsp {

using llvm::json::Array;
using llvm::json::Object;

namespace {

/// LSP SymbolKind of each kind of declaration.
int symbolKind(ast::DeclKind kind) {
  switch (kind) {
  case ast::DeclKind::Channel:
    return 11; // Interface
  case ast::DeclKind::Offering:
    return 23; // Struct
  case ast::DeclKind::Knowledge:
    return 14; // Constant
  case ast::DeclKind::Literature:
    return 1; // File
  case ast::DeclKind::Tool:
    return 19; // Object
  case ast::DeclKind::Category:
    return 10; // Enum
  case ast::DeclKind::Tactic:
    return 12; // Function
  case ast::DeclKind::Brand:
    return 3; // Namespace
  case ast::DeclKind::Process:
    return 5; // Class
  case ast::DeclKind::Role:
    return 13; // Variable
  case ast::DeclKind::Team:
    return 4; // Package
  case ast::DeclKind::Campaign:
    return 24; // Event
  }
  return 13;
}
constexpr int StageKind = 6;    // Method
constexpr int OutcomeKind = 22; // EnumMember
constexpr int SegmentKind = 18; // Array

class Outline {
public:
  explicit Outline(const Index& index) : index_(index) {}

  Object symbol(const ast::Ident& name, llvm::StringRef detail, int kind, llvm::SMRange range) {
    if (!range.Start.isValid() || !range.End.isValid())
      range = name.range;
    return Object{{"name", name.text},
                  {"detail", detail},
                  {"kind", kind},
                  {"range", toJson(index_.rangeOf(range))},
                  {"selectionRange", toJson(index_.rangeOf(name.range))}};
  }

  /// The stages, outcomes and segments a process (or a segment's block) declares.
  Array members(const ast::ProcessDecl& p) {
    Array out;
    for (const auto& s : p.stages)
      out.push_back(symbol(s->name, "stage", StageKind, s->range));
    for (const ast::Outcome& o : p.outcomes)
      out.push_back(
          symbol(o.name, o.kind == ast::OutcomeKind::Won ? "won" : "lost", OutcomeKind, o.range));
    for (const auto& g : p.segments) {
      Object seg = symbol(g->name, "segment", SegmentKind, g->range);
      if (g->body)
        if (Array inner = members(*g->body); !inner.empty())
          seg["children"] = std::move(inner);
      out.push_back(std::move(seg));
    }
    return out;
  }

private:
  const Index& index_;
};

/// Lines `from` to `to` as a FoldingRange, when they are two or more.
void fold(Array& out, unsigned from, unsigned to, const char* kind = nullptr) {
  if (to <= from)
    return;
  Object r{{"startLine", from}, {"endLine", to}};
  if (kind)
    r["kind"] = kind;
  out.push_back(std::move(r));
}

/// Runs of line comments, each on its own line, and block comments over several lines.
void foldComments(Array& out, llvm::StringRef text) {
  llvm::Expected<format::SourceElements> split = format::splitElements(text);
  if (!split) {
    llvm::consumeError(split.takeError());
    return;
  }
  const std::vector<format::Element>& elements = split->elements;
  auto line = [&](const char* at) { return positionAt(text, size_t(at - text.data())).line; };
  std::optional<unsigned> runStart;
  unsigned runEnd = 0;
  for (size_t i = 0; i < elements.size(); ++i) {
    const format::Element& e = elements[i];
    bool ownLine = e.kind == format::ElementKind::LineComment && format::startsLine(elements, i);
    if (runStart && !(ownLine && e.newlinesBefore == 1)) {
      fold(out, *runStart, runEnd, "comment");
      runStart.reset();
    }
    if (ownLine) {
      if (!runStart)
        runStart = line(e.text.begin());
      runEnd = line(e.text.begin());
    } else if (e.kind == format::ElementKind::BlockComment) {
      fold(out, line(e.text.begin()), line(e.text.end() - 1), "comment");
    }
  }
  if (runStart)
    fold(out, *runStart, runEnd, "comment");
}

} // namespace

llvm::json::Value documentSymbols(const Index& index, llvm::StringRef uri) {
  const frontend::Unit* unit = index.unit(uri);
  Array out;
  if (!unit || !unit->root)
    return out;
  Outline outline(index);
  for (const auto& d : unit->root->decls) {
    Object s = outline.symbol(d->name, ast::kindName(d->kind()), symbolKind(d->kind()), d->range);
    if (auto* p = llvm::dyn_cast<ast::ProcessDecl>(d.get()))
      if (Array children = outline.members(*p); !children.empty())
        s["children"] = std::move(children);
    out.push_back(std::move(s));
  }
  return out;
}

llvm::json::Value foldingRanges(const Index& index, const Document& doc) {
  Array out;
  const frontend::Unit* unit = index.unit(doc.uri);
  if (unit && unit->root) {
    auto block = [&](llvm::SMRange r) {
      if (r.Start.isValid() && r.End.isValid()) {
        Range lines = index.rangeOf(r);
        fold(out, lines.start.line, lines.end.line);
      }
    };
    std::function<void(const ast::ProcessDecl&)> members = [&](const ast::ProcessDecl& p) {
      for (const auto& s : p.stages)
        block(s->range);
      for (const auto& g : p.segments) {
        block(g->range);
        if (g->body)
          members(*g->body);
      }
    };
    for (const auto& d : unit->root->decls) {
      block(d->range);
      if (auto* p = llvm::dyn_cast<ast::ProcessDecl>(d.get()))
        members(*p);
    }
  }
  foldComments(out, doc.text);
  return out;
}

} // namespace salesc::lsp
