//===- GraphvizTest.cpp - cgraph objects numbered in the order they are made ===//
#include "Graphviz.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace salesc::emit {
namespace {

/// Makes subgraphs named s10, s11, ... after freeing as many strings of the same
/// length, so that the heap hands their addresses out again newest first (cgraph's
/// own numbering follows the address of each name: 42 of these 60 came out of order).
std::vector<std::string> subgraphOrder(Agraph_t* g, int count) {
  std::vector<char*> junk;
  for (int i = 0; i < count; ++i)
    junk.push_back(agstrdup(g, const_cast<char*>(("j" + std::to_string(i + 10)).c_str())));
  for (char* j : junk)
    agstrfree(g, j);
  for (int i = 0; i < count; ++i)
    agsubg(g, const_cast<char*>(("s" + std::to_string(i + 10)).c_str()), 1);
  std::vector<std::string> order;
  for (Agraph_t* s = agfstsubg(g); s; s = agnxtsubg(s))
    order.push_back(agnameof(s));
  return order;
}

TEST(GraphvizTest, SubgraphsComeInTheOrderTheyWereMade) {
  Graph g = newDirectedGraph("g");
  std::vector<std::string> order = subgraphOrder(g.get(), 60);
  ASSERT_EQ(order.size(), 60u);
  for (int i = 0; i < 60; ++i)
    EXPECT_EQ(order[i], "s" + std::to_string(i + 10));
}

TEST(GraphvizTest, NamesAreFoundAgainAndWrittenAsPlainText) {
  Graph g = newDirectedGraph("g");
  Agnode_t* a = agnode(g.get(), const_cast<char*>("a b"), 1);
  EXPECT_EQ(agnode(g.get(), const_cast<char*>("a b"), 0), a);
  EXPECT_EQ(agnode(g.get(), const_cast<char*>("missing"), 0), nullptr);
  EXPECT_STREQ(agnameof(a), "a b");
  EXPECT_FALSE(aghtmlstr(agnameof(a))) << "a name is a string of the graph's, not HTML";
  Agnode_t* b = agnode(g.get(), const_cast<char*>("(start)"), 1);
  agedge(g.get(), a, b, nullptr, 1);
  EXPECT_NE(agedge(g.get(), a, b, nullptr, 0), nullptr) << "an anonymous edge is found by its ends";
}

} // namespace
} // namespace salesc::emit
