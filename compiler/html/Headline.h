//===- Headline.h - A process's headline figures against its targets ------===//
#ifndef SALESC_HTML_HEADLINE_H
#define SALESC_HTML_HEADLINE_H

#include "salesc/runtime/Markov.h"

#include <optional>
#include <string>
#include <vector>

namespace salesc::html {

/// One headline figure as `salesc analyze` says it: "5.65%", with "target 5%" and
/// whether it is met (nullopt without a target).
struct Figure {
  std::string label;
  std::string value;
  std::string target;
  std::optional<bool> met;
};

/// The win rate, the expected times to win and to any outcome, the value and the margin
/// of a lead (those the process has).
std::vector<Figure> headline(const rt::AnalyzedProcess& p);

/// The figures as cards (<div class="figures">).
std::string figureCards(const std::vector<Figure>& figures);

/// "met" or "missed" in its colour.
std::string verdict(bool met);

} // namespace salesc::html

#endif // SALESC_HTML_HEADLINE_H
