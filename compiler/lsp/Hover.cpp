//===- Hover.cpp - What a name is, and what salesc predicts for a stage ---===//
#include "Hover.h"

#include "salesc/runtime/Format.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>

namespace salesc::lsp {

namespace {

std::string code(llvm::StringRef name) {
  return "`" + name.str() + "`";
}

/// "`a`, `b`".
std::string codeList(const std::vector<const ast::Ident*>& names) {
  std::string out;
  for (const ast::Ident* n : names)
    out += (out.empty() ? "" : ", ") + code(n->text);
  return out;
}

llvm::StringRef slice(llvm::SMLoc from, llvm::SMLoc to) {
  return llvm::StringRef(from.getPointer(), to.getPointer() - from.getPointer());
}

/// The first line: "**tactic** `cold_call`", "**stage** `demo` of process `p`".
std::string title(const Symbol& s) {
  std::string process = " of process " + code(s.decl->name.text);
  switch (s.kind) {
  case Symbol::Kind::Decl:
    return "**" + ast::kindName(s.decl->kind()).str() + "** " + code(s.name->text);
  case Symbol::Kind::Stage:
    return "**stage** " + code(s.name->text) + process;
  case Symbol::Kind::Outcome:
    return std::string(s.outcome->kind == ast::OutcomeKind::Won ? "**won outcome** "
                                                                : "**lost outcome** ") +
           code(s.name->text) + process;
  case Symbol::Kind::Segment:
    return "**segment** " + code(s.name->text) + process;
  }
  return code(s.name->text);
}

const ast::Text* description(const Symbol& s) {
  const std::optional<ast::Text>* d = nullptr;
  switch (s.kind) {
  case Symbol::Kind::Decl:
    d = &s.decl->description;
    break;
  case Symbol::Kind::Stage:
    d = &s.stage->description;
    break;
  case Symbol::Kind::Outcome:
    d = &s.outcome->description;
    break;
  case Symbol::Kind::Segment:
    d = &s.segment->description;
    break;
  }
  return d && *d ? &**d : nullptr;
}

/// The analysis of `p` by `salesc analyze`, or why there is none.
struct Prediction {
  const rt::Process* process = nullptr;
  std::optional<rt::Analysis> analysis;
  std::string why;
};

Prediction predict(const Index& index, const ast::ProcessDecl* p) {
  auto [model, i] = index.modelOf(p);
  if (!model)
    return {nullptr, std::nullopt,
            "no prediction: process " + code(p->name.text) + " has errors (or an import that has)"};
  llvm::Expected<rt::Analysis> a = sema::analysisOf(*model, i);
  if (!a)
    return {nullptr, std::nullopt, "no prediction: " + llvm::toString(a.takeError())};
  return {&model->processes[i].process, std::move(*a), ""};
}

std::string timeToWin(double probability, double days) {
  return probability > 0 && !std::isnan(days) ? rt::days(days) : "never wins";
}

/// "CRM labels: `Demo Scheduled`, `Demo`" (empty for none): those of the model of `p`
/// when there is one (inherited labels included), else those its block states.
std::string crmLabels(const Symbol& s, const Prediction& pr) {
  std::vector<std::string> labels;
  std::optional<uint32_t> i = pr.process ? pr.process->find(s.name->text.str()) : std::nullopt;
  if (i) {
    labels = pr.process->states[*i].crmLabels;
  } else {
    const ast::CrmLabels* c = s.stage && !s.stage->crm.empty() ? &s.stage->crm.front()
                              : s.outcome && s.outcome->crm    ? &*s.outcome->crm
                                                               : nullptr;
    if (c)
      for (const ast::Text& t : c->labels)
        labels.push_back(t.value);
  }
  std::string out;
  for (const std::string& l : labels)
    out += (out.empty() ? "CRM labels: " : ", ") + code(l);
  return out;
}

/// A stage's or an outcome's CRM labels and figures in process `p`, as `salesc analyze`
/// says them.
std::string stateFigures(const Index& index, const Symbol& s, const ast::ProcessDecl* p) {
  Prediction pr = predict(index, p);
  const std::string labels = crmLabels(s, pr);
  const std::string before = labels.empty() ? "" : labels + "\n\n";
  if (!pr.analysis)
    return before + "_" + pr.why + "_";
  std::optional<uint32_t> i = pr.process->find(s.name->text.str());
  if (!i)
    return labels;
  const rt::Analysis& a = *pr.analysis;
  std::string in = p == s.decl ? "" : " (in process " + code(p->name.text) + ")";
  if (pr.process->states[*i].isOutcome())
    return before + "- leads that end here" + in + ": " + rt::percent(a.expectedVisits[*i]);
  return before + "- win probability" + in + ": " + rt::percent(a.winProbability[*i]) +
         "\n- expected time to win: " + timeToWin(a.winProbability[*i], a.expectedDaysToWin[*i]) +
         "\n- expected time to close: " + rt::days(a.expectedDaysToClose[*i]) +
         "\n- share of the time: " + rt::percent(a.timeShare[*i]);
}

std::string processFigures(const Index& index, const ast::ProcessDecl* p) {
  Prediction pr = predict(index, p);
  if (!pr.analysis)
    return "_" + pr.why + "_";
  const rt::Analysis& a = *pr.analysis;
  const rt::Process& rp = *pr.process;
  return "- win rate from the start (" + code(rp.states[rp.start].name) +
         "): " + rt::percent(a.winRate()) +
         "\n- expected time to win: " + timeToWin(a.winRate(), a.expectedDaysToWin[rp.start]) +
         "\n- expected time until any outcome: " + rt::days(a.expectedDaysToClose[rp.start]);
}

/// The brand process `p` states, or inherits through `extends`.
const ast::BrandDecl* brandOf(const Index& index, const ast::ProcessDecl* p) {
  for (size_t steps = 0; p && steps < 64; ++steps) {
    if (!p->brand.empty())
      return llvm::dyn_cast_or_null<ast::BrandDecl>(
          index.lookup(p->module, p->brand.front().value.text));
    p = p->extends
            ? llvm::dyn_cast_or_null<ast::ProcessDecl>(index.lookup(p->module, p->extends->text))
            : nullptr;
  }
  return nullptr;
}

bool names(const std::vector<ast::NameList>& lists, llvm::StringRef name) {
  return llvm::any_of(lists, [&](const ast::NameList& l) {
    return llvm::any_of(l.names, [&](const ast::Ident& n) { return n.text == name; });
  });
}

std::string tacticLines(const Index& index, const ast::TacticDecl& t, const ast::ProcessDecl* p) {
  std::string out = "Category: " + code(t.category.text) + ".";
  if (!p)
    return out;
  const ast::BrandDecl* brand = brandOf(index, p);
  if (!brand)
    return out + " Process " + code(p->name.text) + " has no brand that could forbid it.";
  std::string whose = " Brand " + code(brand->name.text) + " of process " + code(p->name.text);
  if (names(brand->forbidTactics, t.name.text))
    return out + whose + " **forbids** it.";
  if (names(brand->forbidCategories, t.category.text))
    return out + whose + " **forbids** its category " + code(t.category.text) + ".";
  return out + whose + " allows it.";
}

std::string roleLines(const Index& index, const Symbol& s) {
  const auto& role = llvm::cast<ast::RoleDecl>(*s.decl);
  std::vector<const ast::Ident*> needs;
  for (const ast::NameList& l : role.needs)
    for (const ast::Ident& k : l.names)
      needs.push_back(&k);
  std::string out = needs.empty() ? "Needs nothing." : "Needs: " + codeList(needs) + ".";
  std::string signoffs;
  for (const Occurrence* o : index.occurrencesOf(&s)) {
    if (o->declaration || !o->process)
      continue;
    for (const auto& stage : o->process->stages)
      for (const ast::Signoff& so : stage->signoffs)
        if (so.role.range.Start == o->range.Start)
          signoffs += "\n- at " + code(stage->name.text) + " of process " +
                      code(o->process->name.text) + ": " +
                      slice(so.share.range.Start, so.time.range.End).rtrim(" \t\r\n;").str();
  }
  return out + (signoffs.empty() ? "\n\nSigns off nowhere." : "\n\nSigns off:" + signoffs);
}

/// What the kind of `s` adds, at occurrence `o`.
std::string details(const Index& index, const Symbol& s, const Occurrence& o) {
  switch (s.kind) {
  case Symbol::Kind::Stage:
  case Symbol::Kind::Outcome:
    return stateFigures(index, s, o.process ? o.process : llvm::cast<ast::ProcessDecl>(s.decl));
  case Symbol::Kind::Segment:
    return "Share of the leads: " + rt::percentAsWritten(s.segment->share.amount.value) + ".";
  case Symbol::Kind::Decl:
    break;
  }
  if (auto* p = llvm::dyn_cast<ast::ProcessDecl>(s.decl))
    return processFigures(index, p);
  if (auto* t = llvm::dyn_cast<ast::TacticDecl>(s.decl))
    return tacticLines(index, *t, o.process);
  if (llvm::isa<ast::RoleDecl>(s.decl))
    return roleLines(index, s);
  return "";
}

} // namespace

llvm::json::Value hover(const Index& index, llvm::StringRef uri, Position at) {
  const Occurrence* o = index.at(uri, at);
  if (!o)
    return nullptr;
  const Symbol& s = *o->symbol;
  std::string text = title(s);
  if (const ast::Text* d = description(s))
    text += "\n\n" + d->value;
  std::string more = details(index, s, *o);
  if (!more.empty())
    text += "\n\n" + more;
  const frontend::Unit* here = index.unit(uri);
  text += "\n\nDeclared at " + code(index.displayPath(s.module, here ? here->root : nullptr) + ":" +
                                    std::to_string(index.lineOf(s.name->range.Start)));
  return llvm::json::Object{
      {"contents", llvm::json::Object{{"kind", "markdown"}, {"value", std::move(text)}}},
      {"range", toJson(index.rangeOf(o->range))}};
}

} // namespace salesc::lsp
