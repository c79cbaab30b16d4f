//===- LspCommand.cpp - `salesc lsp`: a language server for editors -------===//
#include "driver/FrontEnd.h"

#include "lsp/Server.h"

#include <iostream>

namespace salesc::driver {

int runLsp(CommandContext& ctx) {
  // The options every command shares (-I, --stdlib, -W) hold for every document checked.
  std::vector<CommandLineProblem> problems;
  diag::DiagOptions warnings = warningOptions(problems);
  for (const CommandLineProblem& p : problems)
    error(ctx) << p.message << '\n';
  if (!problems.empty())
    return 2;
  std::ios::sync_with_stdio(false);
  return lsp::serve(std::cin, ctx.out, ctx.err, loadOptions(ctx), std::move(warnings));
}

} // namespace salesc::driver
