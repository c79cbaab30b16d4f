//===- FrontEndFuzzer.cpp - libFuzzer target: .sales files, front end -----===//
//
// The input is a set of files in the format of the output file tests
// (tests/lib/FileTestFormat.h): the text up to the first `// --- NAME` line is
// main.sales, each `// --- NAME` line starts another file it can import, and `// ARGS:`
// and CHECK lines are ignored. So every file of tests/check, tests/output and examples/ is
// a seed as it stands (fuzz/seeds.py). The files are served from memory with the source
// tree's standard library where an installed salesc finds it (testing::memoryFileSystem,
// as in the output file tests); nothing else is read from the disk, nothing written.
//
// main.sales is loaded, parsed and checked (frontend::Session, as `salesc check` does),
// its tokens, syntax trees and model dumped (--emit=tokens|ast|model), its diagnostics
// checked as the robustness test checks them and rendered as text (with and without
// colour), JSON and SARIF. A process the checker kept
// must analyze (the checker refuses every process the analysis would) and survive
// Oracles.h's tablesRoundTrip. The emitters and reports of processes are fuzzed through
// fuzz_tables, which reaches any process tables.json can hold, faster. main.sales is also
// formatted as `salesc fmt` formats it: never refused for losing a token or comment (the
// formatter's own check), refused only for syntax errors, and stable (formatting the
// result again changes nothing).
//
//===----------------------------------------------------------------------===//
#include "FileTestFormat.h"
#include "InProcess.h"
#include "Oracles.h"

#include "ast/ASTDump.h"
#include "diag/Location.h"
#include "diag/Render.h"
#include "format/Format.h"
#include "frontend/Compilation.h"
#include "frontend/ModelDump.h"
#include "parse/Parse.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace salesc;

/// A file name a test could give: relative, without `..`, of ordinary characters.
bool servable(llvm::StringRef name) {
  if (name.empty() || name.startswith("/") || name.size() > 200)
    return false;
  for (char c : name)
    if (!llvm::isAlnum(c) && !llvm::StringRef("._-/").contains(c))
      return false;
  for (auto it = llvm::sys::path::begin(name), end = llvm::sys::path::end(name); it != end; ++it)
    if (*it == "..")
      return false;
  return true;
}

/// The files of the input in memory, beside the standard library, as the output file
/// tests serve them.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> filesOf(llvm::StringRef input) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> fs = testing::memoryFileSystem();
  std::vector<std::string> formatErrors; // a fuzzed input need not be a well-made test
  testing::FileTest test = testing::parseFileTest("main.sales", input, formatErrors);
  for (const testing::TestFile& f : test.files) {
    if (!servable(f.name))
      continue;
    if (f.folder)
      fs->addFile(f.name, 0, llvm::MemoryBuffer::getMemBuffer(""), llvm::None, llvm::None,
                  llvm::sys::fs::file_type::directory_file);
    else
      fs->addFile(f.name, 0, llvm::MemoryBuffer::getMemBufferCopy(f.text, f.name));
  }
  return fs;
}

/// What the robustness test (frontend/RobustnessTest.cpp) asks of every diagnostic: it
/// says something, points into a file that was read (or names a file), and is in salesc's
/// words, not one of the ANTLR runtime's default messages.
void checkDiagnostic(const diag::Diagnostic& d, const llvm::SourceMgr& sm) {
  if (d.message.empty())
    fuzz::broken("every diagnostic says something");
  if (!d.range.Start.isValid() ? d.file.empty() : diag::resolve(sm, d.range.Start).line == 0)
    fuzz::broken("a diagnostic points into a file that was read, or names one", d.message);
  std::string words; // the message less what it quotes, which may be anything
  bool quoted = false;
  for (char c : d.message)
    if (c == '\'')
      quoted = !quoted;
    else if (!quoted)
      words += c;
  for (const char* antlr : {"mismatched input", "extraneous input", "no viable alternative",
                            "token recognition error", "<missing", "<EOF>"})
    if (llvm::StringRef(words).contains(antlr))
      fuzz::broken("no message of ANTLR's reaches the user", d.message);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef input(reinterpret_cast<const char*>(data), size);
  sema::LoadOptions load;
  load.stdlibDir = testing::InstalledStdlib;
  load.fs = filesOf(input);
  frontend::Session session(std::move(load), diag::DiagOptions{});
  frontend::Unit unit = session.compileFile("main.sales");

  std::string out;
  llvm::raw_string_ostream os(out);
  const llvm::SourceMgr& sm = session.sourceMgr();
  for (unsigned id = 1; id <= sm.getNumBuffers(); ++id)
    parse::dumpTokens(sm, id, os);
  for (const ast::Module* m : unit.modules)
    ast::dump(*m, sm, os);
  diag::DiagnosticEngine& diags = session.diags();
  std::vector<diag::Diagnostic> sorted = diags.sorted();
  diag::renderText(os, sm, sorted, /*color=*/false);
  diag::renderText(os, sm, sorted, /*color=*/true);
  diag::renderSummary(os, diags.errorCount(), diags.warningCount(), /*color=*/false);
  diag::renderJson(os, sm, sorted, diags.errorCount(), diags.warningCount());
  diag::SarifRun run;
  run.toolVersion = "0.0.0";
  run.docsUrl = "https://example.invalid/diagnostics.md";
  run.bases = {"/", "/", testing::InstalledStdlib};
  run.exitCode = diags.hasErrors() ? 1 : 0;
  diag::renderSarif(os, sm, sorted, run);
  diag::renderGithub(os, sm, sorted, run.bases);
  std::vector<std::string> checked{"main.sales"};
  diag::renderJunit(os, sm, sorted, checked, run.bases);

  if (unit.syntaxErrors && !diags.hasErrors())
    fuzz::broken("a file with syntax errors gets an error");
  for (const diag::Diagnostic& d : sorted)
    checkDiagnostic(d, sm);

  std::vector<rt::AnalyzedProcess> analyzed;
  for (size_t i : unit.model.rootProcesses) {
    const rt::Process& p = unit.model.processes[i].process;
    llvm::Expected<rt::Analysis> a = sema::analysisOf(unit.model, i);
    if (!a)
      fuzz::broken("a process the checker kept analyzes", llvm::toString(a.takeError()));
    frontend::dumpModel(p, *a, os);
    analyzed.push_back(rt::AnalyzedProcess{&p, std::move(*a)});
  }
  fuzz::tablesRoundTrip(analyzed);

  if (unit.root) {
    llvm::StringRef text = sm.getMemoryBuffer(unit.root->bufferId)->getBuffer();
    format::FormatResult once = format::formatText(text, "main.sales");
    if (once.outcome == format::Outcome::NotKept)
      fuzz::broken("fmt keeps every token and comment", once.problem);
    if (once.outcome == format::Outcome::SyntaxErrors && !unit.syntaxErrors)
      fuzz::broken("fmt refuses only a file with syntax errors");
    if (once.outcome == format::Outcome::Formatted &&
        format::formatText(once.text, "main.sales").text != once.text)
      fuzz::broken("formatting twice is formatting once", once.text);
  }
  return 0;
}
