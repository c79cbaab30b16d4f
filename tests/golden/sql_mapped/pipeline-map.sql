-- The process 'pipeline' and its conformance analytics, written by salesc emit --to=sql --dialect=postgres.
-- Re-running it replaces what it made before. See docs/sql.md.
BEGIN;

DROP VIEW IF EXISTS "salesc_pipeline_total";
DROP VIEW IF EXISTS "salesc_pipeline";
DROP VIEW IF EXISTS "salesc_summary";
DROP VIEW IF EXISTS "salesc_stalled";
DROP VIEW IF EXISTS "salesc_unexpected";
DROP VIEW IF EXISTS "salesc_edges";
DROP VIEW IF EXISTS "salesc_stages";
DROP VIEW IF EXISTS "salesc_visit_counts";
DROP VIEW IF EXISTS "salesc_stage_times";
DROP VIEW IF EXISTS "salesc_visits";
DROP VIEW IF EXISTS "salesc_scoped_events";
DROP VIEW IF EXISTS "salesc_as_of";
DROP VIEW IF EXISTS "salesc_event_days";
DROP VIEW IF EXISTS "salesc_event_labels";
DROP TABLE IF EXISTS "salesc_labels";
DROP TABLE IF EXISTS "salesc_settings";
DROP TABLE IF EXISTS "salesc_signoffs";
DROP TABLE IF EXISTS "salesc_transitions";
DROP TABLE IF EXISTS "salesc_states";
DROP TABLE IF EXISTS "salesc_segments";
DROP TABLE IF EXISTS "salesc_processes";

CREATE TABLE "salesc_processes" (
  process TEXT,
  description TEXT,
  channel TEXT,
  offering TEXT,
  start_stage TEXT,
  currency TEXT,
  value_per_win DOUBLE PRECISION,
  target_win_rate DOUBLE PRECISION
);
INSERT INTO "salesc_processes" VALUES
  ('pipeline', 'A small pipeline with segments', '', '', 'lead', 'USD', 10000.0, NULL);

CREATE TABLE "salesc_segments" (
  segment TEXT,
  description TEXT,
  share DOUBLE PRECISION
);
INSERT INTO "salesc_segments" VALUES
  ('small', 'Small teams', 0.7),
  ('large', 'Large teams', 0.3);

CREATE TABLE "salesc_states" (
  segment TEXT,
  position BIGINT,
  stage TEXT,
  kind TEXT,
  is_start BOOLEAN,
  is_outcome BOOLEAN,
  is_signoff BOOLEAN,
  min_days DOUBLE PRECISION,
  typical_days DOUBLE PRECISION,
  max_days DOUBLE PRECISION,
  stalled_after_days DOUBLE PRECISION,
  value_per_win DOUBLE PRECISION,
  depth BIGINT,
  win_probability DOUBLE PRECISION,
  expected_win_value DOUBLE PRECISION
);
INSERT INTO "salesc_states" VALUES
  ('', 0, 'lead', 'stage', TRUE, FALSE, FALSE, 1.0, 3.0, 5.0, 10.0, NULL, 0, 0.13042105263157894, 1304.2105263157894),
  ('', 1, 'demo', 'stage', FALSE, FALSE, FALSE, 2.0, 4.0, 10.0, 20.0, NULL, 1, 0.2608421052631579, 2608.4210526315787),
  ('', 2, 'proposal', 'stage', FALSE, FALSE, FALSE, 5.0, 12.5, 20.0, NULL, NULL, 2, 0.4, 4000.0),
  ('', 3, 'won', 'won', FALSE, TRUE, FALSE, NULL, NULL, NULL, NULL, 10000.0, 3, 1.0, 10000.0),
  ('', 4, 'lost', 'lost', FALSE, TRUE, FALSE, NULL, NULL, NULL, NULL, NULL, 1, 0.0, 0.0),
  ('small', 0, 'lead', 'stage', TRUE, FALSE, FALSE, 1.0, 3.0, 5.0, 10.0, NULL, 0, 0.12631578947368421, 1263.157894736842),
  ('small', 1, 'demo', 'stage', FALSE, FALSE, FALSE, 2.0, 4.0, 10.0, 20.0, NULL, 1, 0.25263157894736843, 2526.315789473684),
  ('small', 2, 'proposal', 'stage', FALSE, FALSE, FALSE, 5.0, 12.5, 20.0, NULL, NULL, 2, 0.4, 4000.0),
  ('small', 3, 'won', 'won', FALSE, TRUE, FALSE, NULL, NULL, NULL, NULL, 10000.0, 3, 1.0, 10000.0),
  ('small', 4, 'lost', 'lost', FALSE, TRUE, FALSE, NULL, NULL, NULL, NULL, NULL, 1, 0.0, 0.0),
  ('large', 0, 'lead', 'stage', TRUE, FALSE, FALSE, 1.0, 3.0, 5.0, 10.0, NULL, 0, 0.13999999999999999, 1399.9999999999998),
  ('large', 1, 'demo', 'stage', FALSE, FALSE, FALSE, 2.0, 4.0, 10.0, 20.0, NULL, 1, 0.27999999999999997, 2799.9999999999995),
  ('large', 2, 'proposal', 'stage', FALSE, FALSE, FALSE, 5.0, 12.5, 20.0, NULL, NULL, 2, 0.4, 4000.0),
  ('large', 3, 'won', 'won', FALSE, TRUE, FALSE, NULL, NULL, NULL, NULL, 10000.0, 3, 1.0, 10000.0),
  ('large', 4, 'lost', 'lost', FALSE, TRUE, FALSE, NULL, NULL, NULL, NULL, NULL, 1, 0.0, 0.0);

CREATE TABLE "salesc_transitions" (
  segment TEXT,
  position BIGINT,
  from_position BIGINT,
  to_position BIGINT,
  from_stage TEXT,
  to_stage TEXT,
  share DOUBLE PRECISION,
  is_implicit BOOLEAN
);
INSERT INTO "salesc_transitions" VALUES
  ('', 0, 0, 1, 'lead', 'demo', 0.5, FALSE),
  ('', 1, 0, 4, 'lead', 'lost', 0.5, TRUE),
  ('', 2, 1, 2, 'demo', 'proposal', 0.63, FALSE),
  ('', 3, 1, 0, 'demo', 'lead', 0.06999999999999999, FALSE),
  ('', 4, 1, 4, 'demo', 'lost', 0.3, TRUE),
  ('', 5, 2, 3, 'proposal', 'won', 0.4, FALSE),
  ('', 6, 2, 4, 'proposal', 'lost', 0.6, TRUE),
  ('small', 0, 0, 1, 'lead', 'demo', 0.5, FALSE),
  ('small', 1, 0, 4, 'lead', 'lost', 0.5, TRUE),
  ('small', 2, 1, 2, 'demo', 'proposal', 0.6, FALSE),
  ('small', 3, 1, 0, 'demo', 'lead', 0.1, FALSE),
  ('small', 4, 1, 4, 'demo', 'lost', 0.3, TRUE),
  ('small', 5, 2, 3, 'proposal', 'won', 0.4, FALSE),
  ('small', 6, 2, 4, 'proposal', 'lost', 0.6, TRUE),
  ('large', 0, 0, 1, 'lead', 'demo', 0.5, FALSE),
  ('large', 1, 0, 4, 'lead', 'lost', 0.5, TRUE),
  ('large', 2, 1, 2, 'demo', 'proposal', 0.7, FALSE),
  ('large', 3, 1, 4, 'demo', 'lost', 0.3, TRUE),
  ('large', 4, 2, 3, 'proposal', 'won', 0.4, FALSE),
  ('large', 5, 2, 4, 'proposal', 'lost', 0.6, TRUE);

CREATE TABLE "salesc_signoffs" (
  segment TEXT,
  stage TEXT,
  role TEXT,
  share DOUBLE PRECISION,
  min_days DOUBLE PRECISION,
  typical_days DOUBLE PRECISION,
  max_days DOUBLE PRECISION
);

CREATE TABLE "salesc_settings" (
  as_of DATE
);
INSERT INTO "salesc_settings" VALUES
  (NULL);

CREATE TABLE "salesc_labels" (
  kind TEXT,
  label TEXT,
  position BIGINT,
  stage TEXT
);
INSERT INTO "salesc_labels" VALUES
  ('stage', 'closedlost', 4, 'lost'),
  ('stage', 'closedwon', 3, 'won'),
  ('stage', 'demo', 1, 'demo'),
  ('stage', 'demoscheduled', 1, 'demo'),
  ('stage', 'lead', 0, 'lead'),
  ('stage', 'leadin', 0, 'lead'),
  ('stage', 'lost', 4, 'lost'),
  ('stage', 'proposal', 2, 'proposal'),
  ('stage', 'won', 3, 'won'),
  ('lost reason', 'lost', 4, 'lost'),
  ('lost reason', 'nobudget', 4, 'lost');

CREATE VIEW "salesc_event_labels" AS
SELECT r.stage_label, r.reason,
  CASE WHEN lr.position IS NOT NULL AND (ls.position IS NULL OR s.kind = 'lost')
       THEN lr.position ELSE ls.position END AS position
FROM (
  SELECT stage_label, reason, stage_part AS stage_key, reason_part AS reason_key
  FROM (
    SELECT stage_label, reason, TRANSLATE(stage_label, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ !"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', 'abcdefghijklmnopqrstuvwxyz') AS stage_part, TRANSLATE(reason, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ !"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', 'abcdefghijklmnopqrstuvwxyz') AS reason_part
    FROM (SELECT DISTINCT e."StageName" AS stage_label, COALESCE(e."Loss Reason", '') AS reason FROM "stage_events" e) d
  ) f
) r
LEFT JOIN "salesc_labels" ls ON ls.kind = 'stage' AND ls.label = r.stage_key
LEFT JOIN "salesc_states" s ON s.segment = '' AND s.position = ls.position
LEFT JOIN "salesc_labels" lr ON lr.kind = 'lost reason' AND lr.label = r.reason_key;

CREATE VIEW "salesc_event_days" AS
SELECT e."OpportunityId" AS deal, l.position AS position,
  (CAST(EXTRACT(EPOCH FROM e."CreatedDate") AS DOUBLE PRECISION) / 86400.0) AS at_day, e."Region" AS segment
FROM "stage_events" e
JOIN "salesc_event_labels" l ON l.stage_label = e."StageName" AND l.reason = COALESCE(e."Loss Reason", '')
WHERE l.position IS NOT NULL;

CREATE VIEW "salesc_as_of" AS
SELECT COALESCE(as_of, CURRENT_DATE) AS as_of,
  (CAST(EXTRACT(EPOCH FROM COALESCE(as_of, CURRENT_DATE)) AS DOUBLE PRECISION) / 86400.0) AS at_day
FROM "salesc_settings";

CREATE VIEW "salesc_scoped_events" AS
SELECT segment, deal, position, at_day FROM (
SELECT '' AS segment, deal, position, at_day
FROM "salesc_event_days"
UNION ALL
SELECT g.segment, e.deal, e.position, e.at_day
FROM "salesc_event_days" e
JOIN (SELECT deal, MIN(segment) AS segment FROM "salesc_event_days"
      WHERE segment IN (SELECT segment FROM "salesc_segments")
      GROUP BY deal) g ON g.deal = e.deal
) u;

CREATE VIEW "salesc_visits" AS
SELECT segment, deal, position, at_day,
  LAG(position) OVER (PARTITION BY segment, deal ORDER BY at_day, position) AS previous,
  LEAD(position) OVER (PARTITION BY segment, deal ORDER BY at_day, position) AS next_position,
  LEAD(at_day) OVER (PARTITION BY segment, deal ORDER BY at_day, position) AS next_day
FROM (
  SELECT r.segment, r.deal, r.position, r.at_day
  FROM (
    SELECT e.segment, e.deal, e.position, e.at_day,
      LAG(e.position) OVER (PARTITION BY e.segment, e.deal ORDER BY e.at_day, e.position) AS before
    FROM "salesc_scoped_events" e
    CROSS JOIN "salesc_as_of" a
    WHERE e.at_day <= a.at_day
  ) r
  LEFT JOIN (SELECT DISTINCT segment, from_position FROM "salesc_transitions"
             WHERE from_position = to_position) l
    ON l.segment = r.segment AND l.from_position = r.position
  WHERE r.before IS NULL OR r.before <> r.position OR l.from_position IS NOT NULL
) k;

CREATE VIEW "salesc_stage_times" AS
SELECT segment, position, n AS completed,
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
        CAST(0.5 AS DOUBLE PRECISION) * (n - 1) AS h50, CAST(0.9 AS DOUBLE PRECISION) * (n - 1) AS h90
      FROM (
        SELECT v.segment, v.position, v.next_day - v.at_day AS days,
          ROW_NUMBER() OVER (PARTITION BY v.segment, v.position
                             ORDER BY v.next_day - v.at_day) - 1 AS rn,
          COUNT(*) OVER (PARTITION BY v.segment, v.position) AS n
        FROM "salesc_visits" v
        JOIN "salesc_states" s ON s.segment = v.segment AND s.position = v.position
        WHERE v.next_position IS NOT NULL AND NOT s.is_outcome
      ) x
    ) y
  ) w
  GROUP BY segment, position, n, h50, f50, h90, f90
) z;

CREATE VIEW "salesc_visit_counts" AS
SELECT segment, position, COUNT(DISTINCT deal) AS entered,
  COUNT(*) AS visits, COUNT(next_position) AS exits,
  SUM(CASE WHEN next_position IS NULL THEN 1 ELSE 0 END) AS last_here
FROM "salesc_visits"
GROUP BY segment, position;

CREATE VIEW "salesc_stages" AS
SELECT s.segment, s.position, s.stage, s.kind,
  COALESCE(c.entered, 0) AS entered, COALESCE(c.visits, 0) AS visits,
  COALESCE(c.exits, 0) AS exits,
  CASE WHEN s.is_outcome THEN NULL ELSE COALESCE(c.last_here, 0) END AS still_open,
  CASE WHEN s.is_outcome THEN COALESCE(c.last_here, 0) ELSE NULL END AS ended,
  t.completed, t.median_days, t.p90_days,
  s.min_days, s.typical_days, s.max_days
FROM "salesc_states" s
JOIN (SELECT DISTINCT segment FROM "salesc_scoped_events") g ON g.segment = s.segment
LEFT JOIN "salesc_visit_counts" c ON c.segment = s.segment AND c.position = s.position
LEFT JOIN "salesc_stage_times" t ON t.segment = s.segment AND t.position = s.position;

CREATE VIEW "salesc_edges" AS
SELECT segment, position, from_stage, to_stage, stated, moves, deals,
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
           ELSE CAST(COALESCE(o.moves, 0) AS DOUBLE PRECISION) / c.exits END AS observed,
      CAST(NULLIF(COALESCE(c.exits, 0), 0) AS DOUBLE PRECISION) AS n,
      CAST(1.959963984540054 AS DOUBLE PRECISION) AS z
    FROM "salesc_transitions" t
    JOIN (SELECT DISTINCT segment FROM "salesc_scoped_events") g ON g.segment = t.segment
    LEFT JOIN (SELECT segment, position, next_position, COUNT(*) AS moves,
                 COUNT(DISTINCT deal) AS deals
               FROM "salesc_visits" WHERE next_position IS NOT NULL
               GROUP BY segment, position, next_position) o
      ON o.segment = t.segment AND o.position = t.from_position
     AND o.next_position = t.to_position
    LEFT JOIN "salesc_visit_counts" c ON c.segment = t.segment AND c.position = t.from_position
  ) w
) x;

CREATE VIEW "salesc_unexpected" AS
SELECT segment, kind, from_stage, to_stage, moves, deals,
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
    FROM "salesc_visits" v
    JOIN "salesc_states" s ON s.segment = v.segment AND s.position = v.position
    WHERE v.previous IS NOT NULL OR NOT s.is_start
    GROUP BY v.segment, COALESCE(v.previous, -1), v.position
  ) u
  JOIN "salesc_states" ts ON ts.segment = u.segment AND ts.position = u.to_position
  LEFT JOIN "salesc_states" fs ON fs.segment = u.segment AND fs.position = u.from_position
  LEFT JOIN (SELECT DISTINCT segment, from_position, to_position FROM "salesc_transitions") t
    ON t.segment = u.segment AND t.from_position = u.from_position
   AND t.to_position = u.to_position
  WHERE t.segment IS NULL
) m;

CREATE VIEW "salesc_stalled" AS
SELECT v.segment, v.deal, s.stage, v.at_day AS entered_day,
  a.at_day - v.at_day AS days_in_stage, s.stalled_after_days AS limit_days
FROM "salesc_visits" v
JOIN "salesc_states" s ON s.segment = v.segment AND s.position = v.position
CROSS JOIN "salesc_as_of" a
WHERE v.next_position IS NULL AND NOT s.is_outcome
  AND s.stalled_after_days IS NOT NULL AND a.at_day - v.at_day > s.stalled_after_days;

CREATE VIEW "salesc_summary" AS
SELECT e.segment, a.as_of,
  SUM(CASE WHEN e.at_day <= a.at_day THEN 1 ELSE 0 END) AS events,
  SUM(CASE WHEN e.at_day > a.at_day THEN 1 ELSE 0 END) AS events_after_as_of,
  COUNT(DISTINCT CASE WHEN e.at_day <= a.at_day THEN e.deal END) AS deals
FROM "salesc_scoped_events" e
CROSS JOIN "salesc_as_of" a
GROUP BY e.segment, a.as_of;

CREATE VIEW "salesc_pipeline" AS
SELECT d."OpportunityId" AS deal, s.stage, CAST(d."Amount" AS DOUBLE PRECISION) AS deal_value,
  s.win_probability,
  CASE WHEN CAST(d."Amount" AS DOUBLE PRECISION) IS NULL THEN s.expected_win_value
       ELSE CAST(d."Amount" AS DOUBLE PRECISION) * s.win_probability END AS weighted_value
FROM (SELECT p.*, TRANSLATE(p."StageName", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ !"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', 'abcdefghijklmnopqrstuvwxyz') AS stage_part FROM "open_deals" p) d
JOIN "salesc_labels" l ON l.kind = 'stage' AND l.label = d.stage_part
JOIN "salesc_states" s ON s.segment = '' AND s.position = l.position AND NOT s.is_outcome;

CREATE VIEW "salesc_pipeline_total" AS
SELECT COUNT(*) AS deals, SUM(deal_value) AS stated_value,
  SUM(win_probability) AS expected_wins, SUM(weighted_value) AS weighted_value
FROM "salesc_pipeline";

COMMIT;
