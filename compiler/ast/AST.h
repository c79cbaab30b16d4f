//===- AST.h - The syntax tree of a .sales file ---------------------------===//
//
// What the parser builds and the checker reads. Every node carries the source range
// it came from (SMLoc pointers into a buffer the SourceMgr owns for the whole run).
// A Module owns all its nodes; nodes are not copyable.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_AST_AST_H
#define SALESC_AST_AST_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/SMLoc.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesc::ast {

/// A name as written, with its range. `text` points into the source buffer.
struct Ident {
  llvm::StringRef text;
  llvm::SMRange range;
};

/// A number as written (`15_000`, `12.5`), already converted.
struct Number {
  double value = 0;
  llvm::SMRange range;
};

/// `3 days`: an amount and a unit name, checked and converted by the checker.
struct Duration {
  Number amount;
  Ident unit;
  llvm::SMRange range;
};

/// `60%`.
struct Percent {
  Number amount; ///< 60 for 60%
  llvm::SMRange range;
};

/// A string literal: the decoded text and the range of the literal with its quotes.
struct Text {
  std::string value;
  llvm::SMRange range;
};

/// `time 1 to 3 days typical 2 days`. When `high` is absent the time is fixed.
/// `lowUnit` is absent in `1 to 3 days`, where the low end takes the high end's unit.
struct TimeSpec {
  Number low;
  std::optional<Ident> lowUnit;
  std::optional<Duration> high;
  std::optional<Duration> typical;
  llvm::SMRange range; ///< the whole `time ...;` line
};

/// `next S P%;`, or `next S;` in a sign-off stage (the approved share goes there).
struct NextEdge {
  Ident target;
  std::optional<Percent> share;
  llvm::SMRange range;
};

/// `exit when "...", "...";`: what must be true before a deal moves on.
struct ExitCriteria {
  std::vector<Text> criteria;
  llvm::SMRange range;
};

/// `crm "Demo Scheduled", "Demo";` in a stage, or `crm "Closed Won"` at the end of an
/// outcome: the labels a CRM export uses for it (docs/crm.md).
struct CrmLabels {
  std::vector<Text> labels;
  llvm::SMRange range; ///< from `crm` to the last label
};

/// `signoff ROLE P% within TIME;`: one role of a parallel review.
struct Signoff {
  Ident role;
  Percent share;
  TimeSpec time;
  llvm::SMRange range;
};

/// A list of names with the range of its keyword line (`learn a, b;`).
struct NameList {
  std::vector<Ident> names;
  llvm::SMRange range;
};

/// A stage block. Optional members record whether the block states that property,
/// which is what `extends` needs: a restated property replaces the base's.
struct Stage {
  Ident name;
  std::optional<Text> description;
  std::optional<NameList> learn;   ///< several `learn` lines append
  std::optional<NameList> provide; ///< several `provide` lines append
  std::optional<NameList> use;     ///< several `use` lines append
  std::vector<TimeSpec> times;     ///< more than one is an error
  std::vector<Duration> stalled;   ///< more than one is an error
  std::vector<NextEdge> next;
  std::vector<Ident> otherwise;       ///< more than one is an error
  std::vector<Ident> owner;           ///< `owner TEAM;`; more than one is an error
  std::vector<ExitCriteria> exitWhen; ///< more than one is an error
  std::vector<Signoff> signoffs;
  std::vector<CrmLabels> crm; ///< more than one is an error
  llvm::SMRange range;

  Stage() = default;
  Stage(const Stage&) = delete;
  Stage& operator=(const Stage&) = delete;
};

/// `value 15000 USD;`
struct Money {
  Number amount;
  Ident currency;
};

enum class OutcomeKind { Won, Lost };

/// `won signed "...";` or `lost lost "...";`, with an optional value of its own
/// (`won annual "Pays a year" value 1_440 USD;`).
struct Outcome {
  OutcomeKind kind;
  Ident name;
  std::optional<Text> description;
  llvm::SMRange range;
  std::optional<Money> value;
  llvm::SMRange valueRange;     ///< of `value N CUR`, when present
  std::optional<CrmLabels> crm; ///< `crm "Closed Won"`, when present
};

/// A process setting line, kept with its range for notes and duplicate checks.
template <typename T> struct Setting {
  T value;
  llvm::SMRange range;
};

struct BrandRequire {
  Ident what; ///< checked against the known requirements by the checker
  llvm::SMRange range;
};

/// Kinds of top-level declarations, in one enum so that isa<>/dyn_cast<> work.
enum class DeclKind {
  Channel,
  Offering,
  Knowledge,
  Literature,
  Tool,
  Category,
  Tactic,
  Brand,
  Process,
  Role,
  Team,
  Campaign,
};

class Module;

/// A top-level declaration: a name, an optional description, its range and the
/// module that declares it.
class Decl {
public:
  Decl(DeclKind kind, Ident name, std::optional<Text> description, llvm::SMRange range,
       const Module* module)
      : kind_(kind), name(name), description(std::move(description)), range(range), module(module) {
  }
  virtual ~Decl() = default;
  Decl(const Decl&) = delete;
  Decl& operator=(const Decl&) = delete;

  DeclKind kind() const { return kind_; }

private:
  DeclKind kind_;

public:
  Ident name;
  std::optional<Text> description;
  llvm::SMRange range;
  const Module* module;
};

#define SALESC_SIMPLE_DECL(Class, Kind)                                                            \
  class Class : public Decl {                                                                      \
  public:                                                                                          \
    Class(Ident name, std::optional<Text> d, llvm::SMRange r, const Module* m)                     \
        : Decl(DeclKind::Kind, name, std::move(d), r, m) {}                                        \
    static bool classof(const Decl* d) { return d->kind() == DeclKind::Kind; }                     \
  };
SALESC_SIMPLE_DECL(ChannelDecl, Channel)
SALESC_SIMPLE_DECL(KnowledgeDecl, Knowledge)
SALESC_SIMPLE_DECL(CategoryDecl, Category)
SALESC_SIMPLE_DECL(TeamDecl, Team)
#undef SALESC_SIMPLE_DECL

/// `offering NAME "..." via c1, c2;`
class OfferingDecl : public Decl {
public:
  using Decl::Decl;
  std::vector<Ident> via;
  static bool classof(const Decl* d) { return d->kind() == DeclKind::Offering; }
};

/// `role NAME "..." { needs k1, k2; }`: a person or department on the buyer's side.
class RoleDecl : public Decl {
public:
  using Decl::Decl;
  std::vector<NameList> needs; ///< several `needs` lines append
  static bool classof(const Decl* d) { return d->kind() == DeclKind::Role; }
};

/// `literature NAME "..." teaches k conveys v;` and `tool NAME "..." ...;`
class MaterialDecl : public Decl {
public:
  using Decl::Decl;
  std::vector<Ident> conveys;
  std::vector<Ident> teaches;
  static bool classof(const Decl* d) {
    return d->kind() == DeclKind::Literature || d->kind() == DeclKind::Tool;
  }
};

/// `tactic NAME "..." category CAT conveys v;`
class TacticDecl : public Decl {
public:
  using Decl::Decl;
  Ident category;
  std::vector<Ident> conveys;
  std::vector<Ident> teaches;
  static bool classof(const Decl* d) { return d->kind() == DeclKind::Tactic; }
};

/// `brand NAME "..." { rules }`
class BrandDecl : public Decl {
public:
  using Decl::Decl;
  std::vector<NameList> values;
  std::vector<NameList> forbidTactics;
  std::vector<NameList> forbidCategories;
  std::vector<BrandRequire> requires_;
  std::vector<Setting<Number>> maxStages;
  std::vector<Setting<Duration>> maxCycle;
  static bool classof(const Decl* d) { return d->kind() == DeclKind::Brand; }
};

/// `process NAME "..." for c, o extends BASE { ... }`. Settings are vectors so the
/// checker can report a setting stated twice.
class ProcessDecl : public Decl {
public:
  using Decl::Decl;
  std::vector<Ident> forList;
  std::optional<Ident> extends;
  std::vector<Setting<Ident>> brand;
  std::vector<Setting<Money>> value;
  std::vector<Setting<Percent>> targetWinRate;
  std::vector<Setting<Duration>> targetCycle;
  std::vector<Setting<Ident>> start;
  std::vector<Setting<Percent>> margin;
  std::vector<std::unique_ptr<Stage>> stages;
  std::vector<Outcome> outcomes;
  std::vector<NameList> remove; ///< `remove a, b;`: base stages and outcomes dropped
  std::vector<std::unique_ptr<struct Segment>> segments;
  static bool classof(const Decl* d) { return d->kind() == DeclKind::Process; }
};

/// `segment NAME "..." share P% { ... }`: a share of the leads and what differs for
/// them, written with the lines of a process (`body`, never in the symbol table) and
/// applied over the process as `extends` applies a process over its base.
struct Segment {
  Ident name;
  std::optional<Text> description;
  Percent share;
  std::unique_ptr<ProcessDecl> body;
  llvm::SMRange range;
};

/// `campaign NAME "..." { process P; leads N; cost C CUR; enters S; segment G;
/// target roi P%; }`. Settings are vectors so the checker can report one stated twice.
class CampaignDecl : public Decl {
public:
  using Decl::Decl;
  std::vector<Setting<Ident>> process;
  std::vector<Setting<Number>> leads;
  std::vector<Setting<Money>> cost;
  std::vector<Setting<Ident>> enters;
  std::vector<Setting<Ident>> segment;
  std::vector<Setting<Percent>> targetRoi;
  static bool classof(const Decl* d) { return d->kind() == DeclKind::Campaign; }
};

/// `import "std/tactics";`
struct Import {
  Text path;
  llvm::SMRange range;
};

/// One parsed file. Owns its declarations.
class Module {
public:
  explicit Module(std::string path, unsigned bufferId)
      : path(std::move(path)), bufferId(bufferId) {}
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  std::string path;  ///< as given or resolved, used in diagnostics
  unsigned bufferId; ///< in the run's SourceMgr
  std::vector<Import> imports;
  std::vector<std::unique_ptr<Decl>> decls; ///< in source order
};

/// A word for the kind of a declaration, for messages: "knowledge", "a channel".
llvm::StringRef kindName(DeclKind kind);
llvm::StringRef kindNameWithArticle(DeclKind kind);

} // namespace salesc::ast

#endif // SALESC_AST_AST_H
