//===- ASTDump.h - A readable dump of a Module (--emit=ast) ---------------===//
#ifndef SALESC_AST_ASTDUMP_H
#define SALESC_AST_ASTDUMP_H

#include "AST.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace salesc::ast {

/// One node per line, indented by depth, each with its line:column.
void dump(const Module& m, const llvm::SourceMgr& sm, llvm::raw_ostream& os);

} // namespace salesc::ast

#endif // SALESC_AST_ASTDUMP_H
