//===- Roi.cpp - The report of `salesc roi` -------------------------------===//
#include "Json.h"
#include "PerProcess.h"
#include "Report.h"
#include "TextTable.h"

#include "salesc/runtime/Format.h"

#include <fmt/format.h>

namespace salesc::report {

namespace {

/// The table of what the leads of each segment bring.
void printSegments(llvm::raw_ostream& os, const rt::RoiResult& r, const std::string& currency) {
  if (r.segments.empty())
    return;
  auto money = [&](double v) { return rt::formatMoney(v, currency); };
  const bool margins = r.expectedMargin.has_value();
  std::vector<std::string> header{"segment", "share of leads", "win rate", "customers", "revenue"};
  if (margins)
    header.push_back("margin");
  TextTable t(header);
  for (const rt::RoiSegment& g : r.segments) {
    std::vector<std::string> row{g.name, rt::percent(g.share), rt::percent(g.winRate),
                                 fmt::format("{:.2f}", g.expectedCustomers),
                                 money(g.expectedRevenue)};
    if (margins)
      row.push_back(g.expectedMargin ? money(*g.expectedMargin) : "-");
    t.row(row);
  }
  t.print(os);
}

void printRun(llvm::raw_ostream& os, const RoiRun& run) {
  const rt::RoiResult& r = run.result;
  const rt::Process& p = *run.process;
  auto money = [&](double v) { return rt::formatMoney(v, p.currency); };
  if (!r.campaign.empty())
    os << "campaign " << r.campaign << " into " << p.name << ": " << rt::formatDecimal(r.leads)
       << " leads costing " << money(r.cost) << '\n';
  else
    os << p.name << ": a campaign of " << rt::formatDecimal(r.leads) << " leads costing "
       << money(r.cost) << '\n';
  if (r.enters != p.start)
    os << "  the leads enter at " << p.states[r.enters].name << '\n';
  if (r.segment)
    os << "  every lead is in segment " << *r.segment << '\n';
  os << "  win rate " << rt::percent(r.winRate) << ": expected customers "
     << fmt::format("{:.2f}", r.expectedCustomers) << " (P10 " << r.customersP10 << ", P90 "
     << r.customersP90 << ")\n";
  if (r.value > 0) {
    os << "  expected revenue " << money(r.expectedRevenue) << " (P10 " << money(r.revenueP10)
       << ", P90 " << money(r.revenueP90) << ")\n";
    if (r.expectedMargin)
      os << "  expected margin " << money(*r.expectedMargin) << '\n';
    const rt::PercentAgainst roi =
        r.roi ? rt::percentAgainst(*r.roi, r.targetRoi) : rt::PercentAgainst{"not defined", ""};
    os << "  ROI " << roi.figure
       << (r.expectedMargin ? " ((margin - cost) / cost)" : " ((revenue - cost) / cost)");
    if (r.targetMet)
      os << " (target " << roi.target << ", " << (*r.targetMet ? "met" : "missed") << ")";
    os << '\n';
    if (r.breakEvenLeads)
      os << "  break-even at " << fmt::format("{:.1f}", *r.breakEvenLeads) << " leads\n";
  } else {
    os << "  the process states no deal value, so revenue and ROI are not known\n";
  }
  if (r.costPerCustomer)
    os << "  cost per customer " << money(*r.costPerCustomer) << '\n';
  printSegments(os, r, p.currency);
}

/// {"p10", "p90"} under `key`.
template <typename T> void percentiles(llvm::json::OStream& j, llvm::StringRef key, T p10, T p90) {
  j.attributeObject(key, [&] {
    j.attribute("p10", p10);
    j.attribute("p90", p90);
  });
}

void segmentsJson(llvm::json::OStream& j, const rt::RoiResult& r) {
  j.attributeArray("segments", [&] {
    for (const rt::RoiSegment& g : r.segments)
      j.object([&] {
        j.attribute("name", g.name);
        jsonNumber(j, "share", g.share);
        jsonNumber(j, "win_rate", g.winRate);
        jsonNumber(j, "expected_customers", g.expectedCustomers);
        jsonNumber(j, "expected_revenue", g.expectedRevenue);
        jsonOptional(j, "expected_margin", g.expectedMargin);
        percentiles(j, "customers", g.customersP10, g.customersP90);
      });
  });
}

/// The figures every run has, after the names.
void figuresJson(llvm::json::OStream& j, const rt::RoiResult& r) {
  j.attribute("leads", r.leads);
  j.attribute("cost", r.cost);
  j.attribute("win_rate", r.winRate);
  j.attribute("expected_customers", r.expectedCustomers);
  j.attribute("expected_revenue", r.expectedRevenue);
  jsonOptional(j, "expected_margin", r.expectedMargin);
  jsonOptional(j, "roi", r.roi);
  jsonOptional(j, "cost_per_customer", r.costPerCustomer);
  jsonOptional(j, "break_even_leads", r.breakEvenLeads);
  percentiles(j, "customers", r.customersP10, r.customersP90);
  percentiles(j, "revenue", r.revenueP10, r.revenueP90);
  segmentsJson(j, r);
}

void runJson(llvm::json::OStream& j, const RoiRun& run) {
  j.object([&] {
    j.attribute("name", run.process->name);
    figuresJson(j, run.result);
  });
}

void campaignJson(llvm::json::OStream& j, const RoiRun& run) {
  const rt::RoiResult& r = run.result;
  const rt::Process& p = *run.process;
  j.object([&] {
    j.attribute("campaign", r.campaign);
    j.attribute("process", p.name);
    j.attribute("enters", p.states[r.enters].name);
    j.attribute("segment", r.segment ? llvm::json::Value(*r.segment) : llvm::json::Value(nullptr));
    j.attribute("currency",
                p.currency.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(p.currency));
    figuresJson(j, r);
    jsonOptional(j, "target_roi", r.targetRoi);
    j.attribute("target_met",
                r.targetMet ? llvm::json::Value(*r.targetMet) : llvm::json::Value(nullptr));
  });
}

} // namespace

std::string roiText(llvm::ArrayRef<RoiRun> runs) {
  return perProcessText(runs, printRun);
}

std::string roiJson(llvm::ArrayRef<RoiRun> runs) {
  return perProcessJson(runs, runJson);
}

std::string campaignsText(llvm::ArrayRef<RoiRun> runs) {
  return perProcessText(runs, printRun);
}

std::string campaignsJson(llvm::ArrayRef<RoiRun> runs) {
  return jsonDocument([&](llvm::json::OStream& j) {
    j.object([&] {
      j.attribute("version", 1);
      j.attributeArray("campaigns", [&] {
        for (const RoiRun& run : runs)
          campaignJson(j, run);
      });
    });
  });
}

} // namespace salesc::report
