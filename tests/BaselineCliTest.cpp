//===- BaselineCliTest.cpp - salesc check --baseline, --write-baseline, --prune-baseline ===//
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include "CliFixture.h"

#include <gtest/gtest.h>

namespace {

using salesc::testing::CliFixture;
using salesc::testing::RunResult;

using Baseline = CliFixture;

/// Two unused knowledge items (N008 twice) and an unknown currency code (T005, an error).
const char* Legacy = R"(knowledge one "One";
knowledge two "Two";
process p {
  value 100 usd;
  stage a { time 1 day; next won 40%; }
  won won;
  lost lost;
}
)";

const char* Clean = R"(process p {
  stage a { time 1 day; next won 40%; }
  won won;
  lost lost;
}
)";

std::string read(const std::string& path) {
  auto b = llvm::MemoryBuffer::getFile(path);
  return b ? (*b)->getBuffer().str() : "<cannot read " + path + ">";
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST_F(Baseline, WrittenSortedAndRelativeToItsFolderThenHidesWhatItRecords) {
  write("src/b.sales", Legacy);
  write("src/a.sales", Legacy);
  write("src/clean.sales", Clean);
  write("ci/keep", "");
  std::string file = std::string(dir_) + "/ci/baseline.json";
  RunResult w = run({"check", "--write-baseline=" + file, std::string(dir_) + "/src"});
  EXPECT_EQ(w.status, 0) << w.err; // everything found is now known
  EXPECT_NE(w.err.find("wrote the baseline"), std::string::npos) << w.err;
  EXPECT_EQ(read(file), R"({
  "files": {
    "../src/a.sales": {
      "N008": {
        "count": 2
      },
      "T005": {
        "count": 1
      }
    },
    "../src/b.sales": {
      "N008": {
        "count": 2
      },
      "T005": {
        "count": 1
      }
    }
  },
  "version": 1
}
)");
  // The same findings give the same bytes.
  std::string again = std::string(dir_) + "/ci/again.json";
  run({"check", "--write-baseline=" + again, std::string(dir_) + "/src"});
  EXPECT_EQ(read(again), read(file));

  RunResult r = run({"check", "--baseline=" + file, std::string(dir_) + "/src"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find("warning:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("error:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("6 problems known to the baseline"), std::string::npos) << r.err;

  // Lines moved: still known.
  write("src/b.sales", "\n\n// moved down\n" + std::string(Legacy));
  EXPECT_EQ(run({"check", "--baseline=" + file, std::string(dir_) + "/src"}).status, 0);
}

TEST_F(Baseline, OneMoreOfACodeShowsThemAllAndCountsOnlyTheNewOne) {
  std::string a = write("a.sales", Legacy);
  std::string file = write("baseline.json", "");
  ASSERT_EQ(run({"check", "--write-baseline=" + file, a}).status, 0);
  write("a.sales", "knowledge three \"Three\";\n" + std::string(Legacy));
  RunResult r = run({"check", "--baseline=" + file, a});
  EXPECT_EQ(r.status, 0) << r.err; // a new warning: status 0 as without a baseline
  EXPECT_EQ(count(r.err, "[N008]"), 3u) << r.err;
  EXPECT_EQ(count(r.err, "the baseline knows 2 of the 3 N008 problems in this file; 1 is new"), 3u)
      << r.err;
  EXPECT_EQ(r.err.find("[T005]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 warning generated."), std::string::npos) << r.err;
  EXPECT_EQ(run({"check", "--baseline=" + file, "--max-warnings=0", a}).status, 1);
  EXPECT_EQ(run({"check", "--baseline=" + file, "--max-warnings=1", a}).status, 0);

  // A new error fails the check, as without a baseline.
  write("a.sales", std::string(Legacy) + "process q {\n  value 5 eur;\n  stage a { next won "
                                         "40%; }\n  won won;\n  lost lost;\n}\n");
  RunResult e = run({"check", "--baseline=" + file, "--format=json", a});
  EXPECT_EQ(e.status, 1) << e.out;
  llvm::Expected<llvm::json::Value> doc = llvm::json::parse(e.out);
  ASSERT_TRUE(bool(doc)) << e.out;
  const llvm::json::Object* o = doc->getAsObject();
  ASSERT_TRUE(o);
  EXPECT_EQ(o->getInteger("errors").getValueOr(-1), 1);
}

TEST_F(Baseline, SarifMarksKnownResultsUnchangedAndTheRestNew) {
  std::string a = write("a.sales", Legacy);
  std::string file = write("baseline.json", "");
  ASSERT_EQ(run({"check", "--write-baseline=" + file, a}).status, 0);
  write("a.sales", "knowledge three \"Three\";\n" + std::string(Legacy));
  RunResult r = run({"check", "--format=sarif", "--baseline=" + file, a});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(count(r.out, R"("baselineState": "unchanged")"), 3u) << r.out;
  EXPECT_EQ(count(r.out, R"("baselineState": "new")"), 1u) << r.out;
  // Without a baseline, no state at all.
  EXPECT_EQ(count(run({"check", "--format=sarif", a}).out, "baselineState"), 0u);
}

TEST_F(Baseline, PruneDropsWhatWasFixedAndKeepsFilesNotChecked) {
  std::string a = write("a.sales", Legacy);
  std::string b = write("b.sales", Legacy);
  std::string file = write("baseline.json", "");
  ASSERT_EQ(run({"check", "--write-baseline=" + file, a, b}).status, 0);
  write("a.sales", Clean); // a fixed; b not checked in this run
  RunResult r = run({"check", "--baseline=" + file, "--prune-baseline", a});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("pruned the baseline"), std::string::npos) << r.err;
  std::string pruned = read(file);
  EXPECT_EQ(pruned.find("\"a.sales\""), std::string::npos) << pruned;
  EXPECT_NE(pruned.find("\"b.sales\""), std::string::npos) << pruned;
  // A count lowered: one of b's two N008 fixed.
  write("b.sales", std::string(Legacy).substr(std::string(Legacy).find('\n') + 1));
  EXPECT_EQ(run({"check", "--baseline=" + file, "--prune-baseline", b}).status, 0);
  EXPECT_NE(read(file).find(R"("N008": {
        "count": 1)"),
            std::string::npos)
      << read(file);
  // A file with a syntax error proves nothing fixed: its entries stay.
  write("b.sales", "process {");
  run({"check", "--baseline=" + file, "--prune-baseline", b});
  EXPECT_NE(read(file).find("\"b.sales\""), std::string::npos) << read(file);
}

TEST_F(Baseline, AMalformedBaselineIsAnErrorSayingWhere) {
  std::string a = write("a.sales", Clean);
  std::string bad = write("bad.json", "{\n  \"files\": {\n    \"a.sales\" {}\n");
  RunResult r = run({"check", "--baseline=" + bad, a});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(bad + ":3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;

  std::string shape = write("shape.json", R"({"version": 1, "files": {"a.sales": {"N008": 2}}})");
  RunResult s = run({"check", "--baseline=" + shape, a});
  EXPECT_EQ(s.status, 2);
  EXPECT_NE(s.err.find("the entry of N008 in 'a.sales' is not {\"count\": N}"), std::string::npos)
      << s.err;

  RunResult missing = run({"check", "--baseline=" + std::string(dir_) + "/none.json", a});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("cannot read the baseline"), std::string::npos) << missing.err;

  EXPECT_EQ(run({"check", "--prune-baseline", a}).status, 2);
  EXPECT_EQ(run({"check", "--quiet", "--write-baseline=" + bad, a}).status, 2);
}

} // namespace
