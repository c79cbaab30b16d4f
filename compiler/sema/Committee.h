//===- Committee.h - The buying committee's needs against the process -----===//
#ifndef SALESC_SEMA_COMMITTEE_H
#define SALESC_SEMA_COMMITTEE_H

#include "ResolvedProcess.h"
#include "SymbolTable.h"

#include "diag/DiagnosticEngine.h"
#include "salesc/runtime/Model.h"

namespace salesc::sema {

/// For each sign-off of a sound process: whether every need of the role is learned on
/// every path from the start to the sign-off stage, that is, whether the stages that
/// learn it (the sign-off stage among them) cut every such path. A need some path
/// misses is warning R001 at the `signoff`, with a note at the need and one path that
/// misses it. `model` is the process lowered from `p` (its stages first, in order).
void checkCommitteeNeeds(const ResolvedProcess& p, const rt::Process& model,
                         const SymbolTable& symbols, diag::DiagnosticEngine& diags);

/// The roles the checked file declares that never sign off in any process and whose
/// needs no stage of any process learns (warning R002; such a role is not reported as
/// unused too). A role that never signs off but whose needs some stage learns is an
/// influencer the process serves, and is fine.
void checkIdleRoles(const SymbolTable& symbols, const ast::Module* root,
                    diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_COMMITTEE_H
