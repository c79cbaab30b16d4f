//===- Oracles.h - What the fuzz targets check beyond the sanitizers ------===//
//
// A fuzz target fails when the code it runs crashes, leaks, reads out of bounds or
// meets undefined behaviour (ASan and UBSan), and also when a property below is broken:
// those are what the sanitizers cannot see. A broken property prints what was broken and
// aborts, which libFuzzer reports as a crash with the input that caused it.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_FUZZ_ORACLES_H
#define SALESC_FUZZ_ORACLES_H

#include "salesc/runtime/Csv.h"
#include "salesc/runtime/Inputs.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace salesc::fuzz {

/// Prints "fuzz: property broken: WHAT" and DETAIL on stderr, then aborts.
[[noreturn]] void broken(llvm::StringRef what, llvm::StringRef detail = "");

/// What salesc writes of `ps` as tables.json loads back with rt::loadTables into as many
/// processes, each of which analyzes, and writing those again gives the same bytes: the
/// tables hold everything the emitters and the runtime read.
void tablesRoundTrip(llvm::ArrayRef<rt::AnalyzedProcess> ps);

/// tablesRoundTrip, then every other consumer of analyzed processes that needs no
/// Graphviz, checking what it can of their output:
/// - the stages and transitions CSV parse with rt::parseCsv;
/// - BPMN (laid out in a row, without Graphviz) is well-formed XML (testing::parseXml);
/// - the playbook, Mermaid, the analyze report (text and JSON), a short simulation and
///   the return on a campaign run to completion.
/// The flowchart emitters (DOT, SVG, PNG) and BPMN's Graphviz layout are left out:
/// Graphviz is not salesc's code, is slow, and leaks (tests/sanitizers/lsan.supp).
void exerciseProcesses(llvm::ArrayRef<rt::AnalyzedProcess> ps);

/// A CSV loader's promise: every row of `table` is either kept (`kept` of them) or
/// rejected, and a rejection is always said (a header without the columns needed is one
/// message for all the rows).
void everyRowAccountedFor(const rt::CsvTable& table, size_t kept, const rt::LoadReport& load);

/// The processes of the quickstart example, loaded once from its golden tables.json in
/// the source tree, analyzed: what the CSV targets load their rows against.
llvm::ArrayRef<rt::AnalyzedProcess> quickstart();

/// A CSV loader of the runtime: rt::loadPipeline or rt::loadEvents.
template <typename Row>
using CsvLoader = std::vector<Row> (*)(const rt::CsvTable&, const rt::Process&, llvm::StringRef,
                                       rt::LoadReport&);

/// Reads the fuzz input as the CSV file `file` (rt::parseCsv), loads its rows with `load`
/// against the quickstart's process, checks everyRowAccountedFor, then calls
/// `use(process, rows, report)`. Nothing happens when the text is not CSV (an unclosed
/// quote, text after a closing quote).
template <typename Row, typename Use>
void withCsvRows(const uint8_t* data, size_t size, llvm::StringRef file, CsvLoader<Row> load,
                 Use use) {
  llvm::Expected<rt::CsvTable> table =
      rt::parseCsv(llvm::StringRef(reinterpret_cast<const char*>(data), size), file);
  if (!table) {
    llvm::consumeError(table.takeError());
    return;
  }
  const rt::AnalyzedProcess& p = quickstart().front();
  rt::LoadReport report;
  std::vector<Row> rows = load(*table, *p.process, file, report);
  everyRowAccountedFor(*table, rows.size(), report);
  use(p, rows, report);
}

} // namespace salesc::fuzz

#endif // SALESC_FUZZ_ORACLES_H
