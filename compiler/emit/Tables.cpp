//===- Tables.cpp - tables.json: the executable form of processes ---------===//
//
// What the runtime loads (docs/tables.md; schema in
// runtime/schema/salesc-tables-v1.schema.json). Every remainder edge is explicit so the
// runtime infers nothing. Order is deterministic (processes and states as declared,
// transitions by source state) and numbers are printed as the shortest text that reads
// back to the same double.
//
//===----------------------------------------------------------------------===//
#include "Emit.h"
#include "Format.h"
#include "salesc/runtime/Format.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace salesc::emit {
namespace {

void number(llvm::json::OStream& j, double v) {
  j.rawValue([&](llvm::raw_ostream& os) { os << fmt::format("{}", v); });
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

void items(llvm::json::OStream& j, llvm::StringRef key, const std::vector<rt::Item>& v) {
  j.attributeArray(key, [&] {
    for (const rt::Item& i : v)
      j.object([&] {
        j.attribute("name", i.name);
        j.attribute("description", i.description);
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
    if (s.kind != rt::StateKind::Stage)
      return;
    items(j, "learn", s.learn);
    items(j, "provide", s.provide);
    items(j, "tactics", s.tactics);
    j.attributeBegin("time");
    if (s.hasTime) {
      j.object([&] {
        j.attributeBegin("min");
        number(j, s.time.min);
        j.attributeEnd();
        j.attributeBegin("typical");
        number(j, s.time.typical);
        j.attributeEnd();
        j.attributeBegin("max");
        number(j, s.time.max);
        j.attributeEnd();
        j.attributeBegin("mean");
        number(j, s.time.mean());
        j.attributeEnd();
      });
    } else {
      j.value(nullptr);
    }
    j.attributeEnd();
    optionalNumber(j, "stalled_after_days", s.stalledAfter);
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
    j.attributeObject("targets", [&] {
      optionalNumber(j, "win_rate", p.targetWinRate);
      optionalNumber(j, "cycle_days", p.targetCycleDays);
    });
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
              j.attributeBegin("probability");
              number(j, t.probability);
              j.attributeEnd();
              j.attribute("implicit", t.implicit);
            });
    });
  });
}

} // namespace

std::string toTablesJson(llvm::ArrayRef<rt::AnalyzedProcess> ps, llvm::StringRef generator) {
  std::string out;
  llvm::raw_string_ostream os(out);
  {
    llvm::json::OStream j(os, 2);
    j.object([&] {
      j.attribute("format", "salesc-tables");
      j.attribute("version", 1);
      j.attribute("generator", generator);
      j.attributeArray("processes", [&] {
        for (const rt::AnalyzedProcess& p : ps)
          process(j, *p.process);
      });
    });
  }
  os << '\n';
  return os.str();
}

} // namespace salesc::emit
