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
  // Each document's .salesc.yaml gives its warnings their level (read once: restart the
  // server after editing one; its mistakes are for `salesc check` to report).
  llvm::SourceMgr configSources;
  diag::DiagnosticEngine configMistakes(configSources, {});
  ConfigSet configs(*ctx.fs, configSources, configMistakes, configChoice());
  warnings.levelFor = [&](diag::DiagKind kind, llvm::StringRef file) {
    return configs.levelFor(kind, file);
  };
  std::ios::sync_with_stdio(false);
  return lsp::serve(std::cin, ctx.out, ctx.err, loadOptions(ctx), std::move(warnings));
}

} // namespace salesc::driver
