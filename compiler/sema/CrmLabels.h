//===- CrmLabels.h - The CRM labels of a process's stages and outcomes ----===//
#ifndef SALESC_SEMA_CRMLABELS_H
#define SALESC_SEMA_CRMLABELS_H

#include "ResolvedProcess.h"

#include "diag/DiagnosticEngine.h"

#include <string>
#include <vector>

namespace salesc::sema {

/// The labels of a `crm` line, as the model keeps them.
std::vector<std::string> crmLabelsOf(const ast::CrmLabels& c);

/// Checks the CRM labels of `p` (`crm "Demo Scheduled";` in a stage, `crm "Closed Won"` on
/// an outcome) as the export reader compares them (rt::foldLabel: case, spaces and
/// punctuation ignored): a label with no letter or digit (N013), a label given twice in
/// the process, to two states or to one (N012, with a note at its first use), and a label
/// that is the name of another stage or outcome (warning N014: the reader tries labels
/// before names, so that state's rows would go to the labelled one). Returns whether no
/// error was found.
bool checkCrmLabels(const ResolvedProcess& p, diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_CRMLABELS_H
