//===- Graphviz.h - The one Graphviz context and cgraph helpers -----------===//
#ifndef SALESC_EMIT_GRAPHVIZ_H
#define SALESC_EMIT_GRAPHVIZ_H

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <string>

namespace salesc::emit {

/// One Graphviz context for the run (gvc is not thread-safe; salesc draws from one
/// thread), created when first needed, so that commands that draw nothing never load
/// Graphviz's plugins and their libraries. The dot layout and core (DOT, SVG) plugins
/// are linked in, the cairo one (PNG, text layout) is loaded from its known path: no
/// plugin configuration file or `dot -c` state on the machine matters. Graphviz's
/// messages are collected, not printed (see checkGraphviz).
GVC_t* graphvizContext();

/// Adds the neato layout plugin (its "nop" engine draws at given positions), loaded
/// from its known path on first use: it brings glib and GTS, which nothing else needs.
void loadNeatoLayout();

/// Throws std::runtime_error when Graphviz reported anything since the last call: a
/// label Graphviz cannot read is an error of salesc's, never a silently different
/// picture.
void checkGraphviz(const char* what);

/// Owns a cgraph graph.
struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using Graph = std::unique_ptr<Agraph_t, GraphDeleter>;

/// A new directed graph whose objects are numbered in the order they are made, so
/// that subgraphs are written and laid out in that order. (cgraph's own numbering
/// uses the address of each name's string: the order of the clusters in a DOT file
/// then followed the heap, and changed with what ran before.)
Graph newDirectedGraph(const char* name);

/// Sets a plain attribute (declared with an empty default when new).
void set(void* obj, const char* name, const std::string& value);
/// Sets an HTML-like label attribute: `value` is markup, already escaped.
void setHtml(Agraph_t* root, void* obj, const char* name, const std::string& value);

} // namespace salesc::emit

#endif // SALESC_EMIT_GRAPHVIZ_H
