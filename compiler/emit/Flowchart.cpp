//===- Flowchart.cpp - Processes as Graphviz graphs: DOT, SVG, PNG --------===//
//
// Graphs are built through cgraph (never by printing DOT by hand), with node names
// made of process and state names (stable, never pointers) and every label escaped
// as HTML-like text. Rendering happens in process through gvc, with the dot layout,
// core (DOT, SVG) and cairo (PNG, text layout) plugins registered as builtins — the
// first two linked in, the cairo one loaded from its known path when the first graph
// is drawn: no plugin configuration file or `dot -c` state on the machine matters.
//
//===----------------------------------------------------------------------===//
#include "Emit.h"
#include "Format.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <stdexcept>

extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
}

namespace salesc::emit {
namespace {

/// What Graphviz reported while building or rendering the current graph.
std::string& graphvizErrors() {
  static std::string errors;
  return errors;
}

int collectError(char* message) {
  graphvizErrors() += message;
  return 0;
}

/// The cairo plugin's library (PNG rendering, and the text layout that measures
/// labels), loaded from where the graphviz package installs it; see CMakeLists.txt.
void* cairoPlugin() {
  void* handle = dlopen(SALESC_GVPLUGIN_PANGO, RTLD_NOW | RTLD_LOCAL);
  void* library = handle ? dlsym(handle, "gvplugin_pango_LTX_library") : nullptr;
  if (!library)
    throw std::runtime_error(std::string("cannot load Graphviz's cairo plugin (") +
                             SALESC_GVPLUGIN_PANGO + "): " + dlerror());
  return library;
}

/// One Graphviz context for the run (gvc is not thread-safe; salesc renders from
/// one thread), created when first needed, so that commands that draw nothing never
/// load Graphviz's plugins and their libraries. The plugins are registered as
/// builtins. Graphviz's messages are collected, not printed: a label Graphviz cannot
/// read is an error of salesc's, never a silently different picture.
GVC_t* context() {
  static GVC_t* gvc = [] {
    static lt_symlist_t builtins[] = {
        {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
        {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
        {"gvplugin_pango_LTX_library", cairoPlugin()},
        {nullptr, nullptr},
    };
    agseterrf(collectError);
    agseterr(AGWARN);
    return gvContextPlugins(builtins, 0);
  }();
  return gvc;
}

/// Throws when Graphviz reported anything since the last call.
void checkGraphviz(const char* what) {
  std::string errors;
  std::swap(errors, graphvizErrors());
  if (!errors.empty())
    throw std::runtime_error(std::string("Graphviz could not ") + what + ": " + errors);
}

const char* const Font = "Helvetica";
using namespace palette;

/// Text for an HTML-like label: markup characters escaped, line breaks kept.
std::string html(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    if (appendMarkupEntity(out, c))
      continue;
    switch (c) {
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    case '\n':
      out += "<BR ALIGN=\"LEFT\"/>";
      break;
    case '\r':
      break;
    default:
      out += c;
    }
  }
  return out;
}

/// Escaped text broken into lines of about `width` characters at spaces.
std::string wrapped(llvm::StringRef text, size_t width = 38) {
  std::string out, line;
  llvm::SmallVector<llvm::StringRef, 16> wordsOf;
  text.split(wordsOf, ' ', -1, false);
  for (llvm::StringRef w : wordsOf) {
    if (!line.empty() && line.size() + 1 + w.size() > width) {
      out += html(line) + "<BR ALIGN=\"LEFT\"/>";
      line.clear();
    }
    if (!line.empty())
      line += ' ';
    line += w.str();
  }
  return out + html(line);
}

std::string itemList(const std::vector<rt::Item>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i ? ", " : "") + words(items[i].name);
  return out;
}

std::string timeText(const rt::State& s) {
  const rt::Holding& t = s.time;
  if (t.min == t.max)
    return days(t.min);
  // "1 to 3 days" rather than "1 day to 3 days".
  std::string low = days(t.min), high = days(t.max);
  for (auto [one, many] : {std::pair{" day", " days"}, std::pair{" hour", " hours"}}) {
    llvm::StringRef l(low);
    if (llvm::StringRef(high).endswith(many) && (l.endswith(one) || l.endswith(many))) {
      low = l.drop_back(l.endswith(many) ? std::strlen(many) : std::strlen(one)).str();
      break;
    }
  }
  std::string out = fmt::format("{} to {}", low, high);
  if (std::abs(t.typical - (t.min + t.max) / 2) > 1e-9)
    out += ", typical " + days(t.typical);
  return out + ", mean " + days(t.mean());
}

/// The HTML-like label of a stage: name, win probability, description, and what
/// happens there.
std::string stageLabel(const rt::Process& p, uint32_t i, const rt::Analysis& a) {
  const rt::State& s = p.states[i];
  std::string rows;
  auto row = [&](const char* key, const std::string& value) {
    if (!value.empty())
      rows += fmt::format("<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"10\" "
                          "COLOR=\"#555555\">{}</FONT></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
                          "<FONT POINT-SIZE=\"10\">{}</FONT></TD></TR>",
                          key, value);
  };
  row("Learns", wrapped(itemList(s.learn), 30));
  row("We provide", wrapped(itemList(s.provide), 30));
  row("Tactics", wrapped(itemList(s.tactics), 30));
  if (s.hasTime)
    row("Time", html(timeText(s)));
  if (s.stalledAfter)
    row("Stalled after", html(days(*s.stalledAfter)));
  std::string header = fmt::format("<B>{}</B>", html(words(s.name)));
  if (i == p.start)
    header = fmt::format("<FONT COLOR=\"{}\">START · </FONT>", StageLine) + header;
  std::string top =
      fmt::format("<TR><TD ALIGN=\"LEFT\">{}</TD><TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"10\" "
                  "COLOR=\"#555555\">wins {}</FONT></TD></TR>",
                  header, percent(a.winProbability[i]));
  std::string desc;
  if (!s.description.empty())
    desc = fmt::format("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"><I>{}</I></TD></TR>",
                       wrapped(s.description));
  std::string details;
  if (!rows.empty())
    details = fmt::format("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><TABLE BORDER=\"0\" "
                          "CELLSPACING=\"0\" CELLPADDING=\"1\">{}</TABLE></TD></TR>",
                          rows);
  std::string note;
  if (a.bottleneck && *a.bottleneck == i)
    note = fmt::format("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"{}\" POINT-SIZE=\"10\">"
                       "<B>Bottleneck</B>: {} of the expected time</FONT></TD></TR>",
                       BottleneckLine, percent(a.timeShare[i]));
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">" + top + desc +
         details + note + "</TABLE>";
}

std::string outcomeLabel(const rt::State& s) {
  std::string out = fmt::format("<B>{}</B>", html(words(s.name)));
  if (!s.description.empty())
    out += "<BR/><FONT POINT-SIZE=\"10\">" + wrapped(s.description, 28) + "</FONT>";
  return out;
}

/// "Win rate 5.65% (target 5%, met)".
std::string targetText(const char* what, const std::string& value,
                       const std::optional<std::string>& target, bool met) {
  std::string out = fmt::format("{} {}", what, value);
  if (target)
    out += fmt::format(" (target {}, <FONT COLOR=\"{}\">{}</FONT>)", *target,
                       met ? WonLine : LostLine, met ? "met" : "missed");
  return out;
}

std::string titleLabel(const rt::Process& p, const rt::Analysis& a) {
  double win = a.winRate();
  double toWin = p.states.empty() ? 0 : a.expectedDaysToWin[p.start];
  std::optional<std::string> winTarget, cycleTarget;
  if (p.targetWinRate)
    winTarget = percent(*p.targetWinRate);
  if (p.targetCycleDays)
    cycleTarget = days(*p.targetCycleDays);
  std::string title = p.description.empty() ? words(p.name) : p.description;
  std::string sub =
      targetText("Win rate", percent(win), winTarget, a.winRateTargetMet.value_or(true));
  if (win > 0)
    sub += " · " + targetText("expected time to win", days(toWin), cycleTarget,
                              a.cycleTargetMet.value_or(true));
  if (p.value && !p.currency.empty())
    sub += fmt::format(" · value per lead {:.0f} {}", *p.value * win, html(p.currency));
  std::string context;
  if (!p.channel.empty())
    context += "channel " + html(words(p.channel));
  if (!p.offering.empty())
    context += std::string(context.empty() ? "" : " · ") + "offering " + html(words(p.offering));
  if (p.brand)
    context += std::string(context.empty() ? "" : " · ") + "brand " + html(words(p.brand->name));
  std::string out = fmt::format("<FONT POINT-SIZE=\"18\"><B>{}</B></FONT>", html(title));
  if (!context.empty())
    out += fmt::format("<BR/><FONT POINT-SIZE=\"11\" COLOR=\"#555555\">{}</FONT>", context);
  return out + fmt::format("<BR/><FONT POINT-SIZE=\"12\">{}</FONT>", sub);
}

/// Owns a cgraph graph.
struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using Graph = std::unique_ptr<Agraph_t, GraphDeleter>;

void set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

void setHtml(Agraph_t* root, void* obj, const char* name, const std::string& value) {
  Agsym_t* sym = agattr(root, AGTYPE(obj), const_cast<char*>(name), nullptr);
  if (!sym)
    sym = agattr(root, AGTYPE(obj), const_cast<char*>(name), const_cast<char*>(""));
  char* h = agstrdup_html(root, const_cast<char*>(value.c_str()));
  agxset(obj, sym, h);
  agstrfree(root, h);
}

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
/// `<prefix><state>` so that processes in one picture never collide. With `notes`,
/// long processes get their remainders as notes (see LongProcess).
void addProcess(Agraph_t* root, Agraph_t* g, const rt::AnalyzedProcess& ap,
                const std::string& prefix, bool notes = true) {
  const rt::Process& p = *ap.process;
  const rt::Analysis& a = ap.analysis;
  notes = notes && stageCount(p) > LongProcess;
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
      setHtml(root, n, "label", stageLabel(p, i, a));
      break;
    }
    case rt::StateKind::Won:
      set(n, "shape", "box");
      set(n, "style", "rounded,filled");
      set(n, "peripheries", "2");
      set(n, "fillcolor", WonFill);
      set(n, "color", WonLine);
      setHtml(root, n, "label", outcomeLabel(s));
      break;
    case rt::StateKind::Lost:
      set(n, "shape", "box");
      set(n, "style", "rounded,filled,dashed");
      set(n, "fillcolor", LostFill);
      set(n, "color", LostLine);
      setHtml(root, n, "label", outcomeLabel(s));
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
  Graph g(agopen(const_cast<char*>(name), Agdirected, nullptr));
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

/// One process as a graph; `notes` as in addProcess (the BPMN layout wants every
/// transition as an edge).
Graph buildOne(const rt::AnalyzedProcess& p, bool notes = true) {
  Graph g = newGraph(p.process->name.c_str(), stageCount(*p.process));
  setHtml(g.get(), g.get(), "label", titleLabel(*p.process, p.analysis));
  addProcess(g.get(), g.get(), p, "", notes);
  return g;
}

/// Several processes: a cluster per channel, in it a cluster per process.
Graph buildMany(llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  Graph g = newGraph("processes", 0);
  set(g.get(), "rankdir", "LR");
  std::map<std::string, std::vector<const rt::AnalyzedProcess*>> byChannel;
  for (const rt::AnalyzedProcess& p : ps)
    byChannel[p.process->channel].push_back(&p);
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
      setHtml(g.get(), cluster, "label", titleLabel(*p->process, p->analysis));
      addProcess(g.get(), cluster, *p, p->process->name + ".");
    }
  }
  return g;
}

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

std::string renderGraph(Agraph_t* g, llvm::StringRef format) {
  GVC_t* gvc = context();
  checkGraphviz("build the graph");
  if (gvLayout(gvc, g, "dot") != 0)
    throw std::runtime_error("Graphviz could not lay out the graph");
  checkGraphviz("lay out the graph");
  std::string device = format == "png" ? "png:cairo" : format.str();
  char* data = nullptr;
  unsigned length = 0;
  int rc = gvRenderData(gvc, g, device.c_str(), &data, &length);
  std::string out = rc == 0 && data ? std::string(data, length) : std::string();
  if (data)
    gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  if (rc != 0)
    throw std::runtime_error("Graphviz could not render " + format.str());
  checkGraphviz("render the graph");
  return out;
}

} // namespace

std::string toDot(const rt::AnalyzedProcess& p) {
  context();
  return writeDot(buildOne(p).get());
}
std::string toDot(llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  return ps.size() == 1 ? toDot(ps[0]) : writeDot(buildMany(ps).get());
}

std::string render(const rt::AnalyzedProcess& p, llvm::StringRef format) {
  return renderGraph(buildOne(p).get(), format);
}
std::string render(llvm::ArrayRef<rt::AnalyzedProcess> ps, llvm::StringRef format) {
  return ps.size() == 1 ? render(ps[0], format) : renderGraph(buildMany(ps).get(), format);
}

Layout layout(const rt::AnalyzedProcess& p) {
  GVC_t* gvc = context();
  Graph g = buildOne(p, /*notes=*/false);
  if (gvLayout(gvc, g.get(), "dot") != 0)
    throw std::runtime_error("Graphviz could not lay out the graph");
  checkGraphviz("lay out the graph");
  Layout out;
  boxf bb = GD_bb(g.get());
  out.width = bb.UR.x - bb.LL.x;
  out.height = bb.UR.y - bb.LL.y;
  const rt::Process& proc = *p.process;
  std::vector<Agnode_t*> nodes;
  for (const rt::State& s : proc.states) {
    Agnode_t* n = agnode(g.get(), const_cast<char*>(s.name.c_str()), 0);
    nodes.push_back(n);
    out.nodes.push_back(Layout::Node{ND_coord(n).x - bb.LL.x, ND_coord(n).y - bb.LL.y,
                                     ND_width(n) * 72, ND_height(n) * 72});
  }
  // Edges in the order of Process::transitions: walk each tail's out-edges in the
  // order they were created, which is the order of the transitions.
  std::map<std::pair<Agnode_t*, Agnode_t*>, std::vector<Agedge_t*>> edges;
  for (Agnode_t* n : nodes)
    for (Agedge_t* e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e))
      edges[{agtail(e), aghead(e)}].push_back(e);
  std::map<std::pair<Agnode_t*, Agnode_t*>, size_t> used;
  for (const rt::Transition& t : proc.transitions) {
    std::vector<Layout::Point> points;
    auto key = std::make_pair(nodes[t.from], nodes[t.to]);
    auto& list = edges[key];
    size_t k = used[key]++;
    if (k < list.size() && ED_spl(list[k]) && ED_spl(list[k])->size > 0) {
      const bezier& b = ED_spl(list[k])->list[0];
      for (int i = 0; i < b.size; ++i)
        points.push_back({b.list[i].x - bb.LL.x, b.list[i].y - bb.LL.y});
    }
    out.edges.push_back(std::move(points));
  }
  gvFreeLayout(gvc, g.get());
  return out;
}

} // namespace salesc::emit
