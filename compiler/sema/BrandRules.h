//===- BrandRules.h - A brand's rules checked against a process -----------===//
#ifndef SALESC_SEMA_BRANDRULES_H
#define SALESC_SEMA_BRANDRULES_H

#include "ResolvedProcess.h"

#include "diag/DiagnosticEngine.h"
#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

namespace salesc::sema {

/// The requirements a brand may state with `require`.
bool isKnownRequirement(llvm::StringRef what);

/// Reports `require` rules naming unknown requirements and repeated rules in a brand
/// declaration (once per brand, whether or not a process uses it).
void checkBrandDecl(const ast::BrandDecl& brand, diag::DiagnosticEngine& diags);

/// The brand as the runtime model holds it.
rt::Brand lowerBrand(const ast::BrandDecl& brand);

/// Per stage: forbidden tactics and categories (error at the `use`, note at the
/// rule) and each `require` rule.
void checkStageAgainstBrand(const ResolvedStage& stage, const ast::BrandDecl& brand,
                            llvm::ArrayRef<const ast::Decl*> provided,
                            llvm::ArrayRef<const ast::Decl*> tactics,
                            diag::DiagnosticEngine& diags);

/// Per process: `max stages`. Returns whether no error was found.
bool checkProcessAgainstBrand(const ResolvedProcess& p, const ast::BrandDecl& brand,
                              diag::DiagnosticEngine& diags);

/// `max cycle`, against the analysis's expected time to win (Analysis::winsWithin).
void checkCycleAgainstBrand(const ResolvedProcess& p, const ast::BrandDecl& brand,
                            const rt::Analysis& analysis, diag::DiagnosticEngine& diags);

} // namespace salesc::sema

#endif // SALESC_SEMA_BRANDRULES_H
