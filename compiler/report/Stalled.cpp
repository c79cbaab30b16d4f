//===- Stalled.cpp - Deals past their stage's stall limit, in any report --===//
#include "Stalled.h"
#include "TextTable.h"
#include "diag/Render.h"

#include <fmt/format.h>

namespace salesc::report {

void printStalled(llvm::raw_ostream& os, const rt::Process& p,
                  const std::vector<rt::StalledDeal>& stalled, llvm::StringRef title) {
  if (stalled.empty())
    return;
  os << "\n  " << title << ":\n";
  TextTable s({"deal", "stage", "days in stage", "limit"});
  for (const rt::StalledDeal& d : stalled)
    s.row({d.id, p.states[d.state].name, fmt::format("{:.0f}", d.daysInStage),
           fmt::format("{:.0f}", d.limit)});
  s.print(os);
}

void stalledJson(llvm::json::OStream& j, const rt::Process& p,
                 const std::vector<rt::StalledDeal>& stalled) {
  j.attributeArray("stalled", [&] {
    for (const rt::StalledDeal& s : stalled)
      j.object([&] {
        j.attribute("deal", diag::jsonText(s.id));
        j.attribute("stage", p.states[s.state].name);
        j.attribute("days_in_stage", s.daysInStage);
        j.attribute("limit_days", s.limit);
      });
  });
}

} // namespace salesc::report
