//===- Roi.cpp - The report of `salesc roi` -------------------------------===//
#include "Json.h"
#include "PerProcess.h"
#include "Report.h"

#include "salesc/runtime/Format.h"

#include <fmt/format.h>

namespace salesc::report {

namespace {

void printRun(llvm::raw_ostream& os, const RoiRun& run) {
  const rt::RoiResult& r = run.result;
  const rt::Process& p = *run.process;
  auto money = [&](double v) { return rt::formatMoney(v, p.currency); };
  os << p.name << ": a campaign of " << rt::formatDecimal(r.leads) << " leads costing "
     << money(r.cost) << '\n';
  os << "  win rate " << rt::percent(r.winRate) << ": expected customers "
     << fmt::format("{:.2f}", r.expectedCustomers) << " (P10 " << r.customersP10 << ", P90 "
     << r.customersP90 << ")\n";
  if (r.value > 0) {
    os << "  expected revenue " << money(r.expectedRevenue) << " (P10 " << money(r.revenueP10)
       << ", P90 " << money(r.revenueP90) << ")\n";
    os << "  ROI " << (r.roi ? rt::percent(*r.roi) : "not defined")
       << " ((revenue - cost) / cost)\n";
    if (r.breakEvenLeads)
      os << "  break-even at " << fmt::format("{:.1f}", *r.breakEvenLeads) << " leads\n";
  } else {
    os << "  the process states no deal value, so revenue and ROI are not known\n";
  }
  if (r.costPerCustomer)
    os << "  cost per customer " << money(*r.costPerCustomer) << '\n';
}

void runJson(llvm::json::OStream& j, const RoiRun& run) {
  const rt::RoiResult& r = run.result;
  j.object([&] {
    j.attribute("name", run.process->name);
    j.attribute("leads", r.leads);
    j.attribute("cost", r.cost);
    j.attribute("win_rate", r.winRate);
    j.attribute("expected_customers", r.expectedCustomers);
    j.attribute("expected_revenue", r.expectedRevenue);
    jsonOptional(j, "roi", r.roi);
    jsonOptional(j, "cost_per_customer", r.costPerCustomer);
    jsonOptional(j, "break_even_leads", r.breakEvenLeads);
    j.attributeObject("customers", [&] {
      j.attribute("p10", r.customersP10);
      j.attribute("p90", r.customersP90);
    });
    j.attributeObject("revenue", [&] {
      j.attribute("p10", r.revenueP10);
      j.attribute("p90", r.revenueP90);
    });
  });
}

} // namespace

std::string roiText(llvm::ArrayRef<RoiRun> runs) {
  return perProcessText(runs, printRun);
}

std::string roiJson(llvm::ArrayRef<RoiRun> runs) {
  return perProcessJson(runs, runJson);
}

} // namespace salesc::report
