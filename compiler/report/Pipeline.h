//===- Pipeline.h - The forecast's pipeline snapshot and overdue deals ----===//
//
// What `salesc forecast` says of the deals as they stand: the open deals per stage with
// their value and weighted value, the overdue deals with their share of the weighted
// pipeline, and (with --deals) each deal with its flags and what to do next from the
// process: what the prospect must learn at its stage, the materials and tactics of the
// stage, its exit criteria and the sign-offs it awaits (the playbook's model).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_REPORT_PIPELINE_H
#define SALESC_REPORT_PIPELINE_H

#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Model.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace salesc::report {

/// A table of the stages: open deals, value, weighted value.
void printStages(llvm::raw_ostream& os, const rt::Process& p, const rt::ForecastResult& r);
/// "stages": [{name, deals, value, weighted}...].
void stagesJson(llvm::json::OStream& j, const rt::Process& p, const rt::ForecastResult& r);

/// The overdue deals: how many, their share of the weighted pipeline, the rule they are
/// forecast by, and a table; nothing when there are none.
void printOverdue(llvm::raw_ostream& os, const rt::Process& p, const rt::ForecastResult& r);
/// "overdue": [{deal, stage, days_in_stage, max_days, weighted, share}...],
/// "overdue_weighted", "overdue_share".
void overdueJson(llvm::json::OStream& j, const rt::Process& p, const rt::ForecastResult& r);

/// The open deals, by stage (most days in stage first), then what to do next at each
/// stage that has deals.
void printDeals(llvm::raw_ostream& os, const rt::Process& p, const rt::ForecastResult& r);
/// "deals": [{deal, stage, days_in_stage, win_probability, overdue, stalled,
/// next_steps}...] in input order.
void dealsJson(llvm::json::OStream& j, const rt::Process& p, const rt::ForecastResult& r);

} // namespace salesc::report

#endif // SALESC_REPORT_PIPELINE_H
