//===- Emit.h - Artifacts made from checked processes ---------------------===//
//
// Every emitter is a pure function from the checked model (the lowered process and
// its Markov analysis) to the bytes of one artifact: same input, same bytes. Nothing
// here writes files; the driver does, atomically.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_EMIT_H
#define SALESC_EMIT_EMIT_H

#include "salesc/runtime/Markov.h"
#include "salesc/runtime/Model.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <string>
#include <vector>

namespace salesc::emit {

/// Where Graphviz's dot layout put each state and edge, in points (1/72 inch), with
/// y growing upwards as in Graphviz (origin at the bottom left of the drawing).
struct Layout {
  struct Node {
    double x = 0, y = 0;          ///< centre
    double width = 0, height = 0; ///< size
  };
  struct Point {
    double x = 0, y = 0;
  };
  std::vector<Node> nodes;               ///< indexed like Process::states
  std::vector<std::vector<Point>> edges; ///< indexed like Process::transitions: the
                                         ///< spline's control points, tail to head
  double width = 0, height = 0;          ///< of the whole drawing
};

// --- Graphviz (Flowchart.cpp) -------------------------------------------------------

/// The colours of a flowchart: for a light background (the default) or a dark one.
enum class Theme { Light, Dark };

/// How a flowchart looks, in every format (DOT, SVG, PNG).
struct PictureOptions {
  Theme theme = Theme::Light;
  /// Knowledge, materials, tactics, channels, offerings and brands by their names
  /// (identifiers) rather than by their descriptions.
  bool identifiers = false;
};

/// DOT text of one process, built through cgraph.
std::string toDot(const rt::AnalyzedProcess& p, const PictureOptions& o = {});
/// DOT text of several processes, each a cluster, grouped by channel.
std::string toDot(llvm::ArrayRef<rt::AnalyzedProcess> ps, const PictureOptions& o = {});
/// How long Graphviz's dot layout may take for one drawing, and where to say that a
/// simpler drawing was made instead. See Drawing.cpp.
struct DrawOptions {
  double seconds = 5;
  std::function<void(const std::string&)> warn;
  /// The first of the drawings to try: a caller that knows the dot layout is hopeless
  /// (or a test) starts further down; the warning is said all the same.
  enum class Step { Full, Straight, Sketch } from = Step::Full;
  /// The theme and the names: how the flowchart looks.
  PictureOptions picture;
};

/// SVG or PNG bytes (`format` "svg" or "png") of the same graphs. A drawing the dot
/// layout cannot finish within `o.seconds` is made again with straight lines and
/// fewer layout passes, then as a sketch (sketch() in Flowchart.h), each with a
/// warning; one that cannot be sketched within the time either is an error.
std::string render(const rt::AnalyzedProcess& p, llvm::StringRef format, const DrawOptions& o = {});
std::string render(llvm::ArrayRef<rt::AnalyzedProcess> ps, llvm::StringRef format,
                   const DrawOptions& o = {});
/// The dot layout of one process, for BPMN diagram interchange, on the same terms
/// (its sketch needs no Graphviz: the positions of sketchPositions()).
Layout layout(const rt::AnalyzedProcess& p, const DrawOptions& o = {});

// --- Runtime tables (Tables.cpp) ----------------------------------------------------

/// tables.json: {"format":"salesc-tables","version":2,"generator":...,"processes":[...]},
/// with "campaigns": [...] when some of `cs` go into a process of `ps` (docs/tables.md).
std::string toTablesJson(llvm::ArrayRef<rt::AnalyzedProcess> ps, llvm::StringRef generator,
                         llvm::ArrayRef<rt::Campaign> cs = {});

// --- Text artifacts -----------------------------------------------------------------

/// The stages table as CSV (one row per stage and outcome).
std::string toStagesCsv(llvm::ArrayRef<rt::AnalyzedProcess> ps);
/// The transitions table as CSV (one row per transition, remainders included).
std::string toTransitionsCsv(llvm::ArrayRef<rt::AnalyzedProcess> ps);
/// The playbook a team hands to its reps, in GitHub-flavoured Markdown. `svgFile` is
/// the flowchart beside it (linked as an image), empty for none.
std::string toMarkdown(const rt::AnalyzedProcess& p, llvm::StringRef svgFile);
/// A Mermaid flowchart that GitHub renders in Markdown.
std::string toMermaid(const rt::AnalyzedProcess& p);
/// BPMN 2.0 XML with diagram interchange positions from `layout`.
std::string toBpmn(const rt::AnalyzedProcess& p, const Layout& layout);

} // namespace salesc::emit

#endif // SALESC_EMIT_EMIT_H
