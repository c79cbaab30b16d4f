//===- Emitters.h - The table of every artifact salesc writes -------------===//
//
// `salesc emit --to=NAME`, `salesc build` and the golden test all read this table, so
// an emitter is added here, in its own file, in its golden files and in docs/cli.md.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_EMITTERS_H
#define SALESC_EMIT_EMITTERS_H

#include "Emit.h"
#include "sql/SqlOptions.h"

#include "salesc/runtime/Markov.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace salesc::emit {

/// What every emitter may be told.
struct EmitOptions {
  /// Who wrote the artifact, for those that say ("salesc 0.1.0").
  llvm::StringRef generator;
  /// Link each process's playbook to its flowchart, written beside it as NAME.svg.
  bool linkFlowchart = false;
  /// The layout's time budget, and where its warnings go (Emit.h).
  DrawOptions drawing;
  /// The campaigns of the files (tables.json carries those into its processes).
  llvm::ArrayRef<rt::Campaign> campaigns;
  /// For vega-lite: the chart to write (Charts.h).
  llvm::StringRef chart;
  /// For sql: the dialect, the schema and the user's tables (sql/SqlOptions.h).
  sql::SqlOptions sql;
};

/// One file of an artifact. Most artifacts are one part with an empty name; the CSV
/// tables are two, named "stages.csv" and "transitions.csv".
struct Part {
  std::string name;
  std::string bytes;
};

/// When `salesc build` writes an artifact.
enum class InBuild { Never, Always, WithPng };

/// One kind of artifact.
struct Emitter {
  llvm::StringRef name; ///< --to=NAME
  llvm::StringRef help; ///< one line for --help
  /// A per-process artifact's file is the process's name and this suffix ("P.dot");
  /// empty for an artifact of every process together, whose file is `fileName`.
  llvm::StringRef suffix;
  llvm::StringRef fileName;
  bool oneProcess; ///< holds exactly one process (markdown, mermaid, bpmn)
  bool golden;     ///< compared byte for byte with tests/golden (not svg, png: fonts vary)
  InBuild build;
  std::vector<Part> (*write)(llvm::ArrayRef<rt::AnalyzedProcess> ps, const EmitOptions& o);

  bool perProcess() const { return !suffix.empty(); }
};

/// Every emitter, in the order `build` writes them and --help lists them.
llvm::ArrayRef<Emitter> emitters();

/// The parts of an artifact as one text, for standard output: joined by a blank line.
std::string joinParts(const std::vector<Part>& parts);

} // namespace salesc::emit

#endif // SALESC_EMIT_EMITTERS_H
