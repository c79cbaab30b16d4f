//===- CrmLabels.cpp - The CRM labels of a process's stages and outcomes --===//
#include "CrmLabels.h"

#include "diag/Wording.h"

#include "salesc/runtime/StageLabels.h"

#include "llvm/ADT/StringMap.h"

namespace salesc::sema {

using diag::DiagKind;
using diag::quoted;

std::vector<std::string> crmLabelsOf(const ast::CrmLabels& c) {
  std::vector<std::string> out;
  for (const ast::Text& t : c.labels)
    out.push_back(t.value);
  return out;
}

namespace {

/// A stage or outcome with its labels, as the process stands after `extends`.
struct Labelled {
  llvm::StringRef kind; ///< "stage" or "outcome"
  const ast::Ident* name;
  const ast::CrmLabels* crm;
};

std::vector<Labelled> labelledStates(const ResolvedProcess& p) {
  std::vector<Labelled> out;
  for (const ResolvedStage& s : p.stages)
    out.push_back({"stage", &s.name, s.crm});
  for (const ast::Outcome* o : p.outcomes) {
    auto labels = p.outcomeCrm.find(o->name.text);
    out.push_back({"outcome", &o->name, labels == p.outcomeCrm.end() ? nullptr : labels->second});
  }
  return out;
}

} // namespace

bool checkCrmLabels(const ResolvedProcess& p, diag::DiagnosticEngine& diags) {
  const std::vector<Labelled> states = labelledStates(p);
  llvm::StringMap<const Labelled*> byName;
  for (const Labelled& s : states)
    byName.try_emplace(rt::foldLabel(s.name->text), &s);
  struct FirstUse {
    const Labelled* state;
    const ast::Text* label;
  };
  llvm::StringMap<FirstUse> seen;
  bool sound = true;
  for (const Labelled& s : states) {
    if (!s.crm)
      continue;
    const std::string of = s.kind.str() + " " + quoted(s.name->text);
    for (const ast::Text& label : s.crm->labels) {
      const std::string folded = rt::foldLabel(label.value);
      if (folded.empty()) {
        diags.report(DiagKind::EmptyCrmLabel, label.range,
                     "a CRM label of " + of +
                         " has no letter or digit, so no export's stage can match it; write "
                         "the stage's label as the CRM shows it, or remove this one");
        sound = false;
        continue;
      }
      auto [first, inserted] = seen.try_emplace(folded, FirstUse{&s, &label});
      if (!inserted) {
        const Labelled& other = *first->second.state;
        const bool same = other.name == s.name;
        diags
            .report(DiagKind::DuplicateCrmLabel, label.range,
                    "the CRM label " + quoted(label.value) + " is given to " +
                        (same ? of + " twice"
                              : of + " and " + other.kind.str() + " " + quoted(other.name->text)) +
                        "; an export's rows with it must go to one stage or outcome")
            .note(first->second.label->range,
                  same ? "first given here" : "given to " + quoted(other.name->text) + " here");
        sound = false;
        continue;
      }
      if (auto named = byName.find(folded); named != byName.end() && named->second != &s)
        diags
            .report(DiagKind::CrmLabelIsName, label.range,
                    "the CRM label " + quoted(label.value) + " of " + of + " is also the name of " +
                        named->second->kind.str() + " " + quoted(named->second->name->text) +
                        "; the export reader tries labels before names, so rows labelled " +
                        quoted(label.value) + " go to " + quoted(s.name->text) + ", never to " +
                        quoted(named->second->name->text))
            .note(named->second->name->range,
                  quoted(named->second->name->text) + " is declared here");
    }
  }
  return sound;
}

} // namespace salesc::sema
