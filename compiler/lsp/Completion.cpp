//===- Completion.cpp - textDocument/completion ----------------------------===//
#include "Completion.h"

#include "CompletionContext.h"

#include "sema/CurrencyCodes.h"
#include "sema/ImportPaths.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace salesc::lsp {

using llvm::json::Object;
using parse::SourceToken;
using parse::TokenKind;

namespace {

// LSP CompletionItemKind.
enum ItemKind : int {
  FunctionItem = 3,
  ClassItem = 7,
  ModuleItem = 9,
  UnitItem = 11,
  ValueItem = 12,
  EnumItem = 13,
  KeywordItem = 14,
  ColorItem = 16,
  FileItem = 17,
  EnumMemberItem = 20,
  ConstantItem = 21,
  StructItem = 22,
  EventItem = 23,
};

struct Item {
  std::string label;
  int kind;
  std::string detail;
  std::string documentation;
};

int itemKind(llvm::StringRef keyword) {
  return llvm::StringSwitch<int>(keyword)
      .Case("knowledge", ConstantItem)
      .Cases("literature", "tool", FileItem)
      .Case("tactic", FunctionItem)
      .Case("category", EnumItem)
      .Cases("channel", "offering", ValueItem)
      .Cases("role", "team", ClassItem)
      .Case("brand", ColorItem)
      .Case("process", ModuleItem)
      .Case("campaign", EventItem)
      .Case("stage", StructItem)
      .Default(EnumMemberItem); // won, lost
}

/// The word for a declaration's kind, as the statement declaring it starts.
llvm::StringRef keywordOf(ast::DeclKind k) {
  switch (k) {
  case ast::DeclKind::Channel:
    return "channel";
  case ast::DeclKind::Offering:
    return "offering";
  case ast::DeclKind::Knowledge:
    return "knowledge";
  case ast::DeclKind::Literature:
    return "literature";
  case ast::DeclKind::Tool:
    return "tool";
  case ast::DeclKind::Category:
    return "category";
  case ast::DeclKind::Tactic:
    return "tactic";
  case ast::DeclKind::Brand:
    return "brand";
  case ast::DeclKind::Process:
    return "process";
  case ast::DeclKind::Role:
    return "role";
  case ast::DeclKind::Team:
    return "team";
  case ast::DeclKind::Campaign:
    return "campaign";
  }
  return "";
}

/// The statements each block holds, in the order of docs/language.md.
llvm::ArrayRef<const char*> statementsOf(Block b) {
  static const char* file[] = {"import", "channel",  "offering", "knowledge", "literature",
                               "tool",   "category", "tactic",   "role",      "team",
                               "brand",  "process",  "campaign"};
  static const char* process[] = {"stage",        "won",    "lost",   "start",
                                  "brand",        "value",  "margin", "target win rate",
                                  "target cycle", "remove", "segment"};
  static const char* stage[] = {"learn",         "provide", "use",       "time",
                                "stalled after", "next",    "otherwise", "owner",
                                "exit when",     "signoff", "crm"};
  static const char* brand[] = {"values",  "forbid",     "forbid category",
                                "require", "max stages", "max cycle"};
  static const char* role[] = {"needs"};
  static const char* campaign[] = {"process", "leads", "cost", "enters", "segment", "target roi"};
  switch (b) {
  case Block::File:
    return file;
  case Block::Process:
    return process;
  case Block::Stage:
    return stage;
  case Block::Brand:
    return brand;
  case Block::Role:
    return role;
  case Block::Campaign:
    return campaign;
  case Block::Other:
    break;
  }
  return {};
}

/// The kinds of declaration the statement at the cursor names next (empty: none).
std::vector<llvm::StringRef> namedKinds(const CompletionContext& c) {
  llvm::StringRef first = c.first(), last = c.last();
  const bool listNext = c.statement.size() == 1 || last == ",";
  const bool one = c.statement.size() == 1;
  switch (c.block()) {
  case Block::Stage:
    if (first == "learn" && listNext)
      return {"knowledge"};
    if (first == "provide" && listNext)
      return {"literature", "tool"};
    if (first == "use" && listNext)
      return {"tactic"};
    if (first == "owner" && one)
      return {"team"};
    if (first == "signoff" && one)
      return {"role"};
    return {};
  case Block::Process:
    if (first == "brand" && one)
      return {"brand"};
    return {};
  case Block::Role:
    if (first == "needs" && listNext)
      return {"knowledge"};
    return {};
  case Block::Brand:
    if (first == "forbid" && c.statement.size() >= 2 && c.statement[1].text == "category")
      return c.statement.size() == 2 || last == "," ? std::vector<llvm::StringRef>{"category"}
                                                    : std::vector<llvm::StringRef>{};
    if (first == "forbid" && listNext)
      return {"tactic"};
    return {};
  case Block::Campaign:
    if (first == "process" && one)
      return {"process"};
    return {};
  case Block::File:
    if (last == "category" && first == "tactic")
      return {"category"};
    if (last == "extends")
      return {"process"};
    if (first == "offering" && (last == "via" || last == ","))
      return {"channel"};
    if (first == "process" && (last == "for" || last == ","))
      return {"channel", "offering"};
    if (last == "teaches")
      return {"knowledge"};
    return {};
  case Block::Other:
    break;
  }
  return {};
}

/// Whether the statement takes a stage or an outcome of its process next.
bool takesTarget(const CompletionContext& c) {
  llvm::StringRef first = c.first();
  if (c.block() == Block::Stage)
    return c.statement.size() == 1 && (first == "next" || first == "otherwise");
  if (c.block() == Block::Process)
    return (first == "start" && c.statement.size() == 1) ||
           (first == "remove" && (c.statement.size() == 1 || c.last() == ","));
  return false;
}

/// Whether a time unit comes next: a number in a time, a stall, a target or maximum cycle.
bool takesUnit(const CompletionContext& c) {
  if (c.statement.empty() || c.statement.back().kind != TokenKind::Number)
    return false;
  llvm::StringRef first = c.first();
  bool cycle = c.statement.size() >= 2 && c.statement[1].text == "cycle";
  switch (c.block()) {
  case Block::Stage:
    return first == "time" || first == "stalled" ||
           (first == "signoff" &&
            llvm::any_of(c.statement, [](const SourceToken& t) { return t.text == "within"; }));
  case Block::Process:
    return first == "target" && cycle;
  case Block::Brand:
    return first == "max" && cycle;
  default:
    return false;
  }
}

/// Whether a currency comes next: after the amount of a value or a cost.
bool takesCurrency(const CompletionContext& c) {
  if (c.statement.empty() || c.statement.back().kind != TokenKind::Number)
    return false;
  llvm::StringRef first = c.first();
  if (c.block() == Block::Process)
    return first == "value" ||
           ((first == "won" || first == "lost") &&
            llvm::any_of(c.statement, [](const SourceToken& t) { return t.text == "value"; }));
  return c.block() == Block::Campaign && first == "cost";
}

/// The clauses that may follow at the cursor in an outcome's line (`won signed "Signs"
/// value 1_440 USD crm "Closed Won";`): `value` after the name or description, `crm` after
/// those or the value's currency. Empty elsewhere.
std::vector<Item> outcomeClauses(const CompletionContext& c) {
  llvm::StringRef first = c.first();
  if (c.block() != Block::Process || (first != "won" && first != "lost") ||
      c.statement.size() < 2 ||
      llvm::any_of(c.statement, [](const SourceToken& t) { return t.text == "crm"; }))
    return {};
  const SourceToken& last = c.statement.back();
  const bool valued =
      llvm::any_of(c.statement, [](const SourceToken& t) { return t.text == "value"; });
  const bool afterName = c.statement.size() == 2 && last.kind == TokenKind::Word;
  const bool afterDescription = c.statement.size() == 3 && last.kind == TokenKind::String;
  const bool afterCurrency = valued && last.kind == TokenKind::Word && last.text != "value";
  std::vector<Item> out;
  if (!valued && (afterName || afterDescription))
    out.push_back({"value", KeywordItem, "the outcome's own deal value", ""});
  if (afterName || afterDescription || afterCurrency)
    out.push_back({"crm", KeywordItem, "the labels a CRM export uses for the outcome", ""});
  return out;
}

std::vector<Item> units(llvm::StringRef number) {
  const bool one = number == "1";
  struct Unit {
    const char *singular, *plural, *detail;
  };
  static const Unit all[] = {
      {"minute", "minutes", "1/1440 of a day"},
      {"hour", "hours", "1/24 of a day"},
      {"day", "days", "a calendar day"},
      {"business day", "business days", "7/5 = 1.4 calendar days: five make a week"},
      {"working day", "working days", "7/5 = 1.4 calendar days: five make a week"},
      {"week", "weeks", "7 days"},
      {"month", "months", "30 days"},
      {"year", "years", "365 days"},
  };
  std::vector<Item> out;
  for (const Unit& u : all)
    out.push_back({one ? u.singular : u.plural, UnitItem, u.detail, ""});
  return out;
}

std::vector<Item> currencies() {
  std::vector<Item> out;
  for (llvm::StringRef code : sema::currencyCodes())
    out.push_back({code.str(), UnitItem, "ISO 4217", ""});
  return out;
}

std::vector<Item> modules(const Document& doc, llvm::StringRef typed, const CheckOptions& options) {
  std::vector<std::string> roots;
  if (llvm::sys::path::is_absolute(doc.path))
    roots.push_back(llvm::sys::path::parent_path(doc.path).str());
  roots.insert(roots.end(), options.includeDirs.begin(), options.includeDirs.end());
  std::vector<Item> out;
  for (std::string& path :
       sema::existingImports(*options.fs, typed, options.stdlibDir, roots, doc.path))
    out.push_back({std::move(path), ModuleItem, "module", ""});
  return out;
}

/// The stages and outcomes a process of the checked snapshot declares, its base's too.
void addProcessTargets(const AssistSnapshot& known, llvm::StringRef process, std::vector<Item>& out,
                       int depth = 0) {
  if (depth > 8) // extends chains are checked for cycles elsewhere
    return;
  for (const ast::Module* m : known.unit.modules)
    for (const auto& d : m->decls) {
      const auto* p = llvm::dyn_cast<ast::ProcessDecl>(d.get());
      if (!p || p->name.text != process)
        continue;
      std::string where = " in " + llvm::sys::path::filename(m->path).str();
      for (const auto& s : p->stages)
        out.push_back({s->name.text.str(), StructItem, "stage" + where,
                       s->description ? s->description->value : ""});
      for (const ast::Outcome& o : p->outcomes)
        out.push_back({o.name.text.str(), EnumMemberItem,
                       (o.kind == ast::OutcomeKind::Won ? "won outcome" : "lost outcome") + where,
                       o.description ? o.description->value : ""});
      if (p->extends)
        addProcessTargets(known, p->extends->text, out, depth + 1);
      return;
    }
}

/// The stages and outcomes of the processes (and segments) around the cursor, but the
/// stage the cursor is in.
std::vector<Item> targets(const CompletionContext& c, const AssistSnapshot& known) {
  std::vector<Item> out;
  llvm::StringRef self;
  for (const auto& [block, open] : c.blocks) {
    llvm::ArrayRef<SourceToken> opening = openingStatement(c.tokens, open);
    if (block == Block::Stage && opening.size() >= 2)
      self = opening[1].text;
    if (block != Block::Process)
      continue;
    for (const DeclaredName& d : declaredNames(c.tokens, open)) {
      if (d.keyword == "stage")
        out.push_back({d.name.str(), StructItem, "stage", d.description});
      else if (d.keyword == "won" || d.keyword == "lost")
        out.push_back({d.name.str(), EnumMemberItem, d.keyword.str() + " outcome", d.description});
    }
    for (size_t i = 0; i + 1 < opening.size(); ++i)
      if (opening[i].text == "extends")
        addProcessTargets(known, opening[i + 1].text, out);
  }
  llvm::erase_if(out, [&](const Item& i) { return i.label == self; });
  return out;
}

/// The declarations of `kinds` in the text and in the snapshot's imports.
std::vector<Item> names(const CompletionContext& c, llvm::ArrayRef<llvm::StringRef> kinds,
                        const AssistSnapshot& known) {
  std::vector<Item> out;
  auto wanted = [&](llvm::StringRef k) { return llvm::is_contained(kinds, k); };
  for (const DeclaredName& d : declaredNames(c.tokens, size_t(-1)))
    if (wanted(d.keyword))
      out.push_back({d.name.str(), itemKind(d.keyword), d.keyword.str(), d.description});
  for (const ast::Module* m : known.unit.modules) {
    if (m == known.unit.root)
      continue; // its names are read from the text as typed
    for (const auto& d : m->decls) {
      llvm::StringRef k = keywordOf(d->kind());
      if (wanted(k))
        out.push_back({d->name.text.str(), itemKind(k),
                       k.str() + " in " + llvm::sys::path::filename(m->path).str(),
                       d->description ? d->description->value : ""});
    }
  }
  return out;
}

/// The items, sorted by label, each label once (the first found: the text's own).
std::vector<Item> sortedOnce(std::vector<Item> items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.label < b.label; });
  items.erase(std::unique(items.begin(), items.end(),
                          [](const Item& a, const Item& b) { return a.label == b.label; }),
              items.end());
  return items;
}

std::vector<Item> keywords(Block b) {
  std::vector<Item> out;
  for (const char* k : statementsOf(b))
    out.push_back({k, KeywordItem, "", ""});
  return out;
}

/// Whether `s` is a name as the lexer reads one (or empty).
bool isName(llvm::StringRef s) {
  return llvm::all_of(s, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// Whether the letters of `typed` appear in `label` in order, ignoring case (as editors
/// filter: `lp` matches `learn pricing`).
bool matches(llvm::StringRef typed, llvm::StringRef label) {
  size_t at = 0;
  for (char c : typed) {
    at = label.find_insensitive(c, at);
    if (at == llvm::StringRef::npos)
      return false;
    ++at;
  }
  return true;
}

} // namespace

llvm::json::Value completion(const Document& doc, Position pos, const AssistSnapshot& known) {
  CompletionContext c = completionContext(doc.text, offsetAt(doc.text, pos));
  std::vector<Item> items;
  size_t replaceFrom = c.prefixBegin;
  if (c.inComment) {
    // nothing to offer in a comment
  } else if (c.importPath) {
    // The whole path typed so far is replaced: a module's label is its whole path.
    replaceFrom = c.cursor - c.importPath->size();
    // Where the check looks: the document's configuration may add folders.
    items = modules(doc, *c.importPath, known.session->loadOptions());
  } else if (takesUnit(c)) {
    items = units(c.last());
  } else if (takesCurrency(c)) {
    items = currencies();
  } else if (takesTarget(c)) {
    items = sortedOnce(targets(c, known));
  } else if (std::vector<llvm::StringRef> kinds = namedKinds(c); !kinds.empty()) {
    items = sortedOnce(names(c, kinds, known));
  } else if (c.statement.empty()) {
    items = keywords(c.block());
  } else if (std::vector<Item> clauses = outcomeClauses(c); !clauses.empty()) {
    items = std::move(clauses);
  }
  // Each json::Object holds at least 64 buckets: items are kept small. An item whose
  // label is a name gets no textEdit, as the client replaces the name at the cursor by
  // itself; only paths and units of two words need one. The word typed so far filters
  // the items as clients do (its letters in order), so long lists shrink as one types.
  llvm::StringRef typed = llvm::StringRef(doc.text).slice(replaceFrom, c.cursor);
  std::optional<Object> edit;
  if (!isName(typed) || llvm::any_of(items, [](const Item& i) { return !isName(i.label); }))
    edit =
        Object{{"range",
                toJson(Range{positionAt(doc.text, replaceFrom), positionAt(doc.text, c.cursor)})}};
  llvm::json::Array out;
  out.reserve(items.size()); // a json::Value's move may throw: growing would copy them all
  for (Item& i : items) {
    if (!c.importPath && !matches(typed, i.label))
      continue;
    Object item{{"label", i.label}, {"kind", i.kind}};
    if (edit) {
      Object e = *edit;
      e["newText"] = std::move(i.label);
      item["textEdit"] = std::move(e);
    }
    if (!i.detail.empty())
      item["detail"] = std::move(i.detail);
    if (!i.documentation.empty())
      item["documentation"] = std::move(i.documentation);
    out.push_back(std::move(item));
  }
  return Object{{"isIncomplete", false}, {"items", std::move(out)}};
}

} // namespace salesc::lsp
