//===- EmitCommand.cpp - `salesc emit`: one artifact ----------------------===//
#include "Options.h"
#include "OutputFile.h"

#include "emit/Emit.h"

#include "llvm/Support/WithColor.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc emit options");
  return cat;
}

enum class Kind { Dot, Svg, Png, Tables, Csv, Markdown, Mermaid, Bpmn };

cl::list<std::string> Inputs(cl::Positional, cl::sub(emitCommand()), cl::ZeroOrMore,
                             cl::desc("<file.sales>"));
cl::opt<Kind>
    To("to", cl::sub(emitCommand()), cl::cat(category()), cl::Required, cl::desc("What to write"),
       cl::values(clEnumValN(Kind::Dot, "dot", "the flowchart as Graphviz DOT"),
                  clEnumValN(Kind::Svg, "svg", "the flowchart as SVG"),
                  clEnumValN(Kind::Png, "png", "the flowchart as PNG"),
                  clEnumValN(Kind::Tables, "tables", "the runtime tables (JSON)"),
                  clEnumValN(Kind::Csv, "csv", "the stages and transitions tables as CSV"),
                  clEnumValN(Kind::Markdown, "markdown", "the playbook (Markdown)"),
                  clEnumValN(Kind::Mermaid, "mermaid", "a Mermaid flowchart"),
                  clEnumValN(Kind::Bpmn, "bpmn", "BPMN 2.0 XML with its diagram")));
cl::opt<std::string> ProcessName("process", cl::sub(emitCommand()), cl::cat(category()),
                                 cl::value_desc("name"),
                                 cl::desc("The process to write (default: every process; "
                                          "markdown, mermaid and bpmn need one)"));
cl::opt<std::string> Output("o", cl::sub(emitCommand()), cl::cat(category()),
                            cl::value_desc("file"),
                            cl::desc("Write to this file instead of stdout (for csv: "
                                     "FILE-stages.csv and FILE-transitions.csv)"));

bool writeOut(const std::string& path, const std::string& bytes) {
  if (path.empty()) {
    llvm::outs() << bytes;
    return true;
  }
  llvm::Expected<WriteResult> r = writeAtomically(path, bytes);
  if (!r) {
    llvm::WithColor::error(llvm::errs(), "salesc") << llvm::toString(r.takeError()) << '\n';
    return false;
  }
  return true;
}

} // namespace

int runEmit(const char* argv0) {
  if (Inputs.size() > 1) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "emit writes one artifact from one file; use 'salesc build' for several\n";
    return 2;
  }
  std::optional<FrontEnd> fe = runFrontEnd(argv0, Inputs);
  if (!fe)
    return 2;
  if (int status = reportText(*fe); status != 0)
    return status;
  std::vector<emit::Analysed> all = analyseRootProcesses(*fe);
  std::vector<emit::Analysed> chosen;
  for (emit::Analysed& p : all)
    if (ProcessName.empty() || p.process->name == ProcessName)
      chosen.push_back(std::move(p));
  if (chosen.empty()) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << (ProcessName.empty() ? std::string("the file declares no process")
                                : "the file declares no process named '" + ProcessName + "'")
        << '\n';
    return 1;
  }
  bool single = To == Kind::Markdown || To == Kind::Mermaid || To == Kind::Bpmn;
  if (single && chosen.size() > 1) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "the file declares " << chosen.size() << " processes; choose one with --process NAME\n";
    return 2;
  }
  try {
    switch (To) {
    case Kind::Dot:
      return writeOut(Output, emit::toDot(chosen)) ? 0 : 2;
    case Kind::Svg:
      return writeOut(Output, emit::render(chosen, "svg")) ? 0 : 2;
    case Kind::Png:
      return writeOut(Output, emit::render(chosen, "png")) ? 0 : 2;
    case Kind::Tables:
      return writeOut(Output, emit::toTablesJson(chosen, "salesc " SALESC_VERSION)) ? 0 : 2;
    case Kind::Csv:
      if (Output.empty())
        return writeOut("", emit::toStagesCsv(chosen) + "\n" + emit::toTransitionsCsv(chosen)) ? 0
                                                                                               : 2;
      return writeOut(Output + "-stages.csv", emit::toStagesCsv(chosen)) &&
                     writeOut(Output + "-transitions.csv", emit::toTransitionsCsv(chosen))
                 ? 0
                 : 2;
    case Kind::Markdown:
      return writeOut(Output, emit::toMarkdown(chosen[0], "")) ? 0 : 2;
    case Kind::Mermaid:
      return writeOut(Output, emit::toMermaid(chosen[0])) ? 0 : 2;
    case Kind::Bpmn:
      return writeOut(Output, emit::toBpmn(chosen[0], emit::layout(chosen[0]))) ? 0 : 2;
    }
  } catch (std::exception& e) {
    llvm::WithColor::error(llvm::errs(), "salesc") << e.what() << '\n';
    return 1;
  }
  return 0;
}

} // namespace salesc::driver
