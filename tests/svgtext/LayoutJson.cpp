//===- LayoutJson.cpp - The flowchart's layout as Graphviz's JSON, for SvgText ===//
//
//   svgtext_layout FILE.sales [PROCESS]
//
// Prints the layout salesc makes of the flowchart of PROCESS (without it, of every process of
// the file in one picture, as `salesc emit --to=svg` draws it) in Graphviz's JSON: each text
// with its font, size and the width salesc's text layout gave it (tests/svgtext/measure.mjs).
//
//===----------------------------------------------------------------------===//
#include "emit/Emit.h"
#include "frontend/Compilation.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <exception>

using namespace salesc;

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    llvm::errs() << "usage: svgtext_layout FILE.sales [PROCESS]\n";
    return 2;
  }
  sema::LoadOptions load;
  load.stdlibDir = SALESC_SOURCE_DIR "/stdlib";
  frontend::Session session(load, diag::DiagOptions{});
  frontend::Unit unit = session.compileFile(argv[1]);
  if (session.diags().hasErrors()) {
    llvm::errs() << argv[1] << ": has errors\n";
    return 1;
  }
  std::vector<rt::AnalyzedProcess> processes;
  for (size_t i : unit.model.rootProcesses) {
    const rt::Process& p = unit.model.processes[i].process;
    if (argc == 3 && p.name != argv[2])
      continue;
    auto a = rt::analyze(p);
    if (!a) {
      llvm::errs() << p.name << ": cannot be analysed\n";
      return 1;
    }
    processes.push_back(
        rt::AnalyzedProcess{&p, std::move(*a), rt::campaignsInto(p, unit.model.campaigns)});
  }
  if (processes.empty()) {
    llvm::errs() << "no such process\n";
    return 1;
  }
  try {
    llvm::outs() << emit::render(processes, "json");
  } catch (std::exception& e) {
    llvm::errs() << e.what() << '\n';
    return 1;
  }
  return 0;
}
