//===- ChartsTest.cpp - The report's Vega-Lite specs, worked by hand ------===//
#include "Charts.h"
#include "ChartSpec.h"
#include "EmitTestProcesses.h"
#include "Emitters.h"

#include <gtest/gtest.h>

namespace salesc::emit {
namespace {

using testing::analyzed;

rt::Process tiny() {
  return testing::tinyProcess();
}

const llvm::json::Array& rows(const llvm::json::Object& spec) {
  return *spec.getObject("data")->getArray("values");
}

TEST(Charts, ALongSubtitleGoesOnOneLinePerPartAsVegaNeverWrapsIt) {
  const llvm::json::Object shortOne = chartBase("T", "a; b", llvm::json::Array{});
  EXPECT_EQ(*shortOne.getObject("title")->get("subtitle"), llvm::json::Value("a; b"));
  const std::string part(50, 'x');
  const llvm::json::Object longOne =
      chartBase("T", part + "; " + part + "; end", llvm::json::Array{});
  EXPECT_EQ(*longOne.getObject("title")->get("subtitle"),
            (llvm::json::Value(llvm::json::Array{part + ";", part + ";", "end"})));
  const llvm::json::Object noPart = chartBase("T", std::string(90, 'y'), llvm::json::Array{});
  EXPECT_EQ(*noPart.getObject("title")->get("subtitle"), llvm::json::Value(std::string(90, 'y')));
}

TEST(Charts, FunnelCountsOfAThousandLeadsAreExact) {
  rt::Process p = tiny();
  std::optional<llvm::json::Object> spec = funnelChart(analyzed(p));
  ASSERT_TRUE(spec);
  EXPECT_EQ(*spec->getString("$schema"), VegaLiteSchema);
  const llvm::json::Array& r = rows(*spec);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(*r[0].getAsObject()->getString("step"), "a");
  EXPECT_EQ(*r[0].getAsObject()->getInteger("leads"), 1000);
  EXPECT_EQ(*r[1].getAsObject()->getString("step"), "b stage"); // the name as words
  EXPECT_EQ(*r[1].getAsObject()->getInteger("leads"), 500);
  EXPECT_EQ(*r[1].getAsObject()->getString("share"), "50%");
  EXPECT_EQ(*r[2].getAsObject()->getString("kind"), "won");
  EXPECT_EQ(*r[2].getAsObject()->getInteger("leads"), 200);
  EXPECT_EQ(*r[0].getAsObject()->getString("about"), "First call");
}

TEST(Charts, TimeShareHasTheBottleneckFirst) {
  rt::Process p = tiny();
  std::optional<llvm::json::Object> spec = timeShareChart(analyzed(p));
  ASSERT_TRUE(spec);
  const llvm::json::Array& r = rows(*spec);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(*r[0].getAsObject()->getString("stage"), "a");
  EXPECT_EQ(*r[0].getAsObject()->getString("kind"), "bottleneck");
  EXPECT_NEAR(*r[0].getAsObject()->getNumber("share"), 2 / 3.5, 1e-6);
  EXPECT_NEAR(*r[1].getAsObject()->getNumber("share"), 1.5 / 3.5, 1e-6);
  EXPECT_EQ(*r[1].getAsObject()->getString("kind"), "stage");
}

TEST(Charts, TimeShareIsEmptyWhenNoStageTakesTime) {
  rt::Process p = tiny();
  for (rt::State& s : p.states)
    s.time = {0, 0, 0};
  EXPECT_FALSE(timeShareChart(analyzed(p)));
}

TEST(Charts, TimeToWinOfFixedTimesIsOneBarAtItsPercentiles) {
  rt::Process p = tiny();
  llvm::Expected<rt::SimulationResult> sim = timeToWinSimulation(p);
  ASSERT_TRUE(bool(sim));
  EXPECT_EQ(sim->winDays.size(), sim->wins);
  std::optional<llvm::json::Object> spec = timeToWinChart(analyzed(p), *sim);
  ASSERT_TRUE(spec);
  const llvm::json::Array& r = rows(*spec);
  ASSERT_EQ(r.size(), 1u); // every win takes 2 + 3 days
  EXPECT_EQ(*r[0].getAsObject()->getNumber("from"), 5);
  EXPECT_EQ(*r[0].getAsObject()->getNumber("to"), 6);
  EXPECT_EQ(uint64_t(*r[0].getAsObject()->getInteger("wins")), sim->wins);
  const llvm::json::Array& layers = *spec->getArray("layer");
  ASSERT_EQ(layers.size(), 3u);
  const llvm::json::Array& rules = *layers[1].getAsObject()->getObject("data")->getArray("values");
  ASSERT_EQ(rules.size(), 3u);
  for (const llvm::json::Value& rule : rules)
    EXPECT_EQ(*rule.getAsObject()->getNumber("days"), 5);
  EXPECT_EQ(*rules[1].getAsObject()->getString("label"), "P50 5 days");
}

TEST(Charts, TimeToWinIsEmptyWithoutWins) {
  rt::Process p = tiny();
  rt::SimulationResult none;
  EXPECT_FALSE(timeToWinChart(analyzed(p), none));
}

TEST(Charts, ConversionGainListsTheEdgesByGain) {
  rt::Process p = tiny();
  std::optional<llvm::json::Object> spec = conversionGainChart(analyzed(p));
  ASSERT_TRUE(spec);
  const llvm::json::Array& r = rows(*spec);
  ASSERT_EQ(r.size(), 2u);
  // One more point a -> b: 0.51 x 0.4 = 0.204, +0.4 pt; b -> won: 0.5 x 0.41 = 0.205, +0.5 pt.
  EXPECT_EQ(*r[0].getAsObject()->getString("edge"), "b stage \u2192 won");
  EXPECT_NEAR(*r[0].getAsObject()->getNumber("gain"), 0.5, 1e-9);
  EXPECT_EQ(*r[0].getAsObject()->getString("value"), "+5 EUR");
  EXPECT_EQ(*r[1].getAsObject()->getString("edge"), "a \u2192 b stage");
  EXPECT_NEAR(*r[1].getAsObject()->getNumber("gain"), 0.4, 1e-9);
}

TEST(Charts, EveryChartIsInTheTableAndWritesValidJson) {
  rt::Process p = tiny();
  rt::AnalyzedProcess ap = analyzed(p);
  for (const Chart& c : charts()) {
    EXPECT_EQ(findChart(c.name), &c);
    llvm::Expected<std::optional<llvm::json::Object>> spec = drawChart(c, ap);
    ASSERT_TRUE(bool(spec)) << c.name.str();
    ASSERT_TRUE(*spec) << c.name.str();
    EXPECT_TRUE(bool(llvm::json::parse(chartText(**spec)))) << c.name.str();
  }
  EXPECT_EQ(findChart("pie"), nullptr);
}

TEST(Charts, TheVegaLiteEmitterWritesTheChartAsked) {
  rt::Process p = tiny();
  rt::AnalyzedProcess ap = analyzed(p);
  const Emitter* vl = nullptr;
  for (const Emitter& e : emitters())
    if (e.name == "vega-lite")
      vl = &e;
  ASSERT_NE(vl, nullptr);
  EmitOptions o;
  o.chart = "funnel";
  std::vector<Part> parts = vl->write(ap, o);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].bytes, chartText(*funnelChart(ap)));
}

// Issue 14, report --events: four deals of the tiny process, by hand. a was left 4 times
// (3 to b stage: 75% against 50% stated), b stage twice (once won: 50% against 40%).
TEST(Charts, EdgeConformanceIsObservedMinusStated) {
  rt::Process p = tiny();
  std::vector<rt::StageEvent> events;
  auto add = [&](const char* deal, uint32_t state, double day) {
    events.push_back(rt::StageEvent{deal, state, day, unsigned(events.size() + 2), std::nullopt});
  };
  add("D1", 0, 0), add("D1", 1, 2), add("D1", 2, 5);
  add("D2", 0, 0), add("D2", 3, 2);
  add("D3", 0, 0), add("D3", 1, 2), add("D3", 3, 5);
  add("D4", 0, 0), add("D4", 1, 2);
  rt::ConformResult r = rt::conform(p, events, 10);
  std::optional<llvm::json::Object> spec = edgeConformanceChart(p, r);
  ASSERT_TRUE(spec);
  const llvm::json::Array& rs = rows(*spec);
  ASSERT_EQ(rs.size(), 4u); // every edge of the process was tried
  const llvm::json::Object& ab = *rs[0].getAsObject();
  EXPECT_EQ(*ab.getString("from"), "a");
  EXPECT_EQ(*ab.getString("to"), "b stage");
  EXPECT_DOUBLE_EQ(*ab.getNumber("gap"), 25);
  EXPECT_EQ(*ab.getString("label"), "75%");
  EXPECT_EQ(*ab.getInteger("trials"), 4);
  const llvm::json::Object& bw = *rs[2].getAsObject();
  EXPECT_EQ(*bw.getString("to"), "won");
  EXPECT_DOUBLE_EQ(*bw.getNumber("gap"), 10);
  EXPECT_EQ(*bw.getString("flag"), "within chance"); // 1 of 2 cannot refute 40%
  // The time in stage: a and b stage, each beside its stated range.
  std::optional<llvm::json::Object> times = stageTimeChart(p, r);
  ASSERT_TRUE(times);
  ASSERT_EQ(rows(*times).size(), 2u);
  const llvm::json::Object& a = *rows(*times)[0].getAsObject();
  EXPECT_EQ(*a.getString("stage"), "a");
  EXPECT_DOUBLE_EQ(*a.getNumber("median"), 2); // every deal left a after 2 days
  EXPECT_DOUBLE_EQ(*a.getNumber("min"), 2);
  EXPECT_DOUBLE_EQ(*a.getNumber("max"), 2);
  // No history: nothing to draw.
  rt::ConformResult none = rt::conform(p, {}, 10);
  EXPECT_FALSE(edgeConformanceChart(p, none));
  EXPECT_FALSE(stageTimeChart(p, none));
}

TEST(Charts, ForecastFanHasAMonthPerRowFromP10ToP90) {
  rt::Process p = tiny();
  EXPECT_FALSE(forecastFanChart(p, {}));
  ForecastToDate dec{2026, 12, 20818, {}, {}};
  dec.revenue.p10 = 1000, dec.revenue.p50 = 2000, dec.revenue.p90 = 5000, dec.revenue.mean = 2500;
  ForecastToDate jan{2027, 1, 20849, {}, {}};
  jan.revenue.p10 = 2000, jan.revenue.p50 = 4000, jan.revenue.p90 = 9000;
  std::optional<llvm::json::Object> spec = forecastFanChart(p, {dec, jan});
  ASSERT_TRUE(spec);
  const llvm::json::Array& rs = rows(*spec);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(*rs[0].getAsObject()->getString("month"), "2026-12");
  EXPECT_EQ(*rs[0].getAsObject()->getString("by"), "2026-12-31");
  EXPECT_EQ(*rs[0].getAsObject()->getString("range"), "1,000 EUR to 5,000 EUR");
  EXPECT_DOUBLE_EQ(*rs[1].getAsObject()->getNumber("p90"), 9000);
  EXPECT_EQ(spec->getArray("layer")->size(), 3u); // band, P50, mean
}

} // namespace
} // namespace salesc::emit
