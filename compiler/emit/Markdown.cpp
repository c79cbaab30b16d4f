//===- Markdown.cpp - The playbook a team hands to its reps (GitHub Markdown) ===//
//
// Title and facts, the brand's rules, the flowchart, the stakeholder map (each role of
// the buying committee, what it needs, where it learns it and where it signs off), a
// section per stage (the start first, then the others as declared: its owner, what
// happens there, its sign-offs, its exit criteria as a checklist, its time and exits),
// the outcomes, and the analysis against the targets. Every piece of user text goes through
// `text()`: one line, markup characters backslash-escaped and `<`, `>`, `&` as entities, so a
// description can neither break the page (a table, a heading) nor inject HTML.
//
//===----------------------------------------------------------------------===//
#include "Emit.h"
#include "Format.h"
#include "MarkdownText.h"
#include "PlaybookMoney.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Holding.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

namespace salesc::emit {
namespace {

std::string text(llvm::StringRef s) {
  return markdownText(s);
}

/// A relative link target: unreserved characters kept, everything else %-encoded.
std::string url(llvm::StringRef s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

/// "a, b and c", each name escaped.
std::string list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0)
      out += i + 1 == names.size() ? " and " : ", ";
    out += text(names[i]);
  }
  return out;
}

std::string requirement(rt::Requirement r) {
  switch (r) {
  case rt::Requirement::Knowledge:
    return "something the prospect learns";
  case rt::Requirement::Materials:
    return "literature or tools we provide";
  case rt::Requirement::Time:
    return "a stated time";
  case rt::Requirement::Values:
    return "one of the brand's values, conveyed by its materials or tactics";
  case rt::Requirement::Teaching:
    return "for everything the prospect learns, material or a tactic that teaches it";
  }
  return "";
}

/// "demo", "signed (won outcome)": a state as a table cell names it.
std::string stateRef(const rt::State& s) {
  if (!s.isOutcome())
    return text(s.name);
  return text(s.name) + " (" + rt::toString(s.kind).str() + " outcome)";
}

class Playbook {
public:
  Playbook(const rt::AnalyzedProcess& a, llvm::StringRef svgFile)
      : a_full_(a), p_(*a.process), a_(a.analysis), svgFile_(svgFile),
        analyzed_(!p_.states.empty() && a_.winProbability.size() == p_.states.size() &&
                  a_.expectedDaysToWin.size() == p_.states.size() &&
                  a_.expectedVisits.size() == p_.states.size() &&
                  a_.timeShare.size() == p_.states.size()) {}

  std::string build() {
    header();
    brand();
    flowchart();
    stakeholders();
    stages();
    outcomes();
    analysis();
    out_ += playbookSegments(a_full_);
    out_ += playbookCampaigns(a_full_);
    return std::move(out_);
  }

private:
  void line(llvm::StringRef s = "") {
    out_ += s;
    out_ += '\n';
  }
  void heading(int level, llvm::StringRef s) {
    line(std::string(level, '#') + " " + s.str());
    line();
  }
  void bullet(llvm::StringRef label, llvm::StringRef value) {
    line("- **" + label.str() + ":** " + value.str());
  }
  void items(llvm::StringRef title, const std::vector<rt::Item>& entries) {
    if (entries.empty())
      return;
    line("**" + title.str() + "**");
    line();
    for (const rt::Item& i : entries)
      line("- " + text(displayName(i.name, i.description)));
    line();
  }

  /// An amount in the process's currency.
  std::string money(double amount) const { return markdownMoney(amount, p_.currency); }

  void header() {
    heading(1, text(p_.description.empty() ? p_.name : p_.description));
    bullet("Process", text(p_.name));
    if (!p_.channel.empty())
      bullet("Channel", text(displayName(p_.channel, p_.channelDescription)));
    if (!p_.offering.empty())
      bullet("Offering", text(displayName(p_.offering, p_.offeringDescription)));
    if (p_.value)
      bullet("Deal value", money(*p_.value));
    if (p_.margin)
      bullet("Gross margin", percent(*p_.margin));
    if (p_.targetWinRate)
      bullet("Target win rate", percentTarget(*p_.targetWinRate));
    if (p_.targetCycleDays)
      bullet("Target time to win", days(*p_.targetCycleDays));
    if (p_.start < p_.states.size())
      bullet("Prospects enter at", text(p_.states[p_.start].name));
    line();
  }

  void brand() {
    if (!p_.brand)
      return;
    const rt::Brand& b = *p_.brand;
    heading(2, "Brand");
    line("This process follows the rules of the brand **" + text(b.name) + "**" +
         (b.description.empty() ? "" : " (" + text(b.description) + ")") + ".");
    line();
    if (!b.values.empty())
      bullet("Values every stage should show", list(b.values));
    if (!b.forbiddenTactics.empty())
      bullet("Tactics we never use", list(b.forbiddenTactics));
    if (!b.forbiddenCategories.empty())
      bullet("Kinds of tactics we never use", list(b.forbiddenCategories));
    for (rt::Requirement r : b.requirements)
      bullet("Every stage has", requirement(r));
    if (b.maxStages)
      bullet("At most", fmt::format("{} stages", *b.maxStages));
    if (b.maxCycleDays)
      bullet("Longest expected time to win", days(*b.maxCycleDays));
    line();
  }

  void flowchart() {
    if (p_.states.empty())
      return;
    heading(2, "Flowchart");
    if (!svgFile_.empty()) {
      line("![Flowchart](" + url(svgFile_) + ")");
    } else {
      line("```mermaid");
      out_ += toMermaid(rt::AnalyzedProcess{&p_, a_, {}});
      line("```");
    }
    line();
  }

  /// The stages in playbook order: the start, then the others as declared.
  std::vector<uint32_t> stageOrder() const {
    std::vector<uint32_t> order;
    if (p_.start < p_.states.size() && !p_.states[p_.start].isOutcome())
      order.push_back(p_.start);
    for (uint32_t i = 0; i < p_.states.size(); ++i)
      if (!p_.states[i].isOutcome() && i != p_.start)
        order.push_back(i);
    return order;
  }

  void stages() {
    std::vector<uint32_t> order = stageOrder();
    if (order.empty()) {
      line("This process has no stages yet.");
      line();
      return;
    }
    heading(2, "Stages");
    for (size_t n = 0; n < order.size(); ++n)
      stage(n + 1, order[n]);
  }

  /// "Field sales engineers (field)": a team as the owner line names it.
  std::string team(const std::string& name) const {
    for (const rt::Team& t : p_.teams)
      if (t.name == name && !t.description.empty())
        return text(t.description) + " (" + text(name) + ")";
    return text(name);
  }

  /// The stakeholder map: a row per role and knowledge item it needs.
  void stakeholders() {
    if (p_.roles.empty())
      return;
    heading(2, "Stakeholder map");
    line("Who decides on the buyer's side, what each of them needs to know, where they learn it "
         "and where they sign off.");
    line();
    line("| Role | Needs to know | Learns it at | Signs off at |");
    line("| --- | --- | --- | --- |");
    for (const rt::Role& r : p_.roles) {
      std::string who = "**" + text(displayName(r.name, r.description)) + "**";
      std::string signs = signsOffAt(r.name);
      if (r.needs.empty())
        line("| " + who + " | | | " + signs + " |");
      for (size_t k = 0; k < r.needs.size(); ++k) {
        const rt::Item& need = r.needs[k];
        std::string what = text(displayName(need.name, need.description));
        line("| " + (k ? "" : who) + " | " + what + " | " + learnedAt(need.name) + " | " +
             (k ? "" : signs) + " |");
      }
    }
    line();
  }

  /// The stages that teach `knowledge`, in playbook order, or a word that there is none.
  std::string learnedAt(const std::string& knowledge) const {
    std::vector<std::string> at;
    for (uint32_t i : stageOrder())
      if (llvm::any_of(p_.states[i].learn, [&](const rt::Item& k) { return k.name == knowledge; }))
        at.push_back(p_.states[i].name);
    return at.empty() ? "no stage" : list(at);
  }

  /// "committee: approves 90%, answers in 7 to 14 days", one per sign-off of `role`.
  std::string signsOffAt(const std::string& role) const {
    std::string out;
    for (uint32_t i : stageOrder())
      for (const rt::Signoff& r : p_.states[i].signoffs)
        if (r.role == role)
          out += (out.empty() ? "" : "; ") + text(p_.states[i].name) + ": approves " +
                 percent(r.share) + ", answers in " + formatTime(r.time);
    return out.empty() ? "does not sign off" : out;
  }

  void signoffs(const rt::State& s) {
    if (!s.isSignoff())
      return;
    line("**Sign-offs**");
    line();
    line(fmt::format("Every role reviews at the same time; the deal moves on when all {} approve "
                     "({} of the deals) and waits for the last answer.",
                     s.signoffs.size(), percent(rt::approvedShare(s.signoffs))));
    line();
    line("| Role | Approves | Answers in | On average |");
    line("| --- | ---: | --- | ---: |");
    for (const rt::Signoff& r : s.signoffs)
      line("| " + text(r.role) + " | " + percent(r.share) + " | " + formatTime(r.time) + " | " +
           days(r.time.mean()) + " |");
    line();
  }

  void exitCriteria(const rt::State& s) {
    if (s.exitCriteria.empty())
      return;
    line("**Exit criteria**: before a deal moves on");
    line();
    for (const std::string& c : s.exitCriteria)
      line("- [ ] " + text(c));
    line();
  }

  void stage(size_t number, uint32_t i) {
    const rt::State& s = p_.states[i];
    heading(3, fmt::format("{}. {}{}", number, text(s.name), i == p_.start ? " (start)" : ""));
    if (!s.description.empty()) {
      line(text(s.description));
      line();
    }
    if (!s.owner.empty()) {
      line("**Owner:** " + team(s.owner));
      line();
    }
    items("What the prospect must learn", s.learn);
    items("Literature and tools we provide", s.provide);
    items("Tactics", s.tactics);
    signoffs(s);
    exitCriteria(s);
    // A paragraph between the lists above and this one keeps them apart.
    line("**Time and odds**");
    line();
    if (s.isSignoff())
      bullet("Time", "until the last role answers, " + days(rt::holdingMean(s)) + " on average");
    else if (s.hasTime)
      bullet("Time", writtenTime(s) + ", " + writtenMean(s) + " on average");
    else
      bullet("Time", "not stated (counted as no time in the predictions)");
    if (s.stalledAfter)
      bullet("Stalled",
             "a deal still here after " + days(*s.stalledAfter) + " is flagged as stalled");
    if (analyzed_) {
      bullet("Win probability from here", percent(a_.winProbability[i]));
      double toWin = a_.expectedDaysToWin[i];
      bullet("Expected time to win from here",
             std::isfinite(toWin) ? days(toWin) : "none: no prospect wins from here");
    }
    line();
    exits(i);
  }

  void exits(uint32_t from) {
    bool any = false;
    for (const rt::Transition& t : p_.transitions) {
      if (t.from != from || t.to >= p_.states.size())
        continue;
      if (!any) {
        line("**Where prospects go next**");
        line();
        line("| Next | Share |");
        line("| --- | ---: |");
        any = true;
      }
      std::string next = stateRef(p_.states[t.to]);
      if (t.implicit)
        next += ", the remainder";
      else if (p_.states[from].isSignoff())
        next += ", when every role approves";
      line("| " + next + " | " + percent(t.probability) + " |");
    }
    if (any)
      line();
  }

  void outcomes() {
    bool any = false;
    for (uint32_t i = 0; i < p_.states.size(); ++i) {
      const rt::State& s = p_.states[i];
      if (!s.isOutcome())
        continue;
      bool values = hasOutcomeValues(p_);
      if (!any) {
        heading(2, "Outcomes");
        line(std::string("| Outcome | Kind | Description |") + (values ? " Value of a win |" : "") +
             (analyzed_ ? " Share of prospects |" : ""));
        line(std::string("| --- | --- | --- |") + (values ? " ---: |" : "") +
             (analyzed_ ? " ---: |" : ""));
        any = true;
      }
      std::string row = "| " + text(s.name) + " | " + rt::toString(s.kind).str() + " | " +
                        text(s.description) + " |";
      if (values) {
        std::optional<double> v = s.kind == rt::StateKind::Won ? p_.winValue(i) : std::nullopt;
        row += " " + (v ? money(*v) : std::string()) + " |";
      }
      if (analyzed_)
        row += " " + percent(a_.expectedVisits[i]) + " |";
      line(row);
    }
    if (any)
      line();
  }

  void analysis() {
    if (!analyzed_ || stageOrder().empty())
      return;
    heading(2, "Analysis");
    line("Predicted from the conversion rates and times above, for a prospect entering at " +
         text(p_.states[p_.start].name) + ".");
    line();
    double win = a_.winRate();
    double toWin = a_.expectedDaysToWin[p_.start];
    bool wins = win > 0 && std::isfinite(toWin);
    line("| Figure | Predicted | Target | |");
    line("| --- | ---: | ---: | --- |");
    auto row = [&](llvm::StringRef figure, const std::string& predicted, const std::string& target,
                   const std::string& status) {
      line("| " + figure.str() + " | " + predicted + " | " + target + " | " + status + " |");
    };
    const PercentAgainst winText = percentAgainst(win, p_.targetWinRate);
    row("Win rate", winText.figure, winText.target,
        markdownVerdict(a_.winRateTargetMet.has_value(), a_.winRateTargetMet.value_or(false)));
    std::string toWinText = wins ? days(toWin) : "none: no prospect wins";
    row("Expected time to win", toWinText, p_.targetCycleDays ? days(*p_.targetCycleDays) : "",
        markdownVerdict(a_.cycleTargetMet.has_value(), a_.cycleTargetMet.value_or(false)));
    if (p_.brand && p_.brand->maxCycleDays)
      row("Expected time to win, against the brand's limit", toWinText,
          days(*p_.brand->maxCycleDays),
          markdownVerdict(wins, a_.winsWithin(*p_.brand->maxCycleDays)));
    row("Expected time to close (won or lost)", days(a_.expectedDaysToClose[p_.start]), "", "");
    if (std::optional<double> perLead = a_.valuePerLead()) {
      row(p_.oneWinValue() ? "Value per lead (deal value × win rate)"
                           : "Value per lead (P(win) × value, summed over won outcomes)",
          money(*perLead), "", "");
    }
    if (a_.marginPerLead)
      row("Margin per lead", money(*a_.marginPerLead), "", "");
    line();
    timeTable();
  }

  void timeTable() {
    if (!a_.bottleneck || *a_.bottleneck >= p_.states.size()) {
      line("No stage states a time, so there is no bottleneck.");
      line();
      return;
    }
    uint32_t b = *a_.bottleneck;
    line("**Bottleneck:** " + text(p_.states[b].name) + ", where prospects spend " +
         percent(a_.timeShare[b]) + " of the expected time to close.");
    line();
    line("| Stage | Expected visits | Mean time per visit | Share of the time |");
    line("| --- | ---: | ---: | ---: |");
    for (uint32_t i : stageOrder()) {
      const rt::State& s = p_.states[i];
      line("| " + text(s.name) + (i == b ? " (bottleneck)" : "") + " | " +
           formatDecimal(a_.expectedVisits[i]) + " | " + days(rt::holdingMean(s)) + " | " +
           percent(a_.timeShare[i]) + " |");
    }
    line();
  }

  const rt::AnalyzedProcess& a_full_;
  const rt::Process& p_;
  const rt::Analysis& a_;
  llvm::StringRef svgFile_;
  bool analyzed_;
  std::string out_;
};

} // namespace

std::string toMarkdown(const rt::AnalyzedProcess& p, llvm::StringRef svgFile) {
  return Playbook(p, svgFile).build();
}

} // namespace salesc::emit
