//===- Theme.cpp - The flowchart's colours for a light or a dark background ===//
#include "Theme.h"

#include "Format.h"

#include <string>

namespace salesc::emit {
namespace {

using namespace palette;

/// The dark theme's colour for each colour the light flowchart uses (team colours keep
/// theirs: a band's text is drawn in its own darker shade on its own fill).
struct Shade {
  const char* light;
  const char* dark;
};
const Shade DarkShades[] = {
    {"white", "#1e1f22"},   // background
    {"black", "#e6e6e6"},   // text by default
    {"#1b1b1b", "#e6e6e6"}, // text of the details
    {"#555555", "#a9b0b8"}, // secondary text
    {"#333333", "#c8c8c8"}, // a stated transition
    {"#9a9a9a", "#7d8590"}, // a remainder
    {"#7a7a7a", "#9aa1a9"}, // a remainder's share
    {"#999999", "#6b7078"}, // a channel's frame
    {"#cccccc", "#4a4f57"}, // a process's frame
    {"#fbfbfb", "#26282c"}, // a process's fill
    {StageFill, "#1d2b3c"},      {StageLine, "#6ea6e8"}, {WonFill, "#1c3822"},
    {WonLine, "#6cc070"},        {LostFill, "#3e2326"},  {LostLine, "#ee8080"},
    {BottleneckLine, "#f2a654"},
};

const char* dark(llvm::StringRef colour) {
  for (const Shade& s : DarkShades)
    if (colour.equals_insensitive(s.light))
      return s.dark;
  return nullptr;
}

/// `label` with the value of every COLOR="..." and BGCOLOR="..." in its dark shade.
std::string darkLabel(llvm::StringRef label) {
  std::string out;
  const llvm::StringRef key = "COLOR=\"";
  size_t at = 0;
  for (size_t hit; (hit = label.find(key, at)) != llvm::StringRef::npos;) {
    size_t from = hit + key.size(), to = label.find('"', from);
    if (to == llvm::StringRef::npos)
      break;
    const char* shade = dark(label.slice(from, to));
    out += label.slice(at, from).str();
    out += shade ? shade : label.slice(from, to).str();
    at = to;
  }
  return out + label.substr(at).str();
}

void recolour(Agraph_t* root, void* obj) {
  for (const char* name : {"color", "fillcolor", "fontcolor"}) {
    Agsym_t* sym = agattr(root, AGTYPE(obj), const_cast<char*>(name), nullptr);
    char* value = sym ? agxget(obj, sym) : nullptr;
    // Text, and lines of nodes and edges, without a colour of their own are black.
    bool black = llvm::StringRef(name) == "fontcolor" ||
                 (llvm::StringRef(name) == "color" && AGTYPE(obj) != AGRAPH);
    if (const char* shade = value && *value ? dark(value) : black ? dark("black") : nullptr)
      set(obj, name, shade);
  }
  Agsym_t* label = agattr(root, AGTYPE(obj), const_cast<char*>("label"), nullptr);
  if (char* value = label ? agxget(obj, label) : nullptr; value && aghtmlstr(value))
    setHtml(root, obj, "label", darkLabel(value));
}

void recolourGraph(Agraph_t* root, Agraph_t* g) {
  recolour(root, g);
  for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub))
    recolourGraph(root, sub);
}

} // namespace

void applyTheme(Agraph_t* g, Theme theme) {
  if (theme == Theme::Light)
    return;
  set(g, "bgcolor", dark("white"));
  recolourGraph(g, g);
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    recolour(g, n);
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
      recolour(g, e);
  }
}

} // namespace salesc::emit
