//===- Significance.h - Tests of stated rates and the control of false alarms ===//
//
// conform compares many stated figures with what a log shows; testing each at 5% would
// flag one of them on most logs that follow the process exactly. Each comparison gets a
// p-value, and the p-values of one report are adjusted together (Holm), so that the
// chance that a log following the process raises any flag stays at 5%.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_RUNTIME_SIGNIFICANCE_H
#define SALESC_RUNTIME_SIGNIFICANCE_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace salesc::rt {

/// The level at which an adjusted p-value raises a flag.
inline constexpr double FlagLevel = 0.05;

/// The two-sided p-value of the score test that `successes` of `trials` came from a
/// rate `stated`: z = (x - n p) / sqrt(n p (1 - p)), p-value = P(|Z| >= |z|). It is the
/// test the Wilson interval inverts: the p-value is below 5% exactly when `stated` lies
/// outside the 95% Wilson interval. A stated rate of 0 or 1 is contradicted by any
/// count off it (p-value 0); 1 without trials.
double scoreTestP(uint64_t successes, uint64_t trials, double stated);

/// "p = 0.012", "p < 0.001".
std::string pValueText(double p);

/// P(Z >= z) for a standard normal Z.
double normalUpperTail(double z);

/// Holm's step-down adjustment: with the m p-values sorted p(1) <= ... <= p(m), the
/// adjusted p(i) = max over j <= i of min(1, (m - j + 1) p(j)), in the input's order.
/// Flagging the adjusted p-values below a level keeps the chance of any false flag
/// among the m at or below that level, whatever the dependence between them.
std::vector<double> holmAdjusted(llvm::ArrayRef<double> pValues);

} // namespace salesc::rt

#endif // SALESC_RUNTIME_SIGNIFICANCE_H
