//===- SyntaxErrors.h - Syntax errors worded for a consultant -------------===//
//
// Private to the parser: includes ANTLR headers. Replaces ANTLR's default messages
// ("mismatched input 'x' expecting {...}") with sentences in the user's terms.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_SYNTAXERRORS_H
#define SALESC_PARSE_SYNTAXERRORS_H

#include "antlr4-runtime.h"

#include <functional>
#include <string>

namespace salesc::parse {

/// Where a syntax error is reported: at a token, or just after one (for a missing ';').
/// `openBrace` is the '{' of the innermost block still open where '}' could close it, and
/// `openBlock` what it opens ("stage 'demo'"), for a note: null when none.
struct SyntaxErrorSite {
  antlr4::Token* token;
  bool afterToken;
  antlr4::Token* openBrace = nullptr;
  std::string openBlock{};
};

using SyntaxErrorSink = std::function<void(SyntaxErrorSite, std::string)>;

/// The default recovery strategy (single-token insertion and deletion, then resync)
/// with every report replaced by a worded message sent to `sink`.
class SalesErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  explicit SalesErrorStrategy(SyntaxErrorSink sink) : sink_(std::move(sink)) {}

protected:
  void reportNoViableAlternative(antlr4::Parser* p, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* p, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* p, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* p) override;
  void reportMissingToken(antlr4::Parser* p) override;
  /// Items are parsed one at a time, so ANTLR sees no follow set above an item and
  /// would skip to the end of the file; recovery also stops at the next declaration.
  antlr4::misc::IntervalSet getErrorRecoverySet(antlr4::Parser* p) override;
  /// At the entry of a loop (the lines of a stage, the items of a process) a bad line
  /// is skipped up to the next line the loop accepts, as ANTLR does at a loop's back
  /// edge, instead of abandoning the enclosing block.
  void sync(antlr4::Parser* p) override;
  /// Never deletes a ';', '{' or '}' to make the next token fit: with soft keywords the
  /// next line's first word always fits as a name, so a missing name would otherwise
  /// swallow the statement's end and the next line.
  antlr4::Token* singleTokenDeletion(antlr4::Parser* p) override;

private:
  void explain(antlr4::Parser* p, antlr4::Token* offending,
               const antlr4::misc::IntervalSet& expected);
  /// Sends `message` to the sink, with the block left open when '}' is `expected`.
  void emit(antlr4::Parser* p, SyntaxErrorSite site, const antlr4::misc::IntervalSet& expected,
            std::string message);
  SyntaxErrorSink sink_;
};

/// How a token reads in a message: "'demo'", "a description", "the end of the file".
std::string describeToken(antlr4::Token* t);

} // namespace salesc::parse

#endif // SALESC_PARSE_SYNTAXERRORS_H
