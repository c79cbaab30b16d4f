//===- ResolvedProcess.cpp - A process with its `extends` chain applied ---===//
#include "ResolvedProcess.h"

#include "Spelling.h"
#include "diag/Wording.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

namespace salesc::sema {

using diag::DiagKind;

namespace {

/// The first of settings stated more than once (a duplicate is reported elsewhere),
/// as for stage lines.
template <typename T> const T* firstOf(const std::vector<T>& v) {
  return v.empty() ? nullptr : &v.front();
}

} // namespace

const ResolvedProcess* ProcessResolver::resolve(const ast::ProcessDecl* p) {
  auto it = state_.find(p);
  if (it != state_.end()) {
    if (it->second == State::InProgress)
      return nullptr; // a cycle: reported where it closes
    auto d = done_.find(p);
    return d == done_.end() ? nullptr : d->second.get();
  }
  state_[p] = State::InProgress;
  stack_.push_back(p);
  std::unique_ptr<ResolvedProcess> r = build(p);
  stack_.pop_back();
  state_[p] = State::Done;
  const ResolvedProcess* out = r.get();
  if (r)
    done_[p] = std::move(r);
  return out;
}

std::unique_ptr<ResolvedProcess> ProcessResolver::build(const ast::ProcessDecl* p) {
  auto r = std::make_unique<ResolvedProcess>();
  if (p->extends) {
    const ast::Decl* d = symbols_.resolve(*p->extends, {ast::DeclKind::Process},
                                          "'extends' takes the name of another process");
    if (!d)
      return nullptr;
    auto* base = llvm::cast<ast::ProcessDecl>(d);
    auto seen = state_.find(base);
    if (seen != state_.end() && seen->second == State::InProgress) {
      std::string chain;
      if (base == p) {
        chain = "'" + p->name.text.str() + "' extends itself";
      } else {
        auto from = llvm::find(stack_, base);
        for (auto it = from; it != stack_.end(); ++it)
          chain += "'" + (*it)->name.text.str() + "' extends '" +
                   (it + 1 == stack_.end() ? base : *(it + 1))->name.text.str() + "', ";
        chain.resize(chain.size() - 2);
      }
      diags_
          .report(DiagKind::ExtendsCycle, p->extends->range,
                  "these processes are based on each other in a circle: " + chain +
                      "; one of them must stand on its own")
          .note(base->name.range, "'" + base->name.text.str() + "' is declared here");
      return nullptr;
    }
    const ResolvedProcess* b = resolve(base);
    if (!b)
      return nullptr;
    *r = *b;
    r->decl = p;
    apply(*r, *p, Mode::Extending);
    resolveSegments(*r, *p, b);
  } else {
    r->decl = p;
    apply(*r, *p, Mode::Standalone);
    resolveSegments(*r, *p, nullptr);
  }
  return r;
}

void ProcessResolver::resolveSegments(ResolvedProcess& r, const ast::ProcessDecl& p,
                                      const ResolvedProcess* base) {
  std::vector<const ast::Segment*> decls;
  for (const auto& seg : p.segments) {
    checkSegmentLines(*seg);
    decls.push_back(seg.get());
  }
  if (decls.empty() && base)
    for (const ResolvedProcess::Segment& seg : base->segments)
      decls.push_back(seg.decl);
  r.segments.clear();
  for (const ast::Segment* seg : decls) {
    auto view = std::make_shared<ResolvedProcess>(r);
    view->segments.clear();
    apply(*view, *seg->body, Mode::Segment);
    r.segments.push_back({seg, std::move(view)});
  }
}

void ProcessResolver::checkSegmentLines(const ast::Segment& seg) {
  const ast::ProcessDecl& b = *seg.body;
  auto refuse = [&](llvm::SMRange range, llvm::StringRef what) {
    diags_.report(DiagKind::SegmentLine, range,
                  "segment " + diag::quoted(seg.name.text) + " cannot state " + what.str() +
                      ": a segment restates the value, the margin, stages and outcomes of its "
                      "process; state this in the process");
  };
  for (const auto& s : b.brand)
    refuse(s.range, "the brand");
  for (const auto& s : b.targetWinRate)
    refuse(s.range, "a target");
  for (const auto& s : b.targetCycle)
    refuse(s.range, "a target");
  for (const auto& s : b.start)
    refuse(s.range, "where the process starts");
  for (const ast::NameList& l : b.remove)
    refuse(l.range, "a 'remove' line");
  for (const auto& s : b.segments)
    refuse(s->range, "segments of its own");
  for (const auto& s : b.stages)
    for (const ast::CrmLabels& c : s->crm)
      refuse(c.range, "CRM labels");
  for (const ast::Outcome& o : b.outcomes)
    if (o.crm)
      refuse(o.crm->range, "CRM labels");
}

namespace {

/// The settings `p` states replace those it inherits.
void applySettings(ResolvedProcess& r, const ast::ProcessDecl& p) {
  if (p.description)
    r.description = &*p.description;
  if (auto* s = firstOf(p.brand))
    r.brand = s;
  if (auto* s = firstOf(p.value))
    r.value = s;
  if (auto* s = firstOf(p.targetWinRate))
    r.targetWinRate = s;
  if (auto* s = firstOf(p.targetCycle))
    r.targetCycle = s;
  if (auto* s = firstOf(p.start))
    r.start = s;
  if (auto* s = firstOf(p.margin))
    r.margin = s;
}

} // namespace

void ProcessResolver::remove(ResolvedProcess& r, const ast::ProcessDecl& p, Mode mode) {
  if (mode == Mode::Segment)
    return; // checkSegmentLines refuses the line
  for (const ast::NameList& l : p.remove) {
    if (mode != Mode::Extending) {
      diags_.report(DiagKind::InvalidRemove, l.range,
                    "'remove' drops stages or outcomes a process takes from the process it "
                    "extends, and process " +
                        diag::quoted(p.name.text) +
                        " extends none; delete the stage or outcome itself");
      continue;
    }
    for (const ast::Ident& name : l.names) {
      auto stage = llvm::find_if(
          r.stages, [&](const ResolvedStage& st) { return st.name.text == name.text; });
      auto outcome = llvm::find_if(
          r.outcomes, [&](const ast::Outcome* o) { return o->name.text == name.text; });
      if (stage != r.stages.end()) {
        r.stages.erase(stage);
      } else if (outcome != r.outcomes.end()) {
        r.outcomeCrm.erase((*outcome)->name.text);
        r.outcomes.erase(outcome);
      } else if (auto prior = r.removed.find(name.text); prior != r.removed.end()) {
        // Removed already: above in this process, or by a process it extends.
        diags_
            .report(DiagKind::InvalidRemove, name.range,
                    diag::quoted(name.text) +
                        " is removed already, so there is none to remove; delete it from this line")
            .note(prior->second->range, diag::quoted(name.text) + " is removed here");
        continue;
      } else {
        std::vector<llvm::StringRef> names;
        for (const ResolvedStage& st : r.stages)
          names.push_back(st.name.text);
        for (const ast::Outcome* o : r.outcomes)
          names.push_back(o->name.text);
        std::string msg = "process " + diag::quoted(p.name.text) +
                          " takes no stage or outcome named " + diag::quoted(name.text) + " from " +
                          diag::quoted(p.extends->text) + ", so there is none to remove";
        if (auto c = closest(name.text, names))
          diags_.report(DiagKind::InvalidRemove, name.range, msg + diag::didYouMean(*c));
        else
          diags_.report(DiagKind::InvalidRemove, name.range, msg);
        continue;
      }
      r.removed[name.text] = &name;
    }
  }
}

void ProcessResolver::apply(ResolvedProcess& r, const ast::ProcessDecl& p, Mode mode) {
  const bool extending = mode != Mode::Standalone;
  applySettings(r, p);
  remove(r, p, mode);

  // Names inherited from the base (which a block may restate) and names this block
  // declares (which it may not declare twice).
  llvm::StringMap<size_t> stageIndex;
  for (size_t i = 0; i < r.stages.size(); ++i)
    stageIndex[r.stages[i].name.text] = i;
  llvm::StringMap<size_t> outcomeIndex;
  for (size_t i = 0; i < r.outcomes.size(); ++i)
    outcomeIndex[r.outcomes[i]->name.text] = i;
  llvm::StringMap<llvm::SMRange> declaredHere;
  auto declareHere = [&](const ast::Ident& name) {
    auto [it, inserted] = declaredHere.try_emplace(name.text, name.range);
    if (inserted)
      return true;
    diags_
        .report(DiagKind::DuplicateName, name.range,
                "'" + name.text.str() + "' is already a stage or outcome of process '" +
                    p.name.text.str() + "'")
        .note(it->second, "'" + name.text.str() + "' is first declared here");
    return false;
  };

  for (const auto& st : p.stages) {
    if (!declareHere(st->name))
      continue;
    if (outcomeIndex.count(st->name.text)) {
      const ast::Outcome* o = r.outcomes[outcomeIndex[st->name.text]];
      diags_
          .report(DiagKind::DuplicateName, st->name.range,
                  "'" + st->name.text.str() + "' is already an outcome of the base process")
          .note(o->name.range, "the outcome is declared here");
      continue;
    }
    auto found = stageIndex.find(st->name.text);
    if (found == stageIndex.end() && mode == Mode::Segment) {
      diags_.report(DiagKind::SegmentLine, st->name.range,
                    "process " + diag::quoted(r.decl->name.text) + " has no stage " +
                        diag::quoted(st->name.text) + " for segment " + diag::quoted(p.name.text) +
                        " to restate; a segment changes the process's stages and adds none");
      continue;
    }
    ResolvedStage* rs;
    if (found != stageIndex.end() && extending) {
      rs = &r.stages[found->second];
    } else {
      r.stages.push_back(ResolvedStage{});
      rs = &r.stages.back();
      rs->origin = st.get();
      rs->name = st->name;
      stageIndex[st->name.text] = r.stages.size() - 1;
    }
    if (st->description)
      rs->description = &*st->description;
    if (st->learn)
      rs->learn = &*st->learn;
    if (st->provide)
      rs->provide = &*st->provide;
    if (st->use)
      rs->use = &*st->use;
    if (!st->times.empty())
      rs->time = &st->times.front();
    if (!st->stalled.empty())
      rs->stalled = &st->stalled.front();
    if (!st->owner.empty())
      rs->owner = &st->owner.front();
    if (!st->exitWhen.empty())
      rs->exitWhen = &st->exitWhen.front();
    if (!st->crm.empty())
      rs->crm = &st->crm.front();
    if (!st->next.empty() || !st->otherwise.empty() || !st->signoffs.empty()) {
      rs->next.clear();
      for (const ast::NextEdge& e : st->next)
        rs->next.push_back(&e);
      rs->otherwise = st->otherwise.empty() ? nullptr : &st->otherwise.front();
      rs->signoffs.clear();
      for (const ast::Signoff& so : st->signoffs)
        rs->signoffs.push_back(&so);
    }
  }
  for (const ast::Outcome& o : p.outcomes) {
    if (!declareHere(o.name))
      continue;
    if (stageIndex.count(o.name.text)) {
      const ResolvedStage& s = r.stages[stageIndex[o.name.text]];
      diags_
          .report(DiagKind::DuplicateName, o.name.range,
                  "'" + o.name.text.str() + "' is already a stage of process '" +
                      p.name.text.str() + "'")
          .note(s.name.range, "the stage is declared here");
      continue;
    }
    auto found = outcomeIndex.find(o.name.text);
    if (mode == Mode::Segment) {
      const ast::Outcome* base = found == outcomeIndex.end() ? nullptr : r.outcomes[found->second];
      if (!base || base->kind != o.kind) {
        diags_.report(DiagKind::SegmentLine, o.name.range,
                      "process " + diag::quoted(r.decl->name.text) + " has no " +
                          (o.kind == ast::OutcomeKind::Won ? "'won'" : "'lost'") + " outcome " +
                          diag::quoted(o.name.text) + " for segment " + diag::quoted(p.name.text) +
                          " to restate; a segment restates an outcome's value and adds none");
        continue;
      }
    }
    if (found != outcomeIndex.end())
      r.outcomes[found->second] = &o;
    else
      r.outcomes.push_back(&o);
    if (o.crm)
      r.outcomeCrm[o.name.text] = &*o.crm;
  }
}

} // namespace salesc::sema
