//===- RuntimeSections.cpp - The forecast and the observed history on a page ===//
#include "RuntimeSections.h"

#include "HtmlText.h"

#include "emit/Charts.h"
#include "emit/Format.h"
#include "emit/WrittenUnit.h"
#include "salesc/runtime/Loaders.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::html {

namespace {

std::string stateName(const rt::Process& p, uint32_t i) {
  return i < p.states.size() ? emit::words(p.states[i].name) : "?";
}

/// The stalled deals as a table; a sentence when there is none.
std::string stalledTable(const rt::Process& p, const std::vector<rt::StalledDeal>& stalled) {
  if (stalled.empty())
    return "<p>No deal is longer in its stage than the stage's stall limit.</p>\n";
  std::string t = "<h3>Stalled deals</h3>\n<p>Longer in their stage than its stall limit, "
                  "most overdue first.</p>\n<table>\n" +
                  header({"Deal", "Stage", "Days in the stage", "Stall limit"});
  for (const rt::StalledDeal& d : stalled)
    t += "<tr>" + cell(text(d.id)) + cell(text(stateName(p, d.state))) +
         cell(text(emit::days(d.daysInStage)), true) + cell(text(emit::days(d.limit)), true) +
         "</tr>\n";
  return t + "</table>\n";
}

/// Where docs/cli.md explains how `forecast` treats an overdue deal.
constexpr const char* OverdueDocsUrl =
    "https://github.com/salesc/salesc/blob/main/docs/cli.md#overdue-deals";

/// An amount in whole units of the process's currency, with thousands separators.
std::string money(const rt::Process& p, double v) {
  return emit::formatMoney(std::round(v), p.currency);
}

/// Of the weighted pipeline, the share `weighted` is (0 for an empty pipeline).
double shareOfWeighted(const rt::ForecastResult& r, double weighted) {
  return r.weightedPipeline > 0 ? weighted / r.weightedPipeline : 0;
}

/// The overdue deals as a table with the forecast's rule for them; a sentence when there
/// is none.
std::string overdueTable(const rt::Process& p, const rt::ForecastResult& r) {
  if (r.overdue.empty())
    return "<p>No deal is at or past its stage's maximum time.</p>\n";
  std::string t =
      "<h3>Overdue deals</h3>\n<p>At or past their stage's maximum time (the process says they "
      "should have moved on), largest share of the weighted pipeline first. The forecast keeps "
      "each in its stage a further time drawn at random with the stage's mean time as its "
      "average, whatever it has waited already, then lets it go on as usual (<a href=\"" +
      std::string(OverdueDocsUrl) +
      "\" rel=\"noopener noreferrer\">how overdue deals are forecast</a>).</p>\n<table>\n" +
      header({"Deal", "Stage", "<span class=\"num\">Days in the stage</span>",
              "<span class=\"num\">Maximum time</span>", "<span class=\"num\">Weighted</span>",
              "<span class=\"num\">Share of the weighted pipeline</span>"});
  for (const rt::OverdueDeal& d : r.overdue) {
    const std::string maximum = d.state < p.states.size()
                                    ? emit::inWrittenUnit(p.states[d.state], d.maxDays)
                                    : emit::days(d.maxDays);
    t += "<tr>" + cell(text(d.id)) + cell(text(stateName(p, d.state))) +
         cell(text(emit::days(d.daysInStage)), true) + cell(text(maximum), true) +
         cell(text(money(p, d.weighted)), true) +
         cell(text(rt::percent(shareOfWeighted(r, d.weighted))), true) + "</tr>\n";
  }
  return t + "</table>\n";
}

std::string card(const std::string& label, const std::string& value, const std::string& note) {
  return "<div class=\"figure\"><div class=\"label\">" + text(label) +
         "</div><div class=\"value\">" + text(value) + "</div><div class=\"note\">" + text(note) +
         "</div></div>\n";
}

} // namespace

std::string pipelineSection(const rt::Process& p, const PipelineFigures& f) {
  const rt::ForecastResult& r = f.forecast;
  auto money = [&](double v) { return html::money(p, v); };
  std::string body =
      "<p class=\"facts\">" +
      text(fmt::format("{} open deal{} as of {} ({}); wins counted up to {} days "
                       "later ({}), from {} simulated pipelines",
                       rt::formatCount(r.openDeals), r.openDeals == 1 ? "" : "s",
                       rt::formatDate(r.asOf), f.source, rt::formatDecimal(f.horizonDays),
                       rt::formatDate(r.horizonEnd), rt::formatCount(r.runs))) +
      "</p>\n<div class=\"figures\">\n";
  body += card("Pipeline value", money(r.pipelineValue), "the open deals' values");
  body += card("Weighted pipeline", money(r.weightedPipeline),
               "value x win probability from each deal's stage");
  body += card("Overdue", rt::percent(shareOfWeighted(r, r.overdueWeighted)),
               fmt::format("of the weighted pipeline: {} in {} of {} deals past their stage's "
                           "maximum time",
                           money(r.overdueWeighted), r.overdue.size(), r.openDeals));
  body += card("Revenue within the horizon", money(r.revenue.mean),
               "P10 " + money(r.revenue.p10) + ", P90 " + money(r.revenue.p90));
  body += card("Wins within the horizon", fmt::format("{:.1f}", r.wins.mean),
               fmt::format("P10 {:.0f}, P90 {:.0f}; {:.1f} eventually", r.wins.p10, r.wins.p90,
                           r.expectedWinsEventually));
  body += "</div>\n<div class=\"charts\">\n" +
          chartFigure("forecast", "Revenue won by the end of each month",
                      "The horizon holds no month.", emit::forecastFanChart(p, f.byMonth)) +
          "</div>\n";
  if (!r.months.empty()) {
    body += "<h3>Month by month</h3>\n<table>\n" +
            header({"Month", "<span class=\"num\">Expected wins</span>",
                    "<span class=\"num\">Expected revenue</span>"});
    for (const rt::ForecastMonth& m : r.months)
      body += "<tr>" + cell(text(fmt::format("{:04}-{:02}", m.year, m.month))) +
              cell(text(fmt::format("{:.2f}", m.expectedWins)), true) +
              cell(text(money(m.expectedRevenue)), true) + "</tr>\n";
    body += "</table>\n";
  }
  body += overdueTable(p, r);
  body += stalledTable(p, r.stalled);
  return section("pipeline", "Forecast of the pipeline",
                 "What the deals open today will bring in, from a seeded simulation of each "
                 "deal from its stage, as salesc forecast computes it.",
                 body);
}

std::string observedSection(const rt::Process& p, const ObservedFigures& f) {
  const rt::ConformResult& r = f.result;
  std::string body =
      "<p class=\"facts\">" +
      text(fmt::format("{} deals and {} events of {}, as of {}{}", rt::formatCount(r.deals),
                       rt::formatCount(r.events), f.source, rt::formatDate(r.asOf),
                       r.laterEvents ? fmt::format(" ({} dated after it left out)",
                                                   rt::formatCount(r.laterEvents))
                                     : std::string())) +
      "</p>\n<div class=\"charts\">\n" +
      chartFigure("edges", "Observed against stated, per edge",
                  "No deal left a stage in the history.", emit::edgeConformanceChart(p, r)) +
      chartFigure("stage-times", "Time in stage, observed against stated",
                  "No deal spent time in a stage in the history.", emit::stageTimeChart(p, r)) +
      "</div>\n";
  std::string flagged;
  for (const rt::EdgeConformance& e : r.edges)
    if (e.flagged)
      flagged += "<tr>" + cell(text(stateName(p, e.from) + " \u2192 " + stateName(p, e.to))) +
                 cell(text(rt::percent(e.stated)), true) +
                 cell(text(rt::percent(e.observed)), true) +
                 cell(text(rt::percent(e.low) + " to " + rt::percent(e.high)), true) +
                 cell(text(fmt::format("{} of {}", e.count, e.trials)), true) + "</tr>\n";
  body += flagged.empty() ? "<p>Every observed share is within chance of the stated one.</p>\n"
                          : "<h3>Edges beyond chance</h3>\n<table>\n" +
                                header({"Edge", "Stated", "Observed", "95% interval", "Moves"}) +
                                flagged + "</table>\n";
  if (!r.unexpected.empty()) {
    body += "<h3>Moves the process does not have</h3>\n<table>\n" +
            header({"Move", "Kind", "Moves", "Deals", "For example"});
    for (const rt::UnexpectedTransition& u : r.unexpected) {
      std::string from = u.from ? stateName(p, *u.from) : "(entry)";
      std::string examples;
      for (size_t i = 0; i < u.examples.size(); ++i)
        examples += (i ? ", " : "") + u.examples[i];
      body += "<tr>" + cell(text(from + " \u2192 " + stateName(p, u.to))) +
              cell(text(rt::kindName(u.kind))) + cell(std::to_string(u.count), true) +
              cell(std::to_string(u.deals), true) + cell(text(examples)) + "</tr>\n";
    }
    body += "</table>\n";
  }
  body += stalledTable(p, r.stalled);
  return section("observed", "Observed against stated",
                 "The stage history replayed against the process, as salesc conform does.", body);
}

} // namespace salesc::html
