//===- SymbolTable.cpp - The top-level names of one compilation -----------===//
#include "SymbolTable.h"

#include "diag/Wording.h"

#include "Spelling.h"

#include "llvm/ADT/STLExtras.h"

namespace salesc::sema {

using diag::DiagKind;

std::string describeKinds(llvm::ArrayRef<ast::DeclKind> kinds) {
  std::string out;
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (i)
      out += i + 1 == kinds.size() ? " or " : ", ";
    out += ast::kindName(kinds[i]).str();
  }
  return out;
}

void SymbolTable::add(const ast::Decl* decl) {
  auto [it, inserted] = decls_.try_emplace(decl->name.text, decl);
  if (!inserted) {
    const ast::Decl* first = it->second;
    diags_
        .report(DiagKind::DuplicateName, decl->name.range,
                "'" + decl->name.text.str() + "' is already declared as " +
                    ast::kindNameWithArticle(first->kind()).str() +
                    "; every name must be different")
        .note(first->name.range, "'" + first->name.text.str() + "' is first declared here");
    return;
  }
  order_.push_back(decl);
}

const ast::Decl* SymbolTable::find(llvm::StringRef name) const {
  auto it = decls_.find(name);
  return it == decls_.end() ? nullptr : it->second;
}

const ast::Decl* SymbolTable::resolve(const ast::Ident& name, llvm::ArrayRef<ast::DeclKind> kinds,
                                      llvm::StringRef role) {
  const ast::Decl* d = find(name.text);
  if (!d && importFailed_) {
    unknown_.push_back(name);
    return nullptr;
  }
  if (!d) {
    std::vector<llvm::StringRef> candidates;
    for (const ast::Decl* c : order_)
      if (llvm::is_contained(kinds, c->kind()))
        candidates.push_back(c->name.text);
    auto suggestion = closest(name.text, candidates);
    if (suggestion) // most likely what was meant: do not also call it unused
      markUsed(find(*suggestion));
    std::string msg = "there is no " + describeKinds(kinds) + " named '" + name.text.str() + "'";
    if (suggestion) {
      diags_.report(DiagKind::UnknownName, name.range, msg + diag::didYouMean(*suggestion))
          .fix(name.range, *suggestion, "replace with " + diag::quoted(*suggestion));
    } else {
      diags_.report(DiagKind::UnknownName, name.range,
                    msg + "; declare it, or import the module that declares it");
    }
    return nullptr;
  }
  markUsed(d);
  if (!llvm::is_contained(kinds, d->kind())) {
    diags_
        .report(DiagKind::WrongKind, name.range,
                "'" + name.text.str() + "' is " + ast::kindNameWithArticle(d->kind()).str() +
                    ", but " + role.str())
        .note(d->name.range, "'" + d->name.text.str() + "' is declared here as " +
                                 ast::kindNameWithArticle(d->kind()).str());
    return nullptr;
  }
  return d;
}

} // namespace salesc::sema
