//===- Significance.cpp - Tests of stated rates and the control of false alarms ===//
#include "salesc/runtime/Significance.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace salesc::rt {

std::string pValueText(double p) {
  return p < 0.001 ? std::string("p < 0.001") : fmt::format("p = {:.3f}", p);
}

double normalUpperTail(double z) {
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

double scoreTestP(uint64_t successes, uint64_t trials, double stated) {
  if (trials == 0)
    return 1;
  const double n = static_cast<double>(trials), x = static_cast<double>(successes);
  if (stated <= 0 || stated >= 1)
    return x == n * std::clamp(stated, 0.0, 1.0) ? 1.0 : 0.0;
  const double z = (x - n * stated) / std::sqrt(n * stated * (1 - stated));
  return std::min(1.0, 2 * normalUpperTail(std::fabs(z)));
}

std::vector<double> holmAdjusted(llvm::ArrayRef<double> pValues) {
  const size_t m = pValues.size();
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return pValues[a] < pValues[b]; });
  std::vector<double> adjusted(m);
  double running = 0;
  for (size_t k = 0; k < m; ++k) {
    running = std::max(running, std::min(1.0, static_cast<double>(m - k) * pValues[order[k]]));
    adjusted[order[k]] = running;
  }
  return adjusted;
}

} // namespace salesc::rt
