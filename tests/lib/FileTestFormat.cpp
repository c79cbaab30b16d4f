//===- FileTestFormat.cpp - A file of tests/output: files, command line, output ===//
#include "FileTestFormat.h"

#include "llvm/ADT/SmallVector.h"

namespace salesc::testing {

namespace {

const std::string Check = "// CHECK:";
constexpr llvm::StringLiteral Args = "// ARGS:";
constexpr llvm::StringLiteral Split = "// --- ";

/// The lines of `text`, each with its newline.
std::vector<llvm::StringRef> linesOf(llvm::StringRef text) {
  std::vector<llvm::StringRef> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == llvm::StringRef::npos ? text.size() : end + 1;
    lines.push_back(text.take_front(end));
    text = text.drop_front(end);
  }
  return lines;
}

bool isBlank(llvm::StringRef line) {
  return line.trim().empty();
}

/// Where the CHECK lines start (the end of the files).
size_t checksStart(const std::vector<llvm::StringRef>& lines) {
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].startswith(Check))
      return i;
  return lines.size();
}

/// One stream as CHECK lines of `kind`; a missing newline at its end is said as diff
/// says it.
void streamLines(std::string& out, llvm::StringRef kind, llvm::StringRef stream) {
  for (llvm::StringRef line : linesOf(stream)) {
    bool newline = line.consume_back("\n");
    out += Check + kind.str() + ":";
    if (!line.empty())
      out += " " + line.str();
    out += "\n";
    if (!newline)
      out += Check + kind.str() + ":\\ No newline at end of stream\n";
  }
}

} // namespace

FileTest parseFileTest(llvm::StringRef mainName, llvm::StringRef text,
                       std::vector<std::string>& errors) {
  FileTest test;
  std::vector<llvm::StringRef> lines = linesOf(text);
  size_t end = checksStart(lines);
  for (size_t i = end; i < lines.size(); ++i) {
    if (lines[i].startswith(Check))
      test.checks += lines[i].rtrim("\n").str() + "\n";
    else if (!isBlank(lines[i]))
      errors.push_back("line " + std::to_string(i + 1) +
                       ": only CHECK lines may follow the first CHECK line");
  }
  while (end > 0 && isBlank(lines[end - 1])) // the blank line before the CHECK lines
    --end;
  test.files.push_back({mainName.str(), "", false});
  llvm::StringRef args = "check %s";
  for (size_t i = 0; i < end; ++i) {
    llvm::StringRef line = lines[i];
    if (line.startswith(Split)) {
      llvm::StringRef name = line.drop_front(Split.size()).trim();
      bool folder = name.consume_back("/");
      test.files.push_back({name.str(), "", folder});
      continue;
    }
    if (test.files.size() == 1 && line.startswith(Args))
      args = line.drop_front(Args.size()).trim();
    test.files.back().text += line.str();
  }
  llvm::SmallVector<llvm::StringRef, 8> words;
  args.split(words, ' ', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef w : words) {
    std::string arg = w.str();
    for (size_t at = arg.find("%s"); at != std::string::npos; at = arg.find("%s", at))
      arg.replace(at, 2, mainName.str());
    test.args.push_back(arg);
  }
  return test;
}

std::string checkLines(int status, llvm::StringRef out, llvm::StringRef err) {
  std::string lines = Check + "EXIT: " + std::to_string(status) + "\n";
  streamLines(lines, "STDOUT", out);
  streamLines(lines, "STDERR", err);
  return lines;
}

std::string withChecks(llvm::StringRef text, llvm::StringRef checks) {
  std::vector<llvm::StringRef> lines = linesOf(text);
  size_t end = checksStart(lines);
  while (end > 0 && isBlank(lines[end - 1]))
    --end;
  std::string out;
  for (size_t i = 0; i < end; ++i)
    out += lines[i].str();
  if (!out.empty() && out.back() != '\n')
    out += "\n";
  return out + "\n" + checks.str();
}

} // namespace salesc::testing
