//===- AstBuilder.cpp - From the ANTLR parse tree to our AST --------------===//
#include "AstBuilder.h"

#include <cstdlib>

namespace salesc::parse {

using diag::DiagKind;

bool AstBuilder::present(antlr4::Token* t) {
  return t && t->getStartIndex() != INVALID_INDEX && t->getStopIndex() != INVALID_INDEX &&
         t->getStopIndex() + 1 >= t->getStartIndex();
}

llvm::SMRange AstBuilder::range(antlr4::Token* t) const {
  return text_.range(t->getStartIndex(), t->getStopIndex());
}

llvm::SMRange AstBuilder::range(antlr4::ParserRuleContext* ctx) const {
  antlr4::Token* start = ctx->getStart();
  antlr4::Token* stop = ctx->getStop();
  if (!present(start))
    return {};
  if (!present(stop) || stop->getTokenIndex() < start->getTokenIndex())
    stop = start;
  return {text_.loc(start->getStartIndex()), text_.loc(stop->getStopIndex() + 1)};
}

llvm::StringRef AstBuilder::slice(antlr4::Token* t) const {
  llvm::SMRange r = range(t);
  return llvm::StringRef(r.Start.getPointer(), r.End.getPointer() - r.Start.getPointer());
}

std::optional<ast::Ident> AstBuilder::ident(P::IdentContext* ctx) {
  if (!ctx || !present(ctx->getStart()) || ctx->exception)
    return std::nullopt;
  return ast::Ident{slice(ctx->getStart()), range(ctx->getStart())};
}

std::optional<ast::Number> AstBuilder::number(antlr4::tree::TerminalNode* node) {
  if (!node || !present(node->getSymbol()))
    return std::nullopt;
  std::string digits;
  for (char c : slice(node->getSymbol()))
    if (c != '_')
      digits += c;
  return ast::Number{std::strtod(digits.c_str(), nullptr), range(node->getSymbol())};
}

std::optional<ast::Text> AstBuilder::text(antlr4::tree::TerminalNode* node) {
  if (!node || !present(node->getSymbol()))
    return std::nullopt;
  llvm::StringRef raw = slice(node->getSymbol());
  ast::Text out{{}, range(node->getSymbol())};
  // Drop the quotes (an unterminated string has only the opening one).
  llvm::StringRef body = raw.drop_front(1);
  if (body.endswith("\"") && node->getSymbol()->getType() == P::STRING)
    body = body.drop_back(1);
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out.value += body[i];
      continue;
    }
    char next = body[i + 1];
    if (next == '"' || next == '\\') {
      out.value += next;
    } else {
      const char* at = body.data() + i;
      unsigned len = 1 + static_cast<unsigned>(llvm::StringRef(at + 1).size() ? 1 : 0);
      ++errors_;
      diags_.report(DiagKind::InvalidEscape,
                    {llvm::SMLoc::getFromPointer(at), llvm::SMLoc::getFromPointer(at + len)},
                    "unknown escape '\\" + std::string(1, next) +
                        "' in a description; only \\\" and \\\\ are allowed");
      out.value += next;
    }
    ++i;
  }
  return out;
}

std::vector<ast::Ident> AstBuilder::identList(P::IdentListContext* ctx) {
  std::vector<ast::Ident> out;
  if (!ctx)
    return out;
  for (P::IdentContext* i : ctx->ident())
    if (auto id = ident(i))
      out.push_back(*id);
  return out;
}

std::optional<ast::NameList> AstBuilder::nameList(P::IdentListContext* ctx,
                                                  antlr4::ParserRuleContext* line) {
  std::vector<ast::Ident> names = identList(ctx);
  if (names.empty())
    return std::nullopt;
  return ast::NameList{std::move(names), range(line)};
}

std::optional<ast::Duration> AstBuilder::duration(P::DurationContext* ctx) {
  if (!ctx || ctx->exception)
    return std::nullopt;
  auto amount = number(ctx->NUMBER());
  auto unit = ident(ctx->ident());
  if (!amount || !unit)
    return std::nullopt;
  return ast::Duration{*amount, *unit, range(ctx)};
}

std::optional<ast::Percent> AstBuilder::percent(P::PercentContext* ctx) {
  if (!ctx || ctx->exception)
    return std::nullopt;
  auto amount = number(ctx->NUMBER());
  if (!amount || !ctx->PCT() || !present(ctx->PCT()->getSymbol()))
    return std::nullopt;
  return ast::Percent{*amount, range(ctx)};
}

std::optional<ast::TimeSpec> AstBuilder::timeSpec(P::TimeSpecContext* ctx, llvm::SMRange line) {
  if (!ctx || ctx->exception)
    return std::nullopt;
  ast::TimeSpec spec;
  auto low = ctx->low && present(ctx->low) ? number(ctx->NUMBER()) : std::nullopt;
  if (!low)
    return std::nullopt;
  spec.low = *low;
  spec.lowUnit = ctx->lowUnit ? ident(ctx->lowUnit) : std::nullopt;
  if (ctx->TO()) {
    spec.high = duration(ctx->high);
    if (!spec.high)
      return std::nullopt;
  }
  if (ctx->TYPICAL()) {
    spec.typical = duration(ctx->typical);
    if (!spec.typical)
      return std::nullopt;
  }
  if (!spec.lowUnit && !spec.high) {
    ++errors_;
    diags_.report(DiagKind::UnknownUnit, spec.low.range,
                  "this time has no unit; write hours, days, weeks or months after the "
                  "number, as in 'time 3 days'");
    return std::nullopt;
  }
  spec.range = line;
  return spec;
}

void AstBuilder::build(P::FileContext* file) {
  for (P::ItemContext* i : file->item())
    item(i);
}

void AstBuilder::item(P::ItemContext* ctx) {
  if (auto* imp = dynamic_cast<P::ImportItemContext*>(ctx)) {
    if (auto path = text(imp->STRING()))
      module_.imports.push_back(ast::Import{std::move(*path), range(imp)});
    return;
  }
  if (auto* d = dynamic_cast<P::DeclItemContext*>(ctx))
    if (auto decl = this->decl(d->decl()))
      module_.decls.push_back(std::move(decl));
}

std::unique_ptr<ast::Decl> AstBuilder::decl(P::DeclContext* ctx) {
  if (!ctx)
    return nullptr;
  const ast::Module* m = &module_;
  if (auto* c = dynamic_cast<P::ChannelDeclContext*>(ctx)) {
    auto name = ident(c->ident());
    return name ? std::make_unique<ast::ChannelDecl>(*name, text(c->STRING()), range(c), m)
                : nullptr;
  }
  if (auto* c = dynamic_cast<P::OfferingDeclContext*>(ctx)) {
    auto name = ident(c->ident());
    if (!name)
      return nullptr;
    auto d = std::make_unique<ast::OfferingDecl>(ast::DeclKind::Offering, *name,
                                                 text(c->STRING()), range(c), m);
    d->via = identList(c->identList());
    return d;
  }
  if (auto* c = dynamic_cast<P::KnowledgeDeclContext*>(ctx)) {
    auto name = ident(c->ident());
    return name ? std::make_unique<ast::KnowledgeDecl>(*name, text(c->STRING()), range(c), m)
                : nullptr;
  }
  if (auto* c = dynamic_cast<P::CategoryDeclContext*>(ctx)) {
    auto name = ident(c->ident());
    return name ? std::make_unique<ast::CategoryDecl>(*name, text(c->STRING()), range(c), m)
                : nullptr;
  }
  if (auto* c = dynamic_cast<P::MaterialDeclContext*>(ctx)) {
    auto name = ident(c->ident());
    if (!name || !c->kind)
      return nullptr;
    auto kind = c->kind->getType() == P::TOOL ? ast::DeclKind::Tool : ast::DeclKind::Literature;
    auto d = std::make_unique<ast::MaterialDecl>(kind, *name, text(c->STRING()), range(c), m);
    if (c->conveys())
      d->conveys = identList(c->conveys()->identList());
    return d;
  }
  if (auto* c = dynamic_cast<P::TacticDeclContext*>(ctx)) {
    auto names = c->ident();
    auto name = names.size() > 0 ? ident(names[0]) : std::nullopt;
    auto category = names.size() > 1 ? ident(names[1]) : std::nullopt;
    if (!name || !category)
      return nullptr;
    auto d = std::make_unique<ast::TacticDecl>(ast::DeclKind::Tactic, *name, text(c->STRING()),
                                               range(c), m);
    d->category = *category;
    if (c->conveys())
      d->conveys = identList(c->conveys()->identList());
    return d;
  }
  if (auto* c = dynamic_cast<P::BrandDeclContext*>(ctx))
    return brand(c);
  if (auto* c = dynamic_cast<P::ProcessDeclContext*>(ctx))
    return process(c);
  return nullptr;
}

std::unique_ptr<ast::Decl> AstBuilder::brand(P::BrandDeclContext* ctx) {
  auto name = ident(ctx->ident());
  if (!name)
    return nullptr;
  auto b = std::make_unique<ast::BrandDecl>(ast::DeclKind::Brand, *name, text(ctx->STRING()),
                                            range(ctx), &module_);
  for (P::BrandRuleContext* rule : ctx->brandRule()) {
    if (auto* r = dynamic_cast<P::ValuesRuleContext*>(rule)) {
      if (auto list = nameList(r->identList(), r))
        b->values.push_back(std::move(*list));
    } else if (auto* r = dynamic_cast<P::ForbidCategoryRuleContext*>(rule)) {
      if (auto list = nameList(r->identList(), r))
        b->forbidCategories.push_back(std::move(*list));
    } else if (auto* r = dynamic_cast<P::ForbidTacticRuleContext*>(rule)) {
      if (auto list = nameList(r->identList(), r))
        b->forbidTactics.push_back(std::move(*list));
    } else if (auto* r = dynamic_cast<P::RequireRuleContext*>(rule)) {
      for (const ast::Ident& what : identList(r->identList()))
        b->requires_.push_back(ast::BrandRequire{what, range(r)});
    } else if (auto* r = dynamic_cast<P::MaxStagesRuleContext*>(rule)) {
      if (auto n = number(r->NUMBER()))
        b->maxStages.push_back({*n, range(r)});
    } else if (auto* r = dynamic_cast<P::MaxCycleRuleContext*>(rule)) {
      if (auto d = duration(r->duration()))
        b->maxCycle.push_back({*d, range(r)});
    }
  }
  return b;
}

std::unique_ptr<ast::Decl> AstBuilder::process(P::ProcessDeclContext* ctx) {
  auto names = ctx->ident();
  auto name = names.empty() ? std::nullopt : ident(names[0]);
  if (!name)
    return nullptr;
  auto p = std::make_unique<ast::ProcessDecl>(ast::DeclKind::Process, *name,
                                              text(ctx->STRING()), range(ctx), &module_);
  if (ctx->FOR())
    p->forList = identList(ctx->identList());
  if (ctx->EXTENDS() && names.size() > 1)
    p->extends = ident(names[1]);
  for (P::ProcessItemContext* item : ctx->processItem())
    processItem(*p, item);
  return p;
}

void AstBuilder::processItem(ast::ProcessDecl& proc, P::ProcessItemContext* ctx) {
  if (auto* c = dynamic_cast<P::BrandSettingContext*>(ctx)) {
    if (auto b = ident(c->ident()))
      proc.brand.push_back({*b, range(c)});
  } else if (auto* c = dynamic_cast<P::ValueSettingContext*>(ctx)) {
    auto amount = number(c->NUMBER());
    auto currency = ident(c->ident());
    if (amount && currency)
      proc.value.push_back({ast::Money{*amount, *currency}, range(c)});
  } else if (auto* c = dynamic_cast<P::WinRateTargetContext*>(ctx)) {
    if (auto pct = percent(c->percent()))
      proc.targetWinRate.push_back({*pct, range(c)});
  } else if (auto* c = dynamic_cast<P::CycleTargetContext*>(ctx)) {
    if (auto d = duration(c->duration()))
      proc.targetCycle.push_back({*d, range(c)});
  } else if (auto* c = dynamic_cast<P::StartSettingContext*>(ctx)) {
    if (auto s = ident(c->ident()))
      proc.start.push_back({*s, range(c)});
  } else if (auto* c = dynamic_cast<P::StageDeclContext*>(ctx)) {
    if (auto s = stage(c))
      proc.stages.push_back(std::move(s));
  } else if (auto* c = dynamic_cast<P::OutcomeDeclContext*>(ctx)) {
    auto name = ident(c->ident());
    if (name && c->kind)
      proc.outcomes.push_back(ast::Outcome{
          c->kind->getType() == P::WON ? ast::OutcomeKind::Won : ast::OutcomeKind::Lost, *name,
          text(c->STRING()), range(c)});
  }
}

std::unique_ptr<ast::Stage> AstBuilder::stage(P::StageDeclContext* ctx) {
  auto name = ident(ctx->ident());
  if (!name)
    return nullptr;
  auto s = std::make_unique<ast::Stage>();
  s->name = *name;
  s->description = text(ctx->STRING());
  s->range = range(ctx);
  for (P::StageItemContext* item : ctx->stageItem())
    stageItem(*s, item);
  return s;
}

void AstBuilder::stageItem(ast::Stage& s, P::StageItemContext* ctx) {
  auto append = [&](std::optional<ast::NameList>& into, P::IdentListContext* list) {
    auto names = nameList(list, ctx);
    if (!names)
      return;
    if (!into)
      into = std::move(names);
    else
      into->names.insert(into->names.end(), names->names.begin(), names->names.end());
  };
  if (auto* c = dynamic_cast<P::LearnItemContext*>(ctx)) {
    append(s.learn, c->identList());
  } else if (auto* c = dynamic_cast<P::ProvideItemContext*>(ctx)) {
    append(s.provide, c->identList());
  } else if (auto* c = dynamic_cast<P::UseItemContext*>(ctx)) {
    append(s.use, c->identList());
  } else if (auto* c = dynamic_cast<P::TimeItemContext*>(ctx)) {
    if (auto t = timeSpec(c->timeSpec(), range(c)))
      s.times.push_back(std::move(*t));
  } else if (auto* c = dynamic_cast<P::StalledItemContext*>(ctx)) {
    if (auto d = duration(c->duration()))
      s.stalled.push_back(*d);
  } else if (auto* c = dynamic_cast<P::NextItemContext*>(ctx)) {
    auto target = ident(c->ident());
    auto share = percent(c->percent());
    if (target && share)
      s.next.push_back(ast::NextEdge{*target, *share, range(c)});
  } else if (auto* c = dynamic_cast<P::OtherwiseItemContext*>(ctx)) {
    if (auto target = ident(c->ident()))
      s.otherwise.push_back(*target);
  }
}

} // namespace salesc::parse
