// The log of log.mjs as a CRM keeps it (tests/sql/crm-map.yaml): its own column names, stage
// labels written several ways (through the map's `stages:`, by the stage's name in any case
// and spacing, Closed Won), and lost deals whose label names nothing but whose lost reason
// does. Deterministic, like the log.

import { random } from './log.mjs';

const Labels = {
  lead: ['Lead In', 'lead in', 'LEAD'],
  demo: ['Demo Scheduled', 'demo_scheduled', 'DEMO SCHEDULED', 'Demo'],
  proposal: ['Proposal', 'proposal ', 'PROPOSAL'],
  won: ['Closed Won', 'Won'],
  lost: ['Closed Lost', 'Disqualified'],
};

/// [{OpportunityId, StageName, CreatedDate, Region, 'Loss Reason'}] for the events.
export function crmEvents(events, seed = 11) {
  const rnd = random(seed);
  return events.map((e) => {
    const label = Labels[e.stage][Math.floor(rnd() * Labels[e.stage].length)];
    // Disqualified names no stage: its lost reason makes it the lost outcome. Other rows
    // carry a reason now and then, which changes nothing.
    const reason = label === 'Disqualified' || rnd() < 0.05 ? 'No budget' : null;
    return { OpportunityId: e.deal, StageName: label, CreatedDate: e.at,
             Region: e.segment || null, 'Loss Reason': reason };
  });
}

/// [{OpportunityId, StageName, CreatedDate, Amount}] for the open deals.
export function crmPipeline(rows) {
  return rows.map((r, i) => ({ OpportunityId: r.deal, StageName: Labels[r.stage][i % 2],
                               CreatedDate: r.entered, Amount: r.value ?? null }));
}

const csvField = (v) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/// A CSV of rows with the given columns (null: empty).
export function crmCsv(rows, columns) {
  return [columns.join(','),
    ...rows.map((r) => columns.map((c) => csvField(r[c] === null ? null : String(r[c])))
      .join(','))].join('\n') + '\n';
}
