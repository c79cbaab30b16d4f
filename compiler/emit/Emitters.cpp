//===- Emitters.cpp - The table of every artifact salesc writes -----------===//
#include "Emitters.h"

#include "Charts.h"
#include "Emit.h"
#include "sql/Sql.h"

#include <stdexcept>

namespace salesc::emit {

namespace {

using Processes = llvm::ArrayRef<rt::AnalyzedProcess>;

std::vector<Part> one(std::string bytes) {
  return {Part{"", std::move(bytes)}};
}

std::vector<Part> dot(Processes ps, const EmitOptions& o) {
  return one(toDot(ps, o.drawing.picture));
}
std::vector<Part> svg(Processes ps, const EmitOptions& o) {
  return one(render(ps, "svg", o.drawing));
}
std::vector<Part> png(Processes ps, const EmitOptions& o) {
  return one(render(ps, "png", o.drawing));
}
std::vector<Part> tables(Processes ps, const EmitOptions& o) {
  return one(toTablesJson(ps, o.generator, o.campaigns));
}
std::vector<Part> csv(Processes ps, const EmitOptions&) {
  return {Part{"stages.csv", toStagesCsv(ps)}, Part{"transitions.csv", toTransitionsCsv(ps)}};
}
std::vector<Part> markdown(Processes ps, const EmitOptions& o) {
  return one(toMarkdown(ps[0], o.linkFlowchart ? ps[0].process->name + ".svg" : ""));
}
std::vector<Part> mermaid(Processes ps, const EmitOptions&) {
  return one(toMermaid(ps[0]));
}
std::vector<Part> bpmn(Processes ps, const EmitOptions& o) {
  return one(toBpmn(ps[0], layout(ps[0], o.drawing)));
}

std::vector<Part> sqlScript(Processes ps, const EmitOptions& o) {
  return one(sql::toSql(ps[0], o.sql));
}

std::vector<Part> vegaLite(Processes ps, const EmitOptions& o) {
  const Chart* chart = findChart(o.chart);
  if (!chart)
    throw std::invalid_argument("--to=vega-lite needs --chart=NAME (see salesc emit --help)");
  llvm::Expected<std::optional<llvm::json::Object>> spec = drawChart(*chart, ps[0]);
  if (!spec)
    throw std::runtime_error(llvm::toString(spec.takeError()));
  if (!*spec)
    throw std::runtime_error("process '" + ps[0].process->name + "' has no " + chart->name.str() +
                             " chart: " + chart->empty.str());
  return one(chartText(**spec));
}

} // namespace

llvm::ArrayRef<Emitter> emitters() {
  static const Emitter table[] = {
      {"dot", "the flowchart as Graphviz DOT", ".dot", "", false, true, InBuild::Always, dot},
      {"svg", "the flowchart as SVG", ".svg", "", false, false, InBuild::Always, svg},
      {"png", "the flowchart as PNG", ".png", "", false, false, InBuild::WithPng, png},
      {"tables", "the runtime tables (JSON)", "", "tables.json", false, true, InBuild::Always,
       tables},
      {"csv", "the stages and transitions tables as CSV", "", "", false, true, InBuild::Never, csv},
      {"markdown", "the playbook (Markdown)", ".md", "", true, true, InBuild::Always, markdown},
      {"mermaid", "a Mermaid flowchart", ".mmd", "", true, true, InBuild::Never, mermaid},
      {"bpmn", "BPMN 2.0 XML with its diagram", ".bpmn", "", true, true, InBuild::Never, bpmn},
      {"sql", "the process and its conformance analytics as SQL (--dialect=NAME)", ".sql", "", true,
       true, InBuild::Never, sqlScript},
      {"vega-lite", "one chart of salesc report as a Vega-Lite spec (--chart=NAME)", ".vl.json", "",
       true, false, InBuild::Never, vegaLite},
  };
  return table;
}

std::string joinParts(const std::vector<Part>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i)
    out += (i ? "\n" : "") + parts[i].bytes;
  return out;
}

} // namespace salesc::emit
