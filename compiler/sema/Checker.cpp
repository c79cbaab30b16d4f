//===- Checker.cpp - Checks one compilation and lowers its processes ------===//
#include "Checker.h"

#include "diag/Wording.h"

#include "BrandRules.h"
#include "Campaigns.h"
#include "Committee.h"
#include "FailedImports.h"
#include "ProcessChecker.h"
#include "ResolvedProcess.h"
#include "SymbolTable.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

#include <map>

namespace salesc::sema {

using diag::quoted;

using ast::DeclKind;
using diag::DiagKind;

namespace {

/// A file that declares no process is a library: what it declares is there for
/// others to use and cover.
bool isLibrary(const ast::Module* m) {
  return llvm::none_of(m->decls, [](const std::unique_ptr<ast::Decl>& d) {
    return llvm::isa<ast::ProcessDecl>(d.get());
  });
}

/// Settings and stage lines that may appear once per block.
void checkOnce(const ast::ProcessDecl& p, diag::DiagnosticEngine& diags,
               llvm::StringRef kind = "process") {
  std::string where = kind.str() + " " + quoted(p.name.text);
  diag::statedOnce(p.margin, "margin", where, diags);
  for (const auto& seg : p.segments)
    checkOnce(*seg->body, diags, "segment");
  diag::statedOnce(p.brand, "brand", where, diags);
  diag::statedOnce(p.value, "value", where, diags);
  diag::statedOnce(p.targetWinRate, "target win rate", where, diags);
  diag::statedOnce(p.targetCycle, "target cycle", where, diags);
  diag::statedOnce(p.start, "start", where, diags);
  for (const auto& s : p.stages) {
    std::string stage = "stage " + quoted(s->name.text);
    diag::statedOnce(s->times, "time", stage, diags);
    diag::statedOnce(s->stalled, "stalled after", stage, diags);
    diag::statedOnce(s->otherwise, "otherwise", stage, diags);
    diag::statedOnce(s->owner, "owner", stage, diags);
    diag::statedOnce(s->exitWhen, "exit when", stage, diags);
  }
}

/// A name listed twice in one list (or in several lists of one kind in a brand).
void warnRepeats(llvm::ArrayRef<const ast::Ident*> names, diag::DiagnosticEngine& diags) {
  llvm::StringMap<llvm::SMRange> seen;
  for (const ast::Ident* n : names) {
    auto [it, inserted] = seen.try_emplace(n->text, n->range);
    if (!inserted)
      diags.report(DiagKind::RepeatedItem, n->range, quoted(n->text) + " is listed twice")
          .note(it->second, "first listed here");
  }
}

std::vector<const ast::Ident*> pointers(const std::vector<ast::Ident>& v) {
  std::vector<const ast::Ident*> out;
  for (const ast::Ident& i : v)
    out.push_back(&i);
  return out;
}

std::vector<const ast::Ident*> pointers(const std::vector<ast::NameList>& lists) {
  std::vector<const ast::Ident*> out;
  for (const ast::NameList& l : lists)
    for (const ast::Ident& i : l.names)
      out.push_back(&i);
  return out;
}

/// Tactic categories, offering channels, brand rules: names used outside processes.
void checkDeclarations(SymbolTable& symbols, diag::DiagnosticEngine& diags) {
  for (const ast::Decl* d : symbols.all()) {
    if (auto* o = llvm::dyn_cast<ast::OfferingDecl>(d))
      warnRepeats(pointers(o->via), diags);
    auto teaches = [&](const std::vector<ast::Ident>& names) {
      warnRepeats(pointers(names), diags);
      for (const ast::Ident& k : names)
        symbols.resolve(k, {DeclKind::Knowledge}, "'teaches' takes knowledge");
    };
    if (auto* m = llvm::dyn_cast<ast::MaterialDecl>(d)) {
      warnRepeats(pointers(m->conveys), diags);
      teaches(m->teaches);
    }
    if (auto* t = llvm::dyn_cast<ast::TacticDecl>(d)) {
      warnRepeats(pointers(t->conveys), diags);
      teaches(t->teaches);
    }
    if (auto* r = llvm::dyn_cast<ast::RoleDecl>(d)) {
      std::vector<const ast::Ident*> needs;
      for (const ast::NameList& l : r->needs)
        for (const ast::Ident& k : l.names) {
          needs.push_back(&k);
          symbols.resolve(k, {DeclKind::Knowledge}, "'needs' takes knowledge");
        }
      warnRepeats(needs, diags);
    }
    if (auto* p = llvm::dyn_cast<ast::ProcessDecl>(d))
      warnRepeats(pointers(p->forList), diags);
    if (auto* b = llvm::dyn_cast<ast::BrandDecl>(d)) {
      warnRepeats(pointers(b->values), diags);
      warnRepeats(pointers(b->forbidTactics), diags);
      warnRepeats(pointers(b->forbidCategories), diags);
    }
    if (auto* t = llvm::dyn_cast<ast::TacticDecl>(d)) {
      symbols.resolve(t->category, {DeclKind::Category}, "'category' takes a tactic category");
    } else if (auto* o = llvm::dyn_cast<ast::OfferingDecl>(d)) {
      for (const ast::Ident& c : o->via)
        symbols.resolve(c, {DeclKind::Channel}, "'via' takes channels");
    } else if (auto* b = llvm::dyn_cast<ast::BrandDecl>(d)) {
      checkBrandDecl(*b, diags);
      for (const ast::NameList& l : b->forbidTactics)
        for (const ast::Ident& t : l.names)
          symbols.resolve(t, {DeclKind::Tactic},
                          "'forbid' takes tactics (write 'forbid category X;' for a category)");
      for (const ast::NameList& l : b->forbidCategories)
        for (const ast::Ident& c : l.names)
          symbols.resolve(c, {DeclKind::Category}, "'forbid category' takes tactic categories");
    }
  }
}

/// Channels and offerings: a process for a channel its offering is not sold through,
/// two processes for one combination, and combinations with no process.
void checkChannels(const std::vector<CheckedProcess>& processes, const ast::Module* root,
                   const SymbolTable& symbols, diag::DiagnosticEngine& diags) {
  std::map<std::pair<const ast::Decl*, const ast::Decl*>, const ast::ProcessDecl*> covered;
  for (const CheckedProcess& p : processes) {
    if (!p.channel || !p.offering)
      continue;
    const ast::Ident* via = nullptr;
    for (const ast::Ident& c : p.offering->via)
      if (c.text == p.channel->name.text)
        via = &c;
    if (!via) {
      diags
          .report(DiagKind::ChannelNotOffered, p.decl->name.range,
                  "process " + quoted(p.decl->name.text) + " is for offering " +
                      quoted(p.offering->name.text) + " through channel " +
                      quoted(p.channel->name.text) + ", but the offering is not sold via it")
          .note(p.offering->name.range,
                "add " + quoted(p.channel->name.text) + " to the 'via' list of the offering here");
      continue;
    }
    auto [it, inserted] = covered.try_emplace({p.channel, p.offering}, p.decl);
    if (!inserted)
      diags
          .report(DiagKind::DuplicateCombination, p.decl->name.range,
                  "processes " + quoted(it->second->name.text) + " and " +
                      quoted(p.decl->name.text) + " are both for " + quoted(p.offering->name.text) +
                      " via " + quoted(p.channel->name.text) +
                      "; keep one process per channel and offering")
          .note(it->second->name.range, "the first process is declared here");
  }
  // A library (a file without processes) declares offerings for others to cover, and
  // an offering no process is for is reported as unused instead.
  if (isLibrary(root))
    return;
  for (const ast::Decl* d : symbols.all()) {
    auto* o = llvm::dyn_cast<ast::OfferingDecl>(d);
    if (!o || o->module != root || !symbols.isUsed(o))
      continue;
    for (const ast::Ident& c : o->via) {
      const ast::Decl* channel = symbols.find(c.text);
      if (!channel || !llvm::isa<ast::ChannelDecl>(channel) || covered.count({channel, o}))
        continue;
      diags.report(DiagKind::MissingProcess, c.range,
                   "offering " + quoted(o->name.text) + " is sold via " + quoted(c.text) +
                       ", but no process describes that sale; add a process 'for " + c.text.str() +
                       ", " + o->name.text.str() + "'");
    }
  }
}

/// Brand values of the checked file that no material or tactic conveys (often a typo).
void checkValues(const SymbolTable& symbols, const ast::Module* root,
                 diag::DiagnosticEngine& diags) {
  llvm::StringSet<> conveyed;
  for (const ast::Decl* d : symbols.all()) {
    if (auto* m = llvm::dyn_cast<ast::MaterialDecl>(d))
      for (const ast::Ident& v : m->conveys)
        conveyed.insert(v.text);
    if (auto* t = llvm::dyn_cast<ast::TacticDecl>(d))
      for (const ast::Ident& v : t->conveys)
        conveyed.insert(v.text);
  }
  for (const ast::Decl* d : symbols.all()) {
    auto* b = llvm::dyn_cast<ast::BrandDecl>(d);
    if (!b || b->module != root)
      continue;
    for (const ast::NameList& l : b->values)
      for (const ast::Ident& v : l.names)
        if (!conveyed.count(v.text))
          diags.report(DiagKind::ValueNeverConveyed, v.range,
                       "no literature, tool or tactic conveys the value " + quoted(v.text) +
                           " of brand " + quoted(b->name.text) + "; add 'conveys " + v.text.str() +
                           "' to one, or check the spelling");
  }
}

/// Declarations of the checked file that nothing uses. A file that declares no
/// process is a library: everything in it is there for others to use.
void checkUnused(const SymbolTable& symbols, const ast::Module* root,
                 diag::DiagnosticEngine& diags) {
  if (isLibrary(root))
    return;
  for (const auto& d : root->decls) {
    if (llvm::isa<ast::ProcessDecl>(d.get()) || llvm::isa<ast::RoleDecl>(d.get()) ||
        llvm::isa<ast::CampaignDecl>(d.get()) || symbols.isUsed(d.get()))
      continue; // a role is idle rather than unused (checkIdleRoles)
    if (symbols.find(d->name.text) != d.get())
      continue; // a duplicate, reported as such
    diags.report(DiagKind::UnusedDeclaration, d->name.range,
                 ast::kindName(d->kind()).str() + " " + quoted(d->name.text) +
                     " is declared but never used");
  }
}

} // namespace

llvm::Expected<rt::Analysis> analysisOf(const CheckedModel& m, size_t i) {
  if (m.processes[i].analysis)
    return *m.processes[i].analysis;
  return rt::analyze(m.processes[i].process);
}

CheckedModel check(llvm::ArrayRef<const ast::Module*> modules, diag::DiagnosticEngine& diags,
                   llvm::ArrayRef<FailedImport> failed) {
  CheckedModel out;
  if (modules.empty())
    return out;
  const ast::Module* root = modules.front();
  // Imports first, so that a name the checked file declares again is reported there,
  // with a note at the library's declaration, rather than inside the library.
  SymbolTable symbols(diags);
  if (!failed.empty())
    symbols.setImportFailed();
  for (auto it = modules.rbegin(); it != modules.rend(); ++it)
    for (const auto& d : (*it)->decls)
      symbols.add(d.get());
  checkDeclarations(symbols, diags);

  ProcessResolver resolver(symbols, diags);
  ProcessChecker checker(symbols, diags);
  std::vector<CheckedProcess> checked;
  for (const ast::Decl* d : symbols.all()) {
    auto* p = llvm::dyn_cast<ast::ProcessDecl>(d);
    if (!p)
      continue;
    diag::ErrorTrap trap(diags); // settings stated once, and `extends`
    checkOnce(*p, diags);
    const ResolvedProcess* r = resolver.resolve(p);
    if (!r)
      continue;
    checked.push_back(checker.check(*r, /*soundSoFar=*/!trap.hasErrors()));
    if (checked.back().model) {
      if (p->module == root)
        out.rootProcesses.push_back(out.processes.size());
      // Moved, not copied: the channel checks below read only the declarations.
      out.processes.push_back(
          ModelProcess{std::move(*checked.back().model), std::move(checked.back().analysis)});
    }
  }
  out.campaigns = checkCampaigns(symbols, root, out.processes, diags);
  checkChannels(checked, root, symbols, diags);
  checkValues(symbols, root, diags);
  checkUnused(symbols, root, diags);
  if (!isLibrary(root))
    checkIdleRoles(symbols, root, diags);
  reportNamesOfFailedImports(symbols.unknownNames(), failed, diags);
  return out;
}

} // namespace salesc::sema
