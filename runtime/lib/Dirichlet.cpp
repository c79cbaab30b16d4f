//===- Dirichlet.cpp - Edge shares drawn from their posterior given a history ===//
#include "salesc/runtime/Dirichlet.h"

#include <cmath>

namespace salesc::rt {

double sampleNormal(Xoshiro256& rng) {
  const double u = 1 - rng.uniform(); // in (0, 1]: the logarithm is finite
  const double v = rng.uniform();
  return std::sqrt(-2 * std::log(u)) * std::cos(2 * 3.14159265358979323846 * v);
}

double sampleGamma(double shape, Xoshiro256& rng) {
  if (shape < 1) {
    // Gamma(a) = Gamma(a + 1) U^(1/a) (Marsaglia and Tsang, section 6).
    const double u = 1 - rng.uniform();
    return sampleGamma(shape + 1, rng) * std::pow(u, 1 / shape);
  }
  const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
  while (true) {
    double x, v;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = 1 - rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v)))
      return d * v;
  }
}

SharePosterior sharePosterior(const Process& p, llvm::ArrayRef<uint64_t> counts) {
  SharePosterior out;
  for (size_t t = 0; t < p.transitions.size(); ++t) {
    const uint64_t n = t < counts.size() ? counts[t] : 0;
    out.counts.push_back(n);
    out.alpha.push_back(p.transitions[t].probability + static_cast<double>(n));
  }
  return out;
}

double posteriorMean(const Process& p, const SharePosterior& posterior, size_t t) {
  double total = 0;
  for (size_t k = 0; k < p.transitions.size() && k < posterior.alpha.size(); ++k)
    if (p.transitions[k].from == p.transitions[t].from)
      total += posterior.alpha[k];
  return total > 0 ? posterior.alpha[t] / total : 0;
}

std::vector<double> drawShares(const Process& p, const SharePosterior& posterior, Xoshiro256& rng) {
  const size_t n = p.transitions.size();
  std::vector<double> shares(n, 0.0);
  std::vector<double> total(p.states.size(), 0.0);
  for (size_t t = 0; t < n; ++t) {
    const double a = t < posterior.alpha.size() ? posterior.alpha[t] : 0;
    if (a > 0 && p.transitions[t].from < p.states.size()) {
      shares[t] = sampleGamma(a, rng);
      total[p.transitions[t].from] += shares[t];
    }
  }
  for (size_t t = 0; t < n; ++t) {
    const uint32_t from = p.transitions[t].from;
    const double sum = from < total.size() ? total[from] : 0;
    if (sum > 0)
      shares[t] /= sum;
    else // every Gamma of the stage underflowed (tiny shapes): the stated shares
      shares[t] = p.transitions[t].probability;
  }
  return shares;
}

} // namespace salesc::rt
