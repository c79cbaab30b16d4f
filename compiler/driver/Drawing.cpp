//===- Drawing.cpp - --layout-seconds, --theme, --identifiers: drawing options ===//
#include "Drawing.h"

#include <fmt/format.h>

namespace salesc::driver {

namespace cl = llvm::cl;

namespace {

/// Most processes lay out in well under a second; the budget is per drawing.
constexpr double MaxLayoutSeconds = 3600;

cl::opt<double> LayoutSeconds(
    "layout-seconds", cl::init(emit::DrawOptions().seconds), cl::sub(subEmit()),
    cl::sub(subBuild()), cl::sub(subReport()), cl::value_desc("seconds"),
    cl::desc("How long Graphviz may lay out one flowchart or BPMN diagram before a simpler "
             "drawing is made, with a warning (default 5)"));

cl::opt<emit::Theme> Theme(
    "theme", cl::init(emit::Theme::Light), cl::sub(subEmit()), cl::sub(subBuild()),
    cl::desc("The flowchart's colours (DOT, SVG, PNG):"),
    cl::values(clEnumValN(emit::Theme::Light, "light", "for a light background (the default)"),
               clEnumValN(emit::Theme::Dark, "dark", "for a dark background")));

cl::opt<bool>
    Identifiers("identifiers", cl::sub(subEmit()), cl::sub(subBuild()),
                cl::desc("Name knowledge, materials, tactics and brands in the flowchart by their "
                         "identifiers rather than their descriptions"));

} // namespace

std::optional<emit::DrawOptions> drawOptions(CommandContext& ctx) {
  if (!(LayoutSeconds > 0 && LayoutSeconds <= MaxLayoutSeconds)) {
    error(ctx) << fmt::format("--layout-seconds must be more than 0 and at most {:g}; it is {:g}\n",
                              MaxLayoutSeconds, LayoutSeconds.getValue());
    return std::nullopt;
  }
  emit::DrawOptions o;
  o.seconds = LayoutSeconds;
  o.picture.theme = Theme;
  o.picture.identifiers = Identifiers;
  o.warn = [&ctx](const std::string& message) {
    ctx.err << "salesc: warning: " << message << '\n';
  };
  return o;
}

} // namespace salesc::driver
