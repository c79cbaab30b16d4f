//===- Keywords.h - The keywords of the language, from Keywords.def -------===//
//
// Private to the parser. The registry of Keywords.def as data, for the syntax errors
// and recovery: what each keyword starts and how messages name its line. The lexer
// expands Keywords.def itself, into a StringSwitch.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_KEYWORDS_H
#define SALESC_PARSE_KEYWORDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstddef>

namespace salesc::parse {

/// What a keyword starts (the Role of Keywords.def), as flags: 'brand' starts both a
/// declaration and a line of a process.
namespace role {
enum : unsigned {
  Connective = 0,        ///< nothing: a word inside a line
  Declaration = 1u << 0, ///< a declaration or an import, at the top of a file
  BrandRule = 1u << 1,   ///< a line of a brand
  ProcessLine = 1u << 2, ///< a line of a process
  StageLine = 1u << 3,   ///< a line of a stage
  NameList = 1u << 4,    ///< a line whose rest is a list of names
};
} // namespace role

/// One line of Keywords.def.
struct Keyword {
  size_t type; ///< the token type, SalesParser::Id
  llvm::StringRef spelling;
  unsigned roles;          ///< role:: flags
  llvm::StringRef opening; ///< "" when the line is quoted by its spelling alone
  llvm::StringRef noun;    ///< "" when its line has none

  /// Whether it has role `r`, one of the flags but Connective.
  bool is(unsigned r) const { return (roles & r) != 0; }
  /// How a list of the lines a block accepts quotes this one: "stalled after".
  llvm::StringRef openingText() const { return opening.empty() ? spelling : opening; }
};

/// Every keyword, in the order of Keywords.def.
llvm::ArrayRef<Keyword> keywords();

/// The keyword whose token type is `type`, or null for any other token.
const Keyword* keywordOf(size_t type);

} // namespace salesc::parse

#endif // SALESC_PARSE_KEYWORDS_H
