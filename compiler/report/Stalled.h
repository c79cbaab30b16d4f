//===- Stalled.h - Deals past their stage's stall limit, in any report ----===//
#ifndef SALESC_REPORT_STALLED_H
#define SALESC_REPORT_STALLED_H

#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Model.h"

#include "llvm/Support/JSON.h"

#include <vector>

namespace salesc::report {

/// A blank line, `title`, then a table of the stalled deals; nothing when there are none.
void printStalled(llvm::raw_ostream& os, const rt::Process& p,
                  const std::vector<rt::StalledDeal>& stalled, llvm::StringRef title);
/// "stalled": [{deal, stage, days_in_stage, limit_days}...].
void stalledJson(llvm::json::OStream& j, const rt::Process& p,
                 const std::vector<rt::StalledDeal>& stalled);

} // namespace salesc::report

#endif // SALESC_REPORT_STALLED_H
