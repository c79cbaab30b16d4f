//===- EditsTest.cpp - Fix-its applied to a text --------------------------===//
#include "Edits.h"

#include <gtest/gtest.h>

namespace salesc::fix {
namespace {

Edit replace(size_t begin, size_t end, std::string text) {
  return {Replacement{begin, end, std::move(text)}};
}

TEST(Edits, AppliesEditsInAnyOrder) {
  Applied a =
      applyEdits("time 3 hrs; value 5 usd;", {replace(20, 23, "USD"), replace(7, 10, "hours")});
  EXPECT_EQ(a.text, "time 3 hours; value 5 USD;");
  EXPECT_EQ(a.edits, 2u);
}

TEST(Edits, TheReplacementsOfOneEditGoTogether) {
  // A description in curly quotes: both quotes, or neither.
  Applied a = applyEdits("a \xE2\x80\x9Cx\xE2\x80\x9D;",
                         {{Replacement{2, 5, "\""}, Replacement{6, 9, "\""}}});
  EXPECT_EQ(a.text, "a \"x\";");
  EXPECT_EQ(a.edits, 1u);
  // The second quote's place is taken: the whole edit waits.
  Applied b = applyEdits("a \xE2\x80\x9Cx\xE2\x80\x9D;",
                         {{Replacement{2, 5, "\""}, Replacement{6, 9, "\""}},
                          {Replacement{0, 1, "b"}, Replacement{6, 9, "'"}}});
  EXPECT_EQ(b.text, "b \xE2\x80\x9Cx';");
  EXPECT_EQ(b.edits, 1u);
}

TEST(Edits, OverlappingEditsAreLeftForTheNextRound) {
  Applied a = applyEdits("abcdef", {replace(1, 4, "X"), replace(3, 5, "Y"), replace(5, 6, "Z")});
  EXPECT_EQ(a.text, "aXeZ"); // [3,5) overlaps [1,4); [5,6) touches [3,5) only
  EXPECT_EQ(a.edits, 2u);
  // Two insertions at one place, and an insertion inside a replaced range.
  Applied b = applyEdits("abc", {replace(1, 1, "X"), replace(1, 1, "Y"), replace(0, 3, "Z")});
  EXPECT_EQ(b.text, "Z");
  EXPECT_EQ(b.edits, 1u);
  Applied c = applyEdits("abc", {replace(2, 2, "X"), replace(0, 3, "Z")});
  EXPECT_EQ(c.text, "Z");
  // An edit ending where the next begins is no overlap.
  EXPECT_EQ(applyEdits("abc", {replace(0, 1, "X"), replace(1, 2, "Y")}).text, "XYc");
}

TEST(Edits, MalformedEditsAreNeverApplied) {
  Applied a = applyEdits("abc", {replace(2, 9, "X"),
                                 replace(2, 1, "Y"),
                                 Edit{},
                                 {Replacement{0, 2, "P"}, Replacement{1, 3, "Q"}}});
  EXPECT_EQ(a.text, "abc");
  EXPECT_EQ(a.edits, 0u);
}

} // namespace
} // namespace salesc::fix
