//===- StageLabelsTest.cpp - The labels a CRM writes for a process's stages ===//
#include "salesc/runtime/StageLabels.h"

#include <gtest/gtest.h>

namespace salesc::rt {
namespace {

Process twoLost() {
  Process p;
  p.name = "direct";
  for (auto [name, kind] :
       {std::pair{"demo", StateKind::Stage}, std::pair{"won", StateKind::Won},
        std::pair{"lost price", StateKind::Lost}, std::pair{"lost other", StateKind::Lost}}) {
    State s;
    s.name = name;
    s.kind = kind;
    p.states.push_back(s);
  }
  return p;
}

TEST(StageLabelsTest, MapThenNamesThenTheOnlyOutcome) {
  const Process p = twoLost();
  ExportMapping m;
  m.stages = {{"Demo Scheduled", "demo"}, {"Won", "lost other"}, {"Typo", "demmo"}};
  m.lostReasons = {{"Too dear", "lost price"}, {"Bad", "demo"}};
  const StageLabels l = stageLabels(p, m);
  EXPECT_EQ(l.label("demo_scheduled"), 0u);
  EXPECT_EQ(l.label("DEMO"), 0u);
  EXPECT_EQ(l.label("won"), 3u);                   // the map's `stages:` first
  EXPECT_EQ(l.label("Closed Won"), 1u);            // the only won outcome
  EXPECT_EQ(l.label("Closed Lost"), std::nullopt); // two lost outcomes
  EXPECT_EQ(l.lostReason("too dear"), 2u);
  EXPECT_EQ(l.lostReason("Lost-Other"), 3u); // a lost outcome's name
  EXPECT_EQ(l.lostReason("demo"), std::nullopt);
  std::vector<std::string> problems;
  for (const StageLabels::Problem& problem : l.problems(p))
    problems.push_back(problem.place + "|" + problem.message);
  EXPECT_EQ(problems,
            (std::vector<std::string>{
                "|'stages:' maps a label to 'demmo', which is no stage or outcome of process "
                "'direct'; did you mean 'demo'?",
                "|'lost_reasons:' maps a reason to 'demo', which is no lost outcome of process "
                "'direct'"}));
  // A map file's entries carry where the file writes the target.
  llvm::Expected<ExportMapping> file = readExportMapping(
      "stages:\n  Qualifying: qualifyy\nlost_reasons:\n  Dear: lost prize\n", "map.yaml");
  ASSERT_TRUE(bool(file)) << llvm::toString(file.takeError());
  problems.clear();
  for (const StageLabels::Problem& problem : stageLabels(p, *file).problems(p))
    problems.push_back(problem.place + "|" + problem.message);
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "map.yaml:2:15|'stages:' maps a label to 'qualifyy', which is no stage "
                          "or outcome of process 'direct'",
                          "map.yaml:4:9|'lost_reasons:' maps a reason to 'lost prize', which is "
                          "no lost outcome of process 'direct'; did you mean 'lost price'?"}));
  EXPECT_EQ(foldLabel("Date-Entered (Sales) é"), "dateenteredsales\xC3\xA9");
}

} // namespace
} // namespace salesc::rt
