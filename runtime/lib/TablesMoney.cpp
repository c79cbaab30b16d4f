//===- TablesMoney.cpp - tables.json: segments and campaigns (version 2) --===//
#include "TablesReader.h"

#include "salesc/runtime/Verify.h"

#include "llvm/ADT/STLExtras.h"

namespace salesc::rt::tables {

/// `campaigns` (version 2): each into a process of the document, entering at one of its
/// stages and in one of its segments when it names them.
bool Reader::campaigns(const json::Object& top, TablesDocument& doc) {
  llvm::StringSet<> names;
  return objects(top, "campaigns", [&](const json::Object& o, size_t i) {
    where = fmt::format("campaign {}", i);
    Campaign c;
    std::optional<double> leads, cost;
    if (!string(o, "name", c.name, true))
      return false;
    where = "campaign " + quote(c.name);
    std::string segment;
    if (!string(o, "description", c.description, false) || !string(o, "process", c.process, true) ||
        !number(o, "leads", leads, true) || !number(o, "cost", cost, true) ||
        !string(o, "currency", c.currency, false) || !index(o, "enters", c.enters, false) ||
        !string(o, "segment", segment, false) || !number(o, "target_roi", c.targetRoi, false))
      return false;
    if (!names.insert(c.name).second)
      return fail("an earlier campaign has the same name");
    if (!(*leads > 0 && *leads <= 1e12) || !(*cost >= 0 && *cost <= limits::MaxAmount))
      return fail(fmt::format("it has {} leads costing {}; expected leads above 0 and at most "
                              "1e12, and a cost from 0 to 1e15",
                              *leads, *cost));
    c.leads = *leads;
    c.cost = *cost;
    const Process* p = nullptr;
    for (const Process& candidate : doc.processes)
      if (candidate.name == c.process)
        p = &candidate;
    if (!p)
      return fail("field 'process' is " + quote(c.process) +
                  ", which is not a process of the file");
    if (c.enters && (*c.enters >= p->states.size() || p->states[*c.enters].isOutcome()))
      return fail(fmt::format("field 'enters' is {}; expected the index of a stage of {}",
                              *c.enters, quote(p->name)));
    if (!segment.empty()) {
      if (llvm::none_of(p->segments, [&](const Segment& g) { return g.name == segment; }))
        return fail("field 'segment' is " + quote(segment) + ", which is not a segment of " +
                    quote(p->name));
      c.segment = segment;
    }
    doc.campaigns.push_back(std::move(c));
    return true;
  });
}

/// `segments` (version 2): each a share and a process with the states of `p` (verify()
/// checks them with the rest).
bool Reader::segments(const json::Object& o, Process& p) {
  const std::string processWhere = where;
  if (!objects(o, "segments", [&](const json::Object& so, size_t i) {
        where = fmt::format("{}, segment {}", processWhere, i);
        Segment g;
        std::optional<double> share;
        if (!string(so, "name", g.name, true) || !string(so, "description", g.description, false) ||
            !number(so, "share", share, true))
          return false;
        g.share = *share;
        where = fmt::format("{}, segment {}", processWhere, quote(g.name));
        const json::Value* v = field(so, "process", true);
        const json::Object* po = v ? object(*v, "field 'process'") : nullptr;
        const std::string segmentWhere = where;
        if (!po || !process(*po, g.process))
          return false;
        where = segmentWhere;
        p.segments.push_back(std::move(g));
        return true;
      }))
    return false;
  where = processWhere;
  if (p.segments.empty())
    return true;
  if (llvm::Error e = verify(p))
    return fail(llvm::toString(std::move(e)));
  return true;
}

} // namespace salesc::rt::tables
