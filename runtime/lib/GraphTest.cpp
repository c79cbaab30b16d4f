//===- GraphTest.cpp - Tests of reachability over a process ---------------===//
#include "salesc/runtime/Graph.h"

#include "TestProcess.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

using namespace salesc::rt::testing;

/// intro -> demo -> won, demo -> intro (a loop), demo -> lost; "orphan" has no
/// way in and goes to lost; "dead end" is entered only by a 0% edge.
Process sample() {
  Process p;
  uint32_t intro = addStage(p, "intro");
  uint32_t demo = addStage(p, "demo");
  uint32_t won = addWon(p, "won");
  uint32_t lost = addLost(p, "lost");
  uint32_t orphan = addStage(p, "orphan");
  uint32_t deadEnd = addStage(p, "dead end");
  addEdge(p, intro, demo, 1.0);
  addEdge(p, demo, won, 0.5);
  addEdge(p, demo, intro, 0.2);
  addEdge(p, demo, lost, 0.3);
  addEdge(p, demo, deadEnd, 0.0);
  addEdge(p, orphan, lost, 1.0);
  return p;
}

TEST(GraphTest, ReachableFromFollowsOnlyEdgesAProspectCanTake) {
  Process p = sample();
  EXPECT_EQ(reachableFrom(p, 0), (std::vector<bool>{true, true, true, true, false, false}));
  EXPECT_EQ(reachableFrom(p, 4), (std::vector<bool>{false, false, false, true, true, false}));
  EXPECT_EQ(reachableFrom(p, 2), (std::vector<bool>{false, false, true, false, false, false}));
}

TEST(GraphTest, ReachableFromAnInvalidIndexIsEmpty) {
  Process p = sample();
  EXPECT_EQ(reachableFrom(p, 99), std::vector<bool>(6, false));
}

TEST(GraphTest, CanReachIncludesTheTargetsThemselves) {
  Process p = sample();
  auto isWon = [](const State& s) { return s.kind == StateKind::Won; };
  EXPECT_EQ(canReach(p, isWon), (std::vector<bool>{true, true, true, false, false, false}));
  auto isOutcome = [](const State& s) { return s.isOutcome(); };
  EXPECT_EQ(canReach(p, isOutcome), (std::vector<bool>{true, true, true, true, true, false}));
}

} // namespace
} // namespace salesc::rt
