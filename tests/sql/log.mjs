// A stage-event log for tests/sql: deals walking tests/sql/pipeline.sales with every case
// conform meets (skips, backward moves, entries past the start, repeated records, open
// deals, deals stalled, events after the as-of date, segments named or not), and open deals
// for the pipeline. Deterministic: a seeded generator, whole seconds, no ties within a deal.

/// Park-Miller: the same log on every machine.
export function random(seed) {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/// Where a deal goes from each stage: the process's moves and others it lacks.
export const Next = {
  lead: [['demo', 0.5], ['lost', 0.38], ['proposal', 0.07], ['won', 0.05]],
  demo: [['proposal', 0.6], ['lead', 0.1], ['lost', 0.25], ['demo', 0.05]],
  proposal: [['won', 0.4], ['lost', 0.45], ['demo', 0.1], ['lead', 0.05]],
};

export function pick(rnd, choices) {
  let u = rnd();
  for (const [name, p] of choices) if ((u -= p) < 0) return name;
  return choices[choices.length - 1][0];
}

export function stamp(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/// { events: [{deal, stage, at, segment}], pipeline: [{deal, stage, entered, value}] }
export function makeLog(deals, seed = 7) {
  const rnd = random(seed);
  const start = Date.UTC(2026, 0, 1) / 1000;
  const events = [];
  for (let d = 0; d < deals; ++d) {
    const deal = `D${String(d).padStart(5, '0')}`;
    const segment = rnd() < 0.15 ? '' : rnd() < 0.7 ? 'small' : 'large';
    let at = start + Math.floor(rnd() * 150 * 86400);
    let stage = rnd() < 0.06 ? 'demo' : 'lead'; // some enter past the start
    for (let step = 0; step < 12; ++step) {
      events.push({ deal, stage, at: stamp(at), segment });
      if (rnd() < 0.04) // a repeated CRM record, a little later
        events.push({ deal, stage, at: stamp(at + 1 + Math.floor(rnd() * 3600)), segment });
      if (stage === 'won' || stage === 'lost' || rnd() < 0.12) break; // outcome, or open
      at += 3601 + Math.floor(rnd() * 25 * 86400);
      stage = pick(rnd, Next[stage]);
    }
  }
  // Rows out of time order, as CRM exports are.
  for (let i = events.length - 1; i > 0; --i) {
    if (rnd() < 0.3) {
      const j = Math.floor(rnd() * (i + 1));
      [events[i], events[j]] = [events[j], events[i]];
    }
  }
  const pipeline = [];
  for (let d = 0; d < Math.max(3, deals / 10); ++d) {
    const stage = ['lead', 'demo', 'proposal'][d % 3];
    pipeline.push({ deal: `P${d}`, stage, entered: stamp(start + d * 86400),
                    value: d % 4 === 0 ? null : 1000 * (d + 1) });
  }
  return { events, pipeline };
}

export function eventsCsv(events) {
  return 'deal,stage,timestamp,segment\n' +
    events.map((e) => `${e.deal},${e.stage},${e.at},${e.segment}`).join('\n') + '\n';
}

export function pipelineCsv(rows) {
  return 'deal,stage,entered,value\n' +
    rows.map((r) => `${r.deal},${r.stage},${r.entered},${r.value ?? ''}`).join('\n') + '\n';
}
