//===- Diagnostics.h - An open document checked, as LSP diagnostics -------===//
//
// A document is compiled (AssistSnapshot) as `salesc check` compiles a file, by a fresh
// front end Session whose file system is the disk with every open document laid over it:
// an import of a file the editor has open reads the editor's text. Here: that file
// system, and the conversion of what the check found to the protocol's Diagnostics.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_LSP_DIAGNOSTICS_H
#define SALESC_LSP_DIAGNOSTICS_H

#include "Document.h"

#include "diag/Diagnostic.h"
#include "diag/DiagnosticEngine.h"
#include "frontend/Compilation.h"
#include "sema/Loader.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <string>
#include <vector>

namespace salesc::lsp {

/// Where the front end reads what the editor has not open: the disk (`fs`), the
/// standard library, the -I folders.
using CheckOptions = sema::LoadOptions;

/// The disk (`base`) with the open documents that are files laid over it.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
overlayOpenDocuments(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base,
                     const llvm::StringMap<Document>& open);

/// The buffer of `sm` holding `loc`, or 0.
unsigned bufferOf(const llvm::SourceMgr& sm, llvm::SMLoc loc);

/// `range` (in buffer `id`) in LSP positions; an invalid end is the start.
Range lspRange(const llvm::SourceMgr& sm, unsigned id, llvm::SMRange range);

/// The URI of the file buffer `id` was read from (its name: a path, or an untitled URI).
std::string uriOfBuffer(const llvm::SourceMgr& sm, unsigned id);

/// The LSP Diagnostic for `d`, whose locations are in `sm` (relatedInformation for the
/// notes that have a place; the others are added to the message).
llvm::json::Value toLspDiagnostic(const diag::Diagnostic& d, const llvm::SourceMgr& sm);

/// The diagnostics that `session` found in `doc` (it compiled `doc`: AssistSnapshot),
/// as LSP Diagnostics: those located in `doc`, or about it without a place, in order.
/// Those a `// salesc-ignore` comment suppressed are left out, as `salesc check` does.
llvm::json::Array diagnosticsOf(frontend::Session& session, const Document& doc);

} // namespace salesc::lsp

#endif // SALESC_LSP_DIAGNOSTICS_H
