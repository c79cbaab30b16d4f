//===- EventsCsvFuzzer.cpp - libFuzzer target: a stage history, conform ---===//
//
// The input is the CSV of `salesc conform --events log.csv`: rt::parseCsv, then
// rt::loadEvents against the quickstart's process (its stage names are in the
// dictionary), then rt::conform, rt::suggest and both reports, as the command runs them.
// Every row must be kept or rejected, and a rejection said. Seeds: examples/data's event
// log and the log.csv files of the output file tests (fuzz/seeds.py).
//
//===----------------------------------------------------------------------===//
#include "Oracles.h"

#include "report/Report.h"
#include "salesc/runtime/Conform.h"
#include "salesc/runtime/Loaders.h"

#include <cstddef>
#include <cstdint>
#include <vector>

using namespace salesc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::withCsvRows<rt::StageEvent>(
      data, size, "log.csv", rt::loadEvents,
      [](const rt::AnalyzedProcess& p, std::vector<rt::StageEvent>& events,
         const rt::LoadReport& load) {
        rt::ConformResult r = rt::conform(*p.process, events, /*asOf=*/20'000);
        std::vector<std::string> edits = rt::suggest(*p.process, r);
        report::ConformReport rep{p.process, &r, &load, &edits};
        std::string out = report::conformText(rep) + report::conformJson(rep);
      });
  return 0;
}
