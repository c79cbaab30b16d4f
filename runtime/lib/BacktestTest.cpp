//===- BacktestTest.cpp - Tests of the replay of forecasts against a log --===//
#include "salesc/runtime/Backtest.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;

/// a(0), fixed 4 days, -50%-> b(1), fixed 4 days, -100%-> won(2); a -50%-> lost(3). Value
/// 1,000. Stated win probabilities: a 0.5, b 1. With fixed times every deal's forecast is
/// certain: a deal in b wins 4 days after it entered b, one in a 4 days after it entered
/// b, if it does.
Process fixedTimes() {
  Process p;
  p.value = 1000;
  addStage(p, "a", {4, 4, 4});
  addStage(p, "b", {4, 4, 4});
  addWon(p, "won");
  addLost(p, "lost");
  addEdge(p, 0, 1, 0.5);
  addRemainder(p, 0, 3, 0.5);
  addEdge(p, 1, 2, 1.0);
  return p;
}

/// Day 10 (horizon 3 days, to day 13):
///   d1 in b since 8, value 2,500: forecast wins on day 12; won on 12.
///   d2 in b since 8.5, no value (1,000): forecast wins on day 12.5; lost on 11.
///   d3 in a since 9 (a repeated record on 9.8 is the same visit): b on 13, so no win by
///      13 in the forecast; won on 16, after the horizon.
///   d6 in a since 9.5, value 500: no win by 13 in the forecast; won on 12.5 (skipping b).
///   d4 lost on day 6: closed. d5 is created on 11 and won on 13: a later deal.
/// Day 20 (to 23): d7 in a since 17: b on 21, won on 25, after the horizon (forecast: no
///   win by 23); d8 in b since 18, value 4,000: won on 22, as forecast.
std::vector<StageEvent> handLog() {
  std::vector<StageEvent> log;
  unsigned line = 2;
  auto add = [&](const char* deal, uint32_t state, double time,
                 std::optional<double> value = std::nullopt) {
    log.push_back(StageEvent{deal, state, time, line++, std::nullopt, value});
  };
  add("d1", 0, 5, 2500);
  add("d1", 1, 8, 2500);
  add("d1", 2, 12, 2500);
  add("d2", 0, 5);
  add("d2", 1, 8.5);
  add("d2", 3, 11);
  add("d3", 0, 9);
  add("d3", 0, 9.8);
  add("d3", 1, 13);
  add("d3", 2, 16);
  add("d4", 0, 2);
  add("d4", 3, 6);
  add("d5", 0, 11);
  add("d5", 1, 12);
  add("d5", 2, 13);
  add("d6", 0, 9.5, 500);
  add("d6", 2, 12.5);
  add("d7", 0, 17);
  add("d7", 1, 21);
  add("d7", 2, 25);
  add("d8", 0, 15);
  add("d8", 1, 18, 4000);
  add("d8", 2, 22);
  return log;
}

TEST(BacktestTest, RebuildsThePipelineAsItStoodOnTheDay) {
  const std::vector<Deal> deals = pipelineAt(fixedTimes(), handLog(), 10);
  ASSERT_EQ(deals.size(), 4u);
  const char* ids[] = {"d1", "d2", "d3", "d6"};
  const uint32_t states[] = {1, 1, 0, 0};
  const double entered[] = {8, 8.5, 9, 9.5};
  const unsigned lines[] = {3, 6, 8, 17};
  for (unsigned i = 0; i < 4; ++i) {
    EXPECT_EQ(deals[i].id, ids[i]);
    EXPECT_EQ(deals[i].state, states[i]) << ids[i];
    EXPECT_EQ(deals[i].entered, entered[i]) << ids[i];
    EXPECT_EQ(deals[i].line, lines[i]) << ids[i];
  }
  EXPECT_EQ(deals[0].value, 2500);
  EXPECT_FALSE(deals[1].value);
  EXPECT_EQ(deals[3].value, 500);
  EXPECT_TRUE(pipelineAt(fixedTimes(), handLog(), 1).empty()) << "before the first event";
}

TEST(BacktestTest, HandWorkedFigures) {
  const Process p = fixedTimes();
  BacktestOptions o;
  o.at = {10, 20};
  o.horizonDays = 3;
  o.forecast.runs = 500;
  const BacktestResult r = backtest(p, analyzed(p), handLog(), o);
  ASSERT_EQ(r.points.size(), 2u);
  const BacktestPoint& x = r.points[0];
  EXPECT_EQ(x.openDeals, 4u);
  // Actual: d1 (2,500) and d6 (500). Forecast: d1 (2,500) and d2 (1,000), certain.
  EXPECT_EQ(x.actualWins, 2u);
  EXPECT_EQ(x.actualRevenue, 3000);
  EXPECT_EQ(x.laterWins, 1u);
  EXPECT_EQ(x.laterRevenue, 1000);
  EXPECT_EQ(x.forecastWins.mean, 2);
  EXPECT_EQ(x.forecastRevenue.mean, 3500);
  EXPECT_EQ(x.forecastRevenue.p10, 3500);
  EXPECT_EQ(x.forecastRevenue.p90, 3500);
  EXPECT_FALSE(x.covered());
  // Weighted: d1 2,500 x 1, d2 1,000 x 1, d3 1,000 x 0.5, d6 500 x 0.5.
  EXPECT_CLOSE(x.weightedWins, 3);
  EXPECT_CLOSE(x.weightedRevenue, 4250);
  // Brier, forecast: d1 (1-1)^2, d2 (1-0)^2, d3 (0-0)^2, d6 (0-1)^2 -> 2/4.
  // Stated: d1 0, d2 (1-0)^2, d3 (0.5-0)^2, d6 (0.5-1)^2 -> 1.5/4.
  EXPECT_CLOSE(x.brierForecast, 0.5);
  EXPECT_CLOSE(x.brierStated, 0.375);
  const BacktestPoint& y = r.points[1];
  EXPECT_EQ(y.openDeals, 2u);
  EXPECT_EQ(y.actualWins, 1u);
  EXPECT_EQ(y.actualRevenue, 4000);
  EXPECT_EQ(y.forecastRevenue.mean, 4000);
  EXPECT_TRUE(y.covered());
  EXPECT_CLOSE(y.weightedWins, 1.5);
  EXPECT_CLOSE(y.weightedRevenue, 4500); // d7 1,000 x 0.5 + d8 4,000 x 1
  EXPECT_CLOSE(y.brierForecast, 0);
  EXPECT_CLOSE(y.brierStated, 0.125); // d7 (0.5 - 0)^2 / 2
  // MAPE: forecast (500/3000 + 0) / 2 = 1/12; weighted (1250/3000 + 500/4000) / 2 =
  // (5/12 + 1/8) / 2 = 13/48. Coverage 1 of 2. Brier over 6 deal-dates: forecast
  // (2 + 0) / 6, stated (1.5 + 0.25) / 6.
  EXPECT_EQ(r.mapePoints, 2u);
  EXPECT_CLOSE(r.mapeForecast, 1.0 / 12);
  EXPECT_CLOSE(r.mapeWeighted, 13.0 / 48);
  EXPECT_EQ(r.covered, 1u);
  EXPECT_CLOSE(r.coverage, 0.5);
  EXPECT_EQ(r.predictions, 6u);
  EXPECT_CLOSE(r.brierForecast, 1.0 / 3);
  EXPECT_CLOSE(r.brierStated, 1.75 / 6);
  // Calibration: the forecast's 0 for d3, d6, d7 (one won) and 1 for d1, d2, d8 (two
  // won); the stated 0.5 for d3, d6, d7 and 1 for the others.
  ASSERT_EQ(r.calibrationForecast.size(), 10u);
  EXPECT_EQ(r.calibrationForecast[0].deals, 3u);
  EXPECT_CLOSE(r.calibrationForecast[0].predicted, 0);
  EXPECT_CLOSE(r.calibrationForecast[0].won, 1.0 / 3);
  EXPECT_EQ(r.calibrationForecast[9].deals, 3u);
  EXPECT_CLOSE(r.calibrationForecast[9].won, 2.0 / 3);
  EXPECT_EQ(r.calibrationStated[5].deals, 3u);
  EXPECT_CLOSE(r.calibrationStated[5].predicted, 0.5);
  EXPECT_CLOSE(r.calibrationStated[5].won, 1.0 / 3);
  EXPECT_EQ(r.calibrationStated[9].deals, 3u);
  EXPECT_EQ(r.calibrationStated[0].deals, 0u);
  EXPECT_TRUE(std::isnan(r.calibrationStated[0].predicted));
}

TEST(BacktestTest, WithoutRevenueThereIsNoPercentageError) {
  // Day 2: only d4 is open (in a since 2); nothing is won by day 5.
  const Process p = fixedTimes();
  BacktestOptions o;
  o.at = {2};
  o.horizonDays = 3;
  const BacktestResult r = backtest(p, analyzed(p), handLog(), o);
  EXPECT_EQ(r.points[0].openDeals, 1u);
  EXPECT_EQ(r.mapePoints, 0u);
  EXPECT_TRUE(std::isnan(r.mapeForecast));
  EXPECT_EQ(r.coverage, 1); // 0 in [0, 0]
}

TEST(BacktestTest, TheIntervalCoversTheTruthAtAboutItsNominalRate) {
  // Logs generated from the quickstart's own rates and times (and values on the rows):
  // at each date the actual revenue of the open deals is a draw from the distribution
  // the forecast simulates, so it falls in [P10, P90] about 80% of the time. 4 logs of
  // 2,500 deals over 500 days, 24 dates each 15 days apart from day 100, horizon 30 days:
  // 96 dates. With independent dates the count would have a standard deviation of
  // 3.9 (4%); the band allows about 2.5 of them either side.
  const Process p = quickstartChain();
  const Analysis a = analyzed(p);
  unsigned points = 0, covered = 0;
  double brierForecast = 0, brierStated = 0;
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    BacktestOptions o;
    for (int i = 0; i < 24; ++i)
      o.at.push_back(100 + 15 * i);
    o.horizonDays = 30;
    o.forecast.runs = 2000;
    o.forecast.seed = seed;
    const BacktestResult r = backtest(p, a, generatedLog(p, seed, 2500, 500, true), o);
    points += r.points.size();
    covered += r.covered;
    brierForecast += r.brierForecast;
    brierStated += r.brierStated;
    for (const BacktestPoint& x : r.points)
      EXPECT_GT(x.openDeals, 20u);
  }
  const double coverage = double(covered) / points;
  EXPECT_GE(coverage, 0.70);
  EXPECT_LE(coverage, 0.90);
  // The stated probabilities ignore time: deals still open when the horizon ends count
  // as not won, so the forecast's per-deal chances score better.
  EXPECT_LT(brierForecast, brierStated);
  RecordProperty("coverage_percent", int(std::lround(100 * coverage)));
}

} // namespace
} // namespace salesc::rt
