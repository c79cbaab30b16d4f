//===- EmitTestProcesses.h - Hand-built processes for the emitters' tests -===//
#ifndef SALESC_EMIT_EMITTESTPROCESSES_H
#define SALESC_EMIT_EMITTESTPROCESSES_H

#include "Emit.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace salesc::emit::testing {

inline rt::State state(std::string name, rt::StateKind kind, std::string description = "") {
  rt::State s;
  s.name = std::move(name);
  s.kind = kind;
  s.description = std::move(description);
  return s;
}

inline rt::State stage(std::string name, std::string description, rt::Holding time) {
  rt::State s = state(std::move(name), rt::StateKind::Stage, std::move(description));
  s.time = time;
  s.hasTime = true;
  return s;
}

/// inquiry(0) -60%-> rep_call(1) -45%-> demo(2) -50%-> proposal(3) -40%-> contract(4)
/// -100%-> signed(5); demo sends 10% back to rep_call; the remainders go to lost(6).
inline rt::Process salesProcess() {
  rt::Process p;
  p.name = "direct_consulting";
  p.description = "Direct sales of consulting";
  p.channel = "direct";
  p.offering = "consulting";
  p.currency = "USD";
  p.value = 15000;
  p.targetWinRate = 0.05;
  p.targetCycleDays = 60;
  rt::Brand b;
  b.name = "acme";
  b.description = "Acme Consulting";
  b.values = {"professional", "good_value"};
  b.forbiddenCategories = {"pushy"};
  b.requirements = {rt::Requirement::Materials};
  b.maxCycleDays = 30;
  p.brand = b;
  p.states.push_back(stage("inquiry", "Prospect asks for information", {1, 2, 3}));
  p.states[0].learn = {{"problem_fit", "How the service solves the problem"}};
  p.states[0].provide = {{"brochure", "Service brochure"}};
  p.states[0].tactics = {{"email_follow_up", ""}};
  p.states.push_back(stage("rep_call", "A rep calls", {2, 3, 7}));
  p.states.push_back(stage("demo", "Meeting and demo", {7, 10.5, 14}));
  p.states[2].stalledAfter = 30;
  p.states.push_back(stage("proposal", "We send a proposal", {7, 14, 21}));
  p.states.push_back(stage("contract", "Lawyers read the contract", {1, 1, 1}));
  p.states.push_back(state("signed", rt::StateKind::Won, "Signs and pays"));
  p.states.push_back(state("lost", rt::StateKind::Lost, "Did not buy"));
  auto edge = [&](uint32_t from, uint32_t to, double prob, bool implicit = false) {
    p.transitions.push_back({from, to, prob, implicit});
  };
  edge(0, 1, 0.6);
  edge(0, 6, 0.4, true);
  edge(1, 2, 0.45);
  edge(1, 6, 0.55, true);
  edge(2, 3, 0.5);
  edge(2, 1, 0.1);
  edge(2, 6, 0.4, true);
  edge(3, 4, 0.4);
  edge(3, 6, 0.6, true);
  edge(4, 5, 1.0);
  return p;
}

/// One stage whose texts hold everything a renderer could misread.
inline rt::Process hostileProcess() {
  rt::Process p;
  p.name = "x\"<y>&";
  p.description = "# Deals | \"quotes\" <script>alert(1)</script> & `code` $5\nline two";
  p.states.push_back(
      stage("a\"b<c>&d", "1. Call <b>now</b> | \"ask\" & 'listen'\n# not a heading", {1, 1, 1}));
  p.states.push_back(state("w]on#", rt::StateKind::Won, "yes | <i>really</i>"));
  p.states.push_back(state("l`ost", rt::StateKind::Lost, "no\r\nway"));
  p.transitions = {{0, 1, 0.3, false}, {0, 2, 0.7, true}};
  return p;
}

/// A buying committee: visit(0), owned by the team field, with an exit criterion, -50%->
/// committee(1), without an owner, where cfo (80%, 3 days) and legal (50%, 5 days) sign
/// off -> won(2); the remainders go to lost(3).
inline rt::Process committeeProcess() {
  rt::Process p;
  p.name = "committee_sale";
  p.description = "A sale to a committee";
  p.teams = {{"field", "Field sales"}};
  p.roles = {{"cfo", "Chief financial officer", {{"payback", "Payback period", {}}}},
             {"legal", "Legal", {}}};
  p.states.push_back(stage("visit", "We visit", {1, 2, 3}));
  p.states[0].owner = "field";
  p.states[0].learn = {{"payback", "Payback period", {}}};
  p.states[0].exitCriteria = {"Budget named"};
  p.states.push_back(state("committee", rt::StateKind::Stage, "The committee decides"));
  p.states[1].signoffs = {{"cfo", 0.8, {3, 3, 3}}, {"legal", 0.5, {5, 5, 5}}};
  p.states.push_back(state("won", rt::StateKind::Won));
  p.states.push_back(state("lost", rt::StateKind::Lost));
  p.transitions = {{0, 1, 0.5, false}, {0, 3, 0.5, true}, {1, 2, 0.4, false}, {1, 3, 0.6, true}};
  return p;
}

/// a ("First call", fixed 2 days) -50%-> b_stage (fixed 3 days) -40%-> won, the remainders
/// lost; a won deal is worth 1,000 EUR. Of 1,000 leads 500 reach b_stage and 200 win, each
/// after exactly 5 days; a takes 2 of the 3.5 expected days, b_stage 0.5 x 3 = 1.5.
inline rt::Process tinyProcess() {
  rt::Process p;
  p.name = "tiny";
  p.currency = "EUR";
  p.value = 1000;
  p.states.push_back(stage("a", "First call", {2, 2, 2}));
  p.states.push_back(stage("b_stage", "", {3, 3, 3}));
  p.states.push_back(state("won", rt::StateKind::Won));
  p.states.push_back(state("lost", rt::StateKind::Lost));
  p.transitions = {{0, 1, 0.5, false}, {0, 3, 0.5, true}, {1, 2, 0.4, false}, {1, 3, 0.6, true}};
  return p;
}

inline rt::AnalyzedProcess analyzed(const rt::Process& p) {
  llvm::Expected<rt::Analysis> a = rt::analyze(p);
  if (!a) {
    ADD_FAILURE() << llvm::toString(a.takeError());
    return rt::AnalyzedProcess{&p, {}};
  }
  return rt::AnalyzedProcess{&p, std::move(*a)};
}

inline std::vector<std::string> lines(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef, 64> parts;
  text.split(parts, '\n');
  return std::vector<std::string>(parts.begin(), parts.end());
}

} // namespace salesc::emit::testing

#endif // SALESC_EMIT_EMITTESTPROCESSES_H
