//===- PositionTest.cpp - UTF-16 positions, URIs and incremental edits ----===//
#include "Position.h"
#include "Document.h"
#include "Uri.h"

#include <gtest/gtest.h>

namespace salesc::lsp {
namespace {

// "é" is 2 bytes and 1 UTF-16 unit; "😀" (U+1F600) is 4 bytes and 2 units.
const char* Text = "ab\r\n// é😀x\nlast";

TEST(LspPosition, OffsetsFromUtf16Positions) {
  EXPECT_EQ(offsetAt(Text, {0, 0}), 0u);
  EXPECT_EQ(offsetAt(Text, {0, 2}), 2u);
  EXPECT_EQ(offsetAt(Text, {0, 9}), 2u) << "past the line's end, before its \\r";
  EXPECT_EQ(offsetAt(Text, {1, 3}), 7u);  // before é
  EXPECT_EQ(offsetAt(Text, {1, 4}), 9u);  // after é (2 bytes)
  EXPECT_EQ(offsetAt(Text, {1, 5}), 9u);  // inside the surrogate pair: at the emoji
  EXPECT_EQ(offsetAt(Text, {1, 6}), 13u); // after the emoji (4 bytes, 2 units)
  EXPECT_EQ(offsetAt(Text, {1, 7}), 14u);
  EXPECT_EQ(offsetAt(Text, {2, 4}), 19u);
  EXPECT_EQ(offsetAt(Text, {7, 0}), 19u) << "a line past the end";
}

TEST(LspPosition, Utf16PositionsFromOffsets) {
  EXPECT_EQ(positionAt(Text, 0), (Position{0, 0}));
  EXPECT_EQ(positionAt(Text, 4), (Position{1, 0}));
  EXPECT_EQ(positionAt(Text, 9), (Position{1, 4}));
  EXPECT_EQ(positionAt(Text, 13), (Position{1, 6}));
  EXPECT_EQ(positionAt(Text, 11), (Position{1, 4})) << "inside the emoji: its start";
  EXPECT_EQ(positionAt(Text, 19), (Position{2, 4}));
  EXPECT_EQ(positionAt(Text, 500), (Position{2, 4}));
  for (size_t off : {0, 2, 4, 7, 9, 13, 14, 15, 19})
    EXPECT_EQ(offsetAt(Text, positionAt(Text, off)), off) << off;
}

TEST(LspPosition, PositionsFromJson) {
  llvm::json::Value ok = llvm::json::Object{{"line", 1}, {"character", 2}};
  EXPECT_EQ(positionFromJson(&ok), (Position{1, 2}));
  llvm::json::Value negative = llvm::json::Object{{"line", -1}, {"character", 2}};
  EXPECT_FALSE(positionFromJson(&negative));
  llvm::json::Value text = llvm::json::Object{{"line", "1"}, {"character", 2}};
  EXPECT_FALSE(positionFromJson(&text));
  EXPECT_FALSE(rangeFromJson(nullptr));
}

TEST(LspDocument, IncrementalEditsInUtf16) {
  std::string text = "stage é😀 { }\nnext";
  // Replace the emoji (units 7 and 8 of line 0) by "b".
  ASSERT_TRUE(applyChange(text, Range{{0, 7}, {0, 9}}, "b"));
  EXPECT_EQ(text, "stage éb { }\nnext");
  // Insert at the start of line 1, then delete across the line break.
  ASSERT_TRUE(applyChange(text, Range{{1, 0}, {1, 0}}, "  "));
  EXPECT_EQ(text, "stage éb { }\n  next");
  ASSERT_TRUE(applyChange(text, Range{{0, 12}, {1, 2}}, " "));
  EXPECT_EQ(text, "stage éb { } next");
  EXPECT_FALSE(applyChange(text, Range{{0, 5}, {0, 2}}, "x")) << "end before start";
  EXPECT_EQ(text, "stage éb { } next");
  ASSERT_TRUE(applyChange(text, std::nullopt, "all new"));
  EXPECT_EQ(text, "all new");
}

TEST(LspUri, FileUrisAndPaths) {
  EXPECT_EQ(pathFromUri("file:///home/a%20b/caf%C3%A9.sales"), "/home/a b/café.sales");
  EXPECT_EQ(pathFromUri("file://localhost/x.sales"), "/x.sales");
  EXPECT_FALSE(pathFromUri("untitled:Untitled-1"));
  EXPECT_FALSE(pathFromUri("file://server/share/x.sales"));
  EXPECT_FALSE(pathFromUri("file:///bad%zz"));
  EXPECT_FALSE(pathFromUri("file:///nul%00"));
  EXPECT_EQ(uriFromPath("/home/a b/café.sales"), "file:///home/a%20b/caf%C3%A9.sales");
  EXPECT_EQ(pathFromUri(uriFromPath("/x/#1?.sales")), "/x/#1?.sales");
}

} // namespace
} // namespace salesc::lsp
