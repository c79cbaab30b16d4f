//===- FailedImports.cpp - Names that may come from a file not imported ---===//
#include "FailedImports.h"

#include "diag/Wording.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"

namespace salesc::sema {

namespace {

/// How many names the message lists before "and N more".
constexpr size_t NamesShown = 4;

/// "'a', 'b' and 'c'", or "'a', 'b', 'c', 'd' and 3 more names".
std::string listNames(llvm::ArrayRef<llvm::StringRef> names) {
  size_t shown = names.size() > NamesShown + 1 ? NamesShown : names.size();
  std::string out;
  for (size_t i = 0; i < shown; ++i) {
    if (i)
      out += i + 1 == shown && shown == names.size() ? " and " : ", ";
    out += diag::quoted(names[i]);
  }
  if (shown < names.size())
    out += " and " + std::to_string(names.size() - shown) + " more names";
  return out;
}

/// "'lib/catalog'", or "'a', 'b' or 'c'": the paths of the imports that failed, each once.
std::string listImports(llvm::ArrayRef<FailedImport> failed) {
  std::vector<std::string> paths;
  for (const FailedImport& f : failed)
    if (!llvm::is_contained(paths, f.import->path.value))
      paths.push_back(f.import->path.value);
  std::string out;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (i)
      out += i + 1 == paths.size() ? " or " : ", ";
    out += diag::quoted(paths[i]);
  }
  return out;
}

} // namespace

void reportNamesOfFailedImports(llvm::ArrayRef<ast::Ident> unknown,
                                llvm::ArrayRef<FailedImport> failed,
                                diag::DiagnosticEngine& diags) {
  if (unknown.empty() || failed.empty())
    return;
  const llvm::SourceMgr& sm = diags.sourceMgr();
  // Per file, in the order met: its first unknown name, and its names, each once.
  llvm::MapVector<unsigned, std::pair<const ast::Ident*, std::vector<llvm::StringRef>>> byFile;
  for (const ast::Ident& name : unknown) {
    auto& [first, names] = byFile[sm.FindBufferContainingLoc(name.range.Start)];
    if (!first)
      first = &name;
    if (!llvm::is_contained(names, name.text))
      names.push_back(name.text);
  }
  const std::string imports = listImports(failed);
  for (const auto& [file, found] : byFile) {
    const auto& [first, names] = found;
    std::string message = names.size() == 1
                              ? listNames(names) + " is not declared; it may be declared in "
                              : listNames(names) + " are not declared; they may be declared in ";
    message += imports + ", which could not be imported";
    auto b = diags.report(diag::DiagKind::UnknownName, first->range, message);
    for (const FailedImport& f : failed)
      b.note(f.import->path.range, "the import that failed is here");
  }
}

} // namespace salesc::sema
