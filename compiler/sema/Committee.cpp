//===- Committee.cpp - The buying committee's needs against the process ---===//
#include "Committee.h"
#include "ProcessChecker.h"

#include "diag/Wording.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <deque>

namespace salesc::sema {

using diag::DiagKind;
using diag::quoted;

namespace {

constexpr int32_t Unreached = -1;
constexpr int32_t Root = -2;

/// For one knowledge item: the breadth-first tree of the states reachable from the
/// start without passing a stage that learns it (such a stage is not entered). Each
/// state's parent, Root for the start, Unreached for the others.
std::vector<int32_t> pathsWithout(const rt::Process& model, llvm::StringRef knowledge,
                                  const std::vector<std::vector<uint32_t>>& successors) {
  auto learns = [&](uint32_t s) {
    return llvm::any_of(model.states[s].learn,
                        [&](const rt::Item& i) { return i.name == knowledge; });
  };
  std::vector<int32_t> parent(model.states.size(), Unreached);
  if (learns(model.start))
    return parent;
  parent[model.start] = Root;
  std::deque<uint32_t> queue{model.start};
  while (!queue.empty()) {
    uint32_t s = queue.front();
    queue.pop_front();
    for (uint32_t t : successors[s])
      if (parent[t] == Unreached && !learns(t)) {
        parent[t] = static_cast<int32_t>(s);
        queue.push_back(t);
      }
  }
  return parent;
}

std::string pathTo(const rt::Process& model, const std::vector<int32_t>& parent, uint32_t to) {
  std::vector<uint32_t> path;
  for (int32_t s = static_cast<int32_t>(to); s != Root; s = parent[s])
    path.push_back(static_cast<uint32_t>(s));
  std::string out;
  for (auto it = path.rbegin(); it != path.rend(); ++it)
    out += (out.empty() ? "" : " -> ") + model.states[*it].name;
  return out;
}

} // namespace

void checkCommitteeNeeds(const ResolvedProcess& p, const rt::Process& model,
                         const SymbolTable& symbols, diag::DiagnosticEngine& diags) {
  std::vector<std::vector<uint32_t>> successors(model.states.size());
  for (const rt::Transition& t : model.transitions)
    successors[t.from].push_back(t.to);
  llvm::StringMap<std::vector<int32_t>> trees; // per knowledge item, computed once
  for (uint32_t si = 0; si < p.stages.size(); ++si) {
    const ResolvedStage& s = p.stages[si];
    for (const ast::Signoff* so : s.signoffs) {
      auto* role = llvm::dyn_cast_or_null<ast::RoleDecl>(symbols.find(so->role.text));
      if (!role)
        continue;
      llvm::StringSet<> seen;
      for (const ast::NameList& l : role->needs)
        for (const ast::Ident& k : l.names) {
          const ast::Decl* kd = symbols.find(k.text);
          if (!kd || !llvm::isa<ast::KnowledgeDecl>(kd) || !seen.insert(k.text).second)
            continue;
          auto it = trees.find(k.text);
          if (it == trees.end())
            it = trees.try_emplace(k.text, pathsWithout(model, k.text, successors)).first;
          if (it->second[si] == Unreached)
            continue;
          const bool nowhere = llvm::none_of(model.states, [&](const rt::State& st) {
            return llvm::any_of(st.learn, [&](const rt::Item& i) { return i.name == k.text; });
          });
          std::string msg =
              "role " + quoted(so->role.text) + " signs off at stage " + quoted(s.name.text) +
              (nowhere
                   ? " and needs " + quoted(k.text) + ", which no stage of " +
                         processAt(*p.decl, so->range) + " learns; add 'learn " + k.text.str() +
                         ";' to " + quoted(s.name.text) +
                         " or to a stage every deal passes before it"
                   : ", but deals can get there without learning " + quoted(k.text) +
                         ", which it needs: " + pathTo(model, it->second, si) + "; learn it at " +
                         quoted(s.name.text) + " or at a stage every deal passes before it");
          diags.report(DiagKind::UnlearnedNeeds, so->range, msg)
              .note(k.range, "role " + quoted(role->name.text) + " needs " + quoted(k.text));
        }
    }
  }
}

void checkIdleRoles(const SymbolTable& symbols, const ast::Module* root,
                    diag::DiagnosticEngine& diags) {
  llvm::StringSet<> learned; // by some stage of some process, the imported ones too
  for (const ast::Decl* d : symbols.all())
    if (auto* p = llvm::dyn_cast<ast::ProcessDecl>(d))
      for (const auto& st : p->stages)
        if (st->learn)
          for (const ast::Ident& k : st->learn->names)
            learned.insert(k.text);
  for (const auto& d : root->decls) {
    auto* role = llvm::dyn_cast<ast::RoleDecl>(d.get());
    if (!role || symbols.isUsed(role) || symbols.find(role->name.text) != role)
      continue;
    bool served = llvm::any_of(role->needs, [&](const ast::NameList& l) {
      return llvm::any_of(l.names, [&](const ast::Ident& k) { return learned.count(k.text); });
    });
    if (served)
      continue;
    diags.report(
        DiagKind::IdleRole, role->name.range,
        "role " + quoted(role->name.text) +
            (role->needs.empty() ? " never signs off and needs nothing"
                                 : " never signs off, and what it needs is learned at no stage") +
            ", so no process serves it; add 'signoff " + role->name.text.str() +
            " P% within TIME;' to the stage where it decides" +
            (role->needs.empty() ? "" : ", or learn its needs at a stage") + ", or remove it");
  }
}

} // namespace salesc::sema
