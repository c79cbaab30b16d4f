//===- RuntimeSections.h - The forecast and the observed history on a page -===//
#ifndef SALESC_HTML_RUNTIMESECTIONS_H
#define SALESC_HTML_RUNTIMESECTIONS_H

#include "Report.h"

#include <string>

namespace salesc::html {

/// The forecast of the pipeline (`report --pipeline`): its figures, the revenue by month as
/// a fan chart, the months and the stalled deals.
std::string pipelineSection(const rt::Process& p, const PipelineFigures& f);

/// The stage history against the process (`report --events`): the edges as a heat map,
/// the time in each stage as box plots, the edges beyond chance, the moves the process
/// does not have and the stalled deals.
std::string observedSection(const rt::Process& p, const ObservedFigures& f);

} // namespace salesc::html

#endif // SALESC_HTML_RUNTIMESECTIONS_H
