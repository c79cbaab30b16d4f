//===- Forecast.cpp - The report of `salesc forecast` ---------------------===//
#include "Json.h"
#include "Pipeline.h"
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

/// The edges whose shares were drawn, with the moves counted and the posterior mean.
void printShares(llvm::raw_ostream& os, const rt::Process& p, const rt::SharePosterior& post) {
  os << "\n  shares drawn for each simulated pipeline from the history (a Dirichlet posterior:\n"
        "  the stated shares as a prior worth one deal, plus the moves counted):\n";
  TextTable t({"edge", "stated", "moves", "posterior mean"});
  for (size_t i = 0; i < p.transitions.size(); ++i) {
    const rt::Transition& e = p.transitions[i];
    const rt::PercentAgainst mean =
        rt::percentAgainst(rt::posteriorMean(p, post, i), e.probability);
    t.row({p.states[e.from].name + " -> " + p.states[e.to].name, mean.target,
           std::to_string(post.counts[i]), mean.figure});
  }
  t.print(os);
}

void sharesJson(llvm::json::OStream& j, const rt::Process& p, const rt::SharePosterior* post) {
  if (!post) {
    j.attribute("uncertainty", nullptr);
    return;
  }
  j.attributeObject("uncertainty", [&] {
    j.attribute("prior", "dirichlet: the stated shares, one deal in weight");
    j.attributeArray("edges", [&] {
      for (size_t i = 0; i < p.transitions.size(); ++i) {
        const rt::Transition& e = p.transitions[i];
        j.object([&] {
          j.attribute("from", p.states[e.from].name);
          j.attribute("to", p.states[e.to].name);
          j.attribute("stated", e.probability);
          j.attribute("count", post->counts[i]);
          jsonNumber(j, "posterior_mean", rt::posteriorMean(p, *post, i));
        });
      }
    });
  });
}

} // namespace

std::string forecastText(const ForecastReport& report) {
  const rt::Process& p = *report.process;
  const rt::ForecastResult& r = *report.result;
  auto money = [&](double v) { return rt::formatMoney(v, p.currency); };
  std::string out;
  llvm::raw_string_ostream os(out);
  os << p.name << ": " << rt::counted(r.openDeals, "open deal") << " as of "
     << rt::formatDate(r.asOf) << '\n';
  os << "  pipeline value: " << money(r.pipelineValue) << '\n';
  os << "  weighted pipeline (value x win probability from each deal's stage): "
     << money(r.weightedPipeline) << '\n';
  os << "  expected wins eventually: " << fmt::format("{:.2f}", r.expectedWinsEventually) << '\n';
  printStages(os, p, r);
  os << "\n  within " << rt::formatDecimal(report.horizonDays) << " days (to "
     << rt::formatDate(r.horizonEnd) << "), from " << r.runs << " simulated pipelines:\n";
  TextTable t({"", "mean", "P10", "P50", "P90"});
  t.row({"wins", fmt::format("{:.2f}", r.wins.mean), fmt::format("{:.0f}", r.wins.p10),
         fmt::format("{:.0f}", r.wins.p50), fmt::format("{:.0f}", r.wins.p90)});
  t.row({"revenue", money(r.revenue.mean), money(r.revenue.p10), money(r.revenue.p50),
         money(r.revenue.p90)});
  t.print(os);
  if (!r.overdue.empty())
    os << "  of which from overdue deals: " << fmt::format("{:.2f}", r.overdueWins) << " wins, "
       << money(r.overdueRevenue) << '\n';
  if (!report.arrivalsSource.empty())
    os << "  of which from deals not yet created (" << rt::formatDecimal(r.arrivalsPerMonth)
       << " a month" << (report.arrivalsSource == "history" ? ", the rate the history shows" : "")
       << ", " << fmt::format("{:.2f}", r.expectedArrivals)
       << " expected within the horizon): " << fmt::format("{:.2f}", r.arrivalWins) << " wins, "
       << money(r.arrivalRevenue) << '\n';
  if (r.uncertainShares)
    os << "  P10 to P90 include how uncertain the history leaves the shares (below)\n";
  if (!r.months.empty()) {
    os << "\n  month by month:\n";
    TextTable m({"month", "expected wins", "expected revenue"});
    for (const rt::ForecastMonth& mo : r.months)
      m.row({month(mo), fmt::format("{:.2f}", mo.expectedWins), money(mo.expectedRevenue)});
    m.print(os);
  }
  printOverdue(os, p, r);
  printStalled(os, p, r.stalled, "stalled deals (longer in their stage than its stall limit)");
  if (report.shares && r.uncertainShares)
    printShares(os, p, *report.shares);
  if (report.listDeals)
    printDeals(os, p, r);
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
      overdueJson(j, p, r);
      j.attributeObject("overdue_expected", [&] {
        j.attribute("wins", r.overdueWins);
        j.attribute("revenue", r.overdueRevenue);
      });
      if (report.arrivalsSource.empty())
        j.attribute("arrivals", nullptr);
      else
        j.attributeObject("arrivals", [&] {
          j.attribute("source", report.arrivalsSource);
          j.attribute("per_month", r.arrivalsPerMonth);
          j.attribute("expected", r.expectedArrivals);
          j.attribute("wins", r.arrivalWins);
          j.attribute("revenue", r.arrivalRevenue);
        });
      sharesJson(j, p, r.uncertainShares ? report.shares : nullptr);
      stagesJson(j, p, r);
      dealsJson(j, p, r);
    });
  });
}

} // namespace salesc::report
