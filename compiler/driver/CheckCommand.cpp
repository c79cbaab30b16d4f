//===- CheckCommand.cpp - `salesc check`: the CI linter -------------------===//
#include "ModelDump.h"
#include "Options.h"

#include "ast/ASTDump.h"
#include "diag/Render.h"
#include "parse/Parse.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/WithColor.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc check options");
  return cat;
}

enum class Format { Text, Json, Sarif };
enum class Emit { None, Tokens, Ast, Model };

cl::list<std::string> Inputs(cl::Positional, cl::sub(checkCommand()), cl::ZeroOrMore,
                             cl::desc("<file.sales or folder>..."));
cl::opt<Format> OutputFormat(
    "format", cl::sub(checkCommand()), cl::cat(category()), cl::init(Format::Text),
    cl::desc("How to report problems"),
    cl::values(clEnumValN(Format::Text, "text", "clang-style text on stderr (default)"),
               clEnumValN(Format::Json, "json", "one JSON document on stdout"),
               clEnumValN(Format::Sarif, "sarif", "a SARIF 2.1.0 log on stdout")));
cl::opt<Emit>
    EmitStage("emit", cl::sub(checkCommand()), cl::cat(category()), cl::init(Emit::None),
              cl::desc("Also print one phase's result on stdout, to inspect it"),
              cl::values(clEnumValN(Emit::Tokens, "tokens", "the tokens of each checked file"),
                         clEnumValN(Emit::Ast, "ast", "the syntax tree of each checked file"),
                         clEnumValN(Emit::Model, "model",
                                    "the lowered processes with their predicted figures")));
cl::opt<bool> ListDiagnostics("list-diagnostics", cl::sub(checkCommand()), cl::cat(category()),
                              cl::desc("List every diagnostic code and name, then exit"));

} // namespace

int runCheck(const char* argv0) {
  if (ListDiagnostics) {
    for (const diag::KindInfo& k : diag::allKinds())
      llvm::outs() << k.code << "  " << llvm::left_justify(diag::severityName(k.severity), 7)
                   << "  " << llvm::left_justify(k.name, 22) << "  " << k.summary << '\n';
    return 0;
  }
  if (EmitStage != Emit::None && OutputFormat != Format::Text) {
    llvm::WithColor::error(llvm::errs(), "salesc")
        << "--emit prints on stdout, where --format=json and --format=sarif write their "
           "document; use one or the other\n";
    return 2;
  }
  std::optional<FrontEnd> fe = runFrontEnd(argv0, Inputs);
  if (!fe)
    return 2;
  const llvm::SourceMgr& sm = fe->session->sourceMgr();
  for (const Unit& unit : fe->units) {
    if (!unit.root)
      continue;
    switch (EmitStage) {
    case Emit::None:
      break;
    case Emit::Tokens:
      parse::dumpTokens(sm, unit.root->bufferId, llvm::outs());
      break;
    case Emit::Ast:
      ast::dump(*unit.root, sm, llvm::outs());
      break;
    case Emit::Model:
      for (size_t i : unit.model.rootProcesses)
        dumpModel(unit.model.processes[i], sema::analysisOf(unit.model, i), llvm::outs());
      break;
    }
  }
  if (OutputFormat == Format::Text)
    return reportText(*fe);

  diag::DiagnosticEngine& diags = fe->session->diags();
  std::vector<diag::Diagnostic> sorted = diags.sorted();
  if (OutputFormat == Format::Json)
    diag::renderJson(llvm::outs(), sm, sorted, diags.errorCount(), diags.warningCount());
  else
    diag::renderSarif(llvm::outs(), sm, sorted, SALESC_VERSION,
                      "https://github.com/salesc/salesc/blob/main/docs/diagnostics.md");
  if (fe->unreadable)
    return 2;
  return diags.hasErrors() ? 1 : 0;
}

} // namespace salesc::driver
