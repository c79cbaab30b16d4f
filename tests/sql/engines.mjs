// The SQL of `salesc emit --to=sql` run on real engines (PostgreSQL, SQLite, DuckDB) over a
// generated stage-event log, every view compared with `salesc conform --format=json` (and the
// pipeline with `salesc forecast --format=json`) on the same log: counts exactly, shares,
// bounds and times to 1e-9. Any engine missing is a failure: `make test` runs them all.
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

const { events, pipeline } = makeLog(deals);
fs.writeFileSync(path.join(out, 'log.csv'), eventsCsv(events));
fs.writeFileSync(path.join(out, 'deals.csv'), pipelineCsv(pipeline));
const run = (args) => execFileSync(salesc, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
const conform = JSON.parse(run(['conform', '--format=json', `--as-of=${asOf}`,
  `--events=${path.join(out, 'log.csv')}`, processFile]));
const forecast = JSON.parse(run(['forecast', '--format=json', `--as-of=${asOf}`,
  `--pipeline=${path.join(out, 'deals.csv')}`, processFile]));

const sqlText = (s) => (s === null ? 'NULL' : `'${String(s).replace(/'/g, "''")}'`);
/// The user's tables, as a CRM export would fill them.
function userTables(timestampType, doubleType) {
  const rows = (list, f) => list.map((r) => `(${f(r).join(', ')})`).join(',\n');
  return `DROP TABLE IF EXISTS stage_events;
DROP TABLE IF EXISTS open_deals;
CREATE TABLE stage_events (deal TEXT, stage TEXT, entered_at ${timestampType}, segment TEXT);
INSERT INTO stage_events VALUES
${rows(events, (e) => [sqlText(e.deal), sqlText(e.stage), sqlText(e.at), sqlText(e.segment || null)])};
CREATE TABLE open_deals (deal TEXT, stage TEXT, entered_at ${timestampType}, value ${doubleType});
INSERT INTO open_deals VALUES
${rows(pipeline, (d) => [sqlText(d.deal), sqlText(d.stage), sqlText(d.entered), d.value ?? 'NULL'])};
`;
}

const Views = ['summary', 'stages', 'edges', 'unexpected', 'stalled', 'pipeline', 'pipeline_total'];

function emit(dialect) {
  const file = path.join(out, `${dialect}.sql`);
  run(['emit', '--to=sql', `--dialect=${dialect}`, processFile, '-o', file]);
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
    psql(userTables('TIMESTAMP', 'DOUBLE PRECISION'));
    const script = emit('postgres');
    psql(script);
    psql(script); // re-running replaces
    psql(`UPDATE salesc_settings SET as_of = DATE '${asOf}';`);
    const results = {};
    for (const v of Views)
      results[v] = JSON.parse(psql(`SELECT COALESCE(json_agg(t), '[]') FROM salesc_${v} t;`));
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
  sq(userTables('TEXT', 'REAL'));
  const script = emit('sqlite');
  sq(script);
  sq(script);
  sq(`UPDATE salesc_settings SET as_of = '${asOf}';`);
  const results = {};
  for (const v of Views) results[v] = JSON.parse(sq(`SELECT * FROM salesc_${v};`, true) || '[]');
  return results;
}

// --- DuckDB: the official npm package, in memory --------------------------------------------
async function duckdb() {
  const require = createRequire(path.join(path.resolve(arg('node-modules')), 'x.js'));
  const { DuckDBInstance } = require('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(userTables('TIMESTAMP', 'DOUBLE'));
  const script = emit('duckdb');
  await c.run(script);
  await c.run(script);
  await c.run(`UPDATE salesc_settings SET as_of = DATE '${asOf}';`);
  const results = {};
  for (const v of Views)
    results[v] = (await c.runAndReadAll(`SELECT * FROM salesc_${v}`)).getRowObjectsJson();
  return results;
}

const runners = { postgres, sqlite, duckdb };
let failures = 0;
let checkedTheCheck = false;
for (const engine of engines) {
  const results = await runners[engine]();
  const problems = compareAll(results, conform, forecast);
  if (!checkedTheCheck) { // the comparison must see a change of 1e-8 in a share
    const edited = JSON.parse(JSON.stringify(results));
    edited.edges[0].observed = Number(edited.edges[0].observed) + 1e-8;
    if (compareAll(edited, conform, forecast).length !== problems.length + 1)
      throw new Error('compareAll misses a share 1e-8 off');
    checkedTheCheck = true;
  }
  fs.writeFileSync(path.join(out, `${engine}.json`), JSON.stringify(results, null, 1));
  if (problems.length) {
    failures += 1;
    console.log(`${engine}: ${problems.length} differences from salesc conform/forecast:`);
    for (const p of problems.slice(0, 40)) console.log(`  ${p}`);
  } else {
    const n = results.stages.length + results.edges.length + results.unexpected.length +
      results.stalled.length + results.pipeline.length;
    console.log(`${engine}: every view agrees with salesc conform and forecast (${n} rows, ` +
      `${conform.events} events, ${conform.deals} deals)`);
  }
}
process.exit(failures ? 1 : 0);
