//===- RuntimeCsv.h - Pipelines and stage histories read for a process -----===//
//
// What `forecast`, `conform` and `report` share to turn a CSV into the runtime's inputs:
// the rows of a file with several processes shared out among them, and the deals of a
// pipeline that can be forecast. (A CRM mapping, --from/--map, plugs in before these.)
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_DRIVER_RUNTIMECSV_H
#define SALESC_DRIVER_RUNTIMECSV_H

#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Markov.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace salesc::driver {

/// The open deals of a pipeline table that can be forecast for `p` (rt::loadPipeline):
/// a deal that entered its stage after `asOf`, or whose value is over 1e15, is a
/// rejected row of `load` too.
std::vector<rt::Deal> pipelineDeals(const rt::CsvTable& table, const rt::Process& p,
                                    const std::string& path, double asOf, rt::LoadReport& load);

/// `table`'s rows shared out among `ps`, a table for each (the same header): with one
/// process, every row; else the process a `process` column names, or without that
/// column the process whose state the `stage` column names. A row naming no process of
/// the file, or a state that several processes share (without a `process` column), is a
/// rejected row of `load`, with "FILE:LINE: message".
std::vector<rt::CsvTable> rowsByProcess(const rt::CsvTable& table,
                                        llvm::ArrayRef<rt::AnalyzedProcess> ps,
                                        const std::string& path, rt::LoadReport& load);

} // namespace salesc::driver

#endif // SALESC_DRIVER_RUNTIMECSV_H
