//===- SyntaxErrors.cpp - Syntax errors worded for a consultant -----------===//
#include "SyntaxErrors.h"

#include "SalesParser.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <vector>

namespace salesc::parse {

using syntax::gen::SalesParser;

namespace {

bool isKeyword(size_t type) {
  return type >= SalesParser::IMPORT && type <= SalesParser::TYPICAL;
}

/// What a statement starting with keyword `type` is called, for "after the ...".
const char* statementNoun(size_t type) {
  switch (type) {
  case SalesParser::IMPORT:
    return "the import";
  case SalesParser::CHANNEL:
    return "the channel declaration";
  case SalesParser::OFFERING:
    return "the offering declaration";
  case SalesParser::KNOWLEDGE:
    return "the knowledge declaration";
  case SalesParser::LITERATURE:
    return "the literature declaration";
  case SalesParser::TOOL:
    return "the tool declaration";
  case SalesParser::CATEGORY:
    return "the category declaration";
  case SalesParser::TACTIC:
    return "the tactic declaration";
  case SalesParser::VALUES:
    return "the brand values";
  case SalesParser::FORBID:
    return "the 'forbid' rule";
  case SalesParser::REQUIRE:
    return "the 'require' rule";
  case SalesParser::MAX:
    return "the 'max' rule";
  case SalesParser::BRAND:
    return "the brand";
  case SalesParser::VALUE:
    return "the deal value";
  case SalesParser::TARGET:
    return "the target";
  case SalesParser::START:
    return "the start stage";
  case SalesParser::WON:
    return "the won outcome";
  case SalesParser::LOST:
    return "the lost outcome";
  case SalesParser::LEARN:
    return "what the prospect learns";
  case SalesParser::PROVIDE:
    return "the materials provided";
  case SalesParser::USE:
    return "the tactics used";
  case SalesParser::TIME:
    return "the time";
  case SalesParser::STALLED:
    return "the stall limit";
  case SalesParser::NEXT:
    return "the 'next' line";
  case SalesParser::OTHERWISE:
    return "the 'otherwise' line";
  default:
    return nullptr;
  }
}

/// The statement (item, declaration, rule, setting or stage line) the parser is in.
antlr4::ParserRuleContext* enclosingStatement(antlr4::ParserRuleContext* ctx) {
  for (; ctx; ctx = dynamic_cast<antlr4::ParserRuleContext*>(ctx->parent)) {
    size_t rule = ctx->getRuleIndex();
    if (rule == SalesParser::RuleItem || rule == SalesParser::RuleDecl ||
        rule == SalesParser::RuleBrandRule || rule == SalesParser::RuleProcessItem ||
        rule == SalesParser::RuleStageItem)
      return ctx;
  }
  return nullptr;
}

std::string describeType(antlr4::Parser* p, size_t type) {
  switch (type) {
  case antlr4::Token::EOF:
    return "the end of the file";
  case SalesParser::ID:
    return "a name";
  case SalesParser::NUMBER:
    return "a number";
  case SalesParser::STRING:
    return "a description in double quotes";
  default:
    break;
  }
  std::string lit = p->getVocabulary().getLiteralName(type);
  if (lit.empty())
    return p->getVocabulary().getDisplayName(type);
  return lit; // already quoted: 'stage'
}

std::string joinOr(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i)
      out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

/// The phrase for a set of expected tokens. A name accepts every keyword too, so a set
/// holding ID is "a name" without the keywords. The openings of a statement are named
/// as such rather than listed.
std::string describeExpected(antlr4::Parser* p, const antlr4::misc::IntervalSet& set) {
  bool name = set.contains(static_cast<size_t>(SalesParser::ID));
  if (!name && set.contains(static_cast<size_t>(SalesParser::LEARN)) &&
      set.contains(static_cast<size_t>(SalesParser::NEXT)))
    return "a stage line ('learn', 'provide', 'use', 'time', 'stalled after', 'next' or "
           "'otherwise') or '}' to close the stage";
  if (!name && set.contains(static_cast<size_t>(SalesParser::STAGE)) &&
      set.contains(static_cast<size_t>(SalesParser::WON)))
    return "a process line ('stage', 'won', 'lost', 'start', 'brand', 'value' or 'target') or "
           "'}' to close the process";
  if (!name && set.contains(static_cast<size_t>(SalesParser::VALUES)) &&
      set.contains(static_cast<size_t>(SalesParser::FORBID)))
    return "a brand rule ('values', 'forbid', 'require' or 'max') or '}' to close the brand";
  if (!name && set.contains(static_cast<size_t>(SalesParser::PROCESS)) &&
      set.contains(static_cast<size_t>(SalesParser::CHANNEL)))
    return "a declaration ('import', 'channel', 'offering', 'knowledge', 'literature', 'tool', "
           "'category', 'tactic', 'brand' or 'process')";
  std::vector<std::string> items;
  for (ssize_t t : set.toList()) {
    if (name && isKeyword(t))
      continue;
    if (t == SalesParser::UNTERMINATED_STRING)
      continue;
    items.push_back(describeType(p, t));
  }
  return joinOr(items);
}

} // namespace

std::string describeToken(antlr4::Token* t) {
  switch (t->getType()) {
  case antlr4::Token::EOF:
    return "the end of the file";
  case SalesParser::STRING:
  case SalesParser::UNTERMINATED_STRING:
    return "a description";
  case SalesParser::NUMBER:
    return "the number " + t->getText();
  default:
    return "'" + t->getText() + "'";
  }
}

void SalesErrorStrategy::explain(antlr4::Parser* p, antlr4::Token* offending,
                                 const antlr4::misc::IntervalSet& expected) {
  // The last visible token before the offending one: what a missing ';' follows.
  antlr4::TokenStream* in = p->getTokenStream();
  antlr4::Token* previous = nullptr;
  if (offending) {
    for (size_t i = offending->getTokenIndex(); i-- > 0;) {
      antlr4::Token* t = in->get(i);
      if (!t)
        break; // released with an item already built
      if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
        previous = t;
        break;
      }
    }
  }
  // A missing ';' is reported right after the statement it ends, as clang does.
  if (expected.contains(static_cast<size_t>(SalesParser::SEMI)) && previous) {
    antlr4::ParserRuleContext* stmt = enclosingStatement(p->getContext());
    const char* noun = stmt && stmt->start ? statementNoun(stmt->start->getType()) : nullptr;
    if (stmt && stmt->start && stmt->start->getType() == SalesParser::PROCESS)
      noun = nullptr;
    std::string msg = noun ? std::string("expected ';' after ") + noun : "expected ';'";
    // Two names in a row on one line: most likely a list missing its comma.
    bool nameAfterName =
        offending && offending->getLine() == previous->getLine() &&
        (offending->getType() == SalesParser::ID || isKeyword(offending->getType())) &&
        (previous->getType() == SalesParser::ID || isKeyword(previous->getType()));
    std::string hint;
    if (nameAfterName && stmt && stmt->start &&
        llvm::is_contained(std::initializer_list<size_t>{SalesParser::LEARN, SalesParser::PROVIDE,
                                                         SalesParser::USE, SalesParser::VALUES,
                                                         SalesParser::FORBID, SalesParser::REQUIRE,
                                                         SalesParser::OFFERING},
                           stmt->start->getType()))
      hint = " (separate the names of a list with ',')";
    bool sameLine = offending && offending->getLine() == previous->getLine();
    if (sameLine && offending->getType() != antlr4::Token::EOF)
      msg += ", found " + describeToken(offending);
    sink_(SyntaxErrorSite{previous, true}, msg + hint);
    return;
  }
  std::string msg = "expected " + describeExpected(p, expected);
  if (offending)
    msg += ", found " + describeToken(offending);
  sink_(SyntaxErrorSite{offending, false}, msg);
}

void SalesErrorStrategy::reportNoViableAlternative(antlr4::Parser* p,
                                                   const antlr4::NoViableAltException& e) {
  explain(p, e.getOffendingToken(), e.getExpectedTokens());
}

void SalesErrorStrategy::reportInputMismatch(antlr4::Parser* p,
                                             const antlr4::InputMismatchException& e) {
  explain(p, e.getOffendingToken(), e.getExpectedTokens());
}

void SalesErrorStrategy::reportFailedPredicate(antlr4::Parser* p,
                                               const antlr4::FailedPredicateException& e) {
  explain(p, e.getOffendingToken(), p->getExpectedTokens());
}

void SalesErrorStrategy::sync(antlr4::Parser* p) {
  if (inErrorRecoveryMode(p))
    return;
  antlr4::atn::ATNState* s = p->getATN().states[p->getState()];
  size_t la = p->getTokenStream()->LA(1);
  antlr4::misc::IntervalSet next = p->getATN().nextTokens(s);
  if (next.contains(antlr4::Token::EPSILON) || next.contains(la))
    return;
  switch (s->getStateType()) {
  case antlr4::atn::ATNState::STAR_LOOP_ENTRY:
  case antlr4::atn::ATNState::STAR_LOOP_BACK:
  case antlr4::atn::ATNState::PLUS_LOOP_BACK: {
    if (s->getStateType() == antlr4::atn::ATNState::STAR_LOOP_ENTRY && singleTokenDeletion(p))
      return;
    reportUnwantedToken(p);
    antlr4::misc::IntervalSet expecting = p->getExpectedTokens();
    consumeUntil(p, expecting.Or(getErrorRecoverySet(p)));
    return;
  }
  default:
    DefaultErrorStrategy::sync(p);
  }
}

antlr4::Token* SalesErrorStrategy::singleTokenDeletion(antlr4::Parser* p) {
  size_t la = p->getTokenStream()->LA(1);
  if (la == SalesParser::SEMI || la == SalesParser::LBRACE || la == SalesParser::RBRACE)
    return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(p);
}

antlr4::misc::IntervalSet SalesErrorStrategy::getErrorRecoverySet(antlr4::Parser* p) {
  antlr4::misc::IntervalSet set = DefaultErrorStrategy::getErrorRecoverySet(p);
  for (size_t t :
       {SalesParser::IMPORT, SalesParser::CHANNEL, SalesParser::OFFERING, SalesParser::KNOWLEDGE,
        SalesParser::LITERATURE, SalesParser::TOOL, SalesParser::CATEGORY, SalesParser::TACTIC,
        SalesParser::BRAND, SalesParser::PROCESS})
    set.add(static_cast<ssize_t>(t));
  set.add(antlr4::Token::EOF);
  return set;
}

void SalesErrorStrategy::reportUnwantedToken(antlr4::Parser* p) {
  if (inErrorRecoveryMode(p))
    return;
  beginErrorCondition(p);
  antlr4::Token* t = p->getCurrentToken();
  antlr4::misc::IntervalSet expected = getExpectedTokens(p);
  if (expected.contains(static_cast<size_t>(SalesParser::SEMI))) {
    explain(p, t, expected);
    return;
  }
  std::string msg = "expected " + describeExpected(p, expected) + ", found " + describeToken(t);
  // A misspelled keyword at the start of a line: suggest the closest one expected.
  if (t->getType() == SalesParser::ID && !expected.contains(static_cast<size_t>(SalesParser::ID))) {
    std::vector<std::string> words;
    for (ssize_t k : expected.toList())
      if (isKeyword(static_cast<size_t>(k)))
        words.push_back(p->getVocabulary().getLiteralName(k));
    std::string word = t->getText(), best;
    unsigned bestDistance = std::max<unsigned>(1, (word.size() + 2) / 3) + 1;
    for (std::string w : words) {
      w = w.substr(1, w.size() - 2); // drop the quotes
      unsigned d = llvm::StringRef(word).edit_distance(w, true, bestDistance);
      if (d < bestDistance) {
        bestDistance = d;
        best = w;
      }
    }
    if (!best.empty())
      msg += "; did you mean '" + best + "'?";
  }
  sink_(SyntaxErrorSite{t, false}, msg);
}

void SalesErrorStrategy::reportMissingToken(antlr4::Parser* p) {
  if (inErrorRecoveryMode(p))
    return;
  beginErrorCondition(p);
  explain(p, p->getCurrentToken(), getExpectedTokens(p));
}

} // namespace salesc::parse
