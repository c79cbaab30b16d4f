//===- ParallelCliTest.cpp - salesc check -j N reports what -j 1 does, byte for byte ===//
//
// A stress test of the parallel check: many files that share imports (a catalogue, a base
// process extended from several files, the standard library), with errors, warnings,
// inherited diagnostics said once for several files, notes, fix-its, a syntax error and a
// file that cannot be read, checked with -j 8 over and over and compared with -j 1 in
// every format. A race in the parser's caches or in the merging of diagnostics shows up
// as a difference or a crash, and so does a check started before its file is loaded.
//
//===----------------------------------------------------------------------===//
#include "CliFixture.h"

#include <gtest/gtest.h>

namespace {

using salesc::testing::CliFixture;
using salesc::testing::RunResult;

using Parallel = CliFixture;

const char* Catalogue = R"(channel web "Web shop";
channel partner "Partners";
offering basic "Basic" via web, partner;
knowledge pricing "Price";
knowledge unused_here "Never used by anyone";
process base "Shared base" for web, basic {
  start inquiry;
  stage inquiry { time 1 day; next demo 50%; }
  stage demo { time 2 days; next won 40%; }
  won won;
  lost lost;
}
)";

/// File `i`: extends the shared base (an inherited problem said once for every file),
/// with mistakes that vary with i; every eighth also imports a file that is not there and
/// uses a name it might have declared (a check that waits for the last file to be loaded).
std::string processFile(int i) {
  std::string s = "import \"catalogue\";\nimport \"std/tactics\";\n";
  if (i % 8 == 5)
    s += "import \"nowhere\";\nprocess r" + std::to_string(i) +
         " \"Lost\" {\n  stage a { learn from_nowhere; next won 40%; }\n  won won;\n  lost "
         "lost;\n}\n";
  s += "knowledge own" + std::to_string(i) + " \"Only here\";\n";
  s += "process p" + std::to_string(i) + " extends base { stage inquiry { next won " +
       std::to_string(10 + i % 30) + "%; } }\n";
  s += "process q" + std::to_string(i) + " \"Own\" {\n";
  if (i % 3 == 0)
    s += "  value 100 usd;\n";
  s += "  stage a { learn " + std::string(i % 4 == 0 ? "pricng" : "pricing") +
       "; use email_follow_up; time 1 to 3 days; next b 30%; next b 10%; }\n";
  s += "  stage b { time 2 hrs; next won 40%; }\n";
  if (i % 5 == 0)
    s += "  stage island { next won 10%; }\n";
  s += "  won won;\n  lost lost;\n}\n";
  return s;
}

TEST_F(Parallel, ManyFilesGiveTheSameReportWhateverTheNumberOfWorkers) {
  write("p/catalogue.sales", Catalogue);
  for (int i = 0; i < 64; ++i)
    write("p/f" + std::to_string(100 + i) + ".sales", processFile(i));
  write("p/broken.sales", "process x {\n  stage a { next won 40%;\n");
  std::string folder = std::string(dir_) + "/p";
  std::string missing = std::string(dir_) + "/missing.sales";
  for (const char* format : {"--format=text", "--format=json", "--format=sarif"}) {
    RunResult one = run({"check", "-j1", format, "--error-limit=0", folder, missing});
    ASSERT_EQ(one.status, 2) << one.err;                // the missing file
    ASSERT_GT(one.out.size() + one.err.size(), 20000u); // plenty reported
    ASSERT_NE((one.out + one.err).find("which could not be imported"), std::string::npos);
    for (int round = 0; round < 6; ++round) {
      const char* jobs[] = {"-j8", "-j2", "-j3"};
      RunResult many = run({"check", jobs[round % 3], format, "--error-limit=0", folder, missing});
      EXPECT_EQ(many.status, one.status) << format;
      EXPECT_EQ(many.out, one.out) << format << " " << jobs[round % 3];
      EXPECT_EQ(many.err, one.err) << format << " " << jobs[round % 3];
      if (many.out != one.out || many.err != one.err)
        return;
    }
  }
}

TEST_F(Parallel, TheWorkerCountIsAnOption) {
  std::string a = write("a.sales", processFile(3));
  write("catalogue.sales", Catalogue);
  RunResult two = run({"check", "-j", "2", a});
  RunResult all = run({"check", a}); // every core
  EXPECT_EQ(two.status, 1);
  EXPECT_EQ(two.err, all.err);
  EXPECT_EQ(run({"check", "-jx", a}).status, 2);
}

} // namespace
