//===- RuntimeCsv.cpp - Pipelines and stage histories read for a process ---===//
#include "RuntimeCsv.h"

#include "salesc/runtime/Loaders.h"
#include "salesc/runtime/Verify.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <optional>

namespace salesc::driver {

namespace {

/// The index of the column called `name` (case and surrounding spaces ignored), as the
/// loaders find theirs.
std::optional<size_t> column(const rt::CsvTable& t, llvm::StringRef name) {
  for (size_t i = 0; i < t.header.size(); ++i)
    if (llvm::StringRef(t.header[i]).trim().equals_insensitive(name))
      return i;
  return std::nullopt;
}

/// "FILE:LINE:COL" of the field in column `name` of the table's row on `line` (rows are in
/// file order, so found by halving), or "FILE:LINE" when its text is not known.
std::string placeOf(const rt::CsvTable& table, const std::string& path, unsigned line,
                    llvm::StringRef name) {
  auto row = std::lower_bound(table.rows.begin(), table.rows.end(), line,
                              [](const rt::CsvRow& r, unsigned l) { return r.line < l; });
  const std::optional<size_t> c = column(table, name);
  if (row == table.rows.end() || row->line != line || !c)
    return rt::fieldPlaceText(path, rt::CsvRecord{line, {}}, ~size_t(0));
  std::vector<llvm::StringRef> fields(row->fields.begin(), row->fields.end());
  return rt::fieldPlaceText(path, rt::recordOf(table, *row, fields), rt::rawField(table, *c));
}

} // namespace

std::vector<rt::Deal> pipelineDeals(const rt::CsvTable& table, const rt::Process& p,
                                    const std::string& path, double asOf, rt::LoadReport& load) {
  std::vector<rt::Deal> deals;
  for (rt::Deal& d : rt::loadPipeline(table, p, path, load)) {
    std::string why;
    const char* field = "entered";
    if (d.entered > asOf) {
      why = "entered " + rt::formatDate(d.entered) + ", after the day of the forecast (" +
            rt::formatDate(asOf) + ")";
    } else if (d.value && *d.value > rt::limits::MaxAmount) {
      why = "a value over 1e15";
      field = "value";
    }
    if (why.empty()) {
      deals.push_back(std::move(d));
      continue;
    }
    load.addError(placeOf(table, path, d.line, field) + ": deal '" + d.id + "' " + why);
    ++load.rowsRejected;
  }
  return deals;
}

std::vector<rt::CsvTable> rowsByProcess(const rt::CsvTable& table,
                                        llvm::ArrayRef<rt::AnalyzedProcess> ps,
                                        const std::string& path, rt::LoadReport& load) {
  // The header and where the rows' text is, without the rows.
  const rt::CsvTable empty{table.header,    table.headerLine, {},
                           table.delimiter, table.rawFields,  table.source};
  std::vector<rt::CsvTable> out(ps.size(), empty);
  if (ps.size() == 1) {
    out[0].rows = table.rows;
    return out;
  }
  const std::optional<size_t> byProcess = column(table, "process");
  const std::optional<size_t> byStage = column(table, "stage");
  const std::optional<size_t> key = byProcess ? byProcess : byStage;
  // At the field that names the row's process or stage.
  auto reject = [&](const rt::CsvRow& row, const std::string& why) {
    ++load.rowsRead;
    ++load.rowsRejected;
    std::vector<llvm::StringRef> fields(row.fields.begin(), row.fields.end());
    load.addError(
        rt::fieldPlaceText(path, rt::recordOf(table, row, fields), rt::rawField(table, *key)) +
        ": " + why);
  };
  for (const rt::CsvRow& row : table.rows) {
    if (!key || *key >= row.fields.size()) {
      out[0].rows.push_back(row); // the loader says what is missing
      continue;
    }
    const llvm::StringRef value = llvm::StringRef(row.fields[*key]).trim();
    std::vector<size_t> owners;
    for (size_t i = 0; i < ps.size(); ++i) {
      const rt::Process& p = *ps[i].process;
      if (byProcess ? p.name == value
                    : llvm::any_of(p.states, [&](const rt::State& s) { return s.name == value; }))
        owners.push_back(i);
    }
    if (owners.size() == 1) {
      out[owners[0]].rows.push_back(row);
      continue;
    }
    std::vector<std::string> names;
    for (size_t i : owners)
      names.push_back("'" + ps[i].process->name + "'");
    if (byProcess)
      reject(row, "no process of the file is called '" + value.str() + "'");
    else if (owners.empty())
      reject(row, "no process of the file has a stage or outcome '" + value.str() + "'");
    else
      reject(row, "the processes " + llvm::join(names, " and ") + " both have '" + value.str() +
                      "': add a 'process' column that says which process each row belongs to");
  }
  return out;
}

} // namespace salesc::driver
