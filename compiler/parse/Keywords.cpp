//===- Keywords.cpp - The keywords of the language, from Keywords.def -----===//
#include "Keywords.h"

#include "SalesParser.h"

namespace salesc::parse {

namespace {

using P = syntax::gen::SalesParser;
using namespace role;

const Keyword Keywords[] = {
#define KEYWORD(Id, Spelling, Role, Opening, Noun) {P::Id, Spelling, Role, Opening, Noun},
#include "Keywords.def"
#undef KEYWORD
};

} // namespace

llvm::ArrayRef<Keyword> keywords() {
  return Keywords;
}

const Keyword* keywordOf(size_t type) {
  for (const Keyword& k : Keywords)
    if (k.type == type)
      return &k;
  return nullptr;
}

} // namespace salesc::parse
