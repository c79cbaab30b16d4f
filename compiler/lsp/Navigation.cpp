//===- Navigation.cpp - Go to definition, find references, rename ---------===//
#include "Navigation.h"

#include "Requests.h"
#include "Server.h"

#include "llvm/ADT/StringExtras.h"

#include <map>

namespace salesc::lsp {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

llvm::Error refused(const llvm::Twine& message) {
  return llvm::make_error<RequestError>(RequestFailed, message.str());
}

/// "stage 'demo'", "tactic 'cold_call'".
std::string describe(const Symbol& s) {
  std::string name = "'" + s.name->text.str() + "'";
  switch (s.kind) {
  case Symbol::Kind::Decl:
    return ast::kindName(s.decl->kind()).str() + " " + name;
  case Symbol::Kind::Stage:
    return "stage " + name;
  case Symbol::Kind::Outcome:
    return "outcome " + name;
  case Symbol::Kind::Segment:
    return "segment " + name;
  }
  return name;
}

/// A RequestError when the symbol at `o` is the standard library's.
llvm::Error renamable(const Index& index, const Occurrence& o) {
  const Symbol& s = *o.symbol;
  if (!index.inStdlib(s.module))
    return llvm::Error::success();
  return refused(describe(s) + " is declared in the standard library (" +
                 index.displayPath(s.module, nullptr) +
                 "), which salesc does not change; declare a name of your own instead");
}

bool isName(llvm::StringRef name) {
  return !name.empty() && llvm::isAlpha(name[0]) &&
         llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

} // namespace

Value definition(const Index& index, llvm::StringRef uri, Position at) {
  const Occurrence* o = index.at(uri, at);
  if (!o)
    return nullptr;
  return index.location(o->symbol->name->range);
}

Value references(const Index& index, llvm::StringRef uri, Position at, bool withDeclaration) {
  const Occurrence* o = index.at(uri, at);
  if (!o)
    return nullptr;
  Array out;
  for (const Occurrence* r : index.occurrencesOf(o->symbol))
    if (withDeclaration || !r->declaration)
      out.push_back(index.location(r->range));
  return out;
}

llvm::Expected<Value> prepareRename(const Index& index, llvm::StringRef uri, Position at) {
  const Occurrence* o = index.at(uri, at);
  if (!o)
    return nullptr;
  if (llvm::Error e = renamable(index, *o))
    return llvm::Expected<Value>(std::move(e));
  return Object{{"range", toJson(index.rangeOf(o->range))}, {"placeholder", o->symbol->name->text}};
}

llvm::Expected<Value> rename(const Index& index, llvm::StringRef uri, Position at,
                             llvm::StringRef newName) {
  const Occurrence* o = index.at(uri, at);
  if (!o)
    return refused("there is no name here to rename");
  if (llvm::Error e = renamable(index, *o))
    return llvm::Expected<Value>(std::move(e));
  const Symbol& s = *o->symbol;
  if (!isName(newName))
    return refused("'" + newName + "' is not a name: a name starts with a letter, followed by " +
                   "letters, digits and '_'");
  if (newName != s.name->text && llvm::is_contained(index.namesBeside(&s), newName))
    return refused("cannot rename " + describe(s) + " to '" + newName + "': that name is taken" +
                   (s.kind == Symbol::Kind::Decl ? "" : " in its process"));
  std::vector<const Occurrence*> places = index.occurrencesOf(&s);
  llvm::sort(places, [](const Occurrence* a, const Occurrence* b) {
    return a->range.Start.getPointer() < b->range.Start.getPointer(); // within a file
  });
  std::map<std::string, Array> edits; // by URI, in a stable order
  for (const Occurrence* r : places)
    edits[index.uriOf(r->range.Start)].push_back(
        Object{{"range", toJson(index.rangeOf(r->range))}, {"newText", newName.str()}});
  Object changes;
  for (auto& [file, list] : edits)
    changes[file] = std::move(list);
  return Object{{"changes", std::move(changes)}};
}

} // namespace salesc::lsp
