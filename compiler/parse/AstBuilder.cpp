//===- AstBuilder.cpp - From the ANTLR parse tree to our AST --------------===//
//
// Reads the labelled fields of the generated contexts (grammar/Sales.g4 labels every
// element the builder needs), never ANTLR's child accessors, which dynamic_cast every
// child. The labelled alternative of a rule is told by its first token (see `as`).
//
//===----------------------------------------------------------------------===//
#include "AstBuilder.h"

#include "diag/Location.h"

#include <fmt/format.h>

#include <algorithm>

namespace salesc::parse {

using diag::DiagKind;

namespace {

size_t firstType(antlr4::ParserRuleContext* ctx) {
  return ctx && ctx->start ? ctx->start->getType() : antlr4::Token::INVALID_TYPE;
}

} // namespace

template <typename T, typename Base> T* AstBuilder::as(Base* ctx) const {
  return checked_ ? dynamic_cast<T*>(ctx) : static_cast<T*>(ctx);
}

bool AstBuilder::present(antlr4::Token* t) {
  return t && t->getStartIndex() != INVALID_INDEX && t->getStopIndex() != INVALID_INDEX &&
         t->getStopIndex() + 1 >= t->getStartIndex();
}

llvm::SMRange AstBuilder::range(antlr4::Token* t) const {
  return text_.range(t->getStartIndex(), t->getStopIndex());
}

llvm::SMRange AstBuilder::range(antlr4::ParserRuleContext* ctx) const {
  antlr4::Token* start = ctx->start;
  antlr4::Token* stop = ctx->stop;
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
  if (!ctx || ctx->exception || !present(ctx->start))
    return std::nullopt;
  llvm::StringRef name = slice(ctx->start);
  if (name.contains('-')) {
    // HYPHENATED_NAME: `pql-alert`, as a consultant would write it.
    std::string meant = name.str();
    std::replace(meant.begin(), meant.end(), '-', '_');
    ++errors_;
    diags_
        .report(DiagKind::InvalidCharacter, range(ctx->start),
                "a name cannot hold '-'; write '" + meant + "'")
        .fix(range(ctx->start), meant, "write '" + meant + "'", diag::Applicability::Unsafe);
  }
  return ast::Ident{name, range(ctx->start)};
}

std::optional<ast::Text> AstBuilder::text(antlr4::Token* token, bool path) {
  if (!present(token))
    return std::nullopt;
  llvm::StringRef raw = slice(token);
  ast::Text out{{}, range(token)};
  auto curly = [](llvm::StringRef s) {
    return s.startswith("\xE2\x80\x9C") || s.startswith("\xE2\x80\x9D");
  };
  if (curly(raw) && !raw.endswith("\"") && (raw.size() < 6 || !curly(raw.take_back(3)))) {
    // Never closed: the lexer has reported it (Lexer::unterminatedCurly).
    out.value = raw.drop_front(3).str();
    return out;
  }
  if (curly(raw)) {
    // Curly quotes, as a word processor writes them (Lexer.cpp, CURLY_STRING): one error
    // for the string, with fix-its to straight quotes, and its text read as written.
    const size_t close = raw.endswith("\"") ? 1 : 3;
    auto at = [&](size_t from, size_t to) {
      return llvm::SMRange(llvm::SMLoc::getFromPointer(raw.data() + from),
                           llvm::SMLoc::getFromPointer(raw.data() + to));
    };
    ++errors_;
    auto b = diags_.report(DiagKind::CurlyQuotes, out.range,
                           "this description is in curly quotes, as a word processor writes "
                           "them; use straight double quotes (\")");
    b.fix(at(0, 3), "\"", "replace with a straight quote", diag::Applicability::Safe);
    if (close == 3)
      b.fix(at(raw.size() - 3, raw.size()), "\"", "replace with a straight quote",
            diag::Applicability::Safe);
    out.value = raw.drop_front(3).drop_back(close).str();
    return out;
  }
  // Drop the quotes (an unterminated string has only the opening one).
  llvm::StringRef body = raw.drop_front(1);
  // The last quote closes the string unless an odd number of backslashes escapes it.
  if (body.endswith("\"")) {
    size_t backslashes = 0;
    while (backslashes + 1 < body.size() && body[body.size() - 2 - backslashes] == '\\')
      ++backslashes;
    if (backslashes % 2 == 0)
      body = body.drop_back(1);
  }
  out.value.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (unsigned width = diag::controlCharacterLength(body.drop_front(i))) {
      // Graphviz, XML and terminals all choke on these; refuse them where they are.
      const char* at = body.data() + i;
      unsigned char u = static_cast<unsigned char>(body[i]);
      unsigned codePoint = width == 1   ? u
                           : width == 2 ? ((u & 0x1Fu) << 6) | (body[i + 1] & 0x3Fu)
                                        : 0xFFFE;
      ++errors_;
      diags_.report(DiagKind::InvalidCharacter,
                    {llvm::SMLoc::getFromPointer(at), llvm::SMLoc::getFromPointer(at + width)},
                    (codePoint != 0xFFFE
                         ? fmt::format("text in quotes cannot hold the control character "
                                       "U+{:04X}",
                                       codePoint)
                         : std::string("text in quotes cannot hold the non-character U+FFFE")) +
                        "; remove it (it may have come with pasted text)");
      out.value.append(at, width); // kept, so that an import path still fails as written
      i += width - 1;
      continue;
    }
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out.value += body[i];
      continue;
    }
    char next = body[i + 1];
    if (path && next != '"' && next != '\\') {
      out.value += '\\'; // a folder separator as Windows writes it (Loader.cpp)
      continue;
    }
    if (next != '"' && next != '\\') {
      const char* at = body.data() + i;
      ++errors_;
      diags_.report(DiagKind::InvalidEscape,
                    {llvm::SMLoc::getFromPointer(at), llvm::SMLoc::getFromPointer(at + 2)},
                    "unknown escape '\\" + std::string(1, next) +
                        "' in a description; only \\\" and \\\\ are allowed");
    }
    out.value += next;
    ++i;
  }
  return out;
}

std::vector<ast::Ident> AstBuilder::identList(P::IdentListContext* ctx) {
  std::vector<ast::Ident> out;
  if (!ctx)
    return out;
  out.reserve(ctx->names.size());
  for (P::IdentContext* i : ctx->names)
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

void AstBuilder::item(P::ItemContext* ctx, bool recovered) {
  if (!ctx)
    return;
  checked_ = recovered;
  if (firstType(ctx) == P::IMPORT) {
    if (auto* imp = as<P::ImportItemContext>(ctx))
      if (auto path = text(imp->path, /*path=*/true))
        module_.imports.push_back(ast::Import{std::move(*path), range(imp)});
    return;
  }
  if (auto* d = as<P::DeclItemContext>(ctx))
    if (auto decl = this->decl(d->body))
      module_.decls.push_back(std::move(decl));
}

std::unique_ptr<ast::Decl> AstBuilder::decl(P::DeclContext* ctx) {
  if (!ctx)
    return nullptr;
  const ast::Module* m = &module_;
  switch (firstType(ctx)) {
  case P::CHANNEL: {
    auto* c = as<P::ChannelDeclContext>(ctx);
    auto name = c ? ident(c->name) : std::nullopt;
    return name ? std::make_unique<ast::ChannelDecl>(*name, text(c->desc), range(c), m) : nullptr;
  }
  case P::OFFERING: {
    auto* c = as<P::OfferingDeclContext>(ctx);
    auto name = c ? ident(c->name) : std::nullopt;
    if (!name)
      return nullptr;
    auto d = std::make_unique<ast::OfferingDecl>(ast::DeclKind::Offering, *name, text(c->desc),
                                                 range(c), m);
    d->via = identList(c->via);
    return d;
  }
  case P::KNOWLEDGE: {
    auto* c = as<P::KnowledgeDeclContext>(ctx);
    auto name = c ? ident(c->name) : std::nullopt;
    return name ? std::make_unique<ast::KnowledgeDecl>(*name, text(c->desc), range(c), m) : nullptr;
  }
  case P::CATEGORY: {
    auto* c = as<P::CategoryDeclContext>(ctx);
    auto name = c ? ident(c->name) : std::nullopt;
    return name ? std::make_unique<ast::CategoryDecl>(*name, text(c->desc), range(c), m) : nullptr;
  }
  case P::LITERATURE:
  case P::TOOL: {
    auto* c = as<P::MaterialDeclContext>(ctx);
    auto name = c ? ident(c->name) : std::nullopt;
    if (!name || !c->kind)
      return nullptr;
    auto kind = c->kind->getType() == P::TOOL ? ast::DeclKind::Tool : ast::DeclKind::Literature;
    auto d = std::make_unique<ast::MaterialDecl>(kind, *name, text(c->desc), range(c), m);
    clauses(c->clauses, d->conveys, d->teaches);
    return d;
  }
  case P::TACTIC: {
    auto* c = as<P::TacticDeclContext>(ctx);
    auto name = c ? ident(c->name) : std::nullopt;
    auto category = c ? ident(c->cat) : std::nullopt;
    if (!name || !category)
      return nullptr;
    auto d =
        std::make_unique<ast::TacticDecl>(ast::DeclKind::Tactic, *name, text(c->desc), range(c), m);
    d->category = *category;
    clauses(c->clauses, d->conveys, d->teaches);
    return d;
  }
  case P::ROLE: {
    auto* c = as<P::RoleDeclContext>(ctx);
    auto name = c ? ident(c->name) : std::nullopt;
    if (!name)
      return nullptr;
    auto d =
        std::make_unique<ast::RoleDecl>(ast::DeclKind::Role, *name, text(c->desc), range(c), m);
    for (P::RoleItemContext* item : c->needs)
      if (auto list = nameList(item->list, item))
        d->needs.push_back(std::move(*list));
    return d;
  }
  case P::TEAM: {
    auto* c = as<P::TeamDeclContext>(ctx);
    auto name = c ? ident(c->name) : std::nullopt;
    return name ? std::make_unique<ast::TeamDecl>(*name, text(c->desc), range(c), m) : nullptr;
  }
  case P::BRAND:
    if (auto* c = as<P::BrandDeclContext>(ctx))
      return brand(c);
    return nullptr;
  case P::PROCESS:
    if (auto* c = as<P::ProcessDeclContext>(ctx))
      return process(c);
    return nullptr;
  case P::CAMPAIGN:
    if (auto* c = as<P::CampaignDeclContext>(ctx))
      return campaign(c);
    return nullptr;
  default:
    unbuilt(ctx);
    return nullptr;
  }
}

void AstBuilder::clauses(const std::vector<P::ItemClauseContext*>& list,
                         std::vector<ast::Ident>& conveys, std::vector<ast::Ident>& teaches) {
  for (P::ItemClauseContext* clause : list) {
    if (auto* c = dynamic_cast<P::ConveysClauseContext*>(clause)) {
      std::vector<ast::Ident> names = identList(c->list);
      conveys.insert(conveys.end(), names.begin(), names.end());
    } else if (auto* c = dynamic_cast<P::TeachesClauseContext*>(clause)) {
      std::vector<ast::Ident> names = identList(c->list);
      teaches.insert(teaches.end(), names.begin(), names.end());
    }
  }
}

std::unique_ptr<ast::Decl> AstBuilder::brand(P::BrandDeclContext* ctx) {
  auto name = ident(ctx->name);
  if (!name)
    return nullptr;
  auto b = std::make_unique<ast::BrandDecl>(ast::DeclKind::Brand, *name, text(ctx->desc),
                                            range(ctx), &module_);
  for (P::BrandRuleContext* rule : ctx->rules) {
    switch (firstType(rule)) {
    case P::VALUES:
      if (auto* r = as<P::ValuesRuleContext>(rule))
        if (auto list = nameList(r->list, r))
          b->values.push_back(std::move(*list));
      break;
    case P::FORBID: // two alternatives start with 'forbid': always check the type
      if (auto* r = dynamic_cast<P::ForbidCategoryRuleContext*>(rule)) {
        if (auto list = nameList(r->list, r))
          b->forbidCategories.push_back(std::move(*list));
      } else if (auto* r = dynamic_cast<P::ForbidTacticRuleContext*>(rule)) {
        if (auto list = nameList(r->list, r))
          b->forbidTactics.push_back(std::move(*list));
      }
      break;
    case P::REQUIRE:
      if (auto* r = as<P::RequireRuleContext>(rule))
        for (const ast::Ident& what : identList(r->list))
          b->requires_.push_back(ast::BrandRequire{what, range(r)});
      break;
    case P::MAX: // two alternatives start with 'max': always check the type
      if (auto* r = dynamic_cast<P::MaxStagesRuleContext*>(rule)) {
        if (auto n = number(r->count))
          b->maxStages.push_back({*n, range(r)});
      } else if (auto* r = dynamic_cast<P::MaxCycleRuleContext*>(rule)) {
        if (auto d = duration(r->limit, range(r).Start.getPointer()))
          b->maxCycle.push_back({*d, range(r)});
      }
      break;
    default:
      break;
    }
  }
  return b;
}

std::unique_ptr<ast::Decl> AstBuilder::process(P::ProcessDeclContext* ctx) {
  auto name = ident(ctx->name);
  if (!name)
    return nullptr;
  auto p = std::make_unique<ast::ProcessDecl>(ast::DeclKind::Process, *name, text(ctx->desc),
                                              range(ctx), &module_);
  p->forList = identList(ctx->forList);
  if (ctx->base)
    p->extends = ident(ctx->base);
  for (P::ProcessItemContext* item : ctx->items)
    processItem(*p, item);
  return p;
}

std::unique_ptr<ast::Decl> AstBuilder::campaign(P::CampaignDeclContext* ctx) {
  auto name = ident(ctx->name);
  if (!name)
    return nullptr;
  auto c = std::make_unique<ast::CampaignDecl>(ast::DeclKind::Campaign, *name, text(ctx->desc),
                                               range(ctx), &module_);
  for (P::CampaignItemContext* item : ctx->items) {
    switch (firstType(item)) {
    case P::PROCESS:
      if (auto* i = as<P::CampaignProcessContext>(item))
        if (auto n = ident(i->name))
          c->process.push_back({*n, range(i)});
      break;
    case P::LEADS:
      if (auto* i = as<P::CampaignLeadsContext>(item))
        if (auto n = count(i->count, i->scale))
          c->leads.push_back({*n, range(i)});
      break;
    case P::COST:
      if (auto* i = as<P::CampaignCostContext>(item))
        if (auto m = money(i->value, "cost"))
          c->cost.push_back({*m, range(i)});
      break;
    case P::ENTERS:
      if (auto* i = as<P::CampaignEntersContext>(item))
        if (auto n = ident(i->name))
          c->enters.push_back({*n, range(i)});
      break;
    case P::SEGMENT:
      if (auto* i = as<P::CampaignSegmentContext>(item))
        if (auto n = ident(i->name))
          c->segment.push_back({*n, range(i)});
      break;
    case P::TARGET:
      if (auto* i = as<P::CampaignRoiTargetContext>(item))
        if (auto pct = percent(i->share))
          c->targetRoi.push_back({*pct, range(i)});
      break;
    default:
      unbuilt(item);
      break;
    }
  }
  return c;
}

void AstBuilder::processItem(ast::ProcessDecl& proc, P::ProcessItemContext* ctx) {
  switch (firstType(ctx)) {
  case P::BRAND:
    if (auto* c = as<P::BrandSettingContext>(ctx))
      if (auto b = ident(c->name))
        proc.brand.push_back({*b, range(c)});
    break;
  case P::VALUE:
    if (auto* c = as<P::ValueSettingContext>(ctx))
      if (auto m = money(c->value, "value"))
        proc.value.push_back({*m, range(c)});
    break;
  case P::TARGET: // two alternatives start with 'target': always check the type
    if (auto* c = dynamic_cast<P::WinRateTargetContext*>(ctx)) {
      if (auto pct = percent(c->share))
        proc.targetWinRate.push_back({*pct, range(c)});
    } else if (auto* c = dynamic_cast<P::CycleTargetContext*>(ctx)) {
      if (auto d = duration(c->limit, range(c).Start.getPointer()))
        proc.targetCycle.push_back({*d, range(c)});
    }
    break;
  case P::START:
    if (auto* c = as<P::StartSettingContext>(ctx))
      if (auto s = ident(c->name))
        proc.start.push_back({*s, range(c)});
    break;
  case P::STAGE:
    if (auto* c = as<P::StageDeclContext>(ctx))
      if (auto s = stage(c))
        proc.stages.push_back(std::move(s));
    break;
  case P::WON:
  case P::LOST:
    if (auto* c = as<P::OutcomeDeclContext>(ctx)) {
      auto name = ident(c->name);
      if (!name || !c->kind)
        break;
      ast::Outcome o{c->kind->getType() == P::WON ? ast::OutcomeKind::Won : ast::OutcomeKind::Lost,
                     *name, text(c->desc), range(c)};
      if (c->value) {
        o.value = money(c->value, "value");
        if (!o.value)
          break;
        o.valueRange = range(c->value);
      }
      if (c->labels) // a label text() refuses is reported there; the outcome stays
        o.crm = crmLabels(c->labels, c->CRM() ? c->CRM()->getSymbol() : nullptr);
      proc.outcomes.push_back(std::move(o));
    }
    break;
  case P::MARGIN:
    if (auto* c = as<P::MarginSettingContext>(ctx))
      if (auto pct = percent(c->share))
        proc.margin.push_back({*pct, range(c)});
    break;
  case P::REMOVE:
    if (auto* c = as<P::RemoveItemContext>(ctx))
      if (auto list = nameList(c->list, c))
        proc.remove.push_back(std::move(*list));
    break;
  case P::SEGMENT:
    if (auto* c = as<P::SegmentDeclContext>(ctx)) {
      auto name = ident(c->name);
      auto share = percent(c->share);
      if (!name || !share)
        break;
      auto seg = std::make_unique<ast::Segment>();
      seg->name = *name;
      seg->description = text(c->desc);
      seg->share = *share;
      seg->range = range(c);
      seg->body = std::make_unique<ast::ProcessDecl>(ast::DeclKind::Process, *name, std::nullopt,
                                                     range(c), &module_);
      for (P::ProcessItemContext* item : c->items)
        processItem(*seg->body, item);
      proc.segments.push_back(std::move(seg));
    }
    break;
  default:
    unbuilt(ctx);
    break;
  }
}

std::unique_ptr<ast::Stage> AstBuilder::stage(P::StageDeclContext* ctx) {
  auto name = ident(ctx->name);
  if (!name)
    return nullptr;
  auto s = std::make_unique<ast::Stage>();
  s->name = *name;
  s->description = text(ctx->desc);
  s->range = range(ctx);
  for (P::StageItemContext* item : ctx->items)
    stageItem(*s, item);
  return s;
}

void AstBuilder::unbuilt(antlr4::ParserRuleContext* ctx) {
  // A well-formed line (parsed without recovery) whose first word no case above reads:
  // a grammar rule added without its builder. Say so rather than drop the line.
  if (checked_ || !ctx || !ctx->getStart())
    return;
  ++errors_;
  diags_.report(DiagKind::SyntaxError, range(ctx),
                "salesc cannot read this line yet, although it follows the grammar; please "
                "report it");
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
  switch (firstType(ctx)) {
  case P::LEARN:
    if (auto* c = as<P::LearnItemContext>(ctx))
      append(s.learn, c->list);
    break;
  case P::PROVIDE:
    if (auto* c = as<P::ProvideItemContext>(ctx))
      append(s.provide, c->list);
    break;
  case P::USE:
    if (auto* c = as<P::UseItemContext>(ctx))
      append(s.use, c->list);
    break;
  case P::TIME:
    if (auto* c = as<P::TimeItemContext>(ctx))
      if (auto t = timeSpec(c->spec, range(c)))
        s.times.push_back(std::move(*t));
    break;
  case P::STALLED:
    if (auto* c = as<P::StalledItemContext>(ctx))
      if (auto d = duration(c->limit, range(c).Start.getPointer()))
        s.stalled.push_back(*d);
    break;
  case P::NEXT:
    if (auto* c = as<P::NextItemContext>(ctx)) {
      auto target = ident(c->target);
      auto share = percent(c->share);
      if (target && (share || !c->share))
        s.next.push_back(ast::NextEdge{*target, share, range(c)});
    }
    break;
  case P::OWNER:
    if (auto* c = as<P::OwnerItemContext>(ctx))
      if (auto team = ident(c->team))
        s.owner.push_back(*team);
    break;
  case P::EXIT:
    if (auto* c = as<P::ExitItemContext>(ctx)) {
      std::vector<ast::Text> criteria;
      for (antlr4::Token* t : c->criteria)
        if (auto criterion = text(t))
          criteria.push_back(std::move(*criterion));
      if (!criteria.empty())
        s.exitWhen.push_back(ast::ExitCriteria{std::move(criteria), range(c)});
    }
    break;
  case P::SIGNOFF:
    if (auto* c = as<P::SignoffItemContext>(ctx)) {
      auto role = ident(c->role);
      auto share = percent(c->share);
      auto time = timeSpec(c->spec, range(c));
      if (role && share && time)
        s.signoffs.push_back(ast::Signoff{*role, *share, std::move(*time), range(c)});
    }
    break;
  case P::OTHERWISE:
    if (auto* c = as<P::OtherwiseItemContext>(ctx))
      if (auto target = ident(c->target))
        s.otherwise.push_back(*target);
    break;
  case P::CRM:
    if (auto* c = as<P::CrmItemContext>(ctx))
      if (auto labels = crmLabels(c->labels, c->getStart()))
        s.crm.push_back(std::move(*labels));
    break;
  default:
    unbuilt(ctx);
    break;
  }
}

std::optional<ast::CrmLabels> AstBuilder::crmLabels(P::CrmLabelsContext* ctx,
                                                    antlr4::Token* keyword) {
  ast::CrmLabels out;
  for (antlr4::Token* t : ctx->labels)
    if (auto label = text(t))
      out.labels.push_back(std::move(*label));
  if (out.labels.empty())
    return std::nullopt;
  out.range = {present(keyword) ? range(keyword).Start : out.labels.front().range.Start,
               out.labels.back().range.End};
  return out;
}

} // namespace salesc::parse
