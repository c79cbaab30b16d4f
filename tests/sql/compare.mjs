// Compares the views of the emitted SQL with salesc conform's and forecast's JSON: counts
// exactly, shares, bounds and times to 1e-9. Returns the differences, one line each.

const Tolerance = 1e-9;

export function compareAll(views, conform, forecast) {
  const problems = [];
  const num = (x) => (x === null || x === undefined ? null : Number(x));
  const same = (where, want, got, exact) => {
    const w = num(want), g = num(got);
    if (w === null || g === null) {
      if (w !== g) problems.push(`${where}: conform ${w}, SQL ${g}`);
    } else if (exact ? w !== g : !(Math.abs(w - g) <= Tolerance)) {
      problems.push(`${where}: conform ${w}, SQL ${g}`);
    }
  };
  const bySegment = (rows, g) => rows.filter((r) => (r.segment ?? '') === g);
  const reports = [['', conform], ...conform.segments.map((s) => [s.name, s])];
  const replayed = new Set(views.summary.map((r) => r.segment ?? ''));
  for (const [g, rep] of reports) {
    const at = (what) => `${g ? `segment ${g}` : 'whole log'}: ${what}`;
    if (!replayed.has(g)) problems.push(at('no rows in the summary view'));
    const summary = bySegment(views.summary, g)[0] ?? {};
    same(at('events'), rep.events, summary.events, true);
    same(at('deals'), rep.deals, summary.deals, true);
    same(at('events after the as-of date'), rep.events_after_as_of, summary.events_after_as_of,
      true);
    const stages = bySegment(views.stages, g);
    if (stages.length !== rep.stages.length)
      problems.push(at(`${rep.stages.length} states in conform, ${stages.length} in SQL`));
    for (const s of rep.stages) {
      const row = stages.find((r) => r.stage === s.name) ?? {};
      const w = (f) => at(`stage ${s.name} ${f}`);
      same(w('entered'), s.entered, row.entered, true);
      same(w('visits'), s.visits, row.visits, true);
      same(w('left'), s.left, row.exits, true);
      if ('open' in s) same(w('open'), s.open, row.still_open, true);
      else same(w('ended'), s.ended, row.ended, true);
      same(w('median_days'), s.median_days, row.median_days);
      same(w('p90_days'), s.p90_days, row.p90_days);
    }
    const edges = bySegment(views.edges, g);
    if (edges.length !== rep.edges.length)
      problems.push(at(`${rep.edges.length} edges in conform, ${edges.length} in SQL`));
    for (const e of rep.edges) {
      const row = edges.find((r) => r.from_stage === e.from && r.to_stage === e.to) ?? {};
      const w = (f) => at(`edge ${e.from} -> ${e.to} ${f}`);
      same(w('stated'), e.stated, row.stated);
      for (const [f, c] of [['count', 'moves'], ['deals', 'deals'], ['trials', 'trials']])
        same(w(f), e[f], row[c], true);
      for (const f of ['observed', 'low', 'high']) same(w(f), e[f], row[f]);
    }
    const unexpected = bySegment(views.unexpected, g).sort((x, y) => num(x.ordinal) -
      num(y.ordinal));
    if (unexpected.length !== rep.unexpected.length)
      problems.push(at(`${rep.unexpected.length} unexpected moves in conform, ` +
        `${unexpected.length} in SQL`));
    rep.unexpected.forEach((u, i) => {
      const row = unexpected[i] ?? {};
      const w = (f) => at(`unexpected #${i + 1} ${f}`);
      const from = u.kind === 'entry' ? null : u.from;
      if (row.kind !== u.kind || (row.from_stage ?? null) !== from || row.to_stage !== u.to)
        problems.push(w(`${u.kind} ${u.from} -> ${u.to} in conform, ${row.kind} ` +
          `${row.from_stage} -> ${row.to_stage} in SQL`));
      same(w('count'), u.count, row.moves, true);
      same(w('deals'), u.deals, row.deals, true);
    });
    const stalled = bySegment(views.stalled, g);
    if (stalled.length !== rep.stalled.length)
      problems.push(at(`${rep.stalled.length} stalled deals in conform, ${stalled.length} in SQL`));
    // By deal, not a search per deal: a 10-million-event log has hundreds of thousands.
    const stalledByDeal = new Map(stalled.map((r) => [r.deal, r]));
    for (const s of rep.stalled) {
      const row = stalledByDeal.get(s.deal) ?? {};
      if (row.stage !== s.stage) problems.push(at(`stalled ${s.deal}: stage ${row.stage}`));
      same(at(`stalled ${s.deal} days_in_stage`), s.days_in_stage, row.days_in_stage);
      same(at(`stalled ${s.deal} limit_days`), s.limit_days, row.limit_days);
    }
  }
  if (replayed.size !== reports.length)
    problems.push(`the SQL replays ${replayed.size} segments, conform ${reports.length}`);
  const total = views.pipeline_total[0] ?? {};
  same('pipeline: open deals', forecast.open_deals, total.deals, true);
  same('pipeline: weighted', forecast.weighted_pipeline, total.weighted_value);
  same('pipeline: expected wins', forecast.expected_wins_eventually, total.expected_wins);
  // A comparison of nothing proves nothing: the log must show every case.
  const kinds = new Set(conform.unexpected.map((u) => u.kind));
  for (const k of ['entry', 'skips ahead', 'moves backwards'])
    if (!kinds.has(k)) problems.push(`the log has no unexpected move of kind ${k}`);
  if (!conform.stalled.length) problems.push('the log has no stalled deal');
  if (!conform.segments.length) problems.push('the log has no segment');
  if (!conform.events_after_as_of) problems.push('the log has no event after the as-of date');
  return problems;
}
