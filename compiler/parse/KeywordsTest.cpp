//===- KeywordsTest.cpp - Keywords.def against the generated parser -------===//
//
// Keywords.def must hold exactly the keywords of grammar/Sales.g4, spelt as there, and
// every keyword must be soft: the `ident` rule accepts it, so it may be a name.
//
//===----------------------------------------------------------------------===//
#include "Keywords.h"

#include "SalesLexer.h"
#include "SalesParser.h"

#include "llvm/ADT/StringExtras.h"

#include <gtest/gtest.h>

#include <map>

namespace salesc::parse {
namespace {

using P = syntax::gen::SalesParser;

/// The generated parser, over no input: for its vocabulary and its ATN.
struct Generated {
  antlr4::ANTLRInputStream input;
  syntax::gen::SalesLexer lexer{&input};
  antlr4::CommonTokenStream tokens{&lexer};
  P parser{&tokens};
};

/// The keywords of the grammar: the tokens whose literal is a word, as `'stage'`.
std::map<size_t, std::string> grammarKeywords(const antlr4::dfa::Vocabulary& v) {
  std::map<size_t, std::string> out;
  for (size_t t = 1; t <= v.getMaxTokenType(); ++t) {
    std::string quoted = v.getLiteralName(t);
    llvm::StringRef literal = quoted;
    if (literal.size() > 2 && literal.front() == '\'' && literal.back() == '\'' &&
        llvm::all_of(literal.drop_front().drop_back(), llvm::isAlnum))
      out[t] = literal.drop_front().drop_back().str();
  }
  return out;
}

TEST(KeywordsTest, RegistryHoldsExactlyTheKeywordsOfTheGrammar) {
  Generated g;
  const antlr4::dfa::Vocabulary& v = g.parser.getVocabulary();
  std::map<size_t, std::string> grammar = grammarKeywords(v);
  ASSERT_FALSE(grammar.empty());
  std::map<size_t, std::string> registry;
  for (const Keyword& k : keywords()) {
    EXPECT_TRUE(registry.emplace(k.type, k.spelling.str()).second)
        << v.getSymbolicName(k.type) << " is in Keywords.def twice";
    EXPECT_EQ(keywordOf(k.type), &k);
  }
  for (const auto& [type, spelling] : grammar) {
    auto it = registry.find(type);
    if (it == registry.end())
      ADD_FAILURE() << "keyword " << v.getSymbolicName(type) << " '" << spelling
                    << "' of Sales.g4 is missing from Keywords.def";
    else
      EXPECT_EQ(it->second, spelling)
          << v.getSymbolicName(type) << " is spelt differently in Keywords.def and Sales.g4";
  }
  for (const auto& [type, spelling] : registry)
    EXPECT_TRUE(grammar.count(type))
        << "'" << spelling << "' of Keywords.def is not a keyword of Sales.g4 (its token "
        << v.getSymbolicName(type) << " has literal " << v.getLiteralName(type) << ")";
}

TEST(KeywordsTest, EveryKeywordIsAName) {
  Generated g;
  const antlr4::atn::ATN& atn = g.parser.getATN();
  const antlr4::misc::IntervalSet& names = atn.nextTokens(atn.ruleToStartState[P::RuleIdent]);
  for (const Keyword& k : keywords())
    EXPECT_TRUE(names.contains(k.type))
        << "'" << k.spelling.str() << "' is missing from the ident rule of Sales.g4, so it "
        << "cannot be used as a name";
  for (ssize_t t : names.toList())
    EXPECT_TRUE(t == P::ID || keywordOf(static_cast<size_t>(t)))
        << "the ident rule accepts " << g.parser.getVocabulary().getDisplayName(t)
        << ", which is neither ID nor a keyword of Keywords.def";
}

TEST(KeywordsTest, EveryLineRoleHasItsKeywords) {
  for (unsigned r :
       {role::Declaration, role::BrandRule, role::ProcessLine, role::StageLine, role::NameList})
    EXPECT_TRUE(llvm::any_of(keywords(), [&](const Keyword& k) { return k.is(r); })) << r;
  for (const Keyword& k : keywords()) {
    if (!k.noun.empty() || !k.opening.empty()) {
      EXPECT_NE(k.roles, unsigned(role::Connective)) << k.spelling.str() << " starts no line";
    }
  }
}

} // namespace
} // namespace salesc::parse
