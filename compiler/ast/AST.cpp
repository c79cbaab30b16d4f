//===- AST.cpp - The syntax tree of a .sales file -------------------------===//
#include "AST.h"

namespace salesc::ast {

llvm::StringRef kindName(DeclKind kind) {
  switch (kind) {
  case DeclKind::Channel:
    return "channel";
  case DeclKind::Offering:
    return "offering";
  case DeclKind::Knowledge:
    return "knowledge";
  case DeclKind::Literature:
    return "literature";
  case DeclKind::Tool:
    return "tool";
  case DeclKind::Category:
    return "tactic category";
  case DeclKind::Tactic:
    return "tactic";
  case DeclKind::Brand:
    return "brand";
  case DeclKind::Process:
    return "process";
  case DeclKind::Role:
    return "role";
  case DeclKind::Team:
    return "team";
  case DeclKind::Campaign:
    return "campaign";
  }
  return "declaration";
}

llvm::StringRef kindNameWithArticle(DeclKind kind) {
  switch (kind) {
  case DeclKind::Channel:
    return "a channel";
  case DeclKind::Offering:
    return "an offering";
  case DeclKind::Knowledge:
    return "knowledge";
  case DeclKind::Literature:
    return "literature";
  case DeclKind::Tool:
    return "a tool";
  case DeclKind::Category:
    return "a tactic category";
  case DeclKind::Tactic:
    return "a tactic";
  case DeclKind::Brand:
    return "a brand";
  case DeclKind::Process:
    return "a process";
  case DeclKind::Role:
    return "a role";
  case DeclKind::Team:
    return "a team";
  case DeclKind::Campaign:
    return "a campaign";
  }
  return "a declaration";
}

} // namespace salesc::ast
