//===- LspCommand.cpp - `salesc lsp`: a language server for editors -------===//
#include "driver/FrontEnd.h"
#include "driver/LspConfigs.h"

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
  // Each document's .salesc.yaml adds its import folders, standard library and levels, as
  // for `salesc check` (read again when one changes; its mistakes are for `salesc check`
  // to report).
  sema::LoadOptions load = loadOptions(ctx);
  LspConfigs configs(load, warnings, configChoice());
  std::ios::sync_with_stdio(false);
  return lsp::serve(std::cin, ctx.out, ctx.err, std::move(load), std::move(warnings), &configs);
}

} // namespace salesc::driver
