//===- FmtCommand.cpp - `salesc fmt`: files in the canonical layout -------===//
#include "driver/FrontEnd.h"
#include "driver/InputFile.h"
#include "fix/UnifiedDiff.h"
#include "output/OutputFile.h"

#include "format/Format.h"
#include "parse/Parse.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc fmt options");
  return cat;
}

cl::list<std::string> Inputs(cl::Positional, cl::sub(subFmt()), cl::ZeroOrMore,
                             cl::desc("<file.sales, folder, or - for stdin>..."));
cl::opt<bool> Check("check", cl::init(false), cl::sub(subFmt()), cl::cat(category()),
                    cl::desc("Change no file: list those that are not laid out as fmt lays "
                             "them out, and exit with status 1 when there is one"));
cl::opt<bool> Diff("diff", cl::init(false), cl::sub(subFmt()), cl::cat(category()),
                   cl::desc("Change no file: print how each would change, as a unified diff"));
cl::opt<std::string> StdinFilename(
    "stdin-filename", cl::init(""), cl::sub(subFmt()), cl::cat(category()), cl::value_desc("path"),
    cl::desc("The name of the file read from standard input ('-'), in messages and diffs"));

/// What became of the files of one run, for the exit status.
struct Tally {
  bool unusable = false; ///< a file could not be read or written: status 2
  bool refused = false;  ///< a file has syntax errors: status 1
  bool changes = false;  ///< a file is not laid out canonically (with --check: status 1)
};

/// Formats one file (or the standard input, "-") as the options say.
void formatOne(CommandContext& ctx, const std::string& file, llvm::SourceMgr& sm,
               diag::DiagnosticEngine& diags, Tally& tally) {
  bool fromStdin = file == "-";
  std::string name = !fromStdin              ? file
                     : StdinFilename.empty() ? "<stdin>"
                                             : StdinFilename.getValue();
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> read =
      fromStdin ? ctx.readStdin() : readFileOrPipe(*ctx.fs, file, parse::MaxSourceBytes);
  if (!read) {
    diags.reportFile(diag::DiagKind::FileUnreadable, name,
                     "cannot read '" + name + "': " + read.getError().message());
    tally.unusable = true;
    return;
  }
  llvm::StringRef original = (*read)->getBuffer();
  unsigned id =
      sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(original, name), llvm::SMLoc());
  format::FormatResult r = format::formatBuffer(sm, id, diags);
  if (r.outcome == format::Outcome::SyntaxErrors) {
    tally.refused = true;
    return;
  }
  if (r.outcome == format::Outcome::NotKept) {
    error(ctx) << "'" << name << "' was left as it was: laid out, it would not keep every token "
               << "and comment (" << r.problem << "); this is a bug in salesc fmt, please "
               << "report it\n";
    tally.refused = true;
    return;
  }
  bool changed = r.text != original;
  tally.changes |= changed;
  if (Diff)
    ctx.out << fix::unifiedDiff(name, original, r.text);
  if (Check && changed)
    ctx.out << name << '\n';
  if (Check || Diff)
    return;
  if (fromStdin) {
    ctx.out << r.text;
    return;
  }
  if (!changed)
    return; // not even its time stamp changes
  if (llvm::Expected<output::WriteResult> w = output::writeAtomically(file, r.text); !w) {
    error(ctx) << llvm::toString(w.takeError()) << '\n';
    tally.unusable = true;
  }
}

} // namespace

int runFmt(CommandContext& ctx) {
  if (Inputs.empty()) {
    error(ctx) << "no file to format; try 'salesc fmt my_process.sales', a folder, or "
                  "'salesc fmt -' to format standard input\n";
    return 2;
  }
  llvm::SourceMgr sm;
  diag::DiagnosticEngine diags(sm, {});
  std::vector<CommandLineProblem> problems;
  std::vector<std::string> files = expandInputs(*ctx.fs, Inputs, problems);
  Tally tally;
  for (const CommandLineProblem& p : problems)
    diags.reportFile(p.kind, p.file, p.message);
  tally.unusable = !problems.empty();
  for (const std::string& file : files)
    formatOne(ctx, file, sm, diags, tally);
  printDiagnostics(ctx, diags);
  if (tally.unusable)
    return 2;
  return tally.refused || (Check && tally.changes) ? 1 : 0;
}

} // namespace salesc::driver
