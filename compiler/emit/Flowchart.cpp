//===- Flowchart.cpp - Processes as Graphviz graphs: DOT, SVG, PNG --------===//
//
// Graphs are built through cgraph (never by printing DOT by hand), with node names
// made of process and state names (stable, never pointers) and every label escaped
// as HTML-like text. Drawing.cpp lays them out and renders them.
//
//===----------------------------------------------------------------------===//
#include "Emit.h"
#include "Format.h"

#include "Flowchart.h"
#include "FlowchartLabels.h"
#include "Theme.h"

#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <map>
#include <stdexcept>

namespace salesc::emit {
namespace {

const char* const Font = FontName;
using namespace palette;

/// Processes with more stages than this read top to bottom; their remainders to a
/// lost outcome are drawn as a note beside each stage rather than as lines that all
/// run to one box at the bottom.
constexpr size_t LongProcess = 7;

size_t stageCount(const rt::Process& p) {
  size_t n = 0;
  for (const rt::State& s : p.states)
    n += !s.isOutcome();
  return n;
}

/// Whether transition `t` is drawn as a "lost" note beside its stage.
bool asNote(const rt::Process& p, const rt::Transition& t, bool notes) {
  return notes && t.implicit && p.states[t.to].kind == rt::StateKind::Lost;
}

/// Adds one process to `g` (the root graph or a cluster). Node names are
/// `<prefix><state>` so that processes in one picture never collide. With `notes`, the
/// remainders to a lost outcome are notes (see LongProcess).
void addProcess(Agraph_t* root, Agraph_t* g, const rt::AnalyzedProcess& ap,
                const std::string& prefix, const PictureOptions& o, bool notes) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  // A lost outcome every edge of which became a note is not drawn.
  std::vector<bool> drawn(p.states.size(), true);
  if (notes)
    for (uint32_t i = 0; i < p.states.size(); ++i)
      if (p.states[i].kind == rt::StateKind::Lost)
        drawn[i] = llvm::any_of(p.transitions, [&](const rt::Transition& t) {
          return t.to == i && !asNote(p, t, notes);
        });
  std::vector<Agnode_t*> nodes(p.states.size(), nullptr);
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const rt::State& s = p.states[i];
    if (!drawn[i])
      continue;
    std::string name = prefix + s.name;
    Agnode_t* n = agnode(g, const_cast<char*>(name.c_str()), 1);
    nodes[i] = n;
    switch (s.kind) {
    case rt::StateKind::Stage: {
      bool bottleneck = a.bottleneck && *a.bottleneck == i;
      set(n, "shape", "box");
      set(n, "style", "rounded,filled");
      set(n, "fillcolor", StageFill);
      set(n, "color", bottleneck ? BottleneckLine : StageLine);
      set(n, "penwidth", bottleneck || i == p.start ? "2.5" : "1.2");
      set(n, "group", prefix + "stages"); // keeps the main path straight
      setHtml(root, n, "label", stageLabel(p, i, a, o.identifiers));
      break;
    }
    case rt::StateKind::Won:
      set(n, "shape", "box");
      set(n, "style", "rounded,filled");
      set(n, "peripheries", "2");
      set(n, "fillcolor", WonFill);
      set(n, "color", WonLine);
      setHtml(root, n, "label", outcomeLabel(p, i));
      break;
    case rt::StateKind::Lost:
      set(n, "shape", "box");
      set(n, "style", "rounded,filled,dashed");
      set(n, "fillcolor", LostFill);
      set(n, "color", LostLine);
      setHtml(root, n, "label", outcomeLabel(p, i));
      break;
    }
  }
  if (!p.states.empty() && !p.states[p.start].isOutcome()) {
    std::string name = prefix + "(start)";
    Agnode_t* start = agnode(g, const_cast<char*>(name.c_str()), 1);
    set(start, "shape", "circle");
    set(start, "style", "filled");
    set(start, "fillcolor", StageLine);
    set(start, "color", StageLine);
    set(start, "width", "0.25");
    set(start, "fixedsize", "true");
    set(start, "label", "");
    set(start, "xlabel", "start");
    Agedge_t* e = agedge(g, start, nodes[p.start], nullptr, 1);
    set(e, "color", StageLine);
  }
  const std::vector<bool>& back = a.backEdges;
  for (size_t ti = 0; ti < p.transitions.size(); ++ti) {
    const rt::Transition& t = p.transitions[ti];
    if (asNote(p, t, notes)) {
      std::string name = prefix + p.states[t.from].name + "(lost)";
      Agnode_t* note = agnode(g, const_cast<char*>(name.c_str()), 1);
      set(note, "shape", "plain");
      setHtml(root, note, "label",
              fmt::format("<FONT POINT-SIZE=\"10\" COLOR=\"{}\">{} {}</FONT>", LostLine,
                          percent(t.probability), html(words(p.states[t.to].name))));
      Agedge_t* e = agedge(g, nodes[t.from], note, nullptr, 1);
      set(e, "style", "dashed");
      set(e, "color", "#9a9a9a");
      set(e, "arrowsize", "0.5");
      std::string rank = "rank " + name;
      Agraph_t* same = agsubg(g, const_cast<char*>(rank.c_str()), 1);
      set(same, "rank", "same");
      agsubnode(same, nodes[t.from], 1);
      agsubnode(same, note, 1);
      continue;
    }
    Agedge_t* e = agedge(g, nodes[t.from], nodes[t.to], nullptr, 1);
    std::string label = percent(t.probability);
    if (t.implicit) {
      set(e, "style", "dashed");
      set(e, "color", "#9a9a9a");
      set(e, "fontcolor", "#7a7a7a");
      label += " (rest)";
    } else {
      set(e, "color", p.states[t.to].kind == rt::StateKind::Won ? WonLine : "#333333");
      set(e, "penwidth", fmt::format("{:.2f}", 1 + 2.5 * t.probability));
    }
    set(e, "label", label);
    // Loops back are drawn without pulling the earlier stage down the ranks.
    if (ti < back.size() && back[ti])
      set(e, "constraint", "false");
  }
}

/// Graph-wide style. Long processes read top to bottom, short ones left to right.
Graph newGraph(const char* name, size_t stages) {
  Graph g = newDirectedGraph(name);
  set(g.get(), "rankdir", stages > LongProcess ? "TB" : "LR");
  set(g.get(), "fontname", Font);
  set(g.get(), "labelloc", "t");
  set(g.get(), "nodesep", "0.35");
  set(g.get(), "ranksep", "0.45");
  set(g.get(), "pad", "0.3");
  agattr(g.get(), AGNODE, const_cast<char*>("fontname"), const_cast<char*>(Font));
  agattr(g.get(), AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("12"));
  agattr(g.get(), AGNODE, const_cast<char*>("margin"), const_cast<char*>("0.08,0.04"));
  agattr(g.get(), AGEDGE, const_cast<char*>("fontname"), const_cast<char*>(Font));
  agattr(g.get(), AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("11"));
  agattr(g.get(), AGEDGE, const_cast<char*>("arrowsize"), const_cast<char*>("0.7"));
  return g;
}

} // namespace

/// One process as a graph; `notes` as in addProcess (the BPMN layout wants every
/// transition as an edge).
Graph flowchart(const rt::AnalyzedProcess& p, const PictureOptions& o, bool notes) {
  Graph g = newGraph(p.process->name.c_str(), stageCount(*p.process));
  setHtml(g.get(), g.get(), "label", titleLabel(p, o.identifiers));
  addProcess(g.get(), g.get(), p, "", o, notes && stageCount(*p.process) > LongProcess);
  applyTheme(g.get(), o.theme);
  return g;
}

/// Several processes: a cluster per channel, in it a cluster per process, all in one style:
/// when one of them is long, every one reads top to bottom with its remainders as notes
/// (as a long process alone does), else every one reads left to right.
Graph flowchart(llvm::ArrayRef<rt::AnalyzedProcess> ps, const PictureOptions& o) {
  size_t longest = 0;
  for (const rt::AnalyzedProcess& p : ps)
    longest = std::max(longest, stageCount(*p.process));
  const bool asLong = longest > LongProcess;
  Graph g = newGraph("processes", longest);
  // The channels in the order their first process comes in the files.
  std::vector<std::pair<std::string, std::vector<const rt::AnalyzedProcess*>>> byChannel;
  for (const rt::AnalyzedProcess& p : ps) {
    auto it =
        llvm::find_if(byChannel, [&](const auto& c) { return c.first == p.process->channel; });
    if (it == byChannel.end())
      it = byChannel.insert(byChannel.end(), {p.process->channel, {}});
    it->second.push_back(&p);
  }
  for (const auto& [channel, list] : byChannel) {
    Agraph_t* outer = g.get();
    if (!channel.empty()) {
      std::string name = "cluster_channel_" + channel;
      outer = agsubg(g.get(), const_cast<char*>(name.c_str()), 1);
      setHtml(g.get(), outer, "label", fmt::format("<B>Channel: {}</B>", html(words(channel))));
      set(outer, "style", "rounded");
      set(outer, "color", "#999999");
    }
    for (const rt::AnalyzedProcess* p : list) {
      std::string name = "cluster_process_" + p->process->name;
      Agraph_t* cluster = agsubg(outer, const_cast<char*>(name.c_str()), 1);
      set(cluster, "style", "rounded,filled");
      set(cluster, "fillcolor", "#fbfbfb");
      set(cluster, "color", "#cccccc");
      setHtml(g.get(), cluster, "label", titleLabel(*p, o.identifiers));
      addProcess(g.get(), cluster, *p, p->process->name + ".", o, asLong);
    }
  }
  applyTheme(g.get(), o.theme);
  return g;
}

Graph sketch(llvm::ArrayRef<rt::AnalyzedProcess> ps, const PictureOptions& o) {
  Graph g = newDirectedGraph(ps.size() == 1 ? ps[0].process->name.c_str() : "processes");
  set(g.get(), "fontname", Font);
  set(g.get(), "labelloc", "t");
  set(g.get(), "pad", "0.3");
  set(g.get(), "splines", "line");
  if (ps.size() == 1)
    setHtml(g.get(), g.get(), "label", titleLabel(ps[0], o.identifiers));
  double left = 0;
  for (const rt::AnalyzedProcess& ap : ps) {
    const rt::Process& p = *ap.process;
    std::string prefix = ps.size() == 1 ? "" : p.name + ".";
    std::vector<Layout::Point> at = sketchPositions(ap);
    std::vector<Agnode_t*> nodes(p.states.size());
    double right = left;
    for (uint32_t i = 0; i < p.states.size(); ++i) {
      const rt::State& s = p.states[i];
      std::string name = prefix + s.name;
      Agnode_t* n = agnode(g.get(), const_cast<char*>(name.c_str()), 1);
      nodes[i] = n;
      set(n, "shape", "box");
      set(n, "style", s.kind == rt::StateKind::Lost ? "rounded,filled,dashed" : "rounded,filled");
      set(n, "fixedsize", "true");
      set(n, "width", fmt::format("{:.4f}", SketchWidth / 72));
      set(n, "height", fmt::format("{:.4f}", SketchHeight / 72));
      set(n, "fontname", Font);
      set(n, "fontsize", "11");
      set(n, "fillcolor",
          s.kind == rt::StateKind::Won    ? WonFill
          : s.kind == rt::StateKind::Lost ? LostFill
                                          : StageFill);
      set(n, "color",
          s.kind == rt::StateKind::Won    ? WonLine
          : s.kind == rt::StateKind::Lost ? LostLine
                                          : StageLine);
      set(n, "pos", fmt::format("{:.2f},{:.2f}!", left + at[i].x, at[i].y));
      right = std::max(right, left + at[i].x + SketchWidth / 2);
      std::string label = fmt::format("<B>{}</B>", html(words(s.name)));
      if (!s.isOutcome())
        label += fmt::format("<BR/><FONT POINT-SIZE=\"10\">wins {}</FONT>",
                             percent(ap.analysis.winProbability[i]));
      setHtml(g.get(), n, "label", label);
    }
    for (const rt::Transition& t : p.transitions) {
      Agedge_t* e = agedge(g.get(), nodes[t.from], nodes[t.to], nullptr, 1);
      set(e, "color", t.implicit ? "#9a9a9a" : "#333333");
      set(e, "arrowsize", "0.6");
    }
    left = right + 72;
  }
  applyTheme(g.get(), o.theme);
  return g;
}

namespace {

std::string writeDot(Agraph_t* g) {
  char* buffer = nullptr;
  size_t size = 0;
  FILE* f = open_memstream(&buffer, &size);
  if (!f)
    throw std::runtime_error("cannot allocate memory for the DOT text");
  agwrite(g, f);
  std::fclose(f);
  std::string out(buffer, size);
  std::free(buffer);
  return out;
}

} // namespace

std::string toDot(const rt::AnalyzedProcess& p, const PictureOptions& o) {
  graphvizContext();
  return writeDot(flowchart(p, o).get());
}
std::string toDot(llvm::ArrayRef<rt::AnalyzedProcess> ps, const PictureOptions& o) {
  return ps.size() == 1 ? toDot(ps[0], o) : writeDot(flowchart(ps, o).get());
}

} // namespace salesc::emit
