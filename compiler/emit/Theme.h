//===- Theme.h - The flowchart's colours for a light or a dark background --===//
#ifndef SALESC_EMIT_THEME_H
#define SALESC_EMIT_THEME_H

#include "Emit.h"
#include "Graphviz.h"

namespace salesc::emit {

/// Recolours the flowchart `g`, drawn in the light colours of palette (Format.h) and the
/// greys of Flowchart.cpp, for `theme`: for Theme::Dark a dark background, light text and
/// lines, and each fill and line a shade that reads on it. Every colour of the drawing, in
/// attributes and in HTML labels, goes through one table, so none is left light.
void applyTheme(Agraph_t* g, Theme theme);

} // namespace salesc::emit

#endif // SALESC_EMIT_THEME_H
