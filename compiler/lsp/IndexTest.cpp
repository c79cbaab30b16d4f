//===- IndexTest.cpp - The names of the examples, at every position -------===//
#include "Index.h"
#include "Hover.h"
#include "Navigation.h"
#include "Uri.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

namespace salesc::lsp {
namespace {

/// Every example, open as the editor would have it.
llvm::StringMap<Document> openExamples() {
  llvm::StringMap<Document> open;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(SALESC_SOURCE_DIR "/examples", ec), end;
       !ec && it != end; it.increment(ec)) {
    if (!llvm::StringRef(it->path()).endswith(".sales"))
      continue;
    auto text = llvm::MemoryBuffer::getFile(it->path());
    if (!text)
      continue;
    Document d{uriFromPath(it->path()), it->path(), 1, (*text)->getBuffer().str()};
    open[d.uri] = std::move(d);
  }
  return open;
}

// Each name's declaration is an occurrence of the same symbol; every request answers at
// every position of every example, names or not, without failing.
TEST(LspIndex, EveryPositionOfTheExamples) {
  llvm::StringMap<Document> open = openExamples();
  ASSERT_GE(open.size(), 3u);
  CheckOptions options;
  options.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
  Index index(open, options);
  size_t names = 0;
  for (const auto& entry : open) {
    const Document& doc = entry.second;
    llvm::ArrayRef<Occurrence> here = index.occurrencesIn(doc.uri);
    EXPECT_FALSE(here.empty()) << doc.uri;
    for (const Occurrence& o : here) {
      std::vector<const Occurrence*> all = index.occurrencesOf(o.symbol);
      ASSERT_FALSE(all.empty());
      EXPECT_TRUE(all.front()->declaration &&
                  all.front()->range.Start == o.symbol->name->range.Start)
          << doc.uri << ": " << o.symbol->name->text.str();
    }
    Position end = positionAt(doc.text, doc.text.size());
    for (unsigned line = 0; line <= end.line; ++line)
      for (unsigned c = 0; c < 100; ++c) {
        Position p{line, c};
        llvm::json::Value h = hover(index, doc.uri, p);
        names += h.kind() != llvm::json::Value::Null;
        EXPECT_EQ(definition(index, doc.uri, p).kind() == llvm::json::Value::Null,
                  h.kind() == llvm::json::Value::Null);
        references(index, doc.uri, p, true);
        llvm::Expected<llvm::json::Value> prepared = prepareRename(index, doc.uri, p);
        if (!prepared)
          llvm::consumeError(prepared.takeError());
        llvm::Expected<llvm::json::Value> renamed = rename(index, doc.uri, p, "renamed_name");
        if (!renamed)
          llvm::consumeError(renamed.takeError());
      }
  }
  EXPECT_GT(names, 500u);
}

} // namespace
} // namespace salesc::lsp
