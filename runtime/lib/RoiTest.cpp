//===- RoiTest.cpp - Tests of the campaign return figures -----------------===//
//
// Every expected figure is worked out by hand in the comment above it; binomial
// tails were summed with exact fractions (Python's fractions.Fraction).
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Roi.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;

constexpr double Tol = 1e-9;

/// examples/quickstart.sales: inquiry -60%-> rep_call -45%-> demo -50%-> proposal
/// -40%-> signed, demo -10%-> rep_call, remainders to lost; value 15000.
/// h(proposal) = 0.4, h(demo) = 0.2 + 0.1 h(rep_call), h(rep_call) = 0.45 h(demo)
///   => h(rep_call) (1 - 0.045) = 0.09, h(rep_call) = 0.09 / 0.955,
///   win rate = h(inquiry) = 0.6 * 0.09 / 0.955 = 0.054 / 0.955 = 54/955.
Process quickstart() {
  Process p;
  addStage(p, "inquiry", {1, 2, 3});
  addStage(p, "rep_call", {2, 3, 7});
  addStage(p, "demo", {7, 10.5, 14});
  addStage(p, "proposal", {7, 14, 21});
  uint32_t signed_ = addWon(p, "signed");
  uint32_t lost = addLost(p, "lost");
  addEdge(p, 0, 1, 0.6);
  addEdge(p, 0, lost, 0.4);
  addEdge(p, 1, 2, 0.45);
  addEdge(p, 1, lost, 0.55);
  addEdge(p, 2, 3, 0.5);
  addEdge(p, 2, 1, 0.1);
  addEdge(p, 2, lost, 0.4);
  addEdge(p, 3, signed_, 0.4);
  addEdge(p, 3, lost, 0.6);
  p.value = 15000;
  return p;
}

Analysis analyzeOk(const Process& p) {
  llvm::Expected<Analysis> a = analyze(p);
  if (!a) {
    ADD_FAILURE() << llvm::toString(a.takeError());
    return Analysis{};
  }
  return std::move(*a);
}

TEST(RoiTest, QuickstartThousandLeads) {
  // win rate 54/955 = 0.0565445026...
  // customers 1000 * 54/955 = 54000/955 = 56.5445026178...
  // revenue 56.5445... * 15000 = 848167.539267...
  // ROI (848167.539... - 20000) / 20000 = 41.4083769633...
  // cost per customer 20000 / (54000/955) = 19100000/54000 = 353.703703...
  // break-even leads 20000 / (54/955 * 15000) = 20000 * 955 / 810000 = 23.5802469...
  // Customers ~ Binomial(1000, 54/955): P(X <= 46) < 0.1 <= P(X <= 47) = 0.10552,
  // P(X <= 65) < 0.9 <= P(X <= 66) = 0.91111: P10 47, P90 66.
  Process p = quickstart();
  RoiResult r = roi(p, analyzeOk(p), 1000, 20000);
  EXPECT_NEAR(r.winRate, 54.0 / 955, Tol);
  EXPECT_EQ(r.value, 15000);
  EXPECT_NEAR(r.expectedCustomers, 54000.0 / 955, Tol);
  EXPECT_NEAR(r.expectedRevenue, 54000.0 / 955 * 15000, 1e-6);
  EXPECT_NEAR(r.expectedRevenue, 848167.5392670157, 1e-6);
  ASSERT_TRUE(r.roi);
  EXPECT_NEAR(*r.roi, (848167.5392670157 - 20000) / 20000, 1e-9);
  EXPECT_NEAR(*r.roi, 41.40837696335079, 1e-9);
  ASSERT_TRUE(r.costPerCustomer);
  EXPECT_NEAR(*r.costPerCustomer, 19100000.0 / 54000, 1e-9);
  ASSERT_TRUE(r.breakEvenLeads);
  EXPECT_NEAR(*r.breakEvenLeads, 20000.0 * 955 / 810000, 1e-9);
  EXPECT_EQ(r.customersP10, 47u);
  EXPECT_EQ(r.customersP90, 66u);
  EXPECT_EQ(r.revenueP10, 47 * 15000.0);
  EXPECT_EQ(r.revenueP90, 66 * 15000.0);
  EXPECT_FALSE(r.normalApproximation);
}

TEST(RoiTest, UndefinedFiguresAreNotReported) {
  // No cost: ROI divides by zero. No value: break-even is never reached.
  Process p = quickstart();
  Analysis a = analyzeOk(p);
  RoiResult free = roi(p, a, 1000, 0);
  EXPECT_FALSE(free.roi);
  ASSERT_TRUE(free.costPerCustomer);
  EXPECT_EQ(*free.costPerCustomer, 0.0);
  ASSERT_TRUE(free.breakEvenLeads);
  EXPECT_EQ(*free.breakEvenLeads, 0.0);

  // No leads: no customers, so no cost per customer; ROI is -100%.
  RoiResult none = roi(p, a, 0, 5000);
  EXPECT_EQ(none.expectedCustomers, 0.0);
  EXPECT_FALSE(none.costPerCustomer);
  ASSERT_TRUE(none.roi);
  EXPECT_EQ(*none.roi, -1.0);
  EXPECT_EQ(none.customersP10, 0u);
  EXPECT_EQ(none.customersP90, 0u);

  // A process without a value: revenue 0, break-even undefined, ROI -100%.
  Process noValue = quickstart();
  noValue.value.reset();
  RoiResult r = roi(noValue, analyzeOk(noValue), 1000, 20000);
  EXPECT_EQ(r.value, 0.0);
  EXPECT_EQ(r.expectedRevenue, 0.0);
  EXPECT_FALSE(r.breakEvenLeads);
  ASSERT_TRUE(r.roi);
  EXPECT_EQ(*r.roi, -1.0);
  EXPECT_EQ(r.revenueP90, 0.0);

  // A process nobody wins: no customers and no break-even.
  Process hopeless;
  addStage(hopeless, "lead");
  addWon(hopeless, "won");
  addLost(hopeless, "lost");
  addEdge(hopeless, 0, 2, 1.0);
  hopeless.value = 100;
  RoiResult h = roi(hopeless, analyzeOk(hopeless), 50, 10);
  EXPECT_FALSE(h.costPerCustomer);
  EXPECT_FALSE(h.breakEvenLeads);
  EXPECT_EQ(h.customersP90, 0u);
}

TEST(RoiTest, ExactBinomialQuantilesOfSmallSamples) {
  // Binomial(10, 0.3), pmf summed by hand:
  //   P(0) = 0.7^10 = 0.0282475         CDF 0.0282475
  //   P(1) = 10 * 0.3 * 0.7^9 = 0.1210608   CDF 0.1493083  -> P10 = 1
  //   P(2) = 45 * 0.09 * 0.7^8 = 0.2334744  CDF 0.3827828
  //   P(3) = 120 * 0.027 * 0.7^7 = 0.2668279 CDF 0.6496107 -> P50 = 3
  //   P(4) = 210 * 0.0081 * 0.7^6 = 0.2001209 CDF 0.8497317
  //   P(5) = 252 * 0.00243 * 0.7^5 = 0.1029193 CDF 0.9526510 -> P90 = 5
  EXPECT_EQ(binomialQuantile(10, 0.3, 0.1), 1u);
  EXPECT_EQ(binomialQuantile(10, 0.3, 0.5), 3u);
  EXPECT_EQ(binomialQuantile(10, 0.3, 0.9), 5u);
  // Just above and below a CDF step: CDF(0) = 0.0282475 and CDF(1) = 0.1493083.
  EXPECT_EQ(binomialQuantile(10, 0.3, 0.028), 0u);
  EXPECT_EQ(binomialQuantile(10, 0.3, 0.029), 1u);
  EXPECT_EQ(binomialQuantile(10, 0.3, 0.149), 1u);
  EXPECT_EQ(binomialQuantile(10, 0.3, 0.150), 2u);
  // Binomial(20, 0.5): CDF(6) = 0.0577, CDF(7) = 0.1316; CDF(12) = 0.8684,
  // CDF(13) = 0.9423: P10 7, P90 13.
  EXPECT_EQ(binomialQuantile(20, 0.5, 0.1), 7u);
  EXPECT_EQ(binomialQuantile(20, 0.5, 0.9), 13u);
  // Degenerate cases.
  EXPECT_EQ(binomialQuantile(0, 0.5, 0.9), 0u);
  EXPECT_EQ(binomialQuantile(10, 0.0, 0.9), 0u);
  EXPECT_EQ(binomialQuantile(10, 1.0, 0.1), 10u);
}

TEST(RoiTest, LargeSamplesUseTheNormalApproximation) {
  // Binomial(1e6, 0.05): variance 47500 > 1e4. mu = 50000, sigma = 217.944947;
  // z_0.1 = -1.2815516: ceil(50000 - 279.3077 - 0.5) = ceil(49720.19) = 49721,
  // and symmetrically ceil(50279.31 - 0.5) = ceil(50278.81) = 50279. (Summing the exact pmf gives
  // the same two values.)
  EXPECT_EQ(binomialQuantile(1000000, 0.05, 0.1), 49721u);
  EXPECT_EQ(binomialQuantile(1000000, 0.05, 0.9), 50279u);

  // At the threshold: Binomial(40000, 0.5) has variance exactly 1e4 (exact
  // branch), Binomial(40004, 0.5) 10001 (normal branch). mu 20000 / 20002,
  // sigma 100 / 100.005: P10 19872 / 19874, P90 20128 / 20130, both ways.
  EXPECT_EQ(binomialQuantile(40000, 0.5, 0.1), 19872u);
  EXPECT_EQ(binomialQuantile(40000, 0.5, 0.9), 20128u);
  EXPECT_EQ(binomialQuantile(40004, 0.5, 0.1), 19874u);
  EXPECT_EQ(binomialQuantile(40004, 0.5, 0.9), 20130u);

  // The quickstart with a million leads: variance 1e6 * 54/955 * 901/955 =
  // 53347.2 > 1e4; mu 56544.5026, sigma 230.9702: P10 ceil(mu - 1.2815516 sigma
  // - 0.5) = ceil(56248.0024) = 56249, P90 ceil(56840.0028) = 56841 (the exact
  // sum agrees).
  Process p = quickstart();
  RoiResult r = roi(p, analyzeOk(p), 1e6, 1e6);
  EXPECT_TRUE(r.normalApproximation);
  EXPECT_EQ(r.customersP10, 56249u);
  EXPECT_EQ(r.customersP90, 56841u);
  EXPECT_EQ(r.revenueP10, 56249 * 15000.0);
}

} // namespace
} // namespace salesc::rt
