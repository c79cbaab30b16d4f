//===- PipelineCsvFuzzer.cpp - libFuzzer target: a pipeline, forecast -----===//
//
// The input is the CSV of `salesc forecast --pipeline deals.csv`: rt::parseCsv, then
// rt::loadPipeline against the quickstart's process (its stage names are in the
// dictionary), then the forecast of the deals entered by the day of the forecast, as the
// command keeps them, with a few hundred simulated pipelines, and both its reports. Every
// row must be kept or rejected, and a rejection said. Seeds: examples/data's pipeline and
// the deals.csv files of the output file tests (fuzz/seeds.py).
//
//===----------------------------------------------------------------------===//
#include "Oracles.h"

#include "report/Report.h"
#include "salesc/runtime/Forecast.h"
#include "salesc/runtime/Loaders.h"

#include <cstddef>
#include <cstdint>
#include <vector>

using namespace salesc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::withCsvRows<rt::Deal>(
      data, size, "deals.csv", rt::loadPipeline,
      [](const rt::AnalyzedProcess& p, std::vector<rt::Deal>& loaded, const rt::LoadReport& load) {
        rt::ForecastOptions o;
        o.asOf = 20'000; // 2024-10-04
        o.runs = 200;
        o.minRuns = 1;
        o.pathBudget = 20'000;
        std::vector<rt::Deal> deals;
        for (rt::Deal& d : loaded)
          if (d.entered <= o.asOf)
            deals.push_back(std::move(d));
        rt::ForecastResult r = rt::forecast(*p.process, p.analysis, deals, o);
        report::ForecastReport rep{p.process, &r, &load, o.horizonDays};
        std::string out = report::forecastText(rep) + report::forecastJson(rep);
      });
  return 0;
}
