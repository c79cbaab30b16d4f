//===- FileTestFormat.h - A file of tests/output: files, command line, output ===//
//
// One test file holds the files of a run, the command line and everything salesc must
// print (docs/architecture.md, "Tests that check output"):
//
//   // ARGS: check %s
//   import "lib";
//   ...
//   // --- lib.sales
//   knowledge pricing;
//
//   // CHECK:EXIT: 1
//   // CHECK:STDERR: lib.sales:1:11: error: ...
//
// The test file itself is the first file (named by its own name, %s); each
// `// --- NAME` line starts another (`// --- NAME/`: an empty folder). The CHECK lines
// close the file and belong to no file.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_TESTS_FILETESTFORMAT_H
#define SALESC_TESTS_FILETESTFORMAT_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace salesc::testing {

/// A file a test serves (from memory) to the run.
struct TestFile {
  std::string name; ///< relative to the working folder
  std::string text;
  bool folder = false; ///< an empty folder (`// --- NAME/`)
};

struct FileTest {
  std::vector<std::string> args; ///< after `salesc`, with %s replaced
  std::vector<TestFile> files;   ///< the test file itself first
  std::string checks;            ///< the CHECK lines as written, each ending in a newline
};

/// Reads a test file; `mainName` is the name it is served under. Mistakes in the
/// format are added to `errors`.
FileTest parseFileTest(llvm::StringRef mainName, llvm::StringRef text,
                       std::vector<std::string>& errors);

/// The CHECK lines that say a run exited with `status` and printed `out` and `err`.
std::string checkLines(int status, llvm::StringRef out, llvm::StringRef err);

/// `text` with its CHECK lines replaced by `checks`, at the end after a blank line.
std::string withChecks(llvm::StringRef text, llvm::StringRef checks);

} // namespace salesc::testing

#endif // SALESC_TESTS_FILETESTFORMAT_H
