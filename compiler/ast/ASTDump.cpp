//===- ASTDump.cpp - A readable dump of a Module (--emit=ast) -------------===//
#include "ASTDump.h"

#include "diag/Location.h"

#include "llvm/Support/Casting.h"

#include <fmt/format.h>

namespace salesc::ast {
namespace {

class Dumper {
public:
  Dumper(const llvm::SourceMgr& sm, llvm::raw_ostream& os) : sm_(sm), os_(os) {}

  void module(const Module& m) {
    os_ << "Module " << m.path << '\n';
    for (const Import& i : m.imports)
      line(1, "Import", i.range) << " \"" << i.path.value << "\"\n";
    for (const auto& d : m.decls)
      decl(*d);
  }

private:
  llvm::raw_ostream& line(unsigned depth, llvm::StringRef what, llvm::SMRange r) {
    os_.indent((depth + nesting_) * 2) << what;
    if (r.Start.isValid()) {
      diag::Location loc = diag::resolve(sm_, r.Start);
      os_ << " <" << loc.line << ':' << loc.column << '>';
    }
    return os_;
  }
  void names(llvm::StringRef label, const std::vector<Ident>& ids) {
    if (ids.empty())
      return;
    os_ << ' ' << label;
    for (size_t i = 0; i < ids.size(); ++i)
      os_ << (i ? "," : "=") << ids[i].text;
  }
  static std::string num(double v) { return fmt::format("{:g}", v); }
  void desc(const std::optional<Text>& t) {
    if (t)
      os_ << " \"" << t->value << '"';
  }
  void duration(const Duration& d) { os_ << num(d.amount.value) << ' ' << d.unit.text; }

  void decl(const Decl& d) {
    static const char* kinds[] = {"Channel", "Offering", "Knowledge", "Literature",
                                  "Tool",    "Category", "Tactic",    "Brand",
                                  "Process", "Role",     "Team",      "Campaign"};
    line(1, kinds[static_cast<int>(d.kind())], d.range) << ' ' << d.name.text;
    desc(d.description);
    if (auto* o = llvm::dyn_cast<OfferingDecl>(&d))
      names("via", o->via);
    if (auto* m = llvm::dyn_cast<MaterialDecl>(&d)) {
      names("conveys", m->conveys);
      names("teaches", m->teaches);
    }
    if (auto* t = llvm::dyn_cast<TacticDecl>(&d)) {
      os_ << " category=" << t->category.text;
      names("conveys", t->conveys);
      names("teaches", t->teaches);
    }
    os_ << '\n';
    if (auto* b = llvm::dyn_cast<BrandDecl>(&d))
      brand(*b);
    if (auto* p = llvm::dyn_cast<ProcessDecl>(&d))
      process(*p);
    if (auto* c = llvm::dyn_cast<CampaignDecl>(&d))
      campaign(*c);
    if (auto* r = llvm::dyn_cast<RoleDecl>(&d))
      for (const NameList& l : r->needs) {
        line(2, "Needs", l.range);
        names("", l.names);
        os_ << '\n';
      }
  }

  void brand(const BrandDecl& b) {
    for (const NameList& l : b.values) {
      line(2, "Values", l.range);
      names("", l.names);
      os_ << '\n';
    }
    for (const NameList& l : b.forbidTactics) {
      line(2, "Forbid", l.range);
      names("", l.names);
      os_ << '\n';
    }
    for (const NameList& l : b.forbidCategories) {
      line(2, "ForbidCategory", l.range);
      names("", l.names);
      os_ << '\n';
    }
    for (const BrandRequire& r : b.requires_)
      line(2, "Require", r.range) << ' ' << r.what.text << '\n';
    for (const auto& m : b.maxStages)
      line(2, "MaxStages", m.range) << ' ' << num(m.value.value) << '\n';
    for (const auto& m : b.maxCycle) {
      line(2, "MaxCycle", m.range) << ' ';
      duration(m.value);
      os_ << '\n';
    }
  }

  void money(const Money& m) { os_ << ' ' << num(m.amount.value) << ' ' << m.currency.text; }

  void campaign(const CampaignDecl& c) {
    for (const auto& s : c.process)
      line(2, "Process", s.range) << ' ' << s.value.text << '\n';
    for (const auto& s : c.leads)
      line(2, "Leads", s.range) << ' ' << num(s.value.value) << '\n';
    for (const auto& s : c.cost) {
      line(2, "Cost", s.range);
      money(s.value);
      os_ << '\n';
    }
    for (const auto& s : c.enters)
      line(2, "Enters", s.range) << ' ' << s.value.text << '\n';
    for (const auto& s : c.segment)
      line(2, "Segment", s.range) << ' ' << s.value.text << '\n';
    for (const auto& s : c.targetRoi)
      line(2, "TargetRoi", s.range) << ' ' << num(s.value.amount.value) << "%\n";
  }

  void process(const ProcessDecl& p) {
    if (!p.forList.empty() || p.extends) {
      line(2, "Header", p.name.range);
      names("for", p.forList);
      if (p.extends)
        os_ << " extends=" << p.extends->text;
      os_ << '\n';
    }
    for (const auto& s : p.brand)
      line(2, "Brand", s.range) << ' ' << s.value.text << '\n';
    for (const auto& s : p.value)
      line(2, "Value", s.range) << ' ' << num(s.value.amount.value) << ' ' << s.value.currency.text
                                << '\n';
    for (const auto& s : p.targetWinRate)
      line(2, "TargetWinRate", s.range) << ' ' << num(s.value.amount.value) << "%\n";
    for (const auto& s : p.targetCycle) {
      line(2, "TargetCycle", s.range) << ' ';
      duration(s.value);
      os_ << '\n';
    }
    for (const auto& s : p.start)
      line(2, "Start", s.range) << ' ' << s.value.text << '\n';
    for (const auto& s : p.stages)
      stage(*s);
    for (const auto& s : p.margin)
      line(2, "Margin", s.range) << ' ' << num(s.value.amount.value) << "%\n";
    for (const Outcome& o : p.outcomes) {
      line(2, o.kind == OutcomeKind::Won ? "Won" : "Lost", o.range) << ' ' << o.name.text;
      desc(o.description);
      if (o.value) {
        os_ << " value";
        money(*o.value);
      }
      if (o.crm) {
        os_ << " crm";
        texts(o.crm->labels);
      }
      os_ << '\n';
    }
    for (const NameList& l : p.remove) {
      line(2, "Remove", l.range);
      names("", l.names);
      os_ << '\n';
    }
    for (const auto& seg : p.segments) {
      line(2, "Segment", seg->range)
          << ' ' << seg->name.text << " share=" << num(seg->share.amount.value) << '%';
      desc(seg->description);
      os_ << '\n';
      ++nesting_;
      process(*seg->body);
      --nesting_;
    }
  }

  void stage(const Stage& s) {
    line(2, "Stage", s.range) << ' ' << s.name.text;
    desc(s.description);
    os_ << '\n';
    auto list = [&](const char* what, const std::optional<NameList>& l) {
      if (!l)
        return;
      line(3, what, l->range);
      names("", l->names);
      os_ << '\n';
    };
    list("Learn", s.learn);
    list("Provide", s.provide);
    list("Use", s.use);
    for (const TimeSpec& t : s.times) {
      line(3, "Time", t.range);
      time(t);
      os_ << '\n';
    }
    for (const Duration& d : s.stalled) {
      line(3, "StalledAfter", d.range) << ' ';
      duration(d);
      os_ << '\n';
    }
    for (const NextEdge& e : s.next) {
      line(3, "Next", e.range) << ' ' << e.target.text;
      if (e.share)
        os_ << ' ' << num(e.share->amount.value) << '%';
      os_ << '\n';
    }
    for (const Ident& o : s.otherwise)
      line(3, "Otherwise", o.range) << ' ' << o.text << '\n';
    for (const Ident& o : s.owner)
      line(3, "Owner", o.range) << ' ' << o.text << '\n';
    for (const ExitCriteria& e : s.exitWhen) {
      line(3, "ExitWhen", e.range);
      texts(e.criteria);
      os_ << '\n';
    }
    for (const CrmLabels& c : s.crm) {
      line(3, "Crm", c.range);
      texts(c.labels);
      os_ << '\n';
    }
    for (const Signoff& so : s.signoffs) {
      line(3, "Signoff", so.range)
          << ' ' << so.role.text << ' ' << num(so.share.amount.value) << "% within";
      time(so.time);
      os_ << '\n';
    }
  }

  /// ` "a" "b"`: strings as decoded, each quoted.
  void texts(const std::vector<Text>& v) {
    for (const Text& t : v)
      os_ << " \"" << t.value << '"';
  }

  void time(const TimeSpec& t) {
    os_ << ' ' << num(t.low.value);
    if (t.lowUnit)
      os_ << ' ' << t.lowUnit->text;
    if (t.high) {
      os_ << " to ";
      duration(*t.high);
    }
    if (t.typical) {
      os_ << " typical ";
      duration(*t.typical);
    }
  }

  const llvm::SourceMgr& sm_;
  llvm::raw_ostream& os_;
  unsigned nesting_ = 0; ///< added to every depth inside a segment's block
};

} // namespace

void dump(const Module& m, const llvm::SourceMgr& sm, llvm::raw_ostream& os) {
  Dumper(sm, os).module(m);
}

} // namespace salesc::ast
