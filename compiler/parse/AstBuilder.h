//===- AstBuilder.h - From the ANTLR parse tree to our AST ----------------===//
//
// Private to the parser. Reads a (possibly error-recovered) parse tree and builds the
// Module; every child may be missing after recovery, so every accessor is checked and
// an incomplete declaration is dropped (its syntax error has been reported already).
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_PARSE_ASTBUILDER_H
#define SALESC_PARSE_ASTBUILDER_H

#include "SalesParser.h"
#include "SourceText.h"
#include "WrittenNumbers.h"
#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"

namespace salesc::parse {

class AstBuilder {
  using P = syntax::gen::SalesParser;

public:
  AstBuilder(const SourceText& text, ast::Module& module, diag::DiagnosticEngine& diags)
      : text_(text), module_(module), diags_(diags) {}

  /// item : IMPORT path=STRING ';' # ImportItem | body=decl # DeclItem ;
  /// `recovered` says the item was parsed with error recovery (see `as`).
  void item(P::ItemContext* ctx, bool recovered);

  /// Errors reported while building (invalid escapes, times without a unit).
  unsigned errors() const { return errors_; }

private:
  /// decl : CHANNEL ident STRING? ';' # ChannelDecl | OFFERING ... | PROCESS ... ;
  std::unique_ptr<ast::Decl> decl(P::DeclContext* ctx);
  /// BRAND ident STRING? '{' brandRule* '}'
  /// The `conveys` and `teaches` clauses of a material or tactic, in either order.
  void clauses(const std::vector<P::ItemClauseContext*>& list, std::vector<ast::Ident>& conveys,
               std::vector<ast::Ident>& teaches);
  std::unique_ptr<ast::Decl> brand(P::BrandDeclContext* ctx);
  /// PROCESS ident STRING? (FOR identList)? (EXTENDS ident)? '{' processItem* '}'
  std::unique_ptr<ast::Decl> process(P::ProcessDeclContext* ctx);
  /// processItem : BRAND ident ';' | VALUE NUMBER ident ';' | ... | StageDecl | OutcomeDecl ;
  void processItem(ast::ProcessDecl& proc, P::ProcessItemContext* ctx);
  /// CAMPAIGN ident STRING? '{' campaignItem* '}'
  std::unique_ptr<ast::Decl> campaign(P::CampaignDeclContext* ctx);
  /// STAGE ident STRING? '{' stageItem* '}'
  std::unique_ptr<ast::Stage> stage(P::StageDeclContext* ctx);
  /// stageItem : LEARN identList ';' | ... | OTHERWISE ident ';' ;
  void stageItem(ast::Stage& stage, P::StageItemContext* ctx);
  /// crmLabels : STRING (',' STRING)* ; `keyword` is the `crm` before them.
  std::optional<ast::CrmLabels> crmLabels(P::CrmLabelsContext* ctx, antlr4::Token* keyword);
  /// timeSpec : low=NUMBER lowUnit=ident? (TO high=duration)? (TYPICAL typical=duration)? ;
  std::optional<ast::TimeSpec> timeSpec(P::TimeSpecContext* ctx, llvm::SMRange line);
  /// duration : NUMBER ident? ;
  /// `line` is where the line starts, for the example of a missing unit.
  std::optional<ast::Duration> duration(P::DurationContext* ctx, const char* line);
  /// percent : NUMBER ('%' | ID)? ;
  std::optional<ast::Percent> percent(P::PercentContext* ctx);
  /// money : CURRENCY_SIGN? NUMBER (ID ID?)? CURRENCY_SIGN? ; `keyword` (value, cost) is
  /// for the example of a missing currency.
  std::optional<ast::Money> money(P::MoneyContext* ctx, llvm::StringRef keyword);
  /// NUMBER ID? where the ID may be a scale (`20k`): `leads 20k;`.
  std::optional<ast::Number> count(antlr4::Token* number, antlr4::Token* scale);
  /// identList : ident (',' ident)* ;
  std::vector<ast::Ident> identList(P::IdentListContext* ctx);
  std::optional<ast::NameList> nameList(P::IdentListContext* ctx, antlr4::ParserRuleContext* line);
  std::optional<ast::Ident> ident(P::IdentContext* ctx);
  /// A time unit: a name, or `business days` / `working days` (one token, spaced as written).
  std::optional<ast::Ident> unit(P::TimeUnitContext* ctx);
  /// A NUMBER, reported when it is not written as salesc writes numbers (`1,350`).
  std::optional<ast::Number> number(antlr4::Token* token);
  /// A NUMBER, read as written; reports only a number too large.
  std::optional<std::pair<WrittenNumber, ast::Number>> readNumber(antlr4::Token* token);
  /// A quoted text. In an import `path`, a backslash is kept as written (`lib\catalogue`):
  /// the loader says to write '/' instead.
  std::optional<ast::Text> text(antlr4::Token* token, bool path = false);

  /// `ctx` as its labelled alternative `T`, told by the caller from its first token.
  /// That holds for items parsed by the bail-out SLL pass; recovery may delete a token
  /// before the alternative is chosen (so `start` is not the alternative's first
  /// token), so recovered items check every cast.
  template <typename T, typename Base> T* as(Base* ctx) const;

  static bool present(antlr4::Token* t);
  llvm::SMRange range(antlr4::Token* t) const;
  llvm::SMRange range(antlr4::ParserRuleContext* ctx) const;
  llvm::StringRef slice(antlr4::Token* t) const;
  /// From the start of `first` to the end of `last`.
  llvm::SMRange span(antlr4::Token* first, antlr4::Token* last) const;

  const SourceText& text_;
  ast::Module& module_;
  /// Reports a line the grammar accepts but no builder case reads (see AstBuilder.cpp).
  void unbuilt(antlr4::ParserRuleContext* ctx);

  diag::DiagnosticEngine& diags_;
  unsigned errors_ = 0;
  bool checked_ = true;
};

} // namespace salesc::parse

#endif // SALESC_PARSE_ASTBUILDER_H
