//===- ForecastTesting.h - What the forecast's unit tests share -----------===//
#ifndef SALESC_RUNTIME_FORECASTTESTING_H
#define SALESC_RUNTIME_FORECASTTESTING_H

#include "salesc/runtime/Forecast.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace salesc::rt::forecast_testing {

using namespace salesc::rt::testing;

constexpr double Tol = 1e-9;
constexpr double Jan15 = 19737; ///< 2024-01-15, days since 1970-01-01

inline Deal deal(std::string id, uint32_t state, double entered, std::optional<double> value = {},
                 unsigned line = 0) {
  return Deal{std::move(id), state, entered, value, line};
}

inline ForecastOptions options(double horizon, uint64_t runs = 20000, uint64_t seed = 1) {
  ForecastOptions o;
  o.asOf = Jan15;
  o.horizonDays = horizon;
  o.runs = runs;
  o.seed = seed;
  return o;
}

inline ForecastResult run(const Process& p, llvm::ArrayRef<Deal> deals, double horizon,
                          uint64_t runs = 20000, uint64_t seed = 1) {
  return forecast(p, analyzed(p), deals, options(horizon, runs, seed));
}

/// The same with the old rule for overdue deals: they leave on the as-of date.
inline ForecastResult runLeavingNow(const Process& p, llvm::ArrayRef<Deal> deals, double horizon,
                                    uint64_t runs = 20000) {
  ForecastOptions o = options(horizon, runs);
  o.overdue = OverdueRule::LeaveNow;
  return forecast(p, analyzed(p), deals, o);
}

/// lead(0) -60%-> meeting(1) -45%-> proposal(2) -40%-> won(3); remainders to
/// lost(4); value 20000. Win probabilities: proposal 0.4, meeting 0.18, lead 0.108.
inline Process valuedChain() {
  Process p = testing::straightChain();
  p.value = 20000;
  return p;
}

inline std::vector<Deal> straightChainDeals() {
  return {deal("a", 0, Jan15 - 1, 1000), deal("b", 1, Jan15 - 3), deal("c", 2, Jan15 - 20, 5000),
          deal("closed", 3, Jan15 - 2, 7000)};
}

/// One stage with the given time going to won with probability `win`, else lost.
inline Process oneStage(Holding time, double win) {
  Process p;
  addStage(p, "stage", time);
  addWon(p, "won");
  addLost(p, "lost");
  addEdge(p, 0, 1, win);
  addEdge(p, 0, 2, 1 - win);
  return p;
}

} // namespace salesc::rt::forecast_testing

#endif // SALESC_RUNTIME_FORECASTTESTING_H
