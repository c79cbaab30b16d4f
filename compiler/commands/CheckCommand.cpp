//===- CheckCommand.cpp - `salesc check`: the CI linter -------------------===//
#include "driver/FrontEnd.h"

#include "ast/ASTDump.h"
#include "diag/Render.h"
#include "frontend/ModelDump.h"
#include "parse/Parse.h"

#include "llvm/Support/Format.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc check options");
  return cat;
}

enum class Format { Text, Json, Sarif };
enum class Emit { None, Tokens, Ast, Model };

cl::list<std::string> Inputs(cl::Positional, cl::sub(subCheck()), cl::ZeroOrMore,
                             cl::desc("<file.sales or folder>..."));
cl::opt<Format> OutputFormat(
    "format", cl::sub(subCheck()), cl::cat(category()), cl::init(Format::Text),
    cl::desc("How to report problems"),
    cl::values(clEnumValN(Format::Text, "text", "clang-style text on stderr (default)"),
               clEnumValN(Format::Json, "json", "one JSON document on stdout"),
               clEnumValN(Format::Sarif, "sarif", "a SARIF 2.1.0 log on stdout")));
cl::opt<Emit>
    EmitStage("emit", cl::sub(subCheck()), cl::cat(category()), cl::init(Emit::None),
              cl::desc("Also print one phase's result on stdout, to inspect it"),
              cl::values(clEnumValN(Emit::Tokens, "tokens", "the tokens of each checked file"),
                         clEnumValN(Emit::Ast, "ast", "the syntax tree of each checked file"),
                         clEnumValN(Emit::Model, "model",
                                    "the lowered processes with their predicted figures")));
cl::opt<bool> ListDiagnostics("list-diagnostics", cl::init(false), cl::sub(subCheck()),
                              cl::cat(category()),
                              cl::desc("List every diagnostic code and name, then exit"));

void listDiagnostics(llvm::raw_ostream& os) {
  for (const diag::KindInfo& k : diag::allKinds())
    os << k.code << "  " << llvm::left_justify(diag::severityName(k.severity), 7) << "  "
       << llvm::left_justify(k.name, 22) << "  " << k.summary << '\n';
}

/// Prints the phase --emit asks for, for every file that could be read.
void emitStage(CommandContext& ctx, const FrontEnd& fe) {
  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  for (const frontend::Unit& unit : fe.units) {
    if (!unit.root)
      continue;
    switch (EmitStage) {
    case Emit::None:
      break;
    case Emit::Tokens:
      parse::dumpTokens(sm, unit.root->bufferId, ctx.out);
      break;
    case Emit::Ast:
      ast::dump(*unit.root, sm, ctx.out);
      break;
    case Emit::Model:
      for (size_t i : unit.model.rootProcesses)
        frontend::dumpModel(unit.model.processes[i].process, sema::analysisOf(unit.model, i),
                            ctx.out);
      break;
    }
  }
}

} // namespace

int runCheck(CommandContext& ctx) {
  if (ListDiagnostics) {
    listDiagnostics(ctx.out);
    return 0;
  }
  if (EmitStage != Emit::None && OutputFormat != Format::Text) {
    error(ctx) << "--emit prints on stdout, where --format=json and --format=sarif write their "
                  "document; use one or the other\n";
    return 2;
  }
  FrontEnd fe = runFrontEnd(ctx, Inputs);
  emitStage(ctx, fe);
  if (OutputFormat == Format::Text)
    return reportText(ctx, fe);

  const llvm::SourceMgr& sm = fe.session->sourceMgr();
  diag::DiagnosticEngine& diags = fe.session->diags();
  std::vector<diag::Diagnostic> sorted = diags.sorted();
  if (OutputFormat == Format::Json)
    diag::renderJson(ctx.out, sm, sorted, diags.errorCount(), diags.warningCount());
  else
    diag::renderSarif(ctx.out, sm, sorted, SALESC_VERSION,
                      "https://github.com/salesc/salesc/blob/main/docs/diagnostics.md");
  return exitStatus(fe);
}

} // namespace salesc::driver
