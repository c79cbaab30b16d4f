//===- main.cpp - The salesc command ---------------------------------------===//
#include "Options.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char** argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::cl::SetVersionPrinter(
      [](llvm::raw_ostream& os) { os << "salesc " << SALESC_VERSION << '\n'; });
  // Register the subcommands before parsing.
  salesc::driver::checkCommand();
  salesc::driver::buildCommand();
  salesc::driver::emitCommand();
  salesc::driver::analyzeCommand();
  salesc::driver::simulateCommand();
  salesc::driver::forecastCommand();
  salesc::driver::roiCommand();
  salesc::driver::conformCommand();
  // LLVM's own --color (from WithColor) is not ours: `check --color` is.
  auto& topLevel = llvm::cl::getRegisteredOptions();
  if (topLevel.count("color"))
    topLevel["color"]->setHiddenFlag(llvm::cl::ReallyHidden);
  std::string errors;
  llvm::raw_string_ostream errs(errors);
  if (!llvm::cl::ParseCommandLineOptions(
          argc, argv,
          "salesc: compile and check sales-process definitions (.sales files)\n\n"
          "  salesc check FILE...          check files and report problems (the CI linter)\n"
          "  salesc build FILE... -o DIR   check, then write flowcharts, playbooks and tables\n"
          "  salesc emit --to=KIND FILE    check, then write one artifact\n"
          "  salesc analyze FILE           win probabilities, times, bottlenecks, sensitivity\n"
          "  salesc simulate FILE          Monte Carlo through the process\n"
          "  salesc forecast FILE --pipeline deals.csv   revenue of the open deals\n"
          "  salesc roi FILE --leads N --cost C          what a campaign returns\n"
          "  salesc conform FILE --events log.csv        real stage histories vs the process\n"
          "  (FILE: a .sales file, or the tables.json that salesc build writes)\n\n"
          "Run 'salesc SUBCOMMAND --help' for the options of a subcommand.\n",
          &errs)) {
    llvm::errs() << errs.str();
    llvm::errs() << "Run 'salesc --help' for usage.\n";
    return 2;
  }
  if (salesc::driver::checkCommand())
    return salesc::driver::runCheck(argv[0]);
  if (salesc::driver::buildCommand())
    return salesc::driver::runBuild(argv[0]);
  if (salesc::driver::emitCommand())
    return salesc::driver::runEmit(argv[0]);
  if (salesc::driver::analyzeCommand())
    return salesc::driver::runAnalyze(argv[0]);
  if (salesc::driver::simulateCommand())
    return salesc::driver::runSimulate(argv[0]);
  if (salesc::driver::forecastCommand())
    return salesc::driver::runForecast(argv[0]);
  if (salesc::driver::roiCommand())
    return salesc::driver::runRoi(argv[0]);
  if (salesc::driver::conformCommand())
    return salesc::driver::runConform(argv[0]);
  llvm::errs() << "salesc: no subcommand given; try 'salesc check FILE' or 'salesc --help'\n";
  return 2;
}
