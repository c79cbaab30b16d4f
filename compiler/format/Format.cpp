//===- Format.cpp - salesc fmt: a file in the canonical layout ------------===//
#include "Format.h"

#include "Elements.h"
#include "Equivalence.h"
#include "Layout.h"

#include "parse/Parse.h"

namespace salesc::format {

FormatResult formatBuffer(const llvm::SourceMgr& sm, unsigned bufferId,
                          diag::DiagnosticEngine& diags) {
  FormatResult result;
  if (parse::parseModule(sm, bufferId, diags).syntaxErrors != 0) {
    result.outcome = Outcome::SyntaxErrors;
    return result;
  }
  llvm::StringRef text = sm.getMemoryBuffer(bufferId)->getBuffer();
  llvm::Expected<SourceElements> source = splitElements(text);
  if (!source) {
    result.outcome = Outcome::NotKept;
    result.problem = llvm::toString(source.takeError());
    return result;
  }
  std::string formatted = layout(*source);
  if (std::optional<std::string> d = difference(text, formatted)) {
    result.outcome = Outcome::NotKept;
    result.problem = *d;
    return result;
  }
  result.text = std::move(formatted);
  return result;
}

FormatResult formatText(llvm::StringRef text, llvm::StringRef name) {
  llvm::SourceMgr sm;
  unsigned id =
      sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, name), llvm::SMLoc());
  diag::DiagnosticEngine diags(sm, {});
  return formatBuffer(sm, id, diags);
}

} // namespace salesc::format
