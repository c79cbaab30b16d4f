//===- SqlViews.h - Conformance analytics as SQL views --------------------===//
#ifndef SALESC_EMIT_SQL_SQLVIEWS_H
#define SALESC_EMIT_SQL_SQLVIEWS_H

#include "SqlDialect.h"

#include <string>
#include <vector>

namespace salesc::emit::sql {

/// One view: its name (SqlDialect::object) and its SELECT.
struct View {
  std::string name;
  std::string select;
};

/// The views over the user's stage events and open deals, each after those it reads, that
/// answer what `salesc conform` reports (docs/sql.md): the replay of each deal's events
/// in time order (ties: the process's state order) as of the settings' date, with
/// consecutive repeats merged unless the stage loops to itself; per stage the visits and
/// the completed visits' median and P90 (linear interpolation between order statistics,
/// conform's rule); per edge the moves and the 95% Wilson interval; the moves the process
/// lacks; the open deals stalled past their stage's limit; and the weighted pipeline.
/// With `segments`, the events also count once more under their deal's segment. With a
/// column mapping (SqlColumns::mapping) the stage columns hold CRM labels, looked up folded
/// in the labels table (event_labels: once per distinct label and lost reason).
std::vector<View> views(const SqlDialect& d, bool segments);

} // namespace salesc::emit::sql

#endif // SALESC_EMIT_SQL_SQLVIEWS_H
