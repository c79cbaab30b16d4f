//===- CheckFix.cpp - `salesc check --fix` and `--diff`: writing what the fixes change ===//
#include "CheckFix.h"

#include "driver/Fixes.h"
#include "fix/UnifiedDiff.h"
#include "output/OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

namespace salesc::driver {

namespace {

std::string plural(unsigned n, llvm::StringRef one, llvm::StringRef many) {
  return std::to_string(n) + " " + (n == 1 ? one : many).str();
}

/// "salesc: fixed 3 problems in 2 files; 1 problem remains", and, when some problems
/// have fix-its that are guesses, a line saying so.
void summarize(CommandContext& ctx, const FixResult& r, unsigned remaining, bool diff) {
  unsigned fixes = 0, files = 0;
  for (const FixedFile& f : r.files)
    if (f.after != f.before) {
      fixes += f.fixes;
      ++files;
    }
  for (const std::string& line : r.leftAlone)
    ctx.err << "salesc: " << line << '\n';
  ctx.err << "salesc: ";
  if (diff)
    ctx.err << (fixes ? "--fix would fix " + plural(fixes, "problem", "problems") + " in " +
                            plural(files, "file", "files")
                      : std::string("--fix would change nothing"))
            << "; " << plural(remaining, "problem", "problems") << " would remain\n";
  else
    ctx.err << (fixes ? "fixed " + plural(fixes, "problem", "problems") + " in " +
                            plural(files, "file", "files")
                      : std::string("nothing fixed"))
            << "; " << plural(remaining, "problem remains", "problems remain") << '\n';
  if (r.unsafeLeft)
    ctx.err << "salesc: " << plural(r.unsafeLeft, "problem has a fix", "problems have fixes")
            << " that may change what the file means (such as a name's spelling): review "
            << (r.unsafeLeft == 1 ? "it" : "them") << ", or apply "
            << (r.unsafeLeft == 1 ? "it" : "them") << " with --unsafe-fixes\n";
}

/// Writes the fixed files (through their links, keeping them), each only when it still
/// holds the text that was checked; false when one could not be written.
bool writeFixed(CommandContext& ctx, const FixResult& r) {
  bool ok = true;
  for (const FixedFile& f : r.files) {
    if (f.fromStdin) {
      ctx.out << f.after;
      continue;
    }
    if (f.after == f.before)
      continue;
    llvm::SmallString<256> real;
    if (llvm::sys::fs::real_path(f.path, real))
      real = f.path;
    // An editor may have saved the file while it was checked: its edit wins.
    auto now = llvm::MemoryBuffer::getFile(real, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    if (!now || (*now)->getBuffer() != f.before) {
      error(ctx) << "cannot fix '" << f.path
                 << "': it changed while salesc was checking it; run salesc again\n";
      ok = false;
      continue;
    }
    llvm::Expected<output::WriteResult> w = output::writeAtomically(real, f.after);
    if (!w) {
      error(ctx) << "cannot fix '" << f.path << "': " << llvm::toString(w.takeError()) << '\n';
      ok = false;
    }
  }
  return ok;
}

} // namespace

int runCheckFixes(CommandContext& ctx, llvm::ArrayRef<std::string> inputs,
                  const FrontEndOptions& options, FixRequest request, CheckReporting reporting) {
  bool writing = request.fix && !request.diff;
  FixResult r = runFixes(ctx, inputs, options, FixOptions{request.unsafe, writing});
  diag::DiagnosticEngine& remaining = r.final().session->diags();
  unsigned problems = remaining.errorCount() + (options.errorsOnly ? 0 : remaining.warningCount());
  if (!writing) {
    for (const FixedFile& f : r.files)
      ctx.out << fix::unifiedDiff(f.path, f.before, f.after);
    summarize(ctx, r, problems, /*diff=*/true);
    return reporting.status(r.first);
  }
  bool written = writeFixed(ctx, r);
  int status = reporting.report(r.final());
  summarize(ctx, r, problems, /*diff=*/false);
  return written && !r.readOnly ? status : 2;
}

} // namespace salesc::driver
