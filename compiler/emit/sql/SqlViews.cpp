//===- SqlViews.cpp - Conformance analytics as SQL views ------------------===//
#include "SqlViews.h"

namespace salesc::emit::sql {

namespace {

// The templates: {name} is an object of the script, a user's table or column, or a type.
// Standard SQL only; the dialect spells types, days and quoting.

/// Every event whose stage the process has, with its day; unknown stages are left out.
constexpr const char* EventDays = R"(SELECT e.{e_deal} AS deal, s.position AS position,
  {e_day} AS at_day{e_segment}
FROM {events} e
JOIN {states} s ON s.segment = '' AND s.stage = e.{e_stage})";

/// With a column mapping: each distinct label (and lost reason) of the events and the state
/// it names through the labels table, as conform reads an export: a lost outcome named by
/// the reason wins over a lost label or one that names nothing.
constexpr const char* EventLabels = R"(SELECT r.stage_label, r.reason,
  CASE WHEN lr.position IS NOT NULL AND (ls.position IS NULL OR s.kind = 'lost')
       THEN lr.position ELSE ls.position END AS position
FROM (
  SELECT stage_label, reason, {fold2_stage} AS stage_key, {fold2_reason} AS reason_key
  FROM (
    SELECT stage_label, reason, {fold1_stage} AS stage_part, {fold1_reason} AS reason_part
    FROM (SELECT DISTINCT e.{e_stage} AS stage_label, {e_reason} AS reason FROM {events} e) d
  ) f
) r
LEFT JOIN {labels} ls ON ls.kind = 'stage' AND ls.label = r.stage_key
LEFT JOIN {states} s ON s.segment = '' AND s.position = ls.position
LEFT JOIN {labels} lr ON lr.kind = 'lost reason' AND lr.label = r.reason_key)";

/// EventDays through the labels: events whose label names no state are left out.
constexpr const char* MappedEventDays = R"(SELECT e.{e_deal} AS deal, l.position AS position,
  {e_day} AS at_day{e_segment}
FROM {events} e
JOIN {event_labels} l ON l.stage_label = e.{e_stage} AND l.reason = {e_reason}
WHERE l.position IS NOT NULL)";

/// The as-of date (the settings' row; NULL: today) and its day.
constexpr const char* AsOf = R"(SELECT COALESCE(as_of, CURRENT_DATE) AS as_of,
  {asof_day} AS at_day
FROM {settings})";

constexpr const char* ScopedWhole = R"(SELECT '' AS segment, deal, position, at_day
FROM {event_days})";

/// A deal is in the segment its rows name (the smallest name should they differ).
constexpr const char* ScopedSegments = R"(
UNION ALL
SELECT g.segment, e.deal, e.position, e.at_day
FROM {event_days} e
JOIN (SELECT deal, MIN(segment) AS segment FROM {event_days}
      WHERE segment IN (SELECT segment FROM {segments})
      GROUP BY deal) g ON g.deal = e.deal)";

/// The replay: each visit of a state with the one before and the one after. A repeat of
/// the state before is merged into its visit unless the process loops there.
constexpr const char* Visits = R"(SELECT segment, deal, position, at_day,
  LAG(position) OVER (PARTITION BY segment, deal ORDER BY at_day, position) AS previous,
  LEAD(position) OVER (PARTITION BY segment, deal ORDER BY at_day, position) AS next_position,
  LEAD(at_day) OVER (PARTITION BY segment, deal ORDER BY at_day, position) AS next_day
FROM (
  SELECT r.segment, r.deal, r.position, r.at_day
  FROM (
    SELECT e.segment, e.deal, e.position, e.at_day,
      LAG(e.position) OVER (PARTITION BY e.segment, e.deal ORDER BY e.at_day, e.position) AS before
    FROM {scoped_events} e
    CROSS JOIN {as_of} a
    WHERE e.at_day <= a.at_day
  ) r
  LEFT JOIN (SELECT DISTINCT segment, from_position FROM {transitions}
             WHERE from_position = to_position) l
    ON l.segment = r.segment AND l.from_position = r.position
  WHERE r.before IS NULL OR r.before <> r.position OR l.from_position IS NOT NULL
) k)";

/// Completed visits of each stage: their number, median and P90 (order statistics
/// h = q (n - 1) apart, interpolated linearly).
constexpr const char* StageTimes = R"(SELECT segment, position, n AS completed,
  m_lo + (h50 - f50) * (COALESCE(m_hi, m_lo) - m_lo) AS median_days,
  p_lo + (h90 - f90) * (COALESCE(p_hi, p_lo) - p_lo) AS p90_days
FROM (
  SELECT segment, position, n, h50, f50, h90, f90,
    MAX(CASE WHEN rn = f50 THEN days END) AS m_lo,
    MAX(CASE WHEN rn = f50 + 1 THEN days END) AS m_hi,
    MAX(CASE WHEN rn = f90 THEN days END) AS p_lo,
    MAX(CASE WHEN rn = f90 + 1 THEN days END) AS p_hi
  FROM (
    SELECT segment, position, days, rn, n, h50, FLOOR(h50) AS f50, h90, FLOOR(h90) AS f90
    FROM (
      SELECT segment, position, days, rn, n,
        CAST(0.5 AS {D}) * (n - 1) AS h50, CAST(0.9 AS {D}) * (n - 1) AS h90
      FROM (
        SELECT v.segment, v.position, v.next_day - v.at_day AS days,
          ROW_NUMBER() OVER (PARTITION BY v.segment, v.position
                             ORDER BY v.next_day - v.at_day) - 1 AS rn,
          COUNT(*) OVER (PARTITION BY v.segment, v.position) AS n
        FROM {visits} v
        JOIN {states} s ON s.segment = v.segment AND s.position = v.position
        WHERE v.next_position IS NOT NULL AND NOT s.is_outcome
      ) x
    ) y
  ) w
  GROUP BY segment, position, n, h50, f50, h90, f90
) z)";

constexpr const char* VisitCounts = R"(SELECT segment, position, COUNT(DISTINCT deal) AS entered,
  COUNT(*) AS visits, COUNT(next_position) AS exits,
  SUM(CASE WHEN next_position IS NULL THEN 1 ELSE 0 END) AS last_here
FROM {visits}
GROUP BY segment, position)";

/// Per state of each replayed segment ('': the whole log).
constexpr const char* Stages = R"(SELECT s.segment, s.position, s.stage, s.kind,
  COALESCE(c.entered, 0) AS entered, COALESCE(c.visits, 0) AS visits,
  COALESCE(c.exits, 0) AS exits,
  CASE WHEN s.is_outcome THEN NULL ELSE COALESCE(c.last_here, 0) END AS still_open,
  CASE WHEN s.is_outcome THEN COALESCE(c.last_here, 0) ELSE NULL END AS ended,
  t.completed, t.median_days, t.p90_days,
  s.min_days, s.typical_days, s.max_days
FROM {states} s
JOIN (SELECT DISTINCT segment FROM {scoped_events}) g ON g.segment = s.segment
LEFT JOIN {visit_counts} c ON c.segment = s.segment AND c.position = s.position
LEFT JOIN {stage_times} t ON t.segment = s.segment AND t.position = s.position)";

/// Per transition of the process: the moves, their share of the visits that left the
/// state, and its 95% Wilson interval (z = 1.959963984540054).
constexpr const char* Edges =
    R"(SELECT segment, position, from_stage, to_stage, stated, moves, deals,
  trials, observed,
  CASE WHEN trials = 0 THEN NULL WHEN moves = 0 THEN 0.0
       WHEN center - half < 0 THEN 0.0 ELSE center - half END AS low,
  CASE WHEN trials = 0 THEN NULL WHEN moves = trials THEN 1.0
       WHEN center + half > 1 THEN 1.0 ELSE center + half END AS high
FROM (
  SELECT segment, position, from_stage, to_stage, stated, moves, deals, trials, observed,
    (observed + z * z / (2 * n)) / (1 + z * z / n) AS center,
    z * SQRT(observed * (1 - observed) / n + z * z / (4 * n * n)) / (1 + z * z / n) AS half
  FROM (
    SELECT t.segment, t.position, t.from_stage, t.to_stage, t.share AS stated,
      COALESCE(o.moves, 0) AS moves, COALESCE(o.deals, 0) AS deals,
      COALESCE(c.exits, 0) AS trials,
      CASE WHEN COALESCE(c.exits, 0) = 0 THEN NULL
           ELSE CAST(COALESCE(o.moves, 0) AS {D}) / c.exits END AS observed,
      CAST(NULLIF(COALESCE(c.exits, 0), 0) AS {D}) AS n,
      CAST(1.959963984540054 AS {D}) AS z
    FROM {transitions} t
    JOIN (SELECT DISTINCT segment FROM {scoped_events}) g ON g.segment = t.segment
    LEFT JOIN (SELECT segment, position, next_position, COUNT(*) AS moves,
                 COUNT(DISTINCT deal) AS deals
               FROM {visits} WHERE next_position IS NOT NULL
               GROUP BY segment, position, next_position) o
      ON o.segment = t.segment AND o.position = t.from_position
     AND o.next_position = t.to_position
    LEFT JOIN {visit_counts} c ON c.segment = t.segment AND c.position = t.from_position
  ) w
) x)";

/// Moves the process has no transition for: a first event past the start (entry), a
/// move to a deeper state (skips ahead, depth from the start over transitions with a
/// share), any other (moves backwards). `ordinal`: conform's order, most frequent first.
constexpr const char* Unexpected = R"(SELECT segment, kind, from_stage, to_stage, moves, deals,
  ROW_NUMBER() OVER (PARTITION BY segment ORDER BY moves DESC, from_position, to_position)
    AS ordinal
FROM (
  SELECT u.segment,
    CASE WHEN u.from_position = -1 THEN 'entry'
         WHEN COALESCE(ts.depth, 2147483647) > COALESCE(fs.depth, 2147483647) THEN 'skips ahead'
         ELSE 'moves backwards' END AS kind,
    fs.stage AS from_stage, ts.stage AS to_stage, u.from_position, u.to_position,
    u.moves, u.deals
  FROM (
    SELECT v.segment, COALESCE(v.previous, -1) AS from_position, v.position AS to_position,
      COUNT(*) AS moves, COUNT(DISTINCT v.deal) AS deals
    FROM {visits} v
    JOIN {states} s ON s.segment = v.segment AND s.position = v.position
    WHERE v.previous IS NOT NULL OR NOT s.is_start
    GROUP BY v.segment, COALESCE(v.previous, -1), v.position
  ) u
  JOIN {states} ts ON ts.segment = u.segment AND ts.position = u.to_position
  LEFT JOIN {states} fs ON fs.segment = u.segment AND fs.position = u.from_position
  LEFT JOIN (SELECT DISTINCT segment, from_position, to_position FROM {transitions}) t
    ON t.segment = u.segment AND t.from_position = u.from_position
   AND t.to_position = u.to_position
  WHERE t.segment IS NULL
) m)";

/// Open deals (last event a stage) longer in it than its `stalled after`, as of the date.
constexpr const char* Stalled = R"(SELECT v.segment, v.deal, s.stage, v.at_day AS entered_day,
  a.at_day - v.at_day AS days_in_stage, s.stalled_after_days AS limit_days
FROM {visits} v
JOIN {states} s ON s.segment = v.segment AND s.position = v.position
CROSS JOIN {as_of} a
WHERE v.next_position IS NULL AND NOT s.is_outcome
  AND s.stalled_after_days IS NOT NULL AND a.at_day - v.at_day > s.stalled_after_days)";

/// What was replayed: events as of the date and after it, and deals.
constexpr const char* Summary = R"(SELECT e.segment, a.as_of,
  SUM(CASE WHEN e.at_day <= a.at_day THEN 1 ELSE 0 END) AS events,
  SUM(CASE WHEN e.at_day > a.at_day THEN 1 ELSE 0 END) AS events_after_as_of,
  COUNT(DISTINCT CASE WHEN e.at_day <= a.at_day THEN e.deal END) AS deals
FROM {scoped_events} e
CROSS JOIN {as_of} a
GROUP BY e.segment, a.as_of)";

/// Each open deal of the pipeline table in a stage of the process: its value (when
/// known) times the probability of winning from its stage, or else the expected value
/// of the wins from its stage.
constexpr const char* Pipeline = R"(SELECT d.{p_deal} AS deal, s.stage, {p_value} AS deal_value,
  s.win_probability,
  CASE WHEN {p_value} IS NULL THEN s.expected_win_value
       ELSE {p_value} * s.win_probability END AS weighted_value
FROM {p_source} d
{p_states} AND NOT s.is_outcome)";

constexpr const char* PipelineTotal = R"(SELECT COUNT(*) AS deals, SUM(deal_value) AS stated_value,
  SUM(win_probability) AS expected_wins, SUM(weighted_value) AS weighted_value
FROM {pipeline})";

} // namespace

std::vector<View> views(const SqlDialect& d, bool segments) {
  const SqlOptions& o = d.options();
  const SqlColumns& c = o.columns;
  const bool labels = c.mapping.has_value();
  llvm::StringMap<std::string> v;
  for (const char* name :
       {"states", "transitions", "segments", "settings", "labels", "event_labels", "event_days",
        "as_of", "scoped_events", "visits", "stage_times", "visit_counts", "stages", "edges",
        "unexpected", "stalled", "summary", "pipeline", "pipeline_total"})
    v[name] = d.object(name);
  v["D"] = d.doubleType().str();
  v["events"] = d.table(c.eventsTable);
  v["e_deal"] = d.ident(c.events.deal);
  v["e_stage"] = d.ident(c.events.stage);
  v["e_day"] = d.days("e." + d.ident(c.events.enteredAt));
  v["e_segment"] = !segments          ? ""
                   : c.events.segment ? ", e." + d.ident(*c.events.segment) + " AS segment"
                                      : ", CAST(NULL AS " + d.textType().str() + ") AS segment";
  v["e_reason"] =
      c.events.lostReason ? "COALESCE(e." + d.ident(*c.events.lostReason) + ", '')" : "''";
  v["fold1_stage"] = d.foldFirst("stage_label");
  v["fold1_reason"] = d.foldFirst("reason");
  v["fold2_stage"] = d.foldSecond("stage_part");
  v["fold2_reason"] = d.foldSecond("reason_part");
  v["asof_day"] = d.days("COALESCE(as_of, CURRENT_DATE)");
  v["pipeline_table"] = d.table(c.pipelineTable);
  v["p_deal"] = d.ident(c.pipeline.deal);
  // With labels, each deal's label folded in a subquery first (SqlDialect::foldFirst).
  v["p_source"] = labels ? "(SELECT p.*, " + d.foldFirst("p." + d.ident(c.pipeline.stage)) +
                               " AS stage_part FROM " + v["pipeline_table"] + " p)"
                         : v["pipeline_table"];
  v["p_states"] = labels ? "JOIN " + v["labels"] + " l ON l.kind = 'stage' AND l.label = " +
                               d.foldSecond("d.stage_part") + "\nJOIN " + v["states"] +
                               " s ON s.segment = '' AND s.position = l.position"
                         : "JOIN " + v["states"] + " s ON s.segment = '' AND s.stage = d." +
                               d.ident(c.pipeline.stage);
  v["p_value"] = c.pipeline.value
                     ? "CAST(d." + d.ident(*c.pipeline.value) + " AS " + d.doubleType().str() + ")"
                     : "CAST(NULL AS " + d.doubleType().str() + ")";
  std::vector<View> out;
  auto add = [&](const char* name, const std::string& tmpl) {
    out.push_back(View{v[name], fill(tmpl, v)});
  };
  if (labels)
    add("event_labels", EventLabels);
  add("event_days", labels ? MappedEventDays : EventDays);
  add("as_of", AsOf);
  add("scoped_events", segments ? "SELECT segment, deal, position, at_day FROM (\n" +
                                      std::string(ScopedWhole) + ScopedSegments + "\n) u"
                                : std::string(ScopedWhole));
  add("visits", Visits);
  add("stage_times", StageTimes);
  add("visit_counts", VisitCounts);
  add("stages", Stages);
  add("edges", Edges);
  add("unexpected", Unexpected);
  add("stalled", Stalled);
  add("summary", Summary);
  add("pipeline", Pipeline);
  add("pipeline_total", PipelineTotal);
  return out;
}

} // namespace salesc::emit::sql
