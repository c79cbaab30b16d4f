//===- ProcessChecker.cpp - Names, settings, stages and exits of a process ===//
#include "ProcessChecker.h"

#include "diag/Wording.h"

#include "salesc/runtime/Format.h"

#include "BrandRules.h"
#include "Committee.h"
#include "CrmLabels.h"
#include "Durations.h"
#include "Money.h"
#include "Spelling.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>
#include <fmt/format.h>
#include <functional>

namespace salesc::sema {

bool ownsPlace(const ast::ProcessDecl& p, llvm::SMRange at) {
  std::less_equal<const char*> le;
  return le(p.range.Start.getPointer(), at.Start.getPointer()) &&
         le(at.Start.getPointer(), p.range.End.getPointer());
}

std::string processAt(const ast::ProcessDecl& p, llvm::SMRange at) {
  return ownsPlace(p, at) ? "process " + diag::quoted(p.name.text) : "the process";
}

using diag::quoted;

using ast::DeclKind;
using diag::DiagKind;

namespace {

/// The share of a sign-off stage that moves on: every role approves, independently.
double approvedShare(const ResolvedStage& s) {
  double share = 1;
  for (const ast::Signoff* so : s.signoffs)
    share *= so->share.amount.value / 100.0;
  return share;
}

} // namespace

bool ProcessChecker::checkPercent(const ast::Percent& p, llvm::StringRef what) {
  if (p.amount.value > 0 && p.amount.value <= 100)
    return true;
  diags_.report(DiagKind::PercentOutOfRange, p.range,
                what.str() + " must be above 0% and at most 100%, not " +
                    rt::percentAsWritten(p.amount.value));
  return false;
}

std::vector<const ast::Decl*> ProcessChecker::resolveList(const ast::NameList* list,
                                                          llvm::ArrayRef<DeclKind> kinds,
                                                          llvm::StringRef role) {
  std::vector<const ast::Decl*> out;
  if (!list)
    return out;
  llvm::StringMap<llvm::SMRange> seen;
  for (const ast::Ident& name : list->names) {
    auto [it, inserted] = seen.try_emplace(name.text, name.range);
    if (!inserted) {
      diags_.report(DiagKind::RepeatedItem, name.range, quoted(name.text) + " is listed twice")
          .note(it->second, "first listed here");
      continue;
    }
    if (const ast::Decl* d = symbols_.resolve(name, kinds, role))
      out.push_back(d);
  }
  return out;
}

bool ProcessChecker::checkFor(const ast::ProcessDecl& p, CheckedProcess& out) {
  diag::ErrorTrap trap(diags_);
  llvm::StringSet<> seen;
  for (const ast::Ident& name : p.forList) {
    if (!seen.insert(name.text).second)
      continue; // listed twice: a repeated-item warning
    const ast::Decl* d = symbols_.resolve(name, {DeclKind::Channel, DeclKind::Offering},
                                          "'for' takes a channel and an offering");
    if (!d)
      continue;
    if (auto* c = llvm::dyn_cast<ast::ChannelDecl>(d)) {
      if (out.channel) {
        diags_
            .report(DiagKind::InvalidFor, name.range,
                    "a process is for one channel, but " + quoted(out.channel->name.text) +
                        " and " + quoted(name.text) +
                        " are both channels; write one process per channel")
            .note(out.channel->name.range, "the other channel is declared here");
        continue;
      }
      out.channel = c;
    } else if (auto* o = llvm::dyn_cast<ast::OfferingDecl>(d)) {
      if (out.offering) {
        diags_
            .report(DiagKind::InvalidFor, name.range,
                    "a process is for one offering, but " + quoted(out.offering->name.text) +
                        " and " + quoted(name.text) +
                        " are both offerings; write one process per offering")
            .note(out.offering->name.range, "the other offering is declared here");
        continue;
      }
      out.offering = o;
    }
  }
  return !trap.hasErrors();
}

bool ProcessChecker::checkBrand(const ResolvedProcess& p, const ast::BrandDecl*& brand) {
  brand = nullptr;
  if (!p.brand)
    return true;
  diag::ErrorTrap trap(diags_);
  const ast::Decl* d =
      symbols_.resolve(p.brand->value, {DeclKind::Brand}, "'brand' takes the name of a brand");
  brand = d ? llvm::cast<ast::BrandDecl>(d) : nullptr;
  return !trap.hasErrors();
}

std::optional<double> ProcessChecker::lowerMoney(const ast::Money& m, llvm::StringRef what,
                                                 rt::Process& out) {
  diag::ErrorTrap trap(diags_);
  llvm::StringRef cur = m.currency.text;
  if (!checkCurrencyCode(m.currency, diags_)) {
    // reported
  } else if (out.currency.empty()) {
    out.currency = cur.str();
    currencyAt_ = m.currency.range;
  } else if (out.currency != cur) {
    diags_
        .report(DiagKind::CurrencyMismatch, m.currency.range,
                "this amount is in " + cur.str() + ", but process " + quoted(out.name) +
                    " counts in " + out.currency +
                    "; all amounts of a process share one currency: convert it to " + out.currency)
        .note(currencyAt_, "the process's currency is set here");
  }
  if (m.amount.value <= 0 || m.amount.value > 1e15)
    diags_.report(DiagKind::InvalidNumber, m.amount.range,
                  what.str() + " must be above 0 and at most 1e15");
  if (trap.hasErrors())
    return std::nullopt;
  return m.amount.value;
}

bool ProcessChecker::checkSettings(const ResolvedProcess& p, rt::Process& out) {
  diag::ErrorTrap trap(diags_);
  if (p.value)
    out.value = lowerMoney(p.value->value, "the average deal value", out);
  if (p.margin && checkPercent(p.margin->value, "a margin"))
    out.margin = p.margin->value.amount.value / 100.0;
  if (p.targetWinRate && checkPercent(p.targetWinRate->value, "a target win rate"))
    out.targetWinRate = p.targetWinRate->value.amount.value / 100.0;
  if (p.targetCycle) {
    if (auto d = toDays(p.targetCycle->value, diags_)) {
      if (*d <= 0)
        diags_.report(DiagKind::InvalidNumber, p.targetCycle->value.range,
                      "a target cycle must be longer than 0 days");
      else
        out.targetCycleDays = *d;
    }
  }
  return !trap.hasErrors();
}

bool ProcessChecker::lowerStage(const ResolvedStage& s, const ast::BrandDecl* brand,
                                rt::State& out) {
  diag::ErrorTrap trap(diags_);
  out.kind = rt::StateKind::Stage;
  auto items = [](const std::vector<const ast::Decl*>& decls) {
    std::vector<rt::Item> v;
    for (const ast::Decl* d : decls) {
      rt::Item item{d->name.text.str(), d->description ? d->description->value : "", {}};
      const std::vector<ast::Ident>* teaches = nullptr;
      if (auto* m = llvm::dyn_cast<ast::MaterialDecl>(d))
        teaches = &m->teaches;
      else if (auto* t = llvm::dyn_cast<ast::TacticDecl>(d))
        teaches = &t->teaches;
      if (teaches)
        for (const ast::Ident& k : *teaches)
          item.teaches.push_back(k.text.str());
      v.push_back(std::move(item));
    }
    return v;
  };
  auto learn =
      resolveList(s.learn, {DeclKind::Knowledge}, "'learn' takes knowledge the prospect needs");
  auto provide = resolveList(s.provide, {DeclKind::Literature, DeclKind::Tool},
                             "'provide' takes literature or tools");
  auto use = resolveList(s.use, {DeclKind::Tactic}, "'use' takes tactics");
  out.learn = items(learn);
  out.provide = items(provide);
  out.tactics = items(use);
  if (s.time) {
    if (auto h = toHolding(*s.time, diags_)) {
      out.time = *h;
      out.hasTime = true;
      out.timeWritten = asWritten(*s.time);
    }
  }
  if (s.stalled) {
    if (auto d = toDays(*s.stalled, diags_)) {
      out.stalledAfter = *d;
      if (*d <= 0)
        diags_.report(DiagKind::StallBeforeTime, s.stalled->range,
                      "a stall limit of 0 days flags every deal as stalled the moment it "
                      "reaches this stage; write after how long a deal counts as stalled, as "
                      "in 'stalled after 21 days'");
      else if (out.hasTime && *d < out.time.min)
        diags_
            .report(DiagKind::StallBeforeTime, s.stalled->range,
                    "the stall limit of " + rt::days(*d) + " is shorter than the " +
                        rt::days(out.time.min) +
                        " every prospect spends in this stage, so every deal would be "
                        "flagged as stalled")
            .note(s.time->range, "the stage's time is stated here");
    }
  }
  if (s.owner)
    if (const ast::Decl* d = symbols_.resolve(*s.owner, {DeclKind::Team},
                                              "'owner' takes the team that runs the stage"))
      out.owner = d->name.text.str();
  if (s.exitWhen)
    for (const ast::Text& t : s.exitWhen->criteria)
      out.exitCriteria.push_back(t.value);
  if (s.crm)
    out.crmLabels = crmLabelsOf(*s.crm);
  lowerSignoffs(s, out);
  if (brand)
    checkStageAgainstBrand(s, *brand, provide, use, diags_);
  return !trap.hasErrors();
}

void ProcessChecker::lowerPeople(rt::Process& out) {
  // The roles and teams the stages name, each once, in the order first named.
  llvm::StringSet<> roles, teams;
  auto description = [](const ast::Decl* d) {
    return d->description ? d->description->value : std::string();
  };
  for (const rt::State& st : out.states) {
    for (const rt::Signoff& so : st.signoffs) {
      auto* r = llvm::dyn_cast_or_null<ast::RoleDecl>(symbols_.find(so.role));
      if (!r || !roles.insert(so.role).second)
        continue;
      rt::Role role{so.role, description(r), {}};
      for (const ast::NameList& l : r->needs)
        for (const ast::Ident& k : l.names)
          if (const ast::Decl* kd = symbols_.find(k.text); kd && llvm::isa<ast::KnowledgeDecl>(kd))
            role.needs.push_back(rt::Item{k.text.str(), description(kd), {}});
      out.roles.push_back(std::move(role));
    }
    if (!st.owner.empty() && teams.insert(st.owner).second)
      if (const ast::Decl* t = symbols_.find(st.owner))
        out.teams.push_back(rt::Team{st.owner, description(t)});
  }
}

void ProcessChecker::lowerSignoffs(const ResolvedStage& s, rt::State& out) {
  if (s.signoffs.empty())
    return;
  if (s.time)
    diags_
        .report(DiagKind::SignoffShape, s.time->range,
                "stage " + quoted(s.name.text) +
                    " is a sign-off stage: it lasts until the last role answers, so its time is "
                    "the roles' 'within' times; remove this 'time' line")
        .note(s.signoffs.front()->range, "the first sign-off is here");
  llvm::StringMap<const ast::Signoff*> seen;
  for (const ast::Signoff* so : s.signoffs) {
    auto [it, inserted] = seen.try_emplace(so->role.text, so);
    if (!inserted) {
      diags_
          .report(DiagKind::DuplicateSignoff, so->range,
                  "role " + quoted(so->role.text) + " already signs off at stage " +
                      quoted(s.name.text) +
                      "; give each role one 'signoff' line with its share and time")
          .note(it->second->range, "its first sign-off");
      continue;
    }
    const ast::Decl* role = symbols_.resolve(so->role, {DeclKind::Role},
                                             "'signoff' takes a role declared with 'role NAME'");
    bool share = checkPercent(so->share, "a sign-off's share");
    std::optional<rt::Holding> time = toHolding(so->time, diags_);
    if (role && share && time)
      out.signoffs.push_back(
          rt::Signoff{role->name.text.str(), so->share.amount.value / 100.0, *time});
  }
  out.hasTime = false;
  out.time = {};
}

bool ProcessChecker::lowerExits(const ResolvedProcess& p, const llvm::StringMap<uint32_t>& index,
                                rt::Process& out) {
  diag::ErrorTrap trap(diags_);
  std::vector<llvm::StringRef> stateNames;
  for (const rt::State& st : out.states)
    stateNames.push_back(st.name);
  auto target = [&](const ast::Ident& name) -> std::optional<uint32_t> {
    auto it = index.find(name.text);
    if (it != index.end())
      return it->second;
    if (auto removed = p.removed.find(name.text); removed != p.removed.end()) {
      diags_
          .report(DiagKind::RemovedTarget, name.range,
                  "this line sends prospects to " + quoted(name.text) + ", which " +
                      processAt(*p.decl, name.range) +
                      " removes; restate the stage's exits to send them elsewhere")
          .note(removed->second->range, quoted(name.text) + " is removed here");
      return std::nullopt;
    }
    if (const ast::Decl* d = symbols_.find(name.text)) {
      // `next pricing 40%;`: a name declared, but of another kind.
      symbols_.markUsed(d); // used by mistake: not also unused
      diags_
          .report(DiagKind::WrongKind, name.range,
                  quoted(name.text) + " is " + ast::kindNameWithArticle(d->kind()).str() +
                      ", not a stage or outcome of process " + quoted(p.decl->name.text) +
                      "; 'next' and 'otherwise' send prospects to a stage or an outcome")
          .note(d->name.range, quoted(d->name.text) + " is declared here as " +
                                   ast::kindNameWithArticle(d->kind()).str());
      return std::nullopt;
    }
    reportUnknownName(diags_, name,
                      processAt(*p.decl, name.range) + " has no stage or outcome named " +
                          quoted(name.text),
                      stateNames);
    return std::nullopt;
  };
  std::vector<uint32_t> lostOutcomes;
  for (uint32_t i = 0; i < out.states.size(); ++i)
    if (out.states[i].kind == rt::StateKind::Lost)
      lostOutcomes.push_back(i);

  for (uint32_t si = 0; si < p.stages.size(); ++si) {
    const ResolvedStage& s = p.stages[si];
    double sum = 0;
    bool ok = true;
    llvm::StringMap<const ast::NextEdge*> seen;
    std::vector<rt::Transition> edges;
    const bool signoff = !s.signoffs.empty();
    if (signoff && s.next.empty()) {
      diags_.report(DiagKind::SignoffShape, s.name.range,
                    "sign-off stage " + quoted(s.name.text) +
                        " says nowhere for the approved deals to go; add 'next STAGE;' (without "
                        "a share: the share is the product of the roles' shares)");
      continue;
    }
    for (const ast::NextEdge* e : s.next) {
      if (signoff && e != s.next.front()) {
        diags_
            .report(DiagKind::SignoffShape, e->range,
                    "sign-off stage " + quoted(s.name.text) +
                        " has one 'next' line, for the approved deals; the declined ones go to "
                        "the 'otherwise' target or the 'lost' outcome: remove this line, or write "
                        "'otherwise " +
                        e->target.text.str() + ";'")
            .note(s.next.front()->range, "the approved deals go here");
        ok = false;
        continue;
      }
      if (signoff != !e->share) {
        diags_.report(DiagKind::SignoffShape, e->range,
                      signoff
                          ? "in sign-off stage " + quoted(s.name.text) +
                                ", the 'next' line takes no share: the roles' shares decide "
                                "it; write 'next " +
                                e->target.text.str() + ";'"
                          : "this 'next' line has no share; write 'next " + e->target.text.str() +
                                " P%;', or add 'signoff' lines to make the stage a review "
                                "whose roles' shares decide it");
        ok = false;
        continue;
      }
      double pct = e->share ? e->share->amount.value : 100 * approvedShare(s);
      bool valid = !e->share || checkPercent(*e->share, "a share");
      auto to = target(e->target);
      auto [it, inserted] = seen.try_emplace(e->target.text, e);
      if (!inserted) {
        diags_
            .report(DiagKind::DuplicateNext, e->range,
                    "a second 'next' line to " + quoted(e->target.text) +
                        "; give each stage one 'next' line with the combined share")
            .note(it->second->range, "the first 'next' line to " + quoted(e->target.text));
        ok = false;
        continue;
      }
      if (to && *to == si) {
        diags_.report(DiagKind::NextToItself, e->target.range,
                      "stage " + quoted(s.name.text) +
                          " sends prospects to itself; the time they spend in a stage is its "
                          "'time' line");
        ok = false;
        continue;
      }
      if (!valid || !to) {
        ok = false;
        continue;
      }
      sum += pct;
      edges.push_back(rt::Transition{si, *to, pct / 100.0, false});
    }
    if (sum > 100 + 1e-9) {
      auto b =
          diags_.report(DiagKind::ExitsOver100, s.name.range,
                        "the 'next' lines of stage " + quoted(s.name.text) + " add up to " +
                            rt::percentAsWritten(sum) + "; together they can send at most 100%");
      for (const ast::NextEdge* e : s.next)
        b.note(e->range, "sends " +
                             rt::percentAsWritten(e->share ? e->share->amount.value
                                                           : 100 * approvedShare(s)) +
                             " to " + quoted(e->target.text));
      continue;
    }
    double remainder = 100 - sum;
    std::optional<uint32_t> rest;
    if (s.otherwise)
      rest = target(*s.otherwise);
    if (s.otherwise && rest && *rest == si) {
      diags_.report(DiagKind::NextToItself, s.otherwise->range,
                    "stage " + quoted(s.name.text) + " sends prospects to itself");
      ok = false;
    }
    if (signoff && rest && ok && !edges.empty() && edges.front().to == *rest) {
      diags_
          .report(DiagKind::SignoffShape, s.otherwise->range,
                  "'otherwise' sends the deals declined at sign-off stage " + quoted(s.name.text) +
                      " to " + quoted(s.otherwise->text) +
                      ", where the approved ones go, so the review would decide nothing; send "
                      "them to a 'lost' outcome or another stage")
          .note(s.next.front()->range, "the approved deals go here");
      ok = false;
    }
    if (!ok || (s.otherwise && !rest))
      continue;
    if (remainder <= 1e-9) {
      if (s.otherwise)
        diags_.report(DiagKind::OtherwiseUnused, s.otherwise->range,
                      "the 'next' lines of stage " + quoted(s.name.text) +
                          " already add up to 100%, so 'otherwise' sends no one");
    } else if (rest) {
      edges.push_back(rt::Transition{si, *rest, remainder / 100.0, true});
    } else if (lostOutcomes.size() == 1) {
      edges.push_back(rt::Transition{si, lostOutcomes[0], remainder / 100.0, true});
    } else {
      std::string why =
          lostOutcomes.empty()
              ? "the process has no 'lost' outcome"
              : "the process has " + std::to_string(lostOutcomes.size()) + " 'lost' outcomes";
      diags_.report(DiagKind::RemainderNowhere, s.name.range,
                    "stage " + quoted(s.name.text) + " sends " + rt::percentAsWritten(sum) +
                        " on, and the other " + rt::percentAsWritten(remainder) +
                        " have nowhere to go: " + why +
                        "; add 'otherwise OUTCOME;' to say where they go");
      continue;
    }
    // Merge an implicit remainder into an explicit edge to the same state.
    // (Only this stage's edges can share a target: a map, not a search of every
    // transition so far, which made 1,000 stages of 400 exits take 40 s.)
    llvm::DenseMap<uint32_t, size_t> byTarget;
    for (const rt::Transition& t : edges) {
      auto [it, inserted] = byTarget.try_emplace(t.to, out.transitions.size());
      if (inserted)
        out.transitions.push_back(t);
      else
        out.transitions[it->second].probability += t.probability;
    }
  }
  return !trap.hasErrors();
}

bool ProcessChecker::lowerStart(const ResolvedProcess& p, const llvm::StringMap<uint32_t>& index,
                                rt::Process& out) {
  if (!p.start)
    return true;
  diag::ErrorTrap trap(diags_);
  const ast::Ident& s = p.start->value;
  auto it = index.find(s.text);
  if (auto removed = p.removed.find(s.text); it == index.end() && removed != p.removed.end()) {
    diags_
        .report(DiagKind::RemovedTarget, s.range,
                processAt(*p.decl, s.range) + " starts at " + quoted(s.text) +
                    ", which it removes; add 'start STAGE;' to say where it starts now")
        .note(removed->second->range, quoted(s.text) + " is removed here");
  } else if (it == index.end()) {
    std::vector<llvm::StringRef> names;
    for (const ResolvedStage& st : p.stages)
      names.push_back(st.name.text);
    reportUnknownName(diags_, s,
                      processAt(*p.decl, s.range) + " has no stage named " + quoted(s.text), names);
  } else if (out.states[it->second].isOutcome()) {
    diags_.report(DiagKind::StartIsOutcome, s.range,
                  "the process cannot start at " + quoted(s.text) +
                      ", which is an outcome; 'start' names the first stage prospects enter");
  } else {
    out.start = it->second;
  }
  return !trap.hasErrors();
}

bool ProcessChecker::lowerChain(const ResolvedProcess& p, const ast::BrandDecl* brand,
                                rt::Process& out) {
  bool sound = true;
  llvm::StringMap<uint32_t> index;
  for (const ResolvedStage& s : p.stages) {
    index[s.name.text] = out.states.size();
    out.states.emplace_back();
    out.states.back().name = s.name.text.str();
    out.states.back().description = s.description ? s.description->value : "";
  }
  for (const ast::Outcome* o : p.outcomes) {
    index[o->name.text] = out.states.size();
    rt::State st;
    st.name = o->name.text.str();
    st.description = o->description ? o->description->value : "";
    st.kind = o->kind == ast::OutcomeKind::Won ? rt::StateKind::Won : rt::StateKind::Lost;
    if (auto labels = p.outcomeCrm.find(o->name.text); labels != p.outcomeCrm.end())
      st.crmLabels = crmLabelsOf(*labels->second);
    if (o->value && o->kind == ast::OutcomeKind::Lost) {
      diags_.report(DiagKind::LostOutcomeValue, o->valueRange,
                    "outcome " + quoted(o->name.text) +
                        " is lost, and a lost deal brings no revenue; remove the value from "
                        "this line");
      sound = false;
    } else if (o->value) {
      st.value = lowerMoney(*o->value, "a deal value", out);
      sound &= st.value.has_value();
    }
    out.states.push_back(std::move(st));
  }
  for (size_t i = 0; i < p.stages.size(); ++i)
    sound &= lowerStage(p.stages[i], brand, out.states[i]);
  lowerPeople(out);
  sound &= lowerStart(p, index, out);
  sound &= lowerExits(p, index, out);
  return sound;
}

bool ProcessChecker::lowerSegments(const ResolvedProcess& p, const ast::BrandDecl* brand,
                                   rt::Process& out) {
  if (p.segments.empty())
    return true;
  diag::ErrorTrap trap(diags_);
  double total = 0;
  for (const ResolvedProcess::Segment& seg : p.segments)
    total += seg.decl->share.amount.value;
  if (std::fabs(total - 100) > 1e-9) {
    auto b = diags_.report(DiagKind::SegmentShares, p.decl->name.range,
                           "the segments of process " + quoted(p.decl->name.text) + " share " +
                               rt::percentAsWritten(total) +
                               " of the leads; their shares must add up to 100%");
    for (const ResolvedProcess::Segment& seg : p.segments)
      b.note(seg.decl->name.range, quoted(seg.decl->name.text) + " takes " +
                                       rt::percentAsWritten(seg.decl->share.amount.value));
  }
  llvm::StringMap<const ast::Segment*> names;
  for (const ResolvedProcess::Segment& seg : p.segments) {
    auto [it, inserted] = names.try_emplace(seg.decl->name.text, seg.decl);
    if (!inserted) {
      diags_
          .report(DiagKind::DuplicateName, seg.decl->name.range,
                  "process " + quoted(p.decl->name.text) + " already has a segment " +
                      quoted(seg.decl->name.text))
          .note(it->second->name.range, "the first segment " + quoted(seg.decl->name.text));
      continue;
    }
    if (!checkPercent(seg.decl->share, "a segment's share"))
      continue;
    const ResolvedProcess& view = *seg.process;
    rt::Segment lowered;
    lowered.name = seg.decl->name.text.str();
    lowered.description = seg.decl->description ? seg.decl->description->value : "";
    lowered.share = seg.decl->share.amount.value / 100.0;
    rt::Process& sp = lowered.process;
    sp.name = out.name;
    sp.description = out.description;
    sp.channel = out.channel;
    sp.channelDescription = out.channelDescription;
    sp.offering = out.offering;
    sp.offeringDescription = out.offeringDescription;
    sp.brand = out.brand;
    // The segment counts in its process's currency.
    sp.currency = out.currency;
    if (!checkSettings(view, sp) || !lowerChain(view, brand, sp) || !checkShape(view, sp))
      continue;
    // A restated outcome keeps the process's description.
    for (size_t i = 0; i < sp.states.size() && i < out.states.size(); ++i)
      if (sp.states[i].description.empty())
        sp.states[i].description = out.states[i].description;
    out.segments.push_back(std::move(lowered));
  }
  return !trap.hasErrors();
}

CheckedProcess ProcessChecker::check(const ResolvedProcess& p, bool soundSoFar) {
  CheckedProcess result;
  result.decl = p.decl;
  bool sound = checkFor(*p.decl, result) && soundSoFar;

  rt::Process out;
  out.name = p.decl->name.text.str();
  out.description = p.description ? p.description->value : "";
  if (result.channel) {
    out.channel = result.channel->name.text.str();
    if (result.channel->description)
      out.channelDescription = result.channel->description->value;
  }
  if (result.offering) {
    out.offering = result.offering->name.text.str();
    if (result.offering->description)
      out.offeringDescription = result.offering->description->value;
  }
  const ast::BrandDecl* brand = nullptr;
  sound &= checkBrand(p, brand);
  if (brand)
    out.brand = lowerBrand(*brand);
  sound &= checkSettings(p, out);
  sound &= lowerChain(p, brand, out);
  if (brand)
    sound &= checkProcessAgainstBrand(p, *brand, diags_);
  // The shape and the predictions only mean something for a sound model.
  sound &= checkCrmLabels(p, diags_);
  if (!sound || !checkShape(p, out) || !lowerSegments(p, brand, out))
    return result;
  checkCommitteeNeeds(p, out, symbols_, diags_);
  std::optional<rt::Analysis> analysis;
  if (checkPredictions(p, brand, out, analysis)) {
    result.model = std::move(out);
    result.analysis = std::move(analysis);
  }
  return result;
}

} // namespace salesc::sema
