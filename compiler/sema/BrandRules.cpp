//===- BrandRules.cpp - A brand's rules checked against a process ---------===//
#include "BrandRules.h"
#include "DiscountWording.h"

#include "diag/Wording.h"

#include "salesc/runtime/Format.h"

#include "Durations.h"
#include "Spelling.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

namespace salesc::sema {

using diag::quoted;

using diag::DiagKind;

namespace {

const ast::BrandRequire* findRequire(const ast::BrandDecl& b, llvm::StringRef what) {
  for (const ast::BrandRequire& r : b.requires_)
    if (r.what.text == what)
      return &r;
  return nullptr;
}

std::string brandName(const ast::BrandDecl& b) {
  return "brand " + quoted(b.name.text);
}

} // namespace

bool isKnownRequirement(llvm::StringRef what) {
  return rt::parseRequirement(what).has_value();
}

void checkBrandDecl(const ast::BrandDecl& b, diag::DiagnosticEngine& diags) {
  llvm::StringMap<llvm::SMRange> seen;
  for (const ast::BrandRequire& r : b.requires_) {
    if (!isKnownRequirement(r.what.text)) {
      std::string msg = quoted(r.what.text) +
                        " is not something a brand can require; use knowledge, materials, "
                        "time or values";
      std::vector<llvm::StringRef> known;
      for (rt::Requirement k : rt::AllRequirements)
        known.push_back(rt::toString(k));
      if (auto s = closest(r.what.text, known))
        diags
            .report(DiagKind::UnknownRequirement, r.what.range,
                    msg + " (did you mean '" + *s + "'?)")
            .fix(r.what.range, *s, "replace with " + diag::quoted(*s));
      else
        diags.report(DiagKind::UnknownRequirement, r.what.range, msg);
      continue;
    }
    auto [it, inserted] = seen.try_emplace(r.what.text, r.what.range);
    if (!inserted)
      diags
          .report(DiagKind::RepeatedItem, r.what.range,
                  "the brand already requires " + r.what.text.str())
          .note(it->second, "first required here");
  }
  if (b.maxStages.size() > 1)
    diag::reportStatedTwice(diags, "max stages", brandName(b), b.maxStages[1].range,
                            b.maxStages[0].range);
  if (b.maxCycle.size() > 1)
    diag::reportStatedTwice(diags, "max cycle", brandName(b), b.maxCycle[1].range,
                            b.maxCycle[0].range);
  for (const auto& m : b.maxCycle)
    if (auto d = toDays(m.value, diags); d && *d <= 0)
      diags.report(DiagKind::InvalidNumber, m.value.range,
                   "'max cycle' must be longer than 0 days");
  for (const auto& m : b.maxStages)
    if (m.value.value < 1 || m.value.value != static_cast<unsigned>(m.value.value))
      diags.report(DiagKind::InvalidNumber, m.value.range,
                   "'max stages' takes a whole number of at least 1");
}

rt::Brand lowerBrand(const ast::BrandDecl& b) {
  rt::Brand out;
  out.name = b.name.text.str();
  out.description = b.description ? b.description->value : "";
  for (const ast::NameList& l : b.values)
    for (const ast::Ident& v : l.names)
      out.values.push_back(v.text.str());
  for (const ast::NameList& l : b.forbidTactics)
    for (const ast::Ident& v : l.names)
      out.forbiddenTactics.push_back(v.text.str());
  for (const ast::NameList& l : b.forbidCategories)
    for (const ast::Ident& v : l.names)
      out.forbiddenCategories.push_back(v.text.str());
  for (const ast::BrandRequire& r : b.requires_)
    if (std::optional<rt::Requirement> k = rt::parseRequirement(r.what.text))
      if (!llvm::is_contained(out.requirements, *k))
        out.requirements.push_back(*k);
  if (!b.maxStages.empty() && b.maxStages[0].value.value >= 1 &&
      b.maxStages[0].value.value == static_cast<unsigned>(b.maxStages[0].value.value))
    out.maxStages = static_cast<unsigned>(b.maxStages[0].value.value);
  if (!b.maxCycle.empty())
    if (auto per = daysPerUnit(b.maxCycle[0].value.unit.text))
      if (b.maxCycle[0].value.amount.value > 0)
        out.maxCycleDays = b.maxCycle[0].value.amount.value * *per;
  return out;
}

namespace {

/// The `forbid category` name of `b` that rules out price cuts (`price`, else `pushy`);
/// null when it forbids neither.
const ast::Ident* priceRule(const ast::BrandDecl& b) {
  const ast::Ident* pushy = nullptr;
  for (const ast::NameList& rule : b.forbidCategories)
    for (const ast::Ident& f : rule.names) {
      if (f.text == "price")
        return &f;
      if (f.text == "pushy" && !pushy)
        pushy = &f;
    }
  return pushy;
}

/// The words of a price cut in a declaration's name or description (DiscountWording.h).
std::optional<std::string> priceCutIn(const ast::Decl& d) {
  std::string name = d.name.text.str();
  std::replace(name.begin(), name.end(), '_', ' ');
  if (std::optional<std::string> w = discountWording(name))
    return w;
  return d.description ? discountWording(d.description->value) : std::nullopt;
}

/// B011: tactics and materials of `s` whose wording speaks of a price cut, declared in a
/// category the brand allows (a forbidden one is B002), under a brand that forbids the
/// price or pushy category; a warning at each use.
void checkDiscountWording(const ResolvedStage& s, const ast::BrandDecl& b,
                          llvm::ArrayRef<const ast::Decl*> provided,
                          llvm::ArrayRef<const ast::Decl*> tactics, diag::DiagnosticEngine& diags) {
  const ast::Ident* rule = priceRule(b);
  if (!rule)
    return;
  auto check = [&](const ast::NameList* list, llvm::ArrayRef<const ast::Decl*> decls,
                   llvm::StringRef kind) {
    if (!list)
      return;
    for (const ast::Ident& use : list->names) {
      auto d = llvm::find_if(decls, [&](const ast::Decl* x) { return x->name.text == use.text; });
      if (d == decls.end())
        continue;
      const auto* t = llvm::dyn_cast<ast::TacticDecl>(*d);
      if (t && llvm::any_of(b.forbidCategories, [&](const ast::NameList& l) {
            return llvm::any_of(l.names,
                                [&](const ast::Ident& f) { return f.text == t->category.text; });
          }))
        continue; // B002 says it
      std::optional<std::string> words = priceCutIn(**d);
      if (!words)
        continue;
      std::string category = t ? ", in category " + quoted(t->category.text) + "," : "";
      diags
          .report(DiagKind::DiscountWording, use.range,
                  "stage " + quoted(s.name.text) + " " + kind.str() + " " + quoted(use.text) +
                      category + " whose wording speaks of a price cut (" + quoted(*words) +
                      "), and " + brandName(b) + " forbids " + rule->text.str() + " tactics; " +
                      (t ? "if it is one, declare it in 'category " + rule->text.str() +
                               "' so the brand's rule sees it; if not, reword it"
                         : "if it offers one, take it out of this stage; if not, reword it"))
          .note(rule->range, "the category is forbidden here")
          .note((*d)->description ? (*d)->description->range : (*d)->name.range,
                quoted(use.text) + " is described here");
    }
  };
  check(s.use, tactics, "uses");
  check(s.provide, provided, "provides");
}

} // namespace

void checkStageAgainstBrand(const ResolvedStage& s, const ast::BrandDecl& b,
                            llvm::ArrayRef<const ast::Decl*> provided,
                            llvm::ArrayRef<const ast::Decl*> tactics,
                            diag::DiagnosticEngine& diags) {
  // Forbidden tactics and categories, at each `use`.
  if (s.use) {
    for (const ast::Ident& use : s.use->names) {
      auto tactic =
          llvm::find_if(tactics, [&](const ast::Decl* d) { return d->name.text == use.text; });
      if (tactic == tactics.end())
        continue;
      const auto* t = llvm::cast<ast::TacticDecl>(*tactic);
      for (const ast::NameList& rule : b.forbidTactics)
        for (const ast::Ident& f : rule.names)
          if (f.text == use.text)
            diags
                .report(DiagKind::ForbiddenTactic, use.range,
                        "stage " + quoted(s.name.text) + " uses " + quoted(use.text) + ", which " +
                            brandName(b) + " forbids")
                .note(f.range, "forbidden here");
      for (const ast::NameList& rule : b.forbidCategories)
        for (const ast::Ident& f : rule.names)
          if (f.text == t->category.text)
            diags
                .report(DiagKind::ForbiddenCategory, use.range,
                        "stage " + quoted(s.name.text) + " uses " + quoted(use.text) +
                            ", a tactic of category " + quoted(f.text) + ", which " + brandName(b) +
                            " forbids")
                .note(f.range, "the category is forbidden here")
                .note(t->category.range, quoted(use.text) + " is in category " + quoted(f.text));
    }
  }
  checkDiscountWording(s, b, provided, tactics, diags);
  auto requireFails = [&](llvm::StringRef what, DiagKind kind, const std::string& msg) {
    if (const ast::BrandRequire* r = findRequire(b, what))
      diags.report(kind, s.name.range, msg).note(r->range, "required by " + brandName(b) + " here");
  };
  if (!s.learn)
    requireFails("knowledge", DiagKind::MissingKnowledge,
                 "stage " + quoted(s.name.text) +
                     " does not say what the prospect learns; add a 'learn' line");
  if (!s.provide)
    requireFails("materials", DiagKind::MissingMaterials,
                 "stage " + quoted(s.name.text) +
                     " provides no literature or tool; add a 'provide' line");
  if (!s.time && s.signoffs.empty()) // a sign-off stage's time is its roles'
    requireFails("time", DiagKind::MissingTime,
                 "stage " + quoted(s.name.text) +
                     " does not say how long prospects stay; add a "
                     "'time' line");
  if (findRequire(b, "values")) {
    llvm::StringSet<> brandValues;
    for (const ast::NameList& l : b.values)
      for (const ast::Ident& v : l.names)
        brandValues.insert(v.text);
    bool conveys = false;
    auto check = [&](const std::vector<ast::Ident>& list) {
      for (const ast::Ident& v : list)
        conveys |= brandValues.count(v.text) != 0;
    };
    for (const ast::Decl* d : provided)
      check(llvm::cast<ast::MaterialDecl>(d)->conveys);
    for (const ast::Decl* d : tactics)
      check(llvm::cast<ast::TacticDecl>(d)->conveys);
    if (!conveys)
      requireFails("values", DiagKind::MissingValues,
                   "stage " + quoted(s.name.text) + " conveys none of the values of " +
                       brandName(b) + " through its materials or tactics");
  }
  if (const ast::BrandRequire* r = findRequire(b, "teaching"); r && s.learn) {
    llvm::StringSet<> taught;
    for (const ast::Decl* d : provided)
      for (const ast::Ident& k : llvm::cast<ast::MaterialDecl>(d)->teaches)
        taught.insert(k.text);
    for (const ast::Decl* d : tactics)
      for (const ast::Ident& k : llvm::cast<ast::TacticDecl>(d)->teaches)
        taught.insert(k.text);
    for (const ast::Ident& k : s.learn->names)
      if (!taught.count(k.text))
        diags
            .report(DiagKind::UntaughtKnowledge, k.range,
                    "stage " + quoted(s.name.text) + " expects the prospect to learn " +
                        quoted(k.text) + ", but nothing it provides or uses teaches it; provide " +
                        "or use something declared with 'teaches " + k.text.str() + "'")
            .note(r->range, "required by " + brandName(b) + " here");
  }
}

bool checkProcessAgainstBrand(const ResolvedProcess& p, const ast::BrandDecl& b,
                              diag::DiagnosticEngine& diags) {
  diag::ErrorTrap trap(diags);
  if (b.maxStages.empty())
    return true;
  double max = b.maxStages[0].value.value;
  if (max < 1 || max != static_cast<unsigned>(max))
    return true; // reported with the brand (T006)
  if (p.stages.size() > max)
    diags
        .report(DiagKind::TooManyStages, p.decl->name.range,
                "process " + quoted(p.decl->name.text) + " has " + std::to_string(p.stages.size()) +
                    " stages; " + brandName(b) + " allows at most " +
                    std::to_string(static_cast<unsigned>(max)))
        .note(b.maxStages[0].range, "the limit is set here");
  return !trap.hasErrors();
}

void checkCycleAgainstBrand(const ResolvedProcess& p, const ast::BrandDecl& b,
                            const rt::Analysis& a, diag::DiagnosticEngine& diags) {
  if (b.maxCycle.empty())
    return;
  auto per = daysPerUnit(b.maxCycle[0].value.unit.text);
  if (!per)
    return;
  double max = b.maxCycle[0].value.amount.value * *per;
  if (max <= 0 || a.winRate() <= 0 || a.winsWithin(max))
    return;
  double expectedDaysToWin = a.expectedDaysToWin[a.start];
  diags
      .report(DiagKind::CycleTooLong, p.decl->name.range,
              "process " + quoted(p.decl->name.text) + " is expected to take " +
                  rt::days(expectedDaysToWin) + " to win a deal; " + brandName(b) +
                  " allows at most " + rt::days(max))
      .note(b.maxCycle[0].range, "the limit is set here");
}

} // namespace salesc::sema
