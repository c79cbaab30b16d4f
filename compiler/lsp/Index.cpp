//===- Index.cpp - The names of the open documents: declarations and uses -===//
#include "Index.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

#include <set>

namespace salesc::lsp {

struct Index::Scope {
  llvm::StringMap<const Symbol*> states;   ///< stages and outcomes
  llvm::StringMap<const Symbol*> segments; ///< its own, else its base's
};

/// Records the symbols and occurrences of the modules of one compilation.
class Index::Builder {
public:
  Builder(Index& ix, const frontend::Unit& unit) : ix_(ix), names_(ix.names_[&unit]) {
    for (const ast::Module* m : unit.modules)
      for (const auto& d : m->decls)
        names_.try_emplace(d->name.text,
                           ix.canonical(d.get())); // the first wins, as in the checker
  }

  void module(const ast::Module& m) {
    module_ = &m;
    for (const auto& d : m.decls)
      decl(*d);
  }

private:
  const Symbol* make(Symbol s) {
    ix_.symbols_.push_back(std::make_unique<Symbol>(s));
    return ix_.symbols_.back().get();
  }

  const Symbol* declSymbol(const ast::Decl* d) {
    auto [it, added] = declSymbols_.try_emplace(d, nullptr);
    if (added)
      it->second = make({Symbol::Kind::Decl, &d->name, d, nullptr, nullptr, nullptr, d->module});
    return it->second;
  }

  void add(const ast::Ident& name, const Symbol* s, bool declaration,
           const ast::ProcessDecl* process) {
    if (s && name.range.Start.isValid())
      ix_.occurrences_[module_].push_back({name.range, s, declaration, process});
  }

  /// A use of a top-level name.
  void ref(const ast::Ident& name, const ast::ProcessDecl* process = nullptr) {
    if (const ast::Decl* d = names_.lookup(name.text))
      add(name, declSymbol(d), false, process);
  }
  void refs(const std::vector<ast::Ident>& names, const ast::ProcessDecl* process = nullptr) {
    for (const ast::Ident& n : names)
      ref(n, process);
  }
  void refs(const std::vector<ast::NameList>& lists, const ast::ProcessDecl* process = nullptr) {
    for (const ast::NameList& l : lists)
      refs(l.names, process);
  }
  void refs(const std::optional<ast::NameList>& list, const ast::ProcessDecl* process) {
    if (list)
      refs(list->names, process);
  }

  /// The stages, outcomes and segments of `p`: its base's (or, for a segment's block,
  /// its process's), then its own. Memoized; a cycle of `extends` ends in an empty base.
  const Scope& scope(const ast::ProcessDecl* p, const Scope* over = nullptr) {
    auto known = ix_.scopes_.find(p);
    if (known != ix_.scopes_.end())
      return *known->second;
    auto s = std::make_shared<Scope>();
    if (!inProgress_.insert(p).second)
      return *s;
    if (!over && p->extends)
      if (auto* base = llvm::dyn_cast_or_null<ast::ProcessDecl>(names_.lookup(p->extends->text)))
        over = &scope(base);
    if (over) {
      s->states = over->states;
      s->segments = over->segments;
    }
    Symbol::Kind stage = Symbol::Kind::Stage, outcome = Symbol::Kind::Outcome;
    for (const auto& st : p->stages)
      if (!s->states.count(st->name.text))
        s->states[st->name.text] =
            make({stage, &st->name, p, st.get(), nullptr, nullptr, p->module});
    for (const ast::Outcome& o : p->outcomes)
      if (!s->states.count(o.name.text))
        s->states[o.name.text] = make({outcome, &o.name, p, nullptr, &o, nullptr, p->module});
    if (!p->segments.empty())
      s->segments.clear();
    for (const auto& g : p->segments)
      s->segments[g->name.text] =
          make({Symbol::Kind::Segment, &g->name, p, nullptr, nullptr, g.get(), p->module});
    for (const auto* names : {&s->states, &s->segments})
      for (const auto& entry : *names)
        ix_.sharers_[entry.second].push_back(p);
    inProgress_.erase(p);
    return *(ix_.scopes_[p] = s);
  }

  /// A use of a stage or outcome name of `in`.
  void stateRef(const ast::Ident& name, const Scope& in, const ast::ProcessDecl* process) {
    add(name, in.states.lookup(name.text), false, process);
  }

  /// The lines of process `p` (or of a segment's block `p` of process `top`).
  void process(const ast::ProcessDecl& p, const Scope& s, const ast::ProcessDecl* top) {
    refs(p.forList, top);
    if (p.extends)
      ref(*p.extends, top);
    for (const auto& b : p.brand)
      ref(b.value, top);
    for (const auto& st : p.start)
      stateRef(st.value, s, top);
    for (const ast::NameList& l : p.remove)
      for (const ast::Ident& n : l.names)
        stateRef(n, s, top);
    for (const auto& st : p.stages) {
      const Symbol* own = s.states.lookup(st->name.text);
      add(st->name, own, own && own->stage == st.get(), top);
      refs(st->learn, top);
      refs(st->provide, top);
      refs(st->use, top);
      refs(st->owner, top);
      for (const ast::Signoff& so : st->signoffs)
        ref(so.role, top);
      for (const ast::NextEdge& e : st->next)
        stateRef(e.target, s, top);
      for (const ast::Ident& o : st->otherwise)
        stateRef(o, s, top);
    }
    for (const ast::Outcome& o : p.outcomes) {
      const Symbol* own = s.states.lookup(o.name.text);
      add(o.name, own, own && own->outcome == &o, top);
    }
    for (const auto& g : p.segments) {
      const Symbol* own = s.segments.lookup(g->name.text);
      add(g->name, own, own && own->segment == g.get(), top);
      if (g->body)
        process(*g->body, scope(g->body.get(), &s), top);
    }
  }

  void decl(const ast::Decl& d) {
    add(d.name, declSymbol(&d), true, llvm::dyn_cast<ast::ProcessDecl>(&d));
    if (auto* t = llvm::dyn_cast<ast::TacticDecl>(&d)) {
      ref(t->category);
      refs(t->teaches);
    } else if (auto* m = llvm::dyn_cast<ast::MaterialDecl>(&d)) {
      refs(m->teaches);
    } else if (auto* r = llvm::dyn_cast<ast::RoleDecl>(&d)) {
      refs(r->needs);
    } else if (auto* o = llvm::dyn_cast<ast::OfferingDecl>(&d)) {
      refs(o->via);
    } else if (auto* b = llvm::dyn_cast<ast::BrandDecl>(&d)) {
      refs(b->forbidTactics);
      refs(b->forbidCategories);
    } else if (auto* p = llvm::dyn_cast<ast::ProcessDecl>(&d)) {
      process(*p, scope(p), p);
    } else if (auto* c = llvm::dyn_cast<ast::CampaignDecl>(&d)) {
      campaign(*c);
    }
  }

  void campaign(const ast::CampaignDecl& c) {
    const ast::ProcessDecl* p = nullptr;
    for (const auto& s : c.process) {
      ref(s.value);
      p = llvm::dyn_cast_or_null<ast::ProcessDecl>(names_.lookup(s.value.text));
    }
    if (!p)
      return;
    const Scope& s = scope(p);
    for (const auto& e : c.enters)
      stateRef(e.value, s, p);
    for (const auto& g : c.segment)
      add(g.value, s.segments.lookup(g.value.text), false, p);
  }

  Index& ix_;
  llvm::StringMap<const ast::Decl*>& names_;
  llvm::DenseMap<const ast::Decl*, const Symbol*>& declSymbols_ = ix_.declSymbols_;
  std::set<const ast::ProcessDecl*> inProgress_;
  const ast::Module* module_ = nullptr; ///< the module whose names are being recorded
};

Index::Index(Checks checks) : checks_(std::move(checks)) {
  for (const auto& [uri, check] : checks_) {
    checkOfUri_[uri] = check.get();
    stdlibOfUnit_[&check->unit] =
        llvm::StringRef(check->session->loadOptions().stdlibDir).rtrim('/');
  }
  shareModules();
  for (const auto& entry : checks_) {
    const frontend::Unit& u = entry.second->unit;
    Builder b(*this, u);
    for (const ast::Module* m : u.modules)
      if (canonical_.lookup(m) == m && unitOfModule_.lookup(m) == &u)
        b.module(*m);
  }
  for (auto& entry : occurrences_)
    llvm::sort(entry.second, [](const Occurrence& a, const Occurrence& b) {
      return a.range.Start.getPointer() < b.range.Start.getPointer();
    });
}

Index::Index(const llvm::StringMap<Document>& open, const CheckOptions& options)
    : Index(AssistCache().all(open, options, {})) {}

void Index::shareModules() {
  // By file: the modules indexed, with their texts.
  llvm::StringMap<std::vector<std::pair<const ast::Module*, llvm::StringRef>>> byPath;
  auto share = [&](const AssistSnapshot& check, const ast::Module* m) {
    if (canonical_.count(m))
      return;
    llvm::StringRef text = check.session->sourceMgr().getMemoryBuffer(m->bufferId)->getBuffer();
    auto& same = byPath[m->path];
    for (const auto& [known, knownText] : same)
      if (knownText == text) {
        canonical_[m] = known;
        for (size_t i = 0; i < m->decls.size() && i < known->decls.size(); ++i)
          declCanonical_[m->decls[i].get()] = known->decls[i].get();
        return;
      }
    canonical_[m] = m;
    same.emplace_back(m, text);
    unitOfModule_[m] = &check.unit;
  };
  // A document's own check indexes it; the first check that read a file, the others.
  for (const auto& entry : checks_)
    if (entry.second->unit.root)
      share(*entry.second, entry.second->unit.root);
  llvm::DenseSet<const ast::Module*> ordered;
  for (const auto& entry : checks_)
    for (const ast::Module* m : entry.second->unit.modules) {
      share(*entry.second, m);
      if (ordered.insert(canonical_[m]).second)
        order_.push_back(canonical_[m]);
    }
}

const ast::Decl* Index::canonical(const ast::Decl* d) const {
  auto it = declCanonical_.find(d);
  return it == declCanonical_.end() ? d : it->second;
}

const llvm::SourceMgr& Index::sourceMgrOf(llvm::SMLoc loc) const {
  for (const auto& entry : checks_) {
    const llvm::SourceMgr& sm = entry.second->session->sourceMgr();
    if (bufferOf(sm, loc))
      return sm;
  }
  assert(false && "a location in none of the checks");
  return checks_.front().second->session->sourceMgr();
}

const frontend::Unit* Index::unit(llvm::StringRef uri) const {
  const AssistSnapshot* check = checkOfUri_.lookup(uri);
  return check ? &check->unit : nullptr;
}

llvm::ArrayRef<Occurrence> Index::occurrencesIn(llvm::StringRef uri) const {
  const frontend::Unit* u = unit(uri);
  if (!u || !u->root)
    return {};
  auto it = occurrences_.find(u->root);
  if (it == occurrences_.end())
    return {};
  return it->second;
}

const Occurrence* Index::at(llvm::StringRef uri, Position p) const {
  const AssistSnapshot* check = checkOfUri_.lookup(uri);
  if (!check || !check->unit.root)
    return nullptr;
  llvm::StringRef text =
      check->session->sourceMgr().getMemoryBuffer(check->rootBuffer())->getBuffer();
  const char* loc = text.data() + offsetAt(text, p);
  for (const Occurrence& o : occurrencesIn(uri))
    if (o.range.Start.getPointer() <= loc && loc <= o.range.End.getPointer())
      return &o;
  return nullptr;
}

std::vector<const Occurrence*> Index::occurrencesOf(const Symbol* s) const {
  std::vector<const Occurrence*> out;
  for (const ast::Module* m : order_) {
    auto here = occurrences_.find(m);
    if (here == occurrences_.end())
      continue;
    for (const Occurrence& o : here->second)
      if (o.symbol == s)
        out.push_back(&o);
  }
  std::stable_partition(out.begin(), out.end(), [](const Occurrence* o) { return o->declaration; });
  return out;
}

Range Index::rangeOf(llvm::SMRange range) const {
  const llvm::SourceMgr& sm = sourceMgrOf(range.Start);
  return lspRange(sm, bufferOf(sm, range.Start), range);
}

std::string Index::uriOf(llvm::SMLoc loc) const {
  const llvm::SourceMgr& sm = sourceMgrOf(loc);
  return uriOfBuffer(sm, bufferOf(sm, loc));
}

unsigned Index::lineOf(llvm::SMLoc loc) const {
  return sourceMgrOf(loc).getLineAndColumn(loc).first;
}

llvm::json::Value Index::location(llvm::SMRange range) const {
  return llvm::json::Object{{"uri", uriOf(range.Start)}, {"range", toJson(rangeOf(range))}};
}

llvm::StringRef Index::stdlibOf(const ast::Module* m) const {
  const ast::Module* indexed = canonical_.lookup(m);
  const frontend::Unit* unit = unitOfModule_.lookup(indexed ? indexed : m);
  return unit ? stdlibOfUnit_.lookup(unit) : llvm::StringRef();
}

bool Index::inStdlib(const ast::Module* m) const {
  llvm::StringRef dir = stdlibOf(m);
  llvm::StringRef path = m->path;
  return !dir.empty() && path.consume_front(dir) && path.startswith("/");
}

std::string Index::displayPath(const ast::Module* m, const ast::Module* from) const {
  llvm::StringRef path = m->path;
  if (inStdlib(m))
    return path.drop_front(stdlibOf(m).size() + 1).str();
  llvm::StringRef folder = from ? llvm::sys::path::parent_path(from->path) : "";
  if (!folder.empty() && path.consume_front(folder) && path.consume_front("/"))
    return path.str();
  return m->path;
}

std::vector<llvm::StringRef> Index::namesBeside(const Symbol* s) const {
  std::vector<llvm::StringRef> out;
  if (s->kind == Symbol::Kind::Decl) {
    for (const auto& unit : names_)
      if (llvm::any_of(unit.first->modules,
                       [&](const ast::Module* m) { return canonical_.lookup(m) == s->module; }))
        for (const auto& entry : unit.second)
          out.push_back(entry.first());
    return out;
  }
  auto sharers = sharers_.find(s);
  if (sharers == sharers_.end())
    return out;
  for (const ast::ProcessDecl* p : sharers->second) {
    auto scope = scopes_.find(p);
    if (scope == scopes_.end())
      continue;
    for (const auto& entry :
         s->kind == Symbol::Kind::Segment ? scope->second->segments : scope->second->states)
      out.push_back(entry.first());
  }
  return out;
}

const ast::Decl* Index::lookup(const ast::Module* m, llvm::StringRef name) const {
  auto unit = unitOfModule_.find(m);
  if (unit == unitOfModule_.end())
    return nullptr;
  auto names = names_.find(unit->second);
  return names == names_.end() ? nullptr : names->second.lookup(name);
}

std::pair<const sema::CheckedModel*, size_t> Index::modelOf(const ast::ProcessDecl* process) const {
  auto unit = unitOfModule_.find(process->module);
  if (unit == unitOfModule_.end())
    return {nullptr, 0};
  const sema::CheckedModel& model = unit->second->model;
  for (size_t i = 0; i < model.processes.size(); ++i)
    if (model.processes[i].process.name == process->name.text)
      return {&model, i};
  return {nullptr, 0};
}

} // namespace salesc::lsp
