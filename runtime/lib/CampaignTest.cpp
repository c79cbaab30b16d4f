//===- CampaignTest.cpp - Campaigns: leads into segments, ROI on margin ---===//
//
// The contract of issue 10 (TestProcess.h saasPlans): its value of a lead is 94.9032
// USD in small, 1,084.608 USD in large and 292.84416 USD blended; win rates 10.878%,
// 12.432% and 11.1888%; margin 80% (SegmentsTest works them out).
//
//===----------------------------------------------------------------------===//
#include "salesc/runtime/Roi.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

#include <cmath>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;

Campaign campaign(std::string name, double leads, double cost) {
  Campaign c;
  c.name = std::move(name);
  c.process = "web_trial";
  c.leads = leads;
  c.cost = cost;
  c.currency = "USD";
  return c;
}

RoiResult roiOk(const Process& p, const Analysis& a, const Campaign& c) {
  llvm::Expected<RoiResult> r = roi(p, a, c);
  if (!r) {
    ADD_FAILURE() << llvm::toString(r.takeError());
    return RoiResult{};
  }
  return std::move(*r);
}

// spring_webinars: 5,000 leads for 20,000 USD in the segments' shares. Revenue 5,000 x
// 292.84416 = 1,464,220.80; margin 80% of it, 1,171,376.64; ROI (1,171,376.64 - 20,000)
// / 20,000 = 57.568832. Customers 5,000 x 0.111888 = 559.44; break-even 20,000 /
// (0.8 x 292.84416) leads. Small: 4,000 leads, 435.12 customers, 379,612.80 USD; large:
// 1,000 leads, 124.32 customers, 1,084,608 USD.
TEST(CampaignTest, SpringWebinarsReturnsTheContractsFigures) {
  const Process p = saasPlans();
  const Analysis a = analyzed(p);
  Campaign c = campaign("spring_webinars", 5000, 20000);
  c.targetRoi = 1.5;
  const RoiResult r = roiOk(p, a, c);
  EXPECT_EQ(r.campaign, "spring_webinars");
  EXPECT_CLOSE(r.winRate, 0.111888);
  EXPECT_CLOSE(r.expectedCustomers, 559.44);
  EXPECT_CLOSE(r.expectedRevenue, 1464220.80);
  ASSERT_TRUE(r.expectedMargin);
  EXPECT_CLOSE(*r.expectedMargin, 1171376.64);
  EXPECT_CLOSE(*r.roi, 57.568832);
  EXPECT_EQ(r.targetMet, std::optional<bool>(true));
  EXPECT_CLOSE(*r.breakEvenLeads, 20000 / (0.8 * 292.84416));
  EXPECT_CLOSE(*r.costPerCustomer, 20000 / 559.44);
  EXPECT_CLOSE(r.value, 292.84416 / 0.111888); // the mean value of a customer
  ASSERT_EQ(r.segments.size(), 2u);
  EXPECT_EQ(r.segments[0].name, "small");
  EXPECT_CLOSE(r.segments[0].share, 0.8);
  EXPECT_CLOSE(r.segments[0].winRate, 0.10878);
  EXPECT_CLOSE(r.segments[0].expectedCustomers, 435.12);
  EXPECT_CLOSE(r.segments[0].expectedRevenue, 379612.80);
  EXPECT_CLOSE(*r.segments[0].expectedMargin, 0.8 * 379612.80);
  EXPECT_CLOSE(r.segments[1].expectedCustomers, 124.32);
  EXPECT_CLOSE(r.segments[1].expectedRevenue, 1084608);
  // Each lead wins with the blended rate: Binomial(5,000, 0.111888), mean 559.44,
  // standard deviation 22.3; P10 and P90 about 1.28 of those from the mean.
  EXPECT_EQ(r.customersP10, binomialQuantile(5000, 0.111888, 0.10));
  EXPECT_GE(r.customersP10, 528u);
  EXPECT_LE(r.customersP10, 533u);
  EXPECT_GE(r.customersP90, 586u);
  EXPECT_LE(r.customersP90, 591u);
  // A segment's customers: Binomial(5,000, 0.2 x 0.12432).
  EXPECT_EQ(r.segments[1].customersP90, binomialQuantile(5000, 0.2 * 0.12432, 0.90));
}

// enterprise_ads: 800 leads for 30,000 USD, all in large. Revenue 800 x 1,084.608 =
// 867,686.40; margin 694,149.12; ROI (694,149.12 - 30,000) / 30,000 = 22.138304.
TEST(CampaignTest, EnterpriseAdsBuysOnlyLargeLeads) {
  const Process p = saasPlans();
  const Analysis a = analyzed(p);
  Campaign c = campaign("enterprise_ads", 800, 30000);
  c.segment = "large";
  const RoiResult r = roiOk(p, a, c);
  EXPECT_CLOSE(r.winRate, 0.12432);
  EXPECT_CLOSE(r.expectedCustomers, 800 * 0.12432);
  EXPECT_CLOSE(r.expectedRevenue, 867686.40);
  EXPECT_CLOSE(*r.expectedMargin, 694149.12);
  EXPECT_CLOSE(*r.roi, 22.138304);
  EXPECT_FALSE(r.targetMet); // no target
  ASSERT_EQ(r.segments.size(), 1u);
  EXPECT_EQ(r.segments[0].name, "large");
  EXPECT_CLOSE(r.segments[0].share, 1);
  // A target above the ROI is missed.
  c.targetRoi = 30;
  EXPECT_EQ(roiOk(p, a, c).targetMet, std::optional<bool>(false));
}

// Leads that enter at upgrade_prompt are still in the segments' shares (not in the odds
// of having reached it): win rate 0.37, worth 0.8 x 322.8 + 0.2 x 3,228 = 903.84 a lead.
TEST(CampaignTest, LeadsEnteringLaterAreStillInTheShares) {
  const Process p = saasPlans();
  const Analysis a = analyzed(p);
  Campaign c = campaign("late", 100, 1000);
  c.enters = 3;
  const RoiResult r = roiOk(p, a, c);
  EXPECT_EQ(r.enters, 3u);
  EXPECT_CLOSE(r.winRate, 0.37);
  EXPECT_CLOSE(r.expectedRevenue, 90384);
  EXPECT_CLOSE(*r.roi, (0.8 * 90384 - 1000) / 1000);
}

// Without a margin ROI is on revenue and no margin figure is given. The straight chain
// wins 0.108 of its leads; at 1,000 a win, 100 leads bring 10,800 for a cost of 2,000:
// ROI 4.4.
TEST(CampaignTest, WithoutAMarginROIIsOnRevenue) {
  Process p = straightChain();
  p.value = 1000;
  const Analysis a = analyzed(p);
  const RoiResult r = roi(p, a, 100, 2000);
  EXPECT_CLOSE(r.expectedRevenue, 10800);
  EXPECT_FALSE(r.expectedMargin);
  EXPECT_CLOSE(*r.roi, 4.4);
  EXPECT_CLOSE(*r.breakEvenLeads, 2000 / 108.0);
  EXPECT_TRUE(r.segments.empty());
  // With a margin of 25%, on margin: (2,700 - 2,000) / 2,000.
  p.margin = 0.25;
  const RoiResult m = roi(p, analyzed(p), 100, 2000);
  EXPECT_CLOSE(*m.expectedMargin, 2700);
  EXPECT_CLOSE(*m.roi, 0.35);
  EXPECT_CLOSE(*m.breakEvenLeads, 2000 / 27.0);
}

TEST(CampaignTest, ACampaignTheProcessCannotTakeIsRefused) {
  const Process p = saasPlans();
  const Analysis a = analyzed(p);
  Campaign c = campaign("x", 10, 10);
  c.segment = "medium";
  llvm::Expected<RoiResult> r = roi(p, a, c);
  ASSERT_FALSE(r);
  EXPECT_EQ(llvm::toString(r.takeError()),
            "it names segment 'medium', which the process does not have");
  c.segment.reset();
  c.enters = 4;
  r = roi(p, a, c);
  ASSERT_FALSE(r);
  EXPECT_EQ(llvm::toString(r.takeError()),
            "its leads enter at outcome 'paid_monthly'; expected a stage");
}

} // namespace
} // namespace salesc::rt
