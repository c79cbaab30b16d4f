//===- Campaigns.cpp - Campaigns checked against their processes ----------===//
#include "Campaigns.h"

#include "Money.h"

#include "Spelling.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Roi.h"

#include "diag/Wording.h"

#include "llvm/ADT/STLExtras.h"

namespace salesc::sema {

using diag::DiagKind;
using diag::quoted;

namespace {

/// What the campaign is predicted to return, against its target and against its cost:
/// warnings that state both figures.
void checkReturn(const ast::CampaignDecl& c, const rt::Campaign& campaign, const ModelProcess& m,
                 const ast::Setting<ast::Percent>* target, diag::DiagnosticEngine& diags) {
  if (!m.analysis)
    return;
  llvm::Expected<rt::RoiResult> r = rt::roi(m.process, *m.analysis, campaign);
  if (!r) {
    llvm::consumeError(r.takeError()); // nothing to predict from (no value per lead)
    return;
  }
  if (!r->roi)
    return;
  const std::string roi = rt::percent(*r->roi);
  const std::string basis = m.process.margin ? "on margin" : "on revenue";
  if (*r->roi < 0)
    diags.report(DiagKind::NegativeRoi, c.name.range,
                 "campaign " + quoted(c.name.text) +
                     " is predicted to return less than it costs: " +
                     rt::formatMoney(campaign.cost, campaign.currency) + " for an ROI of " + roi +
                     " " + basis + "; lower its cost, or bring better leads");
  if (target && r->targetMet == false) {
    const rt::PercentAgainst shown = rt::percentAgainst(*r->roi, *campaign.targetRoi);
    diags
        .report(DiagKind::RoiBelowTarget, target->range,
                "campaign " + quoted(c.name.text) + " is predicted to return " + shown.figure +
                    " " + basis + ", below its target of " + shown.target)
        .note(c.name.range, "the campaign is declared here");
  }
}

/// One campaign; nullopt when it has an error or its process has no model.
std::optional<rt::Campaign> check(const ast::CampaignDecl& c, SymbolTable& symbols,
                                  const std::vector<ModelProcess>& processes,
                                  diag::DiagnosticEngine& diags) {
  diag::ErrorTrap trap(diags);
  const std::string where = "campaign " + quoted(c.name.text);
  auto* process = diag::statedOnce(c.process, "process", where, diags);
  auto* leads = diag::statedOnce(c.leads, "leads", where, diags);
  auto* cost = diag::statedOnce(c.cost, "cost", where, diags);
  auto* enters = diag::statedOnce(c.enters, "enters", where, diags);
  auto* segment = diag::statedOnce(c.segment, "segment", where, diags);
  auto* target = diag::statedOnce(c.targetRoi, "target roi", where, diags);
  std::vector<std::string> missing;
  if (!process)
    missing.push_back("'process NAME;'");
  if (!leads)
    missing.push_back("'leads N;'");
  if (!cost)
    missing.push_back("'cost N CUR;'");
  if (!missing.empty()) {
    std::string list;
    for (size_t i = 0; i < missing.size(); ++i)
      list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
    diags.report(DiagKind::IncompleteCampaign, c.name.range,
                 where + " needs its process, how many leads it brings and what it costs; add " +
                     list);
  }
  rt::Campaign out;
  out.name = c.name.text.str();
  out.description = c.description ? c.description->value : "";
  if (leads) {
    if (leads->value.value <= 0 || leads->value.value > 1e15)
      diags.report(DiagKind::InvalidNumber, leads->value.range,
                   "a campaign's leads must be above 0 and at most 1e15");
    out.leads = leads->value.value;
  }
  if (cost) {
    if (cost->value.amount.value <= 0 || cost->value.amount.value > 1e15)
      diags.report(DiagKind::InvalidNumber, cost->value.amount.range,
                   "a campaign's cost must be above 0 and at most 1e15");
    if (checkCurrencyCode(cost->value.currency, diags))
      out.currency = cost->value.currency.text.str();
    out.cost = cost->value.amount.value;
  }
  if (target)
    out.targetRoi = target->value.amount.value / 100.0;
  if (!process)
    return std::nullopt;
  const ast::Decl* d = symbols.resolve(process->value, {ast::DeclKind::Process},
                                       "'process' takes the process the campaign's leads enter");
  if (!d)
    return std::nullopt;
  out.process = d->name.text.str();
  auto model = llvm::find_if(processes,
                             [&](const ModelProcess& m) { return m.process.name == out.process; });
  if (model == processes.end())
    return std::nullopt; // the process has errors of its own
  const rt::Process& p = model->process;
  if (cost && !out.currency.empty() && out.currency != p.currency) {
    std::string why = p.currency.empty() ? "states no value, so salesc cannot weigh the cost"
                                         : "counts in " + p.currency;
    diags.report(DiagKind::CurrencyMismatch, cost->value.currency.range,
                 "the cost is in " + out.currency + ", but process " + quoted(p.name) + " " + why +
                     "; state both in one currency");
  }
  if (enters) {
    std::vector<llvm::StringRef> stages;
    for (const rt::State& s : p.states)
      if (!s.isOutcome())
        stages.push_back(s.name);
    auto at = p.find(enters->value.text.str());
    if (at && !p.states[*at].isOutcome())
      out.enters = *at;
    else
      reportUnknownName(diags, enters->value,
                        "process " + quoted(p.name) + " has no stage named " +
                            quoted(enters->value.text) + " for the campaign's leads to enter",
                        stages);
  }
  if (segment) {
    std::vector<llvm::StringRef> names;
    for (const rt::Segment& s : p.segments)
      names.push_back(s.name);
    if (llvm::is_contained(names, segment->value.text))
      out.segment = segment->value.text.str();
    else
      reportUnknownName(diags, segment->value,
                        "process " + quoted(p.name) + " has no segment named " +
                            quoted(segment->value.text),
                        names);
  }
  if (trap.hasErrors())
    return std::nullopt;
  checkReturn(c, out, *model, target, diags);
  return out;
}

} // namespace

std::vector<rt::Campaign> checkCampaigns(SymbolTable& symbols, const ast::Module* root,
                                         const std::vector<ModelProcess>& processes,
                                         diag::DiagnosticEngine& diags) {
  std::vector<rt::Campaign> out;
  for (const ast::Decl* d : symbols.all()) {
    auto* c = llvm::dyn_cast<ast::CampaignDecl>(d);
    if (!c)
      continue;
    auto campaign = check(*c, symbols, processes, diags);
    if (campaign && c->module == root)
      out.push_back(std::move(*campaign));
  }
  return out;
}

} // namespace salesc::sema
