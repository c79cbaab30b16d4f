//===- GoldenTest.cpp - Every emitter's output for every example ----------===//
//
// tests/golden/<example>/ holds, for each process P of examples/<example>.sales and
// each golden emitter of the table (emit/Emitters.h), P.dot, P.md, P.mmd and P.bpmn,
// and for the file as a whole tables.json, stages.csv and transitions.csv. The test regenerates
// each in memory and compares bytes. `make update-golden` (SALESC_UPDATE_GOLDEN=1) rewrites them
// from the current emitters; review the diff before committing. Also validates every example's
// tables against runtime/schema/salesc-tables-v2.schema.json.
//
//===----------------------------------------------------------------------===//
#include "JsonSchema.h"

#include "emit/Emit.h"
#include "emit/Emitters.h"
#include "emit/sql/Sql.h"
#include "emit/sql/SqlMapping.h"
#include "frontend/Compilation.h"
#include "salesc/runtime/Tables.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>

namespace salesc::testing {
namespace {

struct Example {
  std::unique_ptr<frontend::Session> session;
  frontend::Unit unit;
  std::vector<rt::AnalyzedProcess> processes;
};

Example compile(const std::string& path) {
  Example e;
  sema::LoadOptions load;
  load.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
  e.session = std::make_unique<frontend::Session>(load, diag::DiagOptions{});
  e.unit = e.session->compileFile(path);
  EXPECT_FALSE(e.session->diags().hasErrors()) << path;
  for (size_t i : e.unit.model.rootProcesses) {
    auto a = rt::analyze(e.unit.model.processes[i].process);
    EXPECT_TRUE(bool(a)) << path;
    const rt::Process& p = e.unit.model.processes[i].process;
    if (a)
      e.processes.push_back(
          rt::AnalyzedProcess{&p, std::move(*a), rt::campaignsInto(p, e.unit.model.campaigns)});
  }
  return e;
}

std::vector<std::string> examples() {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(SALESC_SOURCE_DIR "/examples", ec), end;
       it != end && !ec; it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".sales")
      out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string stem(const std::string& path) {
  return llvm::sys::path::stem(path).str();
}

/// Compares `actual` with the golden file, or rewrites it in update mode.
void golden(const std::string& example, const std::string& name, const std::string& actual) {
  llvm::SmallString<256> path(SALESC_SOURCE_DIR "/tests/golden");
  llvm::sys::path::append(path, example, name);
  if (std::getenv("SALESC_UPDATE_GOLDEN")) {
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec) << ec.message();
    os << actual;
    return;
  }
  auto expected = llvm::MemoryBuffer::getFile(path);
  ASSERT_TRUE(bool(expected)) << "no golden file " << path.str().str()
                              << "; run 'make update-golden' and review it";
  EXPECT_TRUE((*expected)->getBuffer() == actual)
      << path.str().str() << " differs from what salesc emits now; run 'make update-golden' "
      << "and review the diff if the change is intended";
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, EveryEmitterMatchesItsGoldenFile) {
  Example e = compile(GetParam());
  std::string name = stem(GetParam());
  ASSERT_FALSE(e.processes.empty());
  emit::EmitOptions options;
  options.generator = "salesc (golden)";
  options.linkFlowchart = true;
  unsigned compared = 0;
  for (const emit::Emitter& emitter : emit::emitters()) {
    if (!emitter.golden)
      continue;
    ++compared;
    if (emitter.perProcess()) {
      for (const rt::AnalyzedProcess& p : e.processes)
        golden(name, p.process->name + emitter.suffix.str(),
               emit::joinParts(emitter.write(p, options)));
      continue;
    }
    for (const emit::Part& part : emitter.write(e.processes, options))
      golden(name, part.name.empty() ? emitter.fileName.str() : part.name, part.bytes);
  }
  EXPECT_GE(compared, 6u) << "the emitter table lost its golden emitters";
}

// --theme=dark: the DOT of the industrial example (owners, sign-offs, exit criteria, a
// bottleneck: every colour the flowchart has) in tests/golden/industrial/direct_press.dark.dot;
// none of the light theme's colours is left in it, but the teams' own.
TEST(GoldenDark, TheDarkFlowchartHasNoLightColourLeft) {
  Example e = compile(SALESC_SOURCE_DIR "/examples/industrial.sales");
  ASSERT_EQ(e.processes.size(), 1u);
  emit::PictureOptions dark;
  dark.theme = emit::Theme::Dark;
  const std::string dot = emit::toDot(e.processes[0], dark);
  golden("industrial", "direct_press.dark.dot", dot);
  for (const char* light : {"#eef4fb", "#4a78b0", "#d8f0dc", "#2e7d32", "#f6dede", "#b23b3b",
                            "#d9822b", "#555555", "#1b1b1b", "#333333", "#9a9a9a", "#7a7a7a"})
    EXPECT_EQ(dot.find(light), std::string::npos) << light << " is left in the dark flowchart";
  EXPECT_NE(dot.find("bgcolor=\"#1e1f22\""), std::string::npos) << dot;
  EXPECT_NE(emit::toDot(e.processes[0]), dot);
}

// emit --to=sql with the columns and stage labels of a mapping: tests/sql/pipeline.sales
// through tests/sql/crm-map.yaml (--map: columns, `stages:`, `lost_reasons:`; PostgreSQL) and
// through the Salesforce preset (--from=salesforce; SQLite, whose labels fold without
// TRANSLATE), in tests/golden/sql_mapped/.
TEST(GoldenSql, ColumnsAndLabelsComeFromAMapOrAPreset) {
  Example e = compile(SALESC_SOURCE_DIR "/tests/sql/pipeline.sales");
  ASSERT_EQ(e.processes.size(), 1u);
  auto text = llvm::MemoryBuffer::getFile(SALESC_SOURCE_DIR "/tests/sql/crm-map.yaml");
  ASSERT_TRUE(bool(text));
  llvm::Expected<rt::ExportMapping> map =
      rt::readExportMapping((*text)->getBuffer(), "crm-map.yaml");
  ASSERT_TRUE(bool(map)) << llvm::toString(map.takeError());
  emit::sql::SqlOptions mapped;
  llvm::Expected<emit::sql::SqlColumns> columns =
      emit::sql::mappedColumns(mapped.columns, *map, *map);
  ASSERT_TRUE(bool(columns)) << llvm::toString(columns.takeError());
  mapped.columns = std::move(*columns);
  golden("sql_mapped", "pipeline-map.sql", emit::sql::toSql(e.processes[0], mapped));

  emit::sql::SqlOptions preset;
  preset.dialect = emit::sql::Dialect::SQLite;
  columns = emit::sql::mappedColumns(preset.columns,
                                     *rt::exportPreset("salesforce", rt::ExportKind::Events),
                                     *rt::exportPreset("salesforce", rt::ExportKind::Pipeline));
  ASSERT_TRUE(bool(columns)) << llvm::toString(columns.takeError());
  preset.columns = std::move(*columns);
  const std::string sqlite = emit::sql::toSql(e.processes[0], preset);
  golden("sql_mapped", "pipeline-salesforce.sqlite.sql", sqlite);
  EXPECT_NE(sqlite.find("JOIN \"salesc_event_labels\" l ON l.stage_label = e.\"StageName\""),
            std::string::npos);
}

TEST_P(Golden, TablesConformToTheSchema) {
  Example e = compile(GetParam());
  auto schemaText =
      llvm::MemoryBuffer::getFile(SALESC_SOURCE_DIR "/runtime/schema/salesc-tables-v2.schema.json");
  ASSERT_TRUE(bool(schemaText));
  llvm::Expected<llvm::json::Value> schema = llvm::json::parse((*schemaText)->getBuffer());
  ASSERT_TRUE(bool(schema)) << llvm::toString(schema.takeError());
  llvm::Expected<llvm::json::Value> doc =
      llvm::json::parse(emit::toTablesJson(e.processes, "salesc (test)"));
  ASSERT_TRUE(bool(doc)) << llvm::toString(doc.takeError());
  for (const std::string& error : validate(*doc, *schema))
    ADD_FAILURE() << GetParam() << ": " << error;
}

/// The JSON document in the file at `path`; null after a test failure when it cannot be
/// read or parsed.
llvm::json::Value jsonFile(const std::string& path) {
  auto text = llvm::MemoryBuffer::getFile(path);
  if (!text) {
    ADD_FAILURE() << "cannot read " << path;
    return nullptr;
  }
  llvm::Expected<llvm::json::Value> doc = llvm::json::parse((*text)->getBuffer());
  if (!doc) {
    ADD_FAILURE() << path << ": " << llvm::toString(doc.takeError());
    return nullptr;
  }
  return std::move(*doc);
}

TEST(SchemaValidator, VersionOneTablesConformToTheVersionOneSchema) {
  // salesc still reads version 1 (tests/tables/quickstart-v1.json, as salesc wrote it).
  EXPECT_EQ(validate(jsonFile(SALESC_SOURCE_DIR "/tests/tables/quickstart-v1.json"),
                     jsonFile(SALESC_SOURCE_DIR "/runtime/schema/salesc-tables-v1.schema.json")),
            std::vector<std::string>{});
}

// The contract of issue 10 as tables (outcome values, margin, segments, campaigns): it
// conforms to the schema, and writing what it loads gives a document that conforms too
// and loads back to the same processes and campaigns, written again to the same bytes.
TEST(SchemaValidator, SegmentsAndCampaignsRoundTripThroughTheTables) {
  const std::string path = SALESC_SOURCE_DIR "/tests/tables/saas_plans.json";
  const llvm::json::Value schema =
      jsonFile(SALESC_SOURCE_DIR "/runtime/schema/salesc-tables-v2.schema.json");
  EXPECT_EQ(validate(jsonFile(path), schema), std::vector<std::string>{});

  auto write = [](const rt::TablesDocument& tables) {
    std::vector<rt::AnalyzedProcess> ps;
    for (const rt::Process& p : tables.processes)
      ps.push_back(rt::AnalyzedProcess{&p, {}});
    return emit::toTablesJson(ps, "salesc (test)", tables.campaigns);
  };
  auto text = llvm::MemoryBuffer::getFile(path);
  ASSERT_TRUE(bool(text));
  llvm::Expected<rt::TablesDocument> loaded = rt::loadTablesDocument((*text)->getBuffer(), path);
  ASSERT_TRUE(bool(loaded)) << llvm::toString(loaded.takeError());
  const std::string written = write(*loaded);
  llvm::Expected<llvm::json::Value> writtenDoc = llvm::json::parse(written);
  ASSERT_TRUE(bool(writtenDoc)) << llvm::toString(writtenDoc.takeError());
  EXPECT_EQ(validate(*writtenDoc, schema), std::vector<std::string>{});
  llvm::Expected<rt::TablesDocument> again = rt::loadTablesDocument(written, "written.json");
  ASSERT_TRUE(bool(again)) << llvm::toString(again.takeError());
  EXPECT_EQ(write(*again), written);
  const rt::Process& p = again->processes[0];
  EXPECT_EQ(p.margin, std::optional<double>(0.8));
  EXPECT_EQ(p.states[5].value, std::optional<double>(1440));
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_EQ(p.segments[1].name, "large");
  EXPECT_EQ(p.segments[1].share, 0.2);
  EXPECT_EQ(p.segments[1].process.value, std::optional<double>(6000));
  EXPECT_EQ(p.segments[1].process.states[5].value, std::optional<double>(14400));
  EXPECT_EQ(p.segments[1].process.transitions[4].probability, 0.8);
  ASSERT_EQ(again->campaigns.size(), 2u);
  EXPECT_EQ(again->campaigns[1].name, "enterprise_ads");
  EXPECT_EQ(again->campaigns[1].segment, std::optional<std::string>("large"));
  EXPECT_EQ(again->campaigns[0].targetRoi, std::optional<double>(1.5));
  EXPECT_EQ(again->campaigns[0].leads, 5000);
}

INSTANTIATE_TEST_SUITE_P(Examples, Golden, ::testing::ValuesIn(examples()),
                         [](const auto& info) { return stem(info.param); });

TEST(EmitterTable, EveryEmitterIsDocumentedInTheTableOfSalescEmit) {
  auto docs = llvm::MemoryBuffer::getFile(SALESC_SOURCE_DIR "/docs/cli.md");
  ASSERT_TRUE(bool(docs));
  std::string text = (*docs)->getBuffer().str();
  size_t section = text.find("## salesc emit\n");
  ASSERT_NE(section, std::string::npos);
  std::string emitDocs = text.substr(section, text.find("\n## ", section + 1) - section);
  for (const emit::Emitter& e : emit::emitters())
    EXPECT_NE(emitDocs.find("`" + e.name.str() + "`"), std::string::npos)
        << "docs/cli.md does not document 'salesc emit --to=" << e.name.str() << "'";
}

TEST(SchemaValidator, RejectsBrokenTables) {
  llvm::Expected<llvm::json::Value> schema =
      llvm::json::parse((*llvm::MemoryBuffer::getFile(
                             SALESC_SOURCE_DIR "/runtime/schema/salesc-tables-v2.schema.json"))
                            ->getBuffer());
  ASSERT_TRUE(bool(schema));
  Example e = compile(SALESC_SOURCE_DIR "/examples/quickstart.sales");
  std::string text = emit::toTablesJson(e.processes, "salesc (test)");
  auto broken = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    size_t at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    t.replace(at, from.size(), to);
    llvm::Expected<llvm::json::Value> doc = llvm::json::parse(t);
    EXPECT_TRUE(bool(doc));
    return validate(*doc, *schema);
  };
  EXPECT_TRUE(validate(*llvm::json::parse(text), *schema).empty());
  EXPECT_FALSE(broken("\"version\": 2", "\"version\": 1").empty());
  EXPECT_FALSE(broken("\"roles\": [],", "").empty()) << "version 2 has roles";
  EXPECT_FALSE(broken("\"teaches\": []", "\"teaches\": [\"No name\"]").empty());
  EXPECT_FALSE(broken("\"owner\": null", "\"owner\": 3").empty());
  EXPECT_FALSE(broken("\"probability\": 0.6", "\"probability\": 1.6").empty());
  EXPECT_FALSE(broken("\"kind\": \"won\"", "\"kind\": \"winning\"").empty());
  EXPECT_FALSE(broken("\"currency\": \"USD\"", "\"currency\": \"usd\"").empty());
  EXPECT_FALSE(broken("\"implicit\": false", "\"implicit\": false, \"extra\": 1").empty());
  EXPECT_FALSE(broken("\"start\": 0,", "").empty()) << "a required member missing";
}

} // namespace
} // namespace salesc::testing
