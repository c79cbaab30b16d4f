//===- ModelDump.cpp - A readable dump of lowered processes (--emit=model) ===//
#include "ModelDump.h"

#include "sema/Durations.h"

#include "salesc/runtime/Holding.h"
#include "salesc/runtime/Markov.h"

#include <fmt/format.h>

namespace salesc::frontend {

namespace {

/// `      WHAT "text"` for each of `texts`, escaped.
void quotedLines(llvm::raw_ostream& os, llvm::StringRef pad, llvm::StringRef what,
                 const std::vector<std::string>& texts) {
  for (const std::string& t : texts) {
    os << pad << "      " << what << " \"";
    os.write_escaped(t) << "\"\n";
  }
}

/// The states of `p`, each line indented by `pad` more spaces.
void dumpStates(const rt::Process& p, llvm::raw_ostream& os, llvm::StringRef pad) {
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const rt::State& s = p.states[i];
    llvm::StringRef kind = rt::toString(s.kind);
    os << pad << fmt::format("  [{}] {} {}{}", i, kind, s.name, i == p.start ? " (start)" : "");
    if (s.value)
      os << fmt::format(" value={:g}", *s.value);
    if (s.hasTime)
      os << fmt::format(" time={:g}/{:g}/{:g}d mean={:g}d", s.time.min, s.time.typical, s.time.max,
                        s.time.mean());
    if (s.hasTime && (llvm::StringRef(s.timeWritten).contains("business") ||
                      llvm::StringRef(s.timeWritten).contains("working")))
      os << fmt::format(" written=\"{}\" (a business day is {:g} days)", s.timeWritten,
                        sema::BusinessDayInDays);
    if (s.isSignoff())
      os << fmt::format(" signoff mean={:g}d", rt::holdingMean(s));
    if (s.stalledAfter)
      os << fmt::format(" stalled-after={:g}d", *s.stalledAfter);
    if (!s.owner.empty())
      os << " owner=" << s.owner;
    os << '\n';
    for (const rt::Signoff& r : s.signoffs)
      os << pad
         << fmt::format("      signoff {} {:g} time={:g}/{:g}/{:g}d mean={:g}d\n", r.role, r.share,
                        r.time.min, r.time.typical, r.time.max, r.time.mean());
    quotedLines(os, pad, "exit when", s.exitCriteria);
    quotedLines(os, pad, "crm", s.crmLabels);
    for (const rt::Transition& t : p.transitions)
      if (t.from == i)
        os << pad
           << fmt::format("      -> {} {:g}{}\n", p.states[t.to].name, t.probability,
                          t.implicit ? " (remainder)" : "");
  }
}

} // namespace

void dumpModel(const rt::Process& p, llvm::Expected<rt::Analysis> a, llvm::raw_ostream& os) {
  os << "process " << p.name;
  if (!p.channel.empty())
    os << " channel=" << p.channel;
  if (!p.offering.empty())
    os << " offering=" << p.offering;
  if (p.brand)
    os << " brand=" << p.brand->name;
  if (p.value)
    os << fmt::format(" value={:g} {}", *p.value, p.currency);
  else if (!p.currency.empty())
    os << " currency=" << p.currency;
  if (p.margin)
    os << fmt::format(" margin={:g}", *p.margin);
  if (p.targetWinRate)
    os << fmt::format(" target-win-rate={:g}", *p.targetWinRate);
  if (p.targetCycleDays)
    os << fmt::format(" target-cycle={:g}d", *p.targetCycleDays);
  os << '\n';
  dumpStates(p, os, "");
  for (const rt::Segment& seg : p.segments) {
    os << fmt::format("  segment {} share={:g}", seg.name, seg.share);
    if (seg.process.value)
      os << fmt::format(" value={:g} {}", *seg.process.value, seg.process.currency);
    if (seg.process.margin)
      os << fmt::format(" margin={:g}", *seg.process.margin);
    os << '\n';
    dumpStates(seg.process, os, "  ");
  }
  if (!a) {
    os << "  analysis: " << llvm::toString(a.takeError()) << '\n';
    return;
  }
  os << fmt::format("  win-probability={:.6f} expected-days-to-win={:.4f} "
                    "expected-days-to-close={:.4f}",
                    a->winRate(), a->expectedDaysToWin[p.start], a->expectedDaysToClose[p.start]);
  if (a->bottleneck)
    os << " bottleneck=" << p.states[*a->bottleneck].name;
  os << '\n';
}

void dumpCampaign(const rt::Campaign& c, const rt::Process& into, llvm::raw_ostream& os) {
  os << fmt::format("campaign {} process={} leads={:g} cost={:g} {}", c.name, c.process, c.leads,
                    c.cost, c.currency);
  if (c.enters && *c.enters < into.states.size())
    os << " enters=" << into.states[*c.enters].name;
  if (c.segment)
    os << " segment=" << *c.segment;
  if (c.targetRoi)
    os << fmt::format(" target-roi={:g}", *c.targetRoi);
  os << '\n';
}

} // namespace salesc::frontend
