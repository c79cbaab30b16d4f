//===- Tables.cpp - tables.json: the executable form of processes ---------===//
//
// What the runtime loads (docs/tables.md; schema in
// runtime/schema/salesc-tables-v2.schema.json). Every remainder edge is explicit so the
// runtime infers nothing. Order is deterministic (processes and states as declared,
// transitions by source state) and numbers are printed as the shortest text that reads
// back to the same double.
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Tables.h"
#include "Emit.h"
#include "Format.h"
#include "salesc/runtime/Format.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace salesc::emit {
namespace {

void number(llvm::json::OStream& j, double v) {
  j.rawValue([&](llvm::raw_ostream& os) { os << fmt::format("{}", v); });
}

void number(llvm::json::OStream& j, llvm::StringRef key, double v) {
  j.attributeBegin(key);
  number(j, v);
  j.attributeEnd();
}

void optionalNumber(llvm::json::OStream& j, llvm::StringRef key, std::optional<double> v) {
  j.attributeBegin(key);
  if (v)
    number(j, *v);
  else
    j.value(nullptr);
  j.attributeEnd();
}

void optionalString(llvm::json::OStream& j, llvm::StringRef key, const std::string& v) {
  if (v.empty())
    j.attribute(key, nullptr);
  else
    j.attribute(key, v);
}

void strings(llvm::json::OStream& j, llvm::StringRef key, const std::vector<std::string>& v) {
  j.attributeArray(key, [&] {
    for (const std::string& s : v)
      j.value(s);
  });
}

/// Items as {"name", "description"}; with `teaches`, materials and tactics, which also
/// say what they teach.
void items(llvm::json::OStream& j, llvm::StringRef key, const std::vector<rt::Item>& v,
           bool teaches = false) {
  j.attributeArray(key, [&] {
    for (const rt::Item& i : v)
      j.object([&] {
        j.attribute("name", i.name);
        j.attribute("description", i.description);
        if (teaches)
          strings(j, "teaches", i.teaches);
      });
  });
}

/// {"min", "typical", "max", "mean"} in days.
void holding(llvm::json::OStream& j, const rt::Holding& h) {
  j.object([&] {
    number(j, "min", h.min);
    number(j, "typical", h.typical);
    number(j, "max", h.max);
    number(j, "mean", h.mean());
  });
}

void roles(llvm::json::OStream& j, const std::vector<rt::Role>& v) {
  j.attributeArray("roles", [&] {
    for (const rt::Role& r : v)
      j.object([&] {
        j.attribute("name", r.name);
        j.attribute("description", r.description);
        items(j, "needs", r.needs);
      });
  });
}

void teams(llvm::json::OStream& j, const std::vector<rt::Team>& v) {
  j.attributeArray("teams", [&] {
    for (const rt::Team& t : v)
      j.object([&] {
        j.attribute("name", t.name);
        j.attribute("description", t.description);
      });
  });
}

void signoffs(llvm::json::OStream& j, const std::vector<rt::Signoff>& v) {
  j.attributeArray("signoffs", [&] {
    for (const rt::Signoff& s : v)
      j.object([&] {
        j.attribute("role", s.role);
        number(j, "share", s.share);
        j.attributeBegin("time");
        holding(j, s.time);
        j.attributeEnd();
      });
  });
}

void brand(llvm::json::OStream& j, const std::optional<rt::Brand>& b) {
  j.attributeBegin("brand");
  if (!b) {
    j.value(nullptr);
    j.attributeEnd();
    return;
  }
  j.object([&] {
    j.attribute("name", b->name);
    j.attribute("description", b->description);
    strings(j, "values", b->values);
    strings(j, "forbidden_tactics", b->forbiddenTactics);
    strings(j, "forbidden_categories", b->forbiddenCategories);
    j.attributeArray("requires", [&] {
      for (rt::Requirement r : b->requirements)
        j.value(rt::toString(r));
    });
    optionalNumber(j, "max_stages",
                   b->maxStages ? std::optional<double>(*b->maxStages) : std::nullopt);
    optionalNumber(j, "max_cycle_days", b->maxCycleDays);
  });
  j.attributeEnd();
}

void state(llvm::json::OStream& j, const rt::State& s) {
  j.object([&] {
    j.attribute("name", s.name);
    j.attribute("kind", rt::toString(s.kind));
    j.attribute("description", s.description);
    if (s.value) // a won outcome's own value (version 2, written only when stated)
      number(j, "value", *s.value);
    if (!s.crmLabels.empty()) // version 2, written only when stated
      strings(j, "crm_labels", s.crmLabels);
    if (s.kind != rt::StateKind::Stage)
      return;
    optionalString(j, "owner", s.owner);
    items(j, "learn", s.learn);
    items(j, "provide", s.provide, /*teaches=*/true);
    items(j, "tactics", s.tactics, /*teaches=*/true);
    j.attributeBegin("time");
    if (s.hasTime)
      holding(j, s.time);
    else
      j.value(nullptr);
    j.attributeEnd();
    signoffs(j, s.signoffs);
    strings(j, "exit_criteria", s.exitCriteria);
    optionalNumber(j, "stalled_after_days", s.stalledAfter);
  });
}

void process(llvm::json::OStream& j, const rt::Process& p);

/// `segments` (version 2, written only when the process has some): each with its share
/// and its process, which has the states of `p` and no segments.
void segments(llvm::json::OStream& j, const std::vector<rt::Segment>& v) {
  if (v.empty())
    return;
  j.attributeArray("segments", [&] {
    for (const rt::Segment& g : v)
      j.object([&] {
        j.attribute("name", g.name);
        j.attribute("description", g.description);
        number(j, "share", g.share);
        j.attributeBegin("process");
        process(j, g.process);
        j.attributeEnd();
      });
  });
}

/// `campaigns` (version 2, written only when there are some): those into `ps`.
void campaigns(llvm::json::OStream& j, llvm::ArrayRef<rt::AnalyzedProcess> ps,
               llvm::ArrayRef<rt::Campaign> v) {
  auto written = [&](const rt::Campaign& c) {
    for (const rt::AnalyzedProcess& p : ps)
      if (p.process->name == c.process)
        return true;
    return false;
  };
  if (llvm::none_of(v, written))
    return;
  j.attributeArray("campaigns", [&] {
    for (const rt::Campaign& c : v)
      if (written(c))
        j.object([&] {
          j.attribute("name", c.name);
          j.attribute("description", c.description);
          j.attribute("process", c.process);
          number(j, "leads", c.leads);
          number(j, "cost", c.cost);
          optionalString(j, "currency", c.currency);
          j.attribute("enters", c.enters ? llvm::json::Value(*c.enters) : nullptr);
          j.attribute("segment", c.segment ? llvm::json::Value(*c.segment) : nullptr);
          optionalNumber(j, "target_roi", c.targetRoi);
        });
  });
}

void process(llvm::json::OStream& j, const rt::Process& p) {
  j.object([&] {
    j.attribute("name", p.name);
    j.attribute("description", p.description);
    optionalString(j, "channel", p.channel);
    optionalString(j, "offering", p.offering);
    brand(j, p.brand);
    optionalString(j, "currency", p.currency);
    optionalNumber(j, "value", p.value);
    if (p.margin) // version 2, written only when stated
      number(j, "margin", *p.margin);
    j.attributeObject("targets", [&] {
      optionalNumber(j, "win_rate", p.targetWinRate);
      optionalNumber(j, "cycle_days", p.targetCycleDays);
    });
    roles(j, p.roles);
    teams(j, p.teams);
    j.attribute("start", p.start);
    j.attributeArray("states", [&] {
      for (const rt::State& s : p.states)
        state(j, s);
    });
    j.attributeArray("transitions", [&] {
      for (uint32_t from = 0; from < p.states.size(); ++from)
        for (const rt::Transition& t : p.transitions)
          if (t.from == from)
            j.object([&] {
              j.attribute("from", t.from);
              j.attribute("to", t.to);
              number(j, "probability", t.probability);
              j.attribute("implicit", t.implicit);
            });
    });
    segments(j, p.segments);
  });
}

} // namespace

std::string toTablesJson(llvm::ArrayRef<rt::AnalyzedProcess> ps, llvm::StringRef generator,
                         llvm::ArrayRef<rt::Campaign> cs) {
  std::string out;
  llvm::raw_string_ostream os(out);
  {
    llvm::json::OStream j(os, 2);
    j.object([&] {
      j.attribute("format", "salesc-tables");
      j.attribute("version", rt::TablesVersion);
      j.attribute("generator", generator);
      j.attributeArray("processes", [&] {
        for (const rt::AnalyzedProcess& p : ps)
          process(j, *p.process);
      });
      campaigns(j, ps, cs);
    });
  }
  os << '\n';
  return os.str();
}

} // namespace salesc::emit
