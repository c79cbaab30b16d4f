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

bool isLibrary(const ast::Module* m) {
  return llvm::none_of(m->decls, [](const std::unique_ptr<ast::Decl>& d) {
    return llvm::isa<ast::ProcessDecl>(d.get());
  });
}

namespace {

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
    diag::statedOnce(s->crm, "crm", stage, diags);
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

/// The blocks `p` inherits from, nearest base first (the chain is sound: resolved).
diag::ProcessContext inheritance(const ast::ProcessDecl& p, const SymbolTable& symbols) {
  diag::ProcessContext out{p.name.text.str(), p.range, {}};
  const ast::ProcessDecl* at = &p;
  while (at->extends) {
    at = llvm::dyn_cast_or_null<ast::ProcessDecl>(symbols.find(at->extends->text));
    if (!at || at == &p || out.bases.size() > symbols.all().size())
      break;
    out.bases.push_back({at->range, at->name.text.str()});
  }
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
/// and two processes for one combination. Records the combinations covered and every
/// offering's channels for checkProject, which reports the sales no process covers.
void checkChannels(const std::vector<CheckedProcess>& processes, const SymbolTable& symbols,
                   CrossFileFacts& facts, diag::DiagnosticEngine& diags) {
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
    facts.covered.insert({p.channel, p.offering});
    if (!inserted)
      diags
          .report(DiagKind::DuplicateCombination, p.decl->name.range,
                  "processes " + quoted(it->second->name.text) + " and " +
                      quoted(p.decl->name.text) + " are both for " + quoted(p.offering->name.text) +
                      " via " + quoted(p.channel->name.text) +
                      "; keep one process per channel and offering")
          .note(it->second->name.range, "the first process is declared here");
  }
  for (const ast::Decl* d : symbols.all())
    if (auto* o = llvm::dyn_cast<ast::OfferingDecl>(d))
      for (const ast::Ident& c : o->via) {
        const ast::Decl* channel = symbols.find(c.text);
        if (channel && llvm::isa<ast::ChannelDecl>(channel))
          facts.sales.push_back(Sale{o, &c, channel});
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

/// Declarations of the checked file that nothing in this compilation uses; checkProject
/// reports those no other file of the run uses either.
std::vector<const ast::Decl*> unusedHere(const SymbolTable& symbols, const ast::Module* root) {
  std::vector<const ast::Decl*> out;
  for (const auto& d : root->decls) {
    if (llvm::isa<ast::ProcessDecl>(d.get()) || llvm::isa<ast::RoleDecl>(d.get()) ||
        llvm::isa<ast::CampaignDecl>(d.get()) || symbols.isUsed(d.get()))
      continue; // a role is idle rather than unused (checkIdleRoles)
    if (symbols.find(d->name.text) != d.get())
      continue; // a duplicate, reported as such
    out.push_back(d.get());
  }
  return out;
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
    diag::ProcessContext context = inheritance(*p, symbols);
    diag::InheritedScope inherited(diags, context);
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
  checkChannels(checked, symbols, out.crossFile, diags);
  checkValues(symbols, root, diags);
  out.crossFile.unusedHere = unusedHere(symbols, root);
  if (!isLibrary(root))
    checkIdleRoles(symbols, root, diags);
  reportNamesOfFailedImports(symbols.unknownNames(), failed, diags);
  out.crossFile.used = symbols.used();
  return out;
}

} // namespace salesc::sema
