//===- DocExamples.h - The examples of a Markdown page: a file, commands, output ===//
//
// An example of docs/diagnostics.md is a ```sales block (the file), a ```yaml block (a
// .salesc.yaml beside it) or both, followed by a ``` block of commands, each `$ salesc ...` line
// followed by what it prints; `$ echo $?` is followed by the exit status of the command before it.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_TESTS_DOCEXAMPLES_H
#define SALESC_TESTS_DOCEXAMPLES_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::testing {

struct DocCommand {
  std::vector<std::string> args; ///< after `salesc`
  std::string output;            ///< the lines it prints, each with its newline
  std::optional<int> status;     ///< when `$ echo $?` follows
};

struct DocExample {
  std::string section; ///< the `## ` heading it is under
  unsigned line = 0;   ///< where its commands start in the page
  std::string file;    ///< the ```sales block before the commands; empty when none
  std::string config;  ///< the ```yaml block before them: a .salesc.yaml; empty when none
  std::vector<DocCommand> commands;
};

/// Every example of the page, in order.
std::vector<DocExample> docExamples(llvm::StringRef markdown);

} // namespace salesc::testing

#endif // SALESC_TESTS_DOCEXAMPLES_H
