//===- DocExamples.cpp - The examples of a Markdown page: a file, commands, output ===//
#include "DocExamples.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace salesc::testing {

namespace {

/// The commands of a ``` block, or none when it does not start with `$ salesc`.
std::vector<DocCommand> commandsOf(llvm::ArrayRef<llvm::StringRef> lines) {
  std::vector<DocCommand> commands;
  if (lines.empty() || !lines.front().startswith("$ salesc"))
    return commands;
  bool status = false; // the lines after `$ echo $?`
  for (llvm::StringRef line : lines) {
    if (line == "$ echo $?") {
      status = true;
    } else if (line.consume_front("$ salesc")) {
      status = false;
      llvm::SmallVector<llvm::StringRef, 8> words;
      line.split(words, ' ', -1, /*KeepEmpty=*/false);
      commands.push_back({{words.begin(), words.end()}, "", std::nullopt});
    } else if (status) {
      int value = 0;
      if (!line.trim().getAsInteger(10, value))
        commands.back().status = value;
    } else {
      commands.back().output += line.str() + "\n";
    }
  }
  return commands;
}

} // namespace

std::vector<DocExample> docExamples(llvm::StringRef markdown) {
  llvm::SmallVector<llvm::StringRef, 0> lines;
  markdown.split(lines, '\n');
  std::vector<DocExample> examples;
  std::string section, file, config;
  for (size_t i = 0; i < lines.size(); ++i) {
    llvm::StringRef line = lines[i];
    if (line.startswith("## ")) {
      section = line.drop_front(3).str();
      file.clear();
      config.clear();
      continue;
    }
    if (!line.startswith("```"))
      continue;
    size_t end = i + 1;
    while (end < lines.size() && !lines[end].startswith("```"))
      ++end;
    llvm::ArrayRef<llvm::StringRef> block(lines.begin() + i + 1, lines.begin() + end);
    if (line == "```sales" || line == "```yaml") {
      std::string& text = line == "```sales" ? file : config;
      text.clear();
      for (llvm::StringRef l : block)
        text += l.str() + "\n";
    } else if (std::vector<DocCommand> commands = commandsOf(block); !commands.empty()) {
      examples.push_back({section, unsigned(i + 2), file, config, std::move(commands)});
      file.clear();
      config.clear();
    }
    i = end;
  }
  return examples;
}

} // namespace salesc::testing
