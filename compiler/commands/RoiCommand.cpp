//===- RoiCommand.cpp - `salesc roi`: what a campaign returns -------------===//
#include "driver/RuntimeInput.h"

#include "salesc/runtime/Verify.h"

#include "report/Report.h"
#include "salesc/runtime/Roi.h"

#include <cmath>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(subRoi());
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

cl::opt<double> Leads("leads", cl::sub(subRoi()), cl::init(0),
                      cl::desc("How many leads the campaign brings (with --cost; instead of the "
                               "file's campaigns)"));
cl::opt<double> Cost("cost", cl::sub(subRoi()), cl::init(0),
                     cl::desc("What the campaign costs, in the process's currency"));
cl::opt<std::string> CampaignName("campaign", cl::sub(subRoi()), cl::init(""),
                                  cl::value_desc("name"),
                                  cl::desc("The campaign of the file to report (default: every "
                                           "campaign)"));

/// `--leads` and `--cost`: one made-up campaign into every process.
int runFlags(CommandContext& ctx) {
  if (!(Leads >= 1 && Leads <= 1e12 && Leads == std::floor(Leads))) {
    error(ctx) << "--leads must be a whole number from 1 to 1e12\n";
    return 2;
  }
  if (!(Cost > 0 && Cost <= rt::limits::MaxAmount)) {
    error(ctx) << "--cost must be above 0 and at most 1e15\n";
    return 2;
  }
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  std::vector<report::RoiRun> runs;
  for (const rt::AnalyzedProcess& ap : in.processes)
    runs.push_back(report::RoiRun{ap.process, rt::roi(*ap.process, ap.analysis, Leads, Cost)});
  ctx.out << (options().format == ReportFormat::Json ? report::roiJson(runs)
                                                     : report::roiText(runs));
  return 0;
}

/// The campaigns the file declares (the one --campaign names), each into its process.
int runCampaigns(CommandContext& ctx) {
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  std::vector<report::RoiRun> runs;
  for (const rt::Campaign& c : in.campaigns) {
    if (!CampaignName.empty() && c.name != CampaignName)
      continue;
    const rt::AnalyzedProcess* into = nullptr;
    for (const rt::AnalyzedProcess& ap : in.processes)
      if (ap.process->name == c.process)
        into = &ap;
    if (!into) {
      if (!options().process.empty())
        continue; // a campaign into a process not chosen
      error(ctx) << "campaign '" << c.name << "' in '" << options().input << "': its process '"
                 << c.process << "' is not one salesc can work on here\n";
      return 1;
    }
    llvm::Expected<rt::RoiResult> r = rt::roi(*into->process, into->analysis, c);
    if (!r) {
      error(ctx) << "campaign '" << c.name << "' in '" << options().input
                 << "': " << llvm::toString(r.takeError()) << '\n';
      return 1;
    }
    runs.push_back(report::RoiRun{into->process, std::move(*r)});
  }
  if (runs.empty()) {
    error(ctx) << "'" << options().input << "' "
               << (CampaignName.empty()
                       ? std::string("declares no campaign; declare one, or give --leads and "
                                     "--cost")
                       : "has no campaign named '" + CampaignName + "'")
               << '\n';
    return 1;
  }
  ctx.out << (options().format == ReportFormat::Json ? report::campaignsJson(runs)
                                                     : report::campaignsText(runs));
  return 0;
}

} // namespace

int runRoi(CommandContext& ctx) {
  const bool leads = Leads.getNumOccurrences() > 0, cost = Cost.getNumOccurrences() > 0;
  if (leads != cost) {
    error(ctx) << "--leads and --cost go together; give both, or neither to report the file's "
                  "campaigns\n";
    return 2;
  }
  if (leads && !CampaignName.empty()) {
    error(ctx) << "--campaign reports a campaign of the file; it does not go with --leads and "
                  "--cost\n";
    return 2;
  }
  return leads ? runFlags(ctx) : runCampaigns(ctx);
}

} // namespace salesc::driver
