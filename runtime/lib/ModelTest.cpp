//===- ModelTest.cpp - Tests of the executable model ----------------------===//
#include "salesc/runtime/Model.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

TEST(HoldingTest, MeanIsTriangularMean) {
  Holding h{1, 3, 8};
  EXPECT_DOUBLE_EQ(h.mean(), 4.0);
  Holding fixed{5, 5, 5};
  EXPECT_DOUBLE_EQ(fixed.mean(), 5.0);
}

TEST(ProcessTest, FindsStatesByName) {
  Process p;
  p.states.resize(2);
  p.states[0].name = "inquiry";
  p.states[1].name = "signed";
  p.states[1].kind = StateKind::Won;
  EXPECT_EQ(p.find("signed"), 1u);
  EXPECT_EQ(p.find("nope"), std::nullopt);
}

} // namespace
} // namespace salesc::rt
