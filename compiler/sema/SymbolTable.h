//===- SymbolTable.h - The top-level names of one compilation -------------===//
#ifndef SALESC_SEMA_SYMBOLTABLE_H
#define SALESC_SEMA_SYMBOLTABLE_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

namespace salesc::sema {

/// Every top-level declaration of the files in one compilation (the checked file and
/// all it imports, transitively): one namespace, whatever the file. Records which
/// declarations are used, for the unused-declaration warning.
class SymbolTable {
public:
  explicit SymbolTable(diag::DiagnosticEngine& diags) : diags_(diags) {}

  /// Adds a declaration; a name already taken is reported (note at the first).
  void add(const ast::Decl* decl);

  const ast::Decl* find(llvm::StringRef name) const;

  /// Resolves a use of `name` that must be one of `kinds`. `role` completes "but ROLE":
  /// e.g. "'provide' takes literature or tools". Unknown names are reported with the
  /// closest name of the right kind as a fix-it; names of the wrong kind are reported
  /// with a note at their declaration. Marks the declaration used. Null on error.
  const ast::Decl* resolve(const ast::Ident& name, llvm::ArrayRef<ast::DeclKind> kinds,
                           llvm::StringRef role);

  /// After an import failed, an unknown name may be declared in the file that could not
  /// be read: resolve() then records it (unknownNames()) instead of reporting it, and
  /// offers no spelling suggestion, which would change its meaning.
  void setImportFailed() { importFailed_ = true; }
  /// The uses of unknown names recorded since setImportFailed(), in the order met.
  llvm::ArrayRef<ast::Ident> unknownNames() const { return unknown_; }

  void markUsed(const ast::Decl* d) { used_.insert(d); }
  bool isUsed(const ast::Decl* d) const { return used_.count(d) != 0; }
  const llvm::DenseSet<const ast::Decl*>& used() const { return used_; }

  /// Every declaration, in the order added.
  llvm::ArrayRef<const ast::Decl*> all() const { return order_; }

private:
  diag::DiagnosticEngine& diags_;
  llvm::StringMap<const ast::Decl*> decls_;
  std::vector<const ast::Decl*> order_;
  llvm::DenseSet<const ast::Decl*> used_;
  bool importFailed_ = false;
  std::vector<ast::Ident> unknown_;
};

/// "literature or tool" for a list of kinds.
std::string describeKinds(llvm::ArrayRef<ast::DeclKind> kinds);

} // namespace salesc::sema

#endif // SALESC_SEMA_SYMBOLTABLE_H
