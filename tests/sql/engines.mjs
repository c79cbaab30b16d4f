// The SQL of `salesc emit --to=sql` run on real engines (PostgreSQL, SQLite, DuckDB) over a
// generated stage-event log, every view compared with `salesc conform --format=json` (and the
// pipeline with `salesc forecast --format=json`) on the same log: counts exactly, shares,
// bounds and times to 1e-9. Any engine missing is a failure: `make test` runs them all. Two
// cases on each engine: the plain tables, and the same log kept as a CRM keeps it (crm.mjs)
// read through `--map crm-map.yaml`, compared with conform --map and forecast --map.
//
//   node engines.mjs --salesc PATH --pg-bin DIR --sqlite3 PATH --node-modules DIR --out DIR
//       [--deals N] [--engines postgres,sqlite,duckdb]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { eventsCsv, makeLog, pipelineCsv } from './log.mjs';
import { crmCsv, crmEvents, crmPipeline } from './crm.mjs';
import { compareAll } from './compare.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
};
const salesc = arg('salesc');
const out = arg('out');
const deals = Number(arg('deals', '600'));
const asOf = '2026-05-01';
const engines = arg('engines', 'postgres,sqlite,duckdb').split(',');
const processFile = path.join(here, 'pipeline.sales');
fs.mkdirSync(out, { recursive: true });

const run = (args) => execFileSync(salesc, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
const sqlText = (s) => (s === null ? 'NULL' : `'${String(s).replace(/'/g, "''")}'`);
/// DROP, CREATE and INSERT of one of the user's tables: columns [name, type, value of a row].
function userTable(name, columns, rows) {
  const values = rows.map((r) => `(${columns.map(([, , f]) => f(r)).join(', ')})`);
  return `DROP TABLE IF EXISTS ${name};
CREATE TABLE ${name} (${columns.map(([c, t]) => `"${c}" ${t}`).join(', ')});
INSERT INTO ${name} VALUES
${values.join(',\n')};
`;
}

/// Each case: the user's tables as a CRM export would fill them (for a timestamp type and a
/// double type), the options of emit, and conform's and forecast's reports on the same log.
function plainCase() {
  const log = path.join(out, 'log.csv'), deals = path.join(out, 'deals.csv');
  fs.writeFileSync(log, eventsCsv(events));
  fs.writeFileSync(deals, pipelineCsv(pipeline));
  return {
    name: 'plain', emitArgs: [],
    tables: (ts, dbl) => userTable('stage_events', [
      ['deal', 'TEXT', (e) => sqlText(e.deal)], ['stage', 'TEXT', (e) => sqlText(e.stage)],
      ['entered_at', ts, (e) => sqlText(e.at)],
      ['segment', 'TEXT', (e) => sqlText(e.segment || null)]], events) +
      userTable('open_deals', [
        ['deal', 'TEXT', (d) => sqlText(d.deal)], ['stage', 'TEXT', (d) => sqlText(d.stage)],
        ['entered_at', ts, (d) => sqlText(d.entered)], ['value', dbl, (d) => d.value ?? 'NULL']],
      pipeline),
    conform: JSON.parse(run(['conform', '--format=json', `--as-of=${asOf}`, `--events=${log}`,
      processFile])),
    forecast: JSON.parse(run(['forecast', '--format=json', `--as-of=${asOf}`,
      `--pipeline=${deals}`, processFile])),
  };
}

function crmCase() {
  const map = path.join(here, 'crm-map.yaml');
  const log = path.join(out, 'crm-log.csv'), deals = path.join(out, 'crm-deals.csv');
  const history = crmEvents(events), open = crmPipeline(pipeline);
  const eventColumns = ['OpportunityId', 'StageName', 'CreatedDate', 'Region', 'Loss Reason'];
  const dealColumns = ['OpportunityId', 'StageName', 'CreatedDate', 'Amount'];
  fs.writeFileSync(log, crmCsv(history, eventColumns));
  fs.writeFileSync(deals, crmCsv(open, dealColumns));
  const text = (c) => [c, 'TEXT', (r) => sqlText(r[c])];
  return {
    name: 'crm', emitArgs: ['--map', map, '--events-table=crm_history',
      '--pipeline-table=crm_deals'],
    tables: (ts, dbl) => userTable('crm_history', [text('OpportunityId'), text('StageName'),
      ['CreatedDate', ts, (r) => sqlText(r.CreatedDate)], text('Region'), text('Loss Reason')],
    history) + userTable('crm_deals', [text('OpportunityId'), text('StageName'),
      ['CreatedDate', ts, (r) => sqlText(r.CreatedDate)],
      ['Amount', dbl, (r) => r.Amount ?? 'NULL']], open),
    conform: JSON.parse(run(['conform', '--format=json', `--as-of=${asOf}`, `--events=${log}`,
      '--map', map, processFile])),
    forecast: JSON.parse(run(['forecast', '--format=json', `--as-of=${asOf}`,
      `--pipeline=${deals}`, '--map', map, processFile])),
  };
}

const { events, pipeline } = makeLog(deals);
const cases = [plainCase(), crmCase()];

const Views = ['summary', 'stages', 'edges', 'unexpected', 'stalled', 'pipeline', 'pipeline_total'];

function emit(dialect, c) {
  const file = path.join(out, `${dialect}-${c.name}.sql`);
  run(['emit', '--to=sql', `--dialect=${dialect}`, ...c.emitArgs, processFile, '-o', file]);
  return fs.readFileSync(file, 'utf8');
}

// --- PostgreSQL: a cluster of our own in a temporary folder, on a Unix socket only ----------
function postgres() {
  const bin = arg('pg-bin');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesc-pg-'));
  // initdb refuses root: as root, the cluster belongs to the postgres user Debian creates.
  const asUser = process.getuid && process.getuid() === 0 ? ['setpriv', '--reuid=postgres',
    '--regid=postgres', '--clear-groups', '--'] : [];
  if (asUser.length) execFileSync('chown', ['postgres:postgres', dir]);
  const pg = (tool, args, input) => {
    const cmd = [...asUser, path.join(bin, tool), ...args];
    const r = spawnSync(cmd[0], cmd.slice(1), { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr || r.error}`);
    return r.stdout;
  };
  const data = path.join(dir, 'data');
  pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  pg('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'log'), '-o',
    `-k ${dir} -c listen_addresses='' -c fsync=off -c TimeZone=UTC`, 'start']);
  try {
    const psql = (sql) => pg('psql', ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-X', '-q',
      '-v', 'ON_ERROR_STOP=1', '-At'], sql);
    const results = {};
    for (const c of cases) {
      psql(c.tables('TIMESTAMP', 'DOUBLE PRECISION'));
      const script = emit('postgres', c);
      psql(script);
      psql(script); // re-running replaces
      psql(`UPDATE salesc_settings SET as_of = DATE '${asOf}';`);
      results[c.name] = {};
      for (const v of Views)
        results[c.name][v] = JSON.parse(psql(`SELECT COALESCE(json_agg(t), '[]') FROM salesc_${v} t;`));
    }
    return results;
  } finally {
    pg('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// --- SQLite: Debian's sqlite3 on a file ----------------------------------------------------
function sqlite() {
  const bin = arg('sqlite3');
  const db = path.join(out, 'sqlite.db');
  fs.rmSync(db, { force: true });
  const sq = (sql, json) => {
    const r = spawnSync(bin, [...(json ? ['-json'] : []), '-bail', db], { input: sql,
      encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0 || r.stderr) throw new Error(`sqlite3: ${r.stderr || r.error}`);
    return r.stdout;
  };
  const results = {};
  for (const c of cases) {
    sq(c.tables('TEXT', 'REAL'));
    const script = emit('sqlite', c);
    sq(script);
    sq(script);
    sq(`UPDATE salesc_settings SET as_of = '${asOf}';`);
    results[c.name] = {};
    for (const v of Views)
      results[c.name][v] = JSON.parse(sq(`SELECT * FROM salesc_${v};`, true) || '[]');
  }
  return results;
}

// --- DuckDB: the official npm package, in memory --------------------------------------------
async function duckdb() {
  const require = createRequire(path.join(path.resolve(arg('node-modules')), 'x.js'));
  const { DuckDBInstance } = require('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const results = {};
  for (const k of cases) {
    await c.run(k.tables('TIMESTAMP', 'DOUBLE'));
    const script = emit('duckdb', k);
    await c.run(script);
    await c.run(script);
    await c.run(`UPDATE salesc_settings SET as_of = DATE '${asOf}';`);
    results[k.name] = {};
    for (const v of Views)
      results[k.name][v] = (await c.runAndReadAll(`SELECT * FROM salesc_${v}`)).getRowObjectsJson();
  }
  return results;
}

const runners = { postgres, sqlite, duckdb };
let failures = 0;
let checkedTheCheck = false;
for (const engine of engines) {
  const all = await runners[engine]();
  for (const c of cases) {
    const results = all[c.name];
    const problems = compareAll(results, c.conform, c.forecast);
    if (!checkedTheCheck) { // the comparison must see a change of 1e-8 in a share
      const edited = JSON.parse(JSON.stringify(results));
      edited.edges[0].observed = Number(edited.edges[0].observed) + 1e-8;
      if (compareAll(edited, c.conform, c.forecast).length !== problems.length + 1)
        throw new Error('compareAll misses a share 1e-8 off');
      checkedTheCheck = true;
    }
    fs.writeFileSync(path.join(out, `${engine}-${c.name}.json`), JSON.stringify(results, null, 1));
    if (problems.length) {
      failures += 1;
      console.log(`${engine} (${c.name}): ${problems.length} differences from salesc conform/forecast:`);
      for (const p of problems.slice(0, 40)) console.log(`  ${p}`);
    } else {
      const n = results.stages.length + results.edges.length + results.unexpected.length +
        results.stalled.length + results.pipeline.length;
      console.log(`${engine} (${c.name}): every view agrees with salesc conform and forecast ` +
        `(${n} rows, ${c.conform.events} events, ${c.conform.deals} deals)`);
    }
  }
}
process.exit(failures ? 1 : 0);
