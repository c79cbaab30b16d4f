//===- DiscountWordingTest.cpp - The words of a price cut -----------------===//
#include "DiscountWording.h"

#include <gtest/gtest.h>

namespace salesc::sema {
namespace {

TEST(DiscountWordingTest, FindsThePriceCutAsWritten) {
  EXPECT_EQ(discountWording("A 5% credit off the build price"), "credit");
  EXPECT_EQ(discountWording("Take 20% OFF today"), "20% off");
  EXPECT_EQ(discountWording("Twenty Percent off for a friend"), "percent off");
  EXPECT_EQ(discountWording("Three months free on an annual plan"), "months free");
  EXPECT_EQ(discountWording("first free month"), "free month");
  EXPECT_EQ(discountWording("A limited-time offer for early buyers"), "limited time offer");
  EXPECT_EQ(discountWording("volume rebates"), "rebates");
  EXPECT_EQ(discountWording("winter discount"), "discount");
  EXPECT_EQ(discountWording("Cash back on the first order"), "cash back");
}

TEST(DiscountWordingTest, LeavesOrdinaryWordsAlone) {
  EXPECT_EQ(discountWording("We check the buyer's credit history"), std::nullopt);
  EXPECT_EQ(discountWording("credit card payments accepted"), std::nullopt);
  EXPECT_EQ(discountWording("The prospect uses the full offering for a limited time before paying"),
            std::nullopt);
  EXPECT_EQ(discountWording("A private viewing in the atelier"), std::nullopt);
  EXPECT_EQ(discountWording("Tell them what it costs, then step off"), std::nullopt);
  EXPECT_EQ(discountWording("discountenance"), std::nullopt); // a word, not a prefix
  EXPECT_EQ(discountWording(""), std::nullopt);
}

} // namespace
} // namespace salesc::sema
