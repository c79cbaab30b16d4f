//===- Parse.h - From a source buffer to a Module -------------------------===//
//
// The public face of the parser. No ANTLR type appears here: the generated lexer and
// parser are private to Parse.cpp and AstBuilder.cpp, and the parse tree dies inside
// parseModule once it has been turned into our own AST.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_PARSE_H
#define SALESC_PARSE_PARSE_H

#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace salesc::parse {

/// Files larger than this are refused with a diagnostic rather than parsed.
constexpr size_t MaxSourceBytes = 64u << 20;

/// After this many syntax errors in one file (lexical ones included) recovery stops:
/// one more error says so and the rest of the file is not read.
constexpr unsigned MaxSyntaxErrors = 100;

struct ParseResult {
  std::unique_ptr<ast::Module> module; ///< never null; holds what could be recovered
  unsigned syntaxErrors = 0;           ///< errors reported while reading this file
};

/// Parses buffer `bufferId` of `sm`. Syntax errors are reported to `diags`, several per
/// file: the parser recovers and goes on. SLL prediction is tried first and full LL
/// only when SLL fails.
ParseResult parseModule(const llvm::SourceMgr& sm, unsigned bufferId,
                        diag::DiagnosticEngine& diags);

/// The same for a buffer not (yet) in a SourceMgr, as a worker thread parses a file:
/// the module says `bufferId`, the diagnostics point into `buffer`. Safe to call from
/// several threads at once, each with its own `diags`.
ParseResult parseBuffer(const llvm::MemoryBuffer& buffer, unsigned bufferId,
                        diag::DiagnosticEngine& diags);

/// Writes the tokens of a buffer, one per line (`line:col KIND 'text'`), for
/// `salesc check --emit=tokens`.
void dumpTokens(const llvm::SourceMgr& sm, unsigned bufferId, llvm::raw_ostream& os);

} // namespace salesc::parse

#endif // SALESC_PARSE_PARSE_H
