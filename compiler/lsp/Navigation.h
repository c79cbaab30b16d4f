//===- Navigation.h - Go to definition, find references, rename -----------===//
//
// Over every file of an Index: the open documents and what they import, the standard
// library included. Names declared in the standard library cannot be renamed (their
// file is not the user's); a new name must be a name (a letter, then letters, digits
// and `_`) that nothing beside the renamed one already has.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_NAVIGATION_H
#define SALESC_LSP_NAVIGATION_H

#include "Index.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace salesc::lsp {

/// The Location of the declaration of the name at `at`, or null.
llvm::json::Value definition(const Index& index, llvm::StringRef uri, Position at);

/// The Locations where the name at `at` is written (its declaration when asked for), or
/// null when there is no name there.
llvm::json::Value references(const Index& index, llvm::StringRef uri, Position at,
                             bool withDeclaration);

/// The range of the name at `at` and its spelling, as prepareRename answers; null when
/// there is no name there; a RequestError when it cannot be renamed.
llvm::Expected<llvm::json::Value> prepareRename(const Index& index, llvm::StringRef uri,
                                                Position at);

/// The WorkspaceEdit that renames the name at `at` everywhere it is written; a
/// RequestError when it cannot be renamed or `newName` cannot be its name.
llvm::Expected<llvm::json::Value> rename(const Index& index, llvm::StringRef uri, Position at,
                                         llvm::StringRef newName);

} // namespace salesc::lsp

#endif // SALESC_LSP_NAVIGATION_H
