//===- ResolvedProcess.h - A process with its `extends` chain applied -----===//
#ifndef SALESC_SEMA_RESOLVEDPROCESS_H
#define SALESC_SEMA_RESOLVEDPROCESS_H

#include "SymbolTable.h"
#include "ast/AST.h"
#include "diag/DiagnosticEngine.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <map>
#include <memory>

namespace salesc::sema {

/// A stage as it stands after `extends`: each property points at the block that
/// stated it last (the base's or the extending process's). Pointers into the AST,
/// which outlives this view.
struct ResolvedStage {
  const ast::Stage* origin = nullptr; ///< the block that first declared the name
  ast::Ident name;
  const ast::Text* description = nullptr;
  const ast::NameList* learn = nullptr;
  const ast::NameList* provide = nullptr;
  const ast::NameList* use = nullptr;
  const ast::TimeSpec* time = nullptr;
  const ast::Duration* stalled = nullptr;
  std::vector<const ast::NextEdge*> next;
  const ast::Ident* otherwise = nullptr;
  const ast::Ident* owner = nullptr;
  const ast::ExitCriteria* exitWhen = nullptr;
  const ast::CrmLabels* crm = nullptr;
  /// The roles of a sign-off stage; restated with the exits, which they decide.
  std::vector<const ast::Signoff*> signoffs;
};

/// A process as it stands after `extends`: settings from the nearest process in the
/// chain that states them, the base's stages (replaced property by property) followed
/// by new ones, and the base's outcomes followed by new ones.
struct ResolvedProcess {
  const ast::ProcessDecl* decl = nullptr;
  const ast::Text* description = nullptr;
  const ast::Setting<ast::Ident>* brand = nullptr;
  const ast::Setting<ast::Money>* value = nullptr;
  const ast::Setting<ast::Percent>* targetWinRate = nullptr;
  const ast::Setting<ast::Duration>* targetCycle = nullptr;
  const ast::Setting<ast::Ident>* start = nullptr;
  const ast::Setting<ast::Percent>* margin = nullptr;
  std::vector<ResolvedStage> stages;
  std::vector<const ast::Outcome*> outcomes;
  /// Each outcome's CRM labels, by name: from the nearest block that states them, so an
  /// outcome restated without `crm` keeps its base's labels, as a stage keeps its properties.
  llvm::StringMap<const ast::CrmLabels*> outcomeCrm;
  /// Base stages and outcomes a `remove` line dropped, with the name in that line.
  llvm::StringMap<const ast::Ident*> removed;
  /// The segments (the process's own, else its base's), each as the process stands
  /// for its leads: this process with the segment's block applied as `extends` applies
  /// a block. A segment's own view has no segments.
  struct Segment {
    const ast::Segment* decl = nullptr;
    std::shared_ptr<const ResolvedProcess> process;
  };
  std::vector<Segment> segments;
};

/// Resolves every process of a compilation, base first. Reports unknown bases,
/// bases that are not processes, cycles of `extends`, and names used twice inside
/// one process. A process whose chain is broken gets no entry.
class ProcessResolver {
public:
  ProcessResolver(SymbolTable& symbols, diag::DiagnosticEngine& diags)
      : symbols_(symbols), diags_(diags) {}

  /// The resolved view of `p`, or null when its `extends` chain is broken.
  const ResolvedProcess* resolve(const ast::ProcessDecl* p);

private:
  enum class State { InProgress, Done };
  std::unique_ptr<ResolvedProcess> build(const ast::ProcessDecl* p);
  /// How a block applies: a process on its own, a process over its base, or a
  /// segment over its process (which restates and adds nothing else).
  enum class Mode { Standalone, Extending, Segment };
  void apply(ResolvedProcess& into, const ast::ProcessDecl& p, Mode mode);
  void remove(ResolvedProcess& into, const ast::ProcessDecl& p, Mode mode);
  /// The segments of `r` (declared by `p`, else inherited), each applied over `r`.
  void resolveSegments(ResolvedProcess& r, const ast::ProcessDecl& p, const ResolvedProcess* base);
  /// Reports the lines of a segment's block that only a process may hold.
  void checkSegmentLines(const ast::Segment& seg);

  SymbolTable& symbols_;
  diag::DiagnosticEngine& diags_;
  llvm::DenseMap<const ast::ProcessDecl*, State> state_;
  std::vector<const ast::ProcessDecl*> stack_; ///< processes being resolved, outermost first
  std::map<const ast::ProcessDecl*, std::unique_ptr<ResolvedProcess>> done_;
};

} // namespace salesc::sema

#endif // SALESC_SEMA_RESOLVEDPROCESS_H
