//===- EmitCommand.cpp - `salesc emit`: one artifact ----------------------===//
#include "driver/Drawing.h"
#include "driver/ExportInput.h"
#include "driver/FrontEnd.h"
#include "output/OutputFile.h"

#include "emit/Charts.h"
#include "emit/Emitters.h"
#include "emit/sql/SqlMapping.h"

#include "salesc/runtime/StageLabels.h"

namespace salesc::driver {

using output::writeAtomically;
using output::WriteResult;

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc emit options");
  return cat;
}

/// An index into the emitter table (an enum, so llvm::cl parses it from literal values).
enum class EmitterIndex : unsigned {};

/// --to's values: the emitter table.
struct emitterValues {
  template <class Opt> void apply(Opt& o) const {
    for (unsigned i = 0; i < emit::emitters().size(); ++i)
      o.getParser().addLiteralOption(emit::emitters()[i].name, EmitterIndex(i),
                                     emit::emitters()[i].help);
  }
};

/// An index into the chart table, like EmitterIndex.
enum class ChartIndex : unsigned {};

/// --chart's values: the chart table.
struct chartValues {
  template <class Opt> void apply(Opt& o) const {
    for (unsigned i = 0; i < emit::charts().size(); ++i)
      o.getParser().addLiteralOption(emit::charts()[i].name, ChartIndex(i), emit::charts()[i].help);
  }
};

cl::list<std::string> Inputs(cl::Positional, cl::sub(subEmit()), cl::ZeroOrMore,
                             cl::desc("<file.sales>"));
cl::opt<EmitterIndex> To("to", cl::sub(subEmit()), cl::cat(category()), cl::Required,
                         cl::desc("What to write"), emitterValues());
cl::opt<std::string> ProcessName("process", cl::init(""), cl::sub(subEmit()), cl::cat(category()),
                                 cl::value_desc("name"),
                                 cl::desc("The process to write (default: every process; "
                                          "markdown, mermaid and bpmn need one)"));
cl::opt<ChartIndex> ChartName("chart", cl::sub(subEmit()), cl::cat(category()),
                              cl::desc("With --to=vega-lite: the chart of salesc report to write"),
                              chartValues());
/// --dialect's values: the SQL dialects.
struct dialectValues {
  template <class Opt> void apply(Opt& o) const {
    for (const emit::sql::DialectName& d : emit::sql::dialectNames())
      o.getParser().addLiteralOption(d.name, d.dialect, d.help);
  }
};

cl::opt<emit::sql::Dialect> SqlDialect("dialect", cl::sub(subEmit()), cl::cat(category()),
                                       cl::desc("With --to=sql: the engine the script is for"),
                                       dialectValues());
cl::opt<std::string> SqlSchema("sql-schema", cl::init(""), cl::sub(subEmit()), cl::cat(category()),
                               cl::value_desc("name"),
                               cl::desc("With --to=sql: the schema (dataset) of the script's "
                                        "tables and views (default: the current one, names "
                                        "prefixed with salesc_)"));
cl::opt<std::string> EventsTable("events-table", cl::init("stage_events"), cl::sub(subEmit()),
                                 cl::cat(category()), cl::value_desc("name"),
                                 cl::desc("With --to=sql: the table of stage events (columns "
                                          "deal, stage, entered_at[, segment])"));
cl::opt<std::string> PipelineTable("pipeline-table", cl::init("open_deals"), cl::sub(subEmit()),
                                   cl::cat(category()), cl::value_desc("name"),
                                   cl::desc("With --to=sql: the table of open deals (columns "
                                            "deal, stage, entered_at, value)"));
ExportOptions Export(subEmit(), category(),
                     "With --to=sql: the tables' columns and stage labels are the CRM's, as "
                     "this preset names them for conform (docs/sql.md)",
                     "With --to=sql: the tables' columns and stage labels as this mapping file "
                     "names them for conform (docs/sql.md)");
cl::opt<std::string> Output("o", cl::init(""), cl::sub(subEmit()), cl::cat(category()),
                            cl::value_desc("file"),
                            cl::desc("Write to this file instead of stdout ('-': stdout; for "
                                     "csv: FILE-stages.csv and FILE-transitions.csv)"));

bool writeOut(CommandContext& ctx, const std::string& path, const std::string& bytes) {
  if (path.empty() || path == "-") {
    ctx.out << bytes;
    return true;
  }
  llvm::Expected<WriteResult> r = writeAtomically(path, bytes);
  if (!r) {
    error(ctx) << llvm::toString(r.takeError()) << '\n';
    return false;
  }
  return true;
}

/// Writes the parts: to stdout joined, to -o as one file, or as FILE-PART for several.
bool writeParts(CommandContext& ctx, const std::vector<emit::Part>& parts) {
  if (Output.empty() || Output == "-" || parts.size() == 1)
    return writeOut(ctx, Output, emit::joinParts(parts));
  for (const emit::Part& part : parts)
    if (!writeOut(ctx, Output + "-" + part.name, part.bytes))
      return false;
  return true;
}

/// The user's columns of --to=sql: the defaults and the table options, or what --from and
/// --map name; nullopt after saying why not.
std::optional<emit::sql::SqlColumns> sqlColumns(CommandContext& ctx) {
  emit::sql::SqlColumns columns;
  columns.eventsTable = EventsTable;
  columns.pipelineTable = PipelineTable;
  if (!Export.given())
    return columns;
  std::optional<rt::ExportMapping> events = readMapping(ctx, Export, rt::ExportKind::Events);
  if (!events)
    return std::nullopt;
  std::optional<rt::ExportMapping> pipeline = readMapping(ctx, Export, rt::ExportKind::Pipeline);
  if (!pipeline)
    return std::nullopt;
  llvm::Expected<emit::sql::SqlColumns> mapped =
      emit::sql::mappedColumns(std::move(columns), *events, *pipeline);
  if (!mapped) {
    error(ctx) << llvm::toString(mapped.takeError()) << '\n';
    return std::nullopt;
  }
  return std::move(*mapped);
}

/// Whether the stage labels of the mapping name states of `p`; says which do not.
bool labelsFit(CommandContext& ctx, const emit::sql::SqlColumns& columns, const rt::Process& p) {
  if (!columns.mapping)
    return true;
  const std::string source = Export.map.empty() ? "--from=" + Export.from : Export.map;
  const std::vector<rt::StageLabels::Problem> problems =
      rt::stageLabels(p, *columns.mapping).problems(p);
  for (const rt::StageLabels::Problem& problem : problems)
    error(ctx) << (problem.place.empty() ? source : problem.place) << ": " << problem.message
               << '\n';
  return problems.empty();
}

/// The processes --process chooses, or null after saying why there are none that fit.
std::optional<std::vector<rt::AnalyzedProcess>> choose(CommandContext& ctx, const FrontEnd& fe,
                                                       const emit::Emitter& emitter) {
  std::vector<rt::AnalyzedProcess> chosen;
  for (rt::AnalyzedProcess& p : analyzeRootProcesses(ctx, fe))
    if (ProcessName.empty() || p.process->name == ProcessName)
      chosen.push_back(std::move(p));
  if (chosen.empty()) {
    error(ctx) << (ProcessName.empty() ? std::string("the file declares no process")
                                       : "the file declares no process named '" + ProcessName + "'")
               << '\n';
    return std::nullopt;
  }
  if (emitter.oneProcess && chosen.size() > 1) {
    error(ctx) << "the file declares " << chosen.size()
               << " processes; choose one with --process NAME\n";
    return std::vector<rt::AnalyzedProcess>{};
  }
  return chosen;
}

} // namespace

int runEmit(CommandContext& ctx) {
  if (Inputs.size() > 1) {
    error(ctx) << "emit writes one artifact from one file; use 'salesc build' for several\n";
    return 2;
  }
  std::optional<emit::DrawOptions> drawing = drawOptions(ctx);
  if (!drawing)
    return 2;
  const bool vegaLite = emit::emitters()[static_cast<unsigned>(To.getValue())].name == "vega-lite";
  if (vegaLite != (ChartName.getNumOccurrences() > 0)) {
    error(ctx) << (vegaLite ? "--to=vega-lite needs --chart=NAME (see salesc emit --help)"
                            : "--chart is for --to=vega-lite only")
               << '\n';
    return 2;
  }
  const bool sqlScript = emit::emitters()[static_cast<unsigned>(To.getValue())].name == "sql";
  if (sqlScript != (SqlDialect.getNumOccurrences() > 0)) {
    error(ctx) << (sqlScript ? "--to=sql needs --dialect=NAME (see salesc emit --help)"
                             : "--dialect is for --to=sql only")
               << '\n';
    return 2;
  }
  for (const cl::opt<std::string>* o : {&SqlSchema, &EventsTable, &PipelineTable}) {
    if (!sqlScript && o->getNumOccurrences() > 0) {
      error(ctx) << "--" << o->ArgStr << " is for --to=sql only\n";
      return 2;
    }
    if (o->getNumOccurrences() > 0 && llvm::StringRef(*o).trim().empty()) {
      error(ctx) << "--" << o->ArgStr << " needs a name\n";
      return 2;
    }
  }
  if (!sqlScript && Export.given()) {
    error(ctx) << "--" << (Export.from.empty() ? Export.map.ArgStr : Export.from.ArgStr)
               << " is for --to=sql only (conform, backtest, calibrate and forecast read "
                  "exports with it)\n";
    return 2;
  }
  if (sqlScript && !mappingsRead(ctx, Export))
    return 2;
  std::optional<emit::sql::SqlColumns> columns;
  if (sqlScript && !(columns = sqlColumns(ctx)))
    return 1;
  FrontEnd fe = runFrontEnd(ctx, Inputs);
  if (int status = reportText(ctx, fe); status != 0)
    return status;
  const emit::Emitter& emitter = emit::emitters()[static_cast<unsigned>(To.getValue())];
  std::optional<std::vector<rt::AnalyzedProcess>> chosen = choose(ctx, fe, emitter);
  if (!chosen)
    return 1;
  if (chosen->empty())
    return 2;
  if (columns && !labelsFit(ctx, *columns, *chosen->front().process))
    return 1;
  try {
    emit::EmitOptions options;
    options.generator = "salesc " SALESC_VERSION;
    options.drawing = *drawing;
    const std::vector<rt::Campaign> campaigns = rootCampaigns(fe);
    options.campaigns = campaigns;
    options.sql.dialect = SqlDialect;
    options.sql.schema = SqlSchema;
    if (columns)
      options.sql.columns = std::move(*columns);
    if (vegaLite)
      options.chart = emit::charts()[static_cast<unsigned>(ChartName.getValue())].name;
    return writeParts(ctx, emitter.write(*chosen, options)) ? 0 : 2;
  } catch (std::exception& e) {
    error(ctx) << e.what() << '\n';
    return 1;
  }
}

} // namespace salesc::driver
