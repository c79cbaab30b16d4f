//===- RoiCommand.cpp - `salesc roi`: what a campaign returns -------------===//
#include "RuntimeInput.h"

#include "emit/Format.h"
#include "emit/TextFormat.h"
#include "salesc/runtime/Roi.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/WithColor.h"

#include <cmath>
#include <fmt/format.h>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(roiCommand());
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

cl::opt<double> Leads("leads", cl::sub(roiCommand()), cl::Required,
                      cl::desc("How many leads the campaign brings"));
cl::opt<double> Cost("cost", cl::sub(roiCommand()), cl::Required,
                     cl::desc("What the campaign costs, in the process's currency"));

void optional(llvm::json::OStream& j, llvm::StringRef key, std::optional<double> v) {
  if (v)
    j.attribute(key, *v);
  else
    j.attribute(key, nullptr);
}

} // namespace

int runRoi(const char* argv0) {
  if (!(Leads >= 1 && Leads <= 1e12 && Leads == std::floor(Leads))) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "--leads must be a whole number from 1 to 1e12\n";
    return 2;
  }
  if (!(Cost > 0 && Cost <= MaxAmount)) {
    llvm::WithColor::error(llvm::errs(), "salesc") << "--cost must be above 0 and at most 1e15\n";
    return 2;
  }
  RuntimeInput in;
  if (int status = loadRuntimeInput(argv0, options().input, options().process, in))
    return status;
  std::vector<rt::RoiResult> results;
  for (const RuntimeProcess& rp : in.processes)
    results.push_back(rt::roi(*rp.process, rp.analysis, Leads, Cost));
  if (options().format == ReportFormat::Json) {
    llvm::json::OStream j(llvm::outs(), 2);
    j.object([&] {
      j.attribute("version", 1);
      j.attributeArray("processes", [&] {
        for (size_t i = 0; i < results.size(); ++i) {
          const rt::RoiResult& r = results[i];
          j.object([&] {
            j.attribute("name", in.processes[i].process->name);
            j.attribute("leads", r.leads);
            j.attribute("cost", r.cost);
            j.attribute("win_rate", r.winRate);
            j.attribute("expected_customers", r.expectedCustomers);
            j.attribute("expected_revenue", r.expectedRevenue);
            optional(j, "roi", r.roi);
            optional(j, "cost_per_customer", r.costPerCustomer);
            optional(j, "break_even_leads", r.breakEvenLeads);
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
      });
    });
    llvm::outs() << '\n';
    return 0;
  }
  llvm::raw_ostream& os = llvm::outs();
  for (size_t i = 0; i < results.size(); ++i) {
    const rt::RoiResult& r = results[i];
    const rt::Process& p = *in.processes[i].process;
    auto money = [&](double v) { return emit::formatMoney(v, p.currency); };
    if (i)
      os << '\n';
    os << p.name << ": a campaign of " << emit::formatDecimal(r.leads) << " leads costing "
       << money(r.cost) << '\n';
    os << "  win rate " << emit::percent(r.winRate) << ": expected customers "
       << fmt::format("{:.2f}", r.expectedCustomers) << " (P10 " << r.customersP10 << ", P90 "
       << r.customersP90 << ")\n";
    if (r.value > 0) {
      os << "  expected revenue " << money(r.expectedRevenue) << " (P10 " << money(r.revenueP10)
         << ", P90 " << money(r.revenueP90) << ")\n";
      os << "  ROI " << (r.roi ? emit::percent(*r.roi) : "not defined")
         << " ((revenue - cost) / cost)\n";
      if (r.breakEvenLeads)
        os << "  break-even at " << fmt::format("{:.1f}", *r.breakEvenLeads) << " leads\n";
    } else {
      os << "  the process states no deal value, so revenue and ROI are not known\n";
    }
    if (r.costPerCustomer)
      os << "  cost per customer " << money(*r.costPerCustomer) << '\n';
  }
  return 0;
}

} // namespace salesc::driver
