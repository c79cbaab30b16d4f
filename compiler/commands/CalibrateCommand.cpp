//===- CalibrateCommand.cpp - `salesc calibrate`: the figures a history shows ===//
#include "CalibrateEdits.h"

#include "driver/CsvInput.h"
#include "driver/ExportInput.h"
#include "driver/RuntimeInput.h"

#include "fix/UnifiedDiff.h"
#include "output/OutputFile.h"
#include "report/Report.h"
#include "salesc/runtime/Loaders.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

RuntimeOptions& options() {
  static RuntimeOptions o(subCalibrate(), Processes::One);
  return o;
}
[[maybe_unused]] RuntimeOptions& registered = options();

ExportOptions Export(subCalibrate());

cl::opt<std::string> Events("events", cl::sub(subCalibrate()), cl::Required,
                            cl::value_desc("log.csv"), cl::desc(EventsHelp));
cl::opt<std::string> AsOf("as-of", cl::init(""), cl::sub(subCalibrate()),
                          cl::value_desc("YYYY-MM-DD"),
                          cl::desc("The day the history is read as of: later events are left "
                                   "out, open visits last until then (default: today)"));
cl::opt<bool> Diff("diff", cl::init(false), cl::sub(subCalibrate()),
                   cl::desc("Print the edit of the .sales file as a unified diff, writing "
                            "nothing (not with --write)"));
cl::opt<bool> Write("write", cl::init(false), cl::sub(subCalibrate()),
                    cl::desc("Write the estimated shares and times into the .sales file (only "
                             "its numbers change; not with --diff)"));
cl::opt<uint64_t> MinVisits("min-visits", cl::init(20), cl::sub(subCalibrate()),
                            cl::value_desc("N"),
                            cl::desc("Keep the figures of a stage with fewer visits than this "
                                     "(default: 20)"));

/// The check of `text` as the file `path`: the diagnostics it prints, and its counts.
struct EditedCheck {
  std::string printed;
  unsigned errors = 0, warnings = 0;
};

EditedCheck checkEdited(CommandContext& ctx, const std::string& path, llvm::StringRef text) {
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  if (auto cwd = ctx.fs->getCurrentWorkingDirectory())
    memory->setCurrentWorkingDirectory(*cwd);
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(ctx.fs);
  overlay->pushOverlay(memory);
  memory->addFile(absolutePath(*ctx.fs, path), 0, llvm::MemoryBuffer::getMemBufferCopy(text));
  EditedCheck out;
  llvm::raw_string_ostream printed(out.printed);
  CommandContext edited{ctx.out, printed, ctx.argv0, overlay, ctx.stdlibDir, ctx.readStdin};
  FrontEnd fe = runFrontEnd(edited, {path});
  reportText(edited, fe);
  out.errors = fe.session->diags().errorCount() + (fe.unusable ? 1 : 0);
  out.warnings = fe.session->diags().warningCount();
  return out;
}

/// Writes `after` over `path` when it still holds `before`; false after reporting why not.
bool writeEdited(CommandContext& ctx, const std::string& path, llvm::StringRef before,
                 llvm::StringRef after) {
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(path, real))
    real = path;
  auto now = llvm::MemoryBuffer::getFile(real, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!now || (*now)->getBuffer() != before) {
    error(ctx) << "cannot write '" << path
               << "': it changed while salesc was reading it; run salesc again\n";
    return false;
  }
  llvm::Expected<output::WriteResult> w = output::writeAtomically(real, after);
  if (!w) {
    error(ctx) << "cannot write '" << path << "': " << llvm::toString(w.takeError()) << '\n';
    return false;
  }
  return true;
}

/// Why each stage keeps figures, on stderr: "salesc: stage demo: shares kept: ...".
void printKept(CommandContext& ctx, const rt::Process& p, const rt::Calibration& c,
               const CalibrationEdits& edits) {
  for (const std::string& line : report::calibrateKept(p, c))
    ctx.err << "salesc: " << line << '\n';
  for (const std::string& line : edits.notFound)
    ctx.err << "salesc: " << line << '\n';
}

/// --diff and --write: the edit of the file, checked before it is shown or written.
int editFile(CommandContext& ctx, const RuntimeInput& in, const rt::Process& p,
             const rt::Calibration& c) {
  const std::string& path = options().input;
  if (!in.frontEnd || in.frontEnd->units.size() != 1 || !in.frontEnd->units[0].root) {
    error(ctx) << "calibrate --diff and --write edit a .sales file, not tables ('" << path
               << "')\n";
    return 2;
  }
  if (!p.segments.empty()) {
    error(ctx) << "process '" << p.name
               << "' has segments: its figures mix theirs, so calibrate cannot write them "
                  "back; compare each segment with 'salesc conform'\n";
    return 1;
  }
  const ast::Module& root = *in.frontEnd->units[0].root;
  const llvm::StringRef before =
      in.frontEnd->session->sourceMgr().getMemoryBuffer(root.bufferId)->getBuffer();
  CalibrationEdits edits = calibrationEdits(root, before, p, c);
  const size_t changed = edits.edits.size();
  const std::string after = fix::applyEdits(before, std::move(edits.edits)).text;
  printKept(ctx, p, c, edits);
  EditedCheck check = checkEdited(ctx, path, after);
  if (check.errors) {
    ctx.err << check.printed;
    error(ctx) << "the edited '" << path << "' would not check (a bug in salesc: please report "
               << "it); the file is left as it is\n";
    return 1;
  }
  if (check.warnings > in.frontEnd->session->diags().warningCount())
    ctx.err << check.printed << "salesc: the new figures raise warnings (above): review them\n";
  if (Diff) {
    ctx.out << fix::unifiedDiff(path, before, after);
    ctx.err << "salesc: --write would change " << changed << (changed == 1 ? " number" : " numbers")
            << " in '" << path << "'\n";
    return 0;
  }
  if (changed && !writeEdited(ctx, path, before, after))
    return 2;
  ctx.err << "salesc: " << (changed ? "changed " : "nothing to change: ") << changed
          << (changed == 1 ? " number" : " numbers") << " in '" << path << "'\n";
  return 0;
}

} // namespace

int runCalibrate(CommandContext& ctx) {
  if (Diff && Write) {
    error(ctx) << "--diff and --write cannot go together: --diff shows the edit and writes "
                  "nothing, --write makes it; give one of them\n";
    return 2;
  }
  std::optional<double> asOf = asOfDay(ctx, AsOf);
  if (!asOf || !mappingsRead(ctx, Export))
    return 2;
  RuntimeInput in;
  if (int status = loadRuntimeInput(ctx, options().input, options().process, in))
    return status;
  const rt::AnalyzedProcess* single = singleProcess(ctx, in, "the stage history");
  if (!single)
    return 2;
  const rt::Process& stated = *single->process;
  std::optional<StageHistory> history = loadStageHistory(ctx, Export, Events, stated);
  if (!history)
    return 1;
  // A process with segments is compared as its segments mix, as conform does.
  const rt::Process p = rt::blendedProcess(stated, single->analysis);
  rt::CalibrateOptions calibrateOptions;
  calibrateOptions.minVisits = MinVisits;
  const rt::Calibration c = rt::calibrate(p, history->events, *asOf, calibrateOptions);
  if (!Diff) {
    report::CalibrateReport rep{&p, &c};
    ctx.out << (options().format == ReportFormat::Json ? report::calibrateJson(rep)
                                                       : report::calibrateText(rep));
  }
  if (Diff || Write)
    if (int edited = editFile(ctx, in, stated, c))
      return edited;
  return history->status;
}

} // namespace salesc::driver
