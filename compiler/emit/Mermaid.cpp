//===- Mermaid.cpp - A process as a Mermaid flowchart GitHub renders ------===//
//
// Node ids are `s` + the state index (and `entry` for the start marker), never user
// names. Every label is quoted, with the characters Mermaid or HTML would interpret
// written as Mermaid entity codes (`#quot;`, `#lt;`, `#35;`, ...) and line breaks as
// spaces, so a label cannot end its string, add markup or start a Markdown string.
// Stages are rectangles (name, time), the start is entered from a filled circle, won
// outcomes are green stadiums, lost ones red-edged rounded boxes, and the implicit
// remainder edges dotted and lighter. The colours are those of the Graphviz flowchart.
// A sign-off stage (name, mean time until the last answer) splits into one node per
// role (`sIrK`: role, share it approves, time it takes), which join in a hexagon
// (`sIj`, the share every role approves); the stage's exits leave from the join.
//
//===----------------------------------------------------------------------===//
#include "Emit.h"
#include "Format.h"
#include "salesc/runtime/Format.h"
#include "salesc/runtime/Holding.h"

#include <fmt/format.h>

namespace salesc::emit {
namespace {

/// Text for inside a quoted Mermaid label.
std::string label(llvm::StringRef s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '"':
      out += "#quot;";
      break;
    case '#': // starts an entity code
      out += "#35;";
      break;
    case '&':
      out += "#amp;";
      break;
    case '<':
      out += "#lt;";
      break;
    case '>':
      out += "#gt;";
      break;
    case '`': // starts a Markdown string
      out += "#96;";
      break;
    case '\r':
    case '\n':
    case '\t':
      out += ' ';
      break;
    default:
      out += c;
    }
  }
  return out;
}

/// An outcome's label: its name, then its kind unless the name says it already.
std::string outcome(const rt::State& s) {
  std::string kind = rt::toString(s.kind).str();
  return label(s.name) + (s.name == kind ? "" : "<br/>" + kind);
}

std::string id(uint32_t state) {
  return fmt::format("s{}", state);
}
/// The node of role `k` of sign-off stage `state`, and the node where the roles join.
std::string roleId(uint32_t state, size_t k) {
  return fmt::format("s{}r{}", state, k);
}
std::string joinId(uint32_t state) {
  return fmt::format("s{}j", state);
}

/// The ids of `ids` joined for a `class` line.
std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& i : ids)
    out += (out.empty() ? "" : ",") + i;
  return out;
}

} // namespace

std::string toMermaid(const rt::AnalyzedProcess& a) {
  const rt::Process& p = *a.process;
  const size_t n = p.states.size();
  std::string out = "flowchart TD\n";
  if (n == 0)
    return out + "  s0[\"" + label(p.name) + ": no stages\"]\n";

  std::optional<uint32_t> bottleneck;
  if (a.analysis.bottleneck && *a.analysis.bottleneck < n)
    bottleneck = *a.analysis.bottleneck;
  std::vector<std::string> stages, won, lost, roles, joins;
  for (uint32_t i = 0; i < n; ++i) {
    const rt::State& s = p.states[i];
    std::string text = label(s.name);
    switch (s.kind) {
    case rt::StateKind::Stage:
      if (s.isSignoff())
        text += "<br/>sign-off, " + label(days(rt::holdingMean(s))) + " on average";
      else if (s.hasTime)
        text += "<br/>" + label(formatTime(s.time));
      if (bottleneck == i)
        text += "<br/>bottleneck";
      out += fmt::format("  {}[\"{}\"]\n", id(i), text);
      stages.push_back(id(i));
      for (size_t k = 0; k < s.signoffs.size(); ++k) {
        const rt::Signoff& r = s.signoffs[k];
        out += fmt::format("  {}[\"{}<br/>approves {}<br/>{}\"]\n", roleId(i, k), label(r.role),
                           percent(r.share), label(formatTime(r.time)));
        roles.push_back(roleId(i, k));
      }
      if (s.isSignoff()) {
        out += fmt::format("  {}{{{{\"all approve: {}\"}}}}\n", joinId(i),
                           percent(rt::approvedShare(s.signoffs)));
        joins.push_back(joinId(i));
      }
      break;
    case rt::StateKind::Won:
      out += fmt::format("  {}([\"{}\"])\n", id(i), outcome(s));
      won.push_back(id(i));
      break;
    case rt::StateKind::Lost:
      out += fmt::format("  {}(\"{}\")\n", id(i), outcome(s));
      lost.push_back(id(i));
      break;
    }
  }

  // Edges, counted for linkStyle: the entry edge is link 0.
  size_t link = 0;
  std::vector<std::string> lighter;
  if (p.start < n) {
    out += "  entry((\"start\"))\n";
    out += fmt::format("  entry --> {}\n", id(p.start));
    ++link;
  }
  for (uint32_t i = 0; i < n; ++i)
    for (size_t k = 0; k < p.states[i].signoffs.size(); ++k) {
      out += fmt::format("  {} --> {} --> {}\n", id(i), roleId(i, k), joinId(i));
      link += 2;
    }
  for (const rt::Transition& t : p.transitions) {
    if (t.from >= n || t.to >= n)
      continue;
    // A sign-off stage's exits leave from where its roles join.
    std::string from = p.states[t.from].isSignoff() ? joinId(t.from) : id(t.from);
    if (t.implicit) {
      out +=
          fmt::format("  {} -.->|\"{} remainder\"| {}\n", from, percent(t.probability), id(t.to));
      lighter.push_back(std::to_string(link));
    } else {
      out += fmt::format("  {} -->|\"{}\"| {}\n", from, percent(t.probability), id(t.to));
    }
    ++link;
  }

  using namespace palette;
  out += fmt::format("  classDef stage fill:{},stroke:{},color:#1b1b1b\n", StageFill, StageLine);
  out += fmt::format("  classDef won fill:{},stroke:{},color:#1b1b1b\n", WonFill, WonLine);
  out += fmt::format("  classDef lost fill:{},stroke:{},color:#1b1b1b\n", LostFill, LostLine);
  out += fmt::format("  classDef entry fill:{0},stroke:{0},color:#ffffff\n", StageLine);
  out += fmt::format("  classDef bottleneck stroke:{},stroke-width:3px\n", BottleneckLine);
  if (!roles.empty()) {
    out += fmt::format("  classDef role fill:#ffffff,stroke:{},color:#1b1b1b\n", StageLine);
    out += fmt::format("  classDef join fill:{0},stroke:{0},color:#ffffff\n", StageLine);
  }
  if (!stages.empty())
    out += "  class " + joined(stages) + " stage\n";
  if (!roles.empty())
    out += "  class " + joined(roles) + " role\n";
  if (!joins.empty())
    out += "  class " + joined(joins) + " join\n";
  if (!won.empty())
    out += "  class " + joined(won) + " won\n";
  if (!lost.empty())
    out += "  class " + joined(lost) + " lost\n";
  if (p.start < n)
    out += "  class entry entry\n";
  if (bottleneck)
    out += "  class " + id(*bottleneck) + " bottleneck\n";
  if (!lighter.empty())
    out += "  linkStyle " + joined(lighter) + " stroke:#9e9e9e,color:#757575\n";
  return out;
}

} // namespace salesc::emit
