//===- Campaigns.h - Campaigns checked against their processes ------------===//
#ifndef SALESC_SEMA_CAMPAIGNS_H
#define SALESC_SEMA_CAMPAIGNS_H

#include "Checker.h"
#include "SymbolTable.h"

#include "diag/DiagnosticEngine.h"

namespace salesc::sema {

/// Checks every campaign of the compilation: its settings stated once and present
/// (process, leads, cost), the process it names, its leads and cost, the cost's
/// currency against the process's, the stage its leads enter and the segment they are
/// in. Returns the campaigns of `root` without errors whose process has a model in
/// `processes`, lowered, in declaration order.
std::vector<rt::Campaign> checkCampaigns(SymbolTable& symbols, const ast::Module* root,
                                         const std::vector<ModelProcess>& processes,
                                         diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_CAMPAIGNS_H
