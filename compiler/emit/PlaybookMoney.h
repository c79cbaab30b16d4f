//===- PlaybookMoney.h - The playbook's segments and campaigns sections ---===//
#ifndef SALESC_EMIT_PLAYBOOKMONEY_H
#define SALESC_EMIT_PLAYBOOKMONEY_H

#include "salesc/runtime/Markov.h"

#include <string>

namespace salesc::emit {

/// "## Segments": each segment's share, win rate, value and margin per lead and time to
/// win, then a table of what each states differently from the process (SegmentDiff.h);
/// empty for a process without segments.
std::string playbookSegments(const rt::AnalyzedProcess& p);

/// "## Campaigns": each campaign whose leads enter the process, with its leads, cost,
/// entry stage and segment, and its predicted customers, revenue, margin and ROI against
/// its target (Roi.h); empty without campaigns.
std::string playbookCampaigns(const rt::AnalyzedProcess& p);

} // namespace salesc::emit

#endif // SALESC_EMIT_PLAYBOOKMONEY_H
