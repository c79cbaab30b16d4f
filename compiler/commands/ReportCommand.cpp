//===- ReportCommand.cpp - `salesc report`: an HTML report for the client -===//
#include "driver/Drawing.h"
#include "driver/FrontEnd.h"
#include "output/OutputFile.h"

#include "html/Report.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace salesc::driver {

using output::FolderLock;
using output::writeAtomically;
using output::WriteResult;

namespace cl = llvm::cl;

namespace {

cl::OptionCategory& category() {
  static cl::OptionCategory cat("salesc report options");
  return cat;
}

cl::list<std::string> Inputs(cl::Positional, cl::sub(subReport()), cl::ZeroOrMore,
                             cl::desc("<file.sales or folder>..."));
cl::opt<std::string> OutputDir("o", cl::sub(subReport()), cl::cat(category()),
                               cl::value_desc("dir"), cl::Required,
                               cl::desc("The folder to write the report into (created if "
                                        "missing)"));
cl::opt<html::Theme> ThemeOption(
    "theme", cl::sub(subReport()), cl::cat(category()), cl::init(html::Theme::Light),
    cl::desc("The pages' colours"),
    cl::values(clEnumValN(html::Theme::Light, "light", "dark text on white (default)"),
               clEnumValN(html::Theme::Dark, "dark", "light text on a dark background")));
cl::opt<bool> Quiet("quiet", cl::init(false), cl::sub(subReport()), cl::cat(category()),
                    cl::desc("Do not list the files written"));

std::string inFolder(llvm::StringRef relative) {
  llvm::SmallString<256> p(OutputDir);
  llvm::sys::path::append(p, llvm::sys::path::Style::posix, relative);
  return std::string(p);
}

} // namespace

int runReport(CommandContext& ctx) {
  std::optional<emit::DrawOptions> drawing = drawOptions(ctx);
  if (!drawing)
    return 2;
  FrontEnd fe = runFrontEnd(ctx, Inputs);
  if (int status = reportText(ctx, fe); status != 0) {
    ctx.err << "salesc: nothing was written to '" << OutputDir << "'\n";
    return status;
  }
  std::vector<rt::AnalyzedProcess> processes = analyzeRootProcesses(ctx, fe);
  html::ReportOptions options;
  options.theme = ThemeOption;
  options.generator = "salesc " SALESC_VERSION;
  options.drawing = *drawing;
  if (ThemeOption == html::Theme::Dark) // the flowchart in the page's colours
    options.drawing.picture.theme = emit::Theme::Dark;
  std::vector<html::ReportFile> files;
  try {
    llvm::Expected<std::vector<html::ReportFile>> built = html::buildReport(processes, options);
    if (!built) {
      error(ctx) << llvm::toString(built.takeError()) << "; nothing was written\n";
      return 1;
    }
    files = std::move(*built);
  } catch (std::exception& e) {
    error(ctx) << e.what() << "; nothing was written\n";
    return 1;
  }
  for (const char* dir : {"", "assets"})
    if (std::error_code ec = llvm::sys::fs::create_directories(inFolder(dir))) {
      error(ctx) << "cannot create folder '" << inFolder(dir) << "': " << ec.message() << '\n';
      return 2;
    }
  // One run at a time writes into a folder, as `salesc build` does.
  llvm::Expected<FolderLock> lock = FolderLock::acquire(OutputDir, [&] {
    ctx.err << "salesc: waiting for another salesc run writing into '" << OutputDir << "'\n";
  });
  if (!lock) {
    error(ctx) << llvm::toString(lock.takeError()) << '\n';
    return 2;
  }
  output::removeStaleTemporaries(OutputDir);
  output::removeStaleTemporaries(inFolder("assets"));
  for (const html::ReportFile& f : files) {
    const std::string path = inFolder(f.path);
    llvm::Expected<WriteResult> r = writeAtomically(path, f.bytes);
    if (!r) {
      error(ctx) << llvm::toString(r.takeError()) << '\n';
      return 2;
    }
    if (!Quiet)
      ctx.out << (*r == WriteResult::Written ? "wrote     " : "unchanged ") << path << '\n';
  }
  if (!Quiet)
    ctx.out << "the report is " << inFolder("index.html") << '\n';
  return 0;
}

} // namespace salesc::driver
