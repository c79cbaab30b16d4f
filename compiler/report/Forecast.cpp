//===- Forecast.cpp - The report of `salesc forecast` ---------------------===//
#include "Json.h"
#include "Report.h"
#include "Stalled.h"
#include "TextTable.h"

#include "salesc/runtime/Format.h"
#include "salesc/runtime/Loaders.h"

#include <fmt/format.h>

namespace salesc::report {

namespace {

std::string month(const rt::ForecastMonth& m) {
  return fmt::format("{:04}-{:02}", m.year, m.month);
}

void percentiles(llvm::json::OStream& j, llvm::StringRef key, const rt::Summary& s) {
  j.attributeObject(key, [&] {
    j.attribute("mean", s.mean);
    j.attribute("p10", s.p10);
    j.attribute("p50", s.p50);
    j.attribute("p90", s.p90);
  });
}

} // namespace

std::string forecastText(const ForecastReport& report) {
  const rt::Process& p = *report.process;
  const rt::ForecastResult& r = *report.result;
  auto money = [&](double v) { return rt::formatMoney(v, p.currency); };
  std::string out;
  llvm::raw_string_ostream os(out);
  os << p.name << ": " << r.openDeals << " open deals as of " << rt::formatDate(r.asOf) << '\n';
  os << "  pipeline value: " << money(r.pipelineValue) << '\n';
  os << "  weighted pipeline (value x win probability from each deal's stage): "
     << money(r.weightedPipeline) << '\n';
  os << "  expected wins eventually: " << fmt::format("{:.2f}", r.expectedWinsEventually)
     << "\n\n  within " << rt::formatDecimal(report.horizonDays) << " days (to "
     << rt::formatDate(r.horizonEnd) << "), from " << r.runs << " simulated pipelines:\n";
  TextTable t({"", "mean", "P10", "P50", "P90"});
  t.row({"wins", fmt::format("{:.2f}", r.wins.mean), fmt::format("{:.0f}", r.wins.p10),
         fmt::format("{:.0f}", r.wins.p50), fmt::format("{:.0f}", r.wins.p90)});
  t.row({"revenue", money(r.revenue.mean), money(r.revenue.p10), money(r.revenue.p50),
         money(r.revenue.p90)});
  t.print(os);
  if (!r.months.empty()) {
    os << "\n  month by month:\n";
    TextTable m({"month", "expected wins", "expected revenue"});
    for (const rt::ForecastMonth& mo : r.months)
      m.row({month(mo), fmt::format("{:.2f}", mo.expectedWins), money(mo.expectedRevenue)});
    m.print(os);
  }
  printStalled(os, p, r.stalled, "stalled deals (longer in their stage than its stall limit)");
  return os.str();
}

std::string forecastJson(const ForecastReport& report) {
  const rt::Process& p = *report.process;
  const rt::ForecastResult& r = *report.result;
  return jsonDocument([&](llvm::json::OStream& j) {
    j.object([&] {
      j.attribute("version", 1);
      j.attribute("process", p.name);
      j.attribute("as_of", rt::formatDate(r.asOf));
      j.attribute("horizon_days", report.horizonDays);
      j.attribute("rows_read", report.load->rowsRead);
      j.attribute("rows_rejected", report.load->rowsRejected);
      j.attribute("open_deals", r.openDeals);
      j.attribute("pipeline_value", r.pipelineValue);
      j.attribute("weighted_pipeline", r.weightedPipeline);
      j.attribute("expected_wins_eventually", r.expectedWinsEventually);
      j.attribute("runs", r.runs);
      percentiles(j, "expected_wins", r.wins);
      percentiles(j, "expected_revenue", r.revenue);
      j.attributeArray("months", [&] {
        for (const rt::ForecastMonth& m : r.months)
          j.object([&] {
            j.attribute("month", month(m));
            j.attribute("expected_wins", m.expectedWins);
            j.attribute("expected_revenue", m.expectedRevenue);
          });
      });
      stalledJson(j, p, r.stalled);
    });
  });
}

} // namespace salesc::report
