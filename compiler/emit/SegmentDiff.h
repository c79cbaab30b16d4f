//===- SegmentDiff.h - What a segment states differently from its process -===//
//
// The flowchart and the playbook show a process's segments as "what differs": the
// settings, outcome values and stage properties a segment block restates with another
// value. A segment's process has the same states in the same order as its process
// (Model.h), so the comparison is state by state.
//
//===----------------------------------------------------------------------===//
#ifndef SALESC_EMIT_SEGMENTDIFF_H
#define SALESC_EMIT_SEGMENTDIFF_H

#include "salesc/runtime/Model.h"

#include <string>
#include <vector>

namespace salesc::emit {

/// One thing a segment states differently. Every field is plain text (names as written,
/// figures formatted); each emitter escapes it for its own markup.
struct Difference {
  std::string where;   ///< a state's name; empty for a setting of the whole process
  std::string what;    ///< "value", "margin", "time", "next NAME", "learns", ...
  std::string process; ///< as the process states it ("none" where it states nothing)
  std::string segment; ///< as the segment states it
};

/// The differences of `g` from `p`, in this order: value, margin, then per state (in
/// state order) its description, owner, time, stall limit, what is learned, provided and
/// used, sign-offs, exits (stated shares only: a remainder follows from them) and a won
/// outcome's own value.
std::vector<Difference> differences(const rt::Process& p, const rt::Segment& g);

} // namespace salesc::emit

#endif // SALESC_EMIT_SEGMENTDIFF_H
