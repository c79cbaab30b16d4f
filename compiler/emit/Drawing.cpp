//===- Drawing.cpp - Laying out and rendering flowcharts, within a budget -===//
//
// Graphviz's dot layout is good and unbounded: a 14 KB process of 50 stages with 11
// links each took 133 s to draw, one of 100 stages over 240 s, and nothing can stop
// it part-way. So each drawing runs in a child process (ChildProcess.h) with a time
// budget, and falls back in steps, each with a warning:
//   1. the dot layout as designed;
//   2. the dot layout with straight lines and fewer crossing-reduction and ranking
//      passes (most of the time goes on routing curved lines around labels);
//   3. a sketch (Flowchart.h): boxes of one size in rows by depth, straight lines
//      without labels, at positions salesc computes; Graphviz only renders it.
// A drawing that cannot even be sketched within the budget is an error. The child
// gets the Graphviz context made here, so plugins load once per run.
//
//===----------------------------------------------------------------------===//
#include "BpmnShapes.h"
#include "ChildProcess.h"
#include "Flowchart.h"

#include <cstring>
#include <fmt/format.h>
#include <map>
#include <stdexcept>

namespace salesc::emit {
namespace {

/// Graphviz names only the font it measured the text with (FontName, Flowchart.h); a
/// viewer without it should use one of the same widths, and only then any sans-serif. And
/// it measured every space of a text ("START · "), which a viewer drops at either end of a
/// text unless told to keep them (xml:space on each text, which every browser reads).
std::string forViewers(std::string svg) {
  const std::string from = fmt::format("font-family=\"{}\"", FontName);
  const std::string to =
      fmt::format("xml:space=\"preserve\" font-family=\"{},Arial,Helvetica,sans-serif\"", FontName);
  std::string out;
  out.reserve(svg.size() + svg.size() / 8);
  size_t at = 0;
  for (size_t hit; (hit = svg.find(from, at)) != std::string::npos; at = hit + from.size())
    out.append(svg, at, hit - at).append(to);
  out.append(svg, at, std::string::npos);
  return out;
}

/// Lays `g` out with `engine` and renders it as `format` ("svg", "png").
std::string draw(Agraph_t* g, const char* engine, llvm::StringRef format) {
  GVC_t* gvc = graphvizContext();
  checkGraphviz("build the graph");
  if (gvLayout(gvc, g, engine) != 0)
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
  return format == "svg" ? forViewers(std::move(out)) : out;
}

/// Step 2: straight lines, and a bound on the passes that order and rank the nodes.
void simplify(Agraph_t* g) {
  set(g, "splines", "line");
  set(g, "mclimit", "0.1");
  set(g, "nslimit", "1");
  set(g, "nslimit1", "1");
}

std::string seconds(double s) {
  return fmt::format("{:g} s", s);
}

void warn(const DrawOptions& o, const std::string& message) {
  if (o.warn)
    o.warn(message);
}

/// "process 'p'" or "the 3 processes", for messages.
std::string what(llvm::ArrayRef<rt::AnalyzedProcess> ps) {
  return ps.size() == 1 ? "process '" + ps[0].process->name + "'"
                        : fmt::format("the {} processes", ps.size());
}

std::string renderWithin(llvm::ArrayRef<rt::AnalyzedProcess> ps, llvm::StringRef format,
                         const DrawOptions& o) {
  auto build = [&] {
    return ps.size() == 1 ? flowchart(ps[0], o.picture) : flowchart(ps, o.picture);
  };
  using Step = DrawOptions::Step;
  graphvizContext(); // made here, once, for every child to start with
  if (o.from <= Step::Full)
    if (std::optional<std::string> bytes = runWithin(o.seconds, [&] {
          Graph g = build();
          return draw(g.get(), "dot", format);
        }))
      return *bytes;
  if (o.from <= Step::Straight)
    if (std::optional<std::string> bytes = runWithin(o.seconds, [&] {
          Graph g = build();
          simplify(g.get());
          return draw(g.get(), "dot", format);
        })) {
      warn(o, what(ps) + ": the flowchart could not be laid out within " + seconds(o.seconds) +
                  "; it is drawn with straight lines instead (--layout-seconds sets the time)");
      return *bytes;
    }
  loadNeatoLayout();
  if (std::optional<std::string> bytes = runWithin(o.seconds, [&] {
        Graph g = sketch(ps, o.picture);
        return draw(g.get(), "nop", format);
      })) {
    warn(o, what(ps) + ": the flowchart could not be laid out within " + seconds(o.seconds) +
                ", even with straight lines; it is drawn as a sketch instead: stages in rows by "
                "their distance from the start, no shares on the lines (--layout-seconds sets "
                "the time)");
    return *bytes;
  }
  size_t stages = 0, transitions = 0;
  for (const rt::AnalyzedProcess& p : ps) {
    for (const rt::State& s : p.process->states)
      stages += !s.isOutcome();
    transitions += p.process->transitions.size();
  }
  throw std::runtime_error(
      fmt::format("{} ({} stages, {} transitions) could not be drawn within {}, even as a "
                  "sketch; give it more time with --layout-seconds",
                  what(ps), stages, transitions, seconds(o.seconds)));
}

// --- The layout BPMN needs, through the pipe ----------------------------------------

void put(std::string& out, double v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
double take(llvm::StringRef& in) {
  if (in.size() < sizeof(double))
    throw std::runtime_error("the layout process sent a truncated layout");
  double v;
  std::memcpy(&v, in.data(), sizeof v);
  in = in.drop_front(sizeof v);
  return v;
}

std::string encode(const Layout& l) {
  std::string out;
  put(out, l.width);
  put(out, l.height);
  put(out, static_cast<double>(l.nodes.size()));
  for (const Layout::Node& n : l.nodes)
    for (double v : {n.x, n.y, n.width, n.height})
      put(out, v);
  put(out, static_cast<double>(l.edges.size()));
  for (const std::vector<Layout::Point>& e : l.edges) {
    put(out, static_cast<double>(e.size()));
    for (const Layout::Point& p : e) {
      put(out, p.x);
      put(out, p.y);
    }
  }
  return out;
}

Layout decode(llvm::StringRef in) {
  Layout l;
  l.width = take(in);
  l.height = take(in);
  l.nodes.resize(static_cast<size_t>(take(in)));
  for (Layout::Node& n : l.nodes)
    for (double* v : {&n.x, &n.y, &n.width, &n.height})
      *v = take(in);
  l.edges.resize(static_cast<size_t>(take(in)));
  for (std::vector<Layout::Point>& e : l.edges) {
    e.resize(static_cast<size_t>(take(in)));
    for (Layout::Point& p : e) {
      p.x = take(in);
      p.y = take(in);
    }
  }
  return l;
}

/// Asks for the room a sign-off stage's shapes take in the BPMN diagram (BpmnShapes.h):
/// its box is made at least that large, with a margin.
void makeRoomForSignoffs(Agraph_t* g, const rt::Process& p) {
  const double margin = 20;
  for (uint32_t i = 0; i < p.states.size(); ++i) {
    const rt::State& s = p.states[i];
    if (!s.isSignoff())
      continue;
    size_t ways = i == p.start;
    for (const rt::Transition& t : p.transitions)
      ways += t.to == i;
    Agnode_t* n = agnode(g, const_cast<char*>(s.name.c_str()), 0);
    if (!n)
      continue;
    set(n, "width", fmt::format("{:.3f}", (bpmn::signoffWidth(ways > 1) + margin) / 72));
    set(n, "height", fmt::format("{:.3f}", (bpmn::signoffHeight(s.signoffs.size()) + margin) / 72));
  }
}

/// Where the dot layout puts every state and transition of `p` (every transition an
/// edge), `simple` as in step 2, with room for the BPMN shapes of sign-off stages.
Layout dotLayout(const rt::AnalyzedProcess& p, bool simple) {
  GVC_t* gvc = graphvizContext();
  Graph g = flowchart(p, PictureOptions{}, /*notes=*/false);
  makeRoomForSignoffs(g.get(), *p.process);
  if (simple)
    simplify(g.get());
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

/// Step 3 for BPMN: the sketch's positions, straight lines from centre to centre.
Layout sketchLayout(const rt::AnalyzedProcess& p) {
  Layout out;
  for (const Layout::Point& at : sketchPositions(p)) {
    out.nodes.push_back(Layout::Node{at.x, at.y, SketchWidth, SketchHeight});
    out.width = std::max(out.width, at.x + SketchWidth / 2);
    out.height = std::max(out.height, at.y + SketchHeight / 2);
  }
  for (const rt::Transition& t : p.process->transitions)
    out.edges.push_back(
        {{out.nodes[t.from].x, out.nodes[t.from].y}, {out.nodes[t.to].x, out.nodes[t.to].y}});
  return out;
}

} // namespace

std::string render(const rt::AnalyzedProcess& p, llvm::StringRef format, const DrawOptions& o) {
  return renderWithin(llvm::ArrayRef<rt::AnalyzedProcess>(p), format, o);
}
std::string render(llvm::ArrayRef<rt::AnalyzedProcess> ps, llvm::StringRef format,
                   const DrawOptions& o) {
  return renderWithin(ps, format, o);
}

Layout layout(const rt::AnalyzedProcess& p, const DrawOptions& o) {
  using Step = DrawOptions::Step;
  graphvizContext();
  if (o.from <= Step::Full)
    if (std::optional<std::string> bytes =
            runWithin(o.seconds, [&] { return encode(dotLayout(p, false)); }))
      return decode(*bytes);
  const std::string what = "process '" + p.process->name + "'";
  if (o.from <= Step::Straight)
    if (std::optional<std::string> bytes =
            runWithin(o.seconds, [&] { return encode(dotLayout(p, true)); })) {
      warn(o, what + ": the diagram could not be laid out within " + seconds(o.seconds) +
                  "; it is drawn with straight lines instead (--layout-seconds sets the time)");
      return decode(*bytes);
    }
  warn(o, what + ": the diagram could not be laid out within " + seconds(o.seconds) +
              ", even with straight lines; its shapes are placed in rows by their distance "
              "from the start instead (--layout-seconds sets the time)");
  return sketchLayout(p);
}

} // namespace salesc::emit
