//===- SyntaxErrors.cpp - Syntax errors worded for a consultant -----------===//
#include "SyntaxErrors.h"

#include "diag/Wording.h"

#include "Keywords.h"
#include "SalesParser.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <tuple>
#include <vector>

namespace salesc::parse {

using syntax::gen::SalesParser;

namespace {

bool isKeyword(size_t type) {
  return keywordOf(type) != nullptr;
}

/// The statement (item, declaration, rule, setting or stage line) the parser is in.
antlr4::ParserRuleContext* enclosingStatement(antlr4::ParserRuleContext* ctx) {
  for (; ctx; ctx = dynamic_cast<antlr4::ParserRuleContext*>(ctx->parent)) {
    size_t rule = ctx->getRuleIndex();
    if (rule == SalesParser::RuleItem || rule == SalesParser::RuleDecl ||
        rule == SalesParser::RuleBrandRule || rule == SalesParser::RuleProcessItem ||
        rule == SalesParser::RuleStageItem || rule == SalesParser::RuleCampaignItem)
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

/// A block whose lines start with keywords of one role, and how messages name them.
struct Block {
  unsigned lineRole;
  const char* line;
  const char* close;
};

constexpr Block Blocks[] = {
    {role::StageLine, "a stage line", " or '}' to close the stage"},
    {role::ProcessLine, "a process line", " or '}' to close the process"},
    {role::BrandRule, "a brand rule", " or '}' to close the brand"},
    {role::Declaration, "a declaration", ""},
};

/// Whether `set` holds every keyword of role `r`: where a line of that role may start.
bool holdsEvery(const antlr4::misc::IntervalSet& set, unsigned r) {
  return llvm::all_of(keywords(),
                      [&](const Keyword& k) { return !k.is(r) || set.contains(k.type); });
}

/// "'learn', 'provide', ... or 'otherwise'": how the lines of role `r` start.
std::string openings(unsigned r) {
  std::vector<std::string> words;
  for (const Keyword& k : keywords())
    if (k.is(r))
      words.push_back("'" + k.openingText().str() + "'");
  return joinOr(words);
}

/// The phrase for a set of expected tokens. A name accepts every keyword too, so a set
/// holding ID is "a name" without the keywords. The openings of a statement are named
/// as such rather than listed.
std::string describeExpected(antlr4::Parser* p, const antlr4::misc::IntervalSet& set) {
  bool name = set.contains(static_cast<size_t>(SalesParser::ID));
  if (!name)
    for (const Block& b : Blocks)
      if (holdsEvery(set, b.lineRole))
        return std::string(b.line) + " (" + openings(b.lineRole) + ")" + b.close;
  std::vector<std::string> items;
  for (ssize_t t : set.toList()) {
    if (name && isKeyword(t))
      continue;
    // Read so that a mistake gets its own message, never suggested.
    if (t == SalesParser::UNTERMINATED_STRING || t == SalesParser::DASH ||
        t == SalesParser::CURRENCY_SIGN)
      continue;
    items.push_back(describeType(p, t));
  }
  return joinOr(items);
}

/// The innermost block around the parser's position whose '{' has no '}' yet: its '{',
/// and the block as "stage 'demo'" (its keyword and name).
std::pair<antlr4::Token*, std::string> openBlock(antlr4::ParserRuleContext* ctx) {
  for (; ctx; ctx = dynamic_cast<antlr4::ParserRuleContext*>(ctx->parent)) {
    antlr4::Token* open = nullptr;
    bool closed = false;
    std::string name;
    for (antlr4::tree::ParseTree* child : ctx->children) {
      if (auto* id = dynamic_cast<SalesParser::IdentContext*>(child); id && name.empty() && !open)
        name = id->getText();
      auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child);
      if (!t)
        continue;
      if (t->getSymbol()->getType() == SalesParser::LBRACE)
        open = t->getSymbol();
      else if (t->getSymbol()->getType() == SalesParser::RBRACE)
        closed = true;
    }
    if (open && !closed && ctx->start && ctx->start != open)
      return {open, ctx->start->getText() + (name.empty() ? "" : " " + diag::quoted(name))};
  }
  return {nullptr, ""};
}

} // namespace

void SalesErrorStrategy::emit(antlr4::Parser* p, SyntaxErrorSite site,
                              const antlr4::misc::IntervalSet& expected, std::string message) {
  // Where '}' could close a block, and the file ends or a line of an enclosing block
  // starts instead (`stage` in a stage), that block most likely lacks its '}'.
  antlr4::Token* t = p->getCurrentToken();
  const Keyword* k = t ? keywordOf(t->getType()) : nullptr;
  bool outer = t && (t->getType() == antlr4::Token::EOF ||
                     (k && (k->is(role::Declaration) || k->is(role::ProcessLine))));
  if (outer && expected.contains(static_cast<size_t>(SalesParser::RBRACE)))
    std::tie(site.openBrace, site.openBlock) = openBlock(p->getContext());
  sink_(std::move(site), std::move(message));
}

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
    const Keyword* opener = stmt && stmt->start ? keywordOf(stmt->start->getType()) : nullptr;
    std::string msg = "expected ';'";
    if (opener && !opener->noun.empty())
      msg += " after " + opener->noun.str();
    // Two names in a row on one line: most likely a list missing its comma.
    bool nameAfterName =
        offending && offending->getLine() == previous->getLine() &&
        (offending->getType() == SalesParser::ID || isKeyword(offending->getType())) &&
        (previous->getType() == SalesParser::ID || isKeyword(previous->getType()));
    std::string hint;
    if (nameAfterName && opener && opener->is(role::NameList))
      hint = " (separate the names of a list with ',')";
    bool sameLine = offending && offending->getLine() == previous->getLine();
    if (sameLine && offending->getType() != antlr4::Token::EOF)
      msg += ", found " + describeToken(offending);
    emit(p, SyntaxErrorSite{previous, true}, expected, msg + hint);
    return;
  }
  std::string msg = "expected " + describeExpected(p, expected);
  if (offending)
    msg += ", found " + describeToken(offending);
  emit(p, SyntaxErrorSite{offending, false}, expected, msg);
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
  for (const Keyword& k : keywords())
    if (k.is(role::Declaration))
      set.add(static_cast<ssize_t>(k.type));
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
    std::string word = t->getText(), best;
    unsigned bestDistance = std::max<unsigned>(1, (word.size() + 2) / 3) + 1;
    for (ssize_t k : expected.toList()) {
      const Keyword* kw = keywordOf(static_cast<size_t>(k));
      if (!kw)
        continue;
      unsigned d = llvm::StringRef(word).edit_distance(kw->spelling, true, bestDistance);
      if (d < bestDistance) {
        bestDistance = d;
        best = kw->spelling.str();
      }
    }
    if (!best.empty())
      msg += diag::didYouMean(best);
  }
  emit(p, SyntaxErrorSite{t, false}, expected, msg);
}

void SalesErrorStrategy::reportMissingToken(antlr4::Parser* p) {
  if (inErrorRecoveryMode(p))
    return;
  beginErrorCondition(p);
  explain(p, p->getCurrentToken(), getExpectedTokens(p));
}

} // namespace salesc::parse
