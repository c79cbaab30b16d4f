// salesc conform in process against DuckDB running the SQL of `salesc emit --to=sql` on the
// same CSV, side by side, and their answers compared (tests/sql/compare.mjs: counts exactly,
// shares, bounds and times to 1e-9). The log is generated here: deals walking
// tests/sql/pipeline.sales with skips, backward moves, repeats, open deals and segments, rows
// shuffled within blocks of 1,000 as a CRM export sorted by time about is.
//
//   node bench/sql_bench.mjs [--events 10000000] [--salesc build/bin/salesc] [--dir /tmp/x]
//        [--threads 2] [--reuse]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { compareAll } from '../tests/sql/compare.mjs';
import { Next, pick, random, stamp } from '../tests/sql/log.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const target = Number(arg('events', '10000000'));
const salesc = path.resolve(arg('salesc', path.join(root, 'build/bin/salesc')));
const dir = arg('dir', fs.mkdtempSync(path.join(os.tmpdir(), 'salesc-sql-bench-')));
const threads = arg('threads', String(os.cpus().length));
const processFile = path.join(root, 'tests/sql/pipeline.sales');
const asOf = '2026-05-01';
fs.mkdirSync(dir, { recursive: true });

function writeLog(file) {
  const rnd = random(11);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'deal,stage,timestamp,segment\n');
  const start = Date.UTC(2025, 0, 1) / 1000;
  let block = [];
  let events = 0;
  const flush = () => {
    for (let i = block.length - 1; i > 0; --i) {
      const j = Math.floor(rnd() * (i + 1));
      [block[i], block[j]] = [block[j], block[i]];
    }
    fs.writeSync(fd, block.join(''));
    block = [];
  };
  for (let d = 0; events < target; ++d) {
    const deal = `D${d}`;
    const segment = rnd() < 0.15 ? '' : rnd() < 0.7 ? 'small' : 'large';
    let at = start + Math.floor(rnd() * 480 * 86400);
    let stage = rnd() < 0.06 ? 'demo' : 'lead';
    for (let step = 0; step < 12 && events < target; ++step) {
      block.push(`${deal},${stage},${stamp(at)},${segment}\n`);
      events += 1;
      if (stage === 'won' || stage === 'lost' || rnd() < 0.12) break;
      at += 3601 + Math.floor(rnd() * 25 * 86400);
      stage = pick(rnd, Next[stage]);
    }
    if (block.length >= 1000) flush();
  }
  flush();
  fs.closeSync(fd);
  return events;
}

const seconds = (t) => Number(process.hrtime.bigint() - t) / 1e9;
const log = path.join(dir, 'log.csv');
const deals = path.join(dir, 'deals.csv');
let t = process.hrtime.bigint();
// --reuse: the log a run before wrote in --dir (same --events).
const events = process.argv.includes('--reuse') && fs.existsSync(log) ? target : writeLog(log);
fs.writeFileSync(deals, 'deal,stage,entered,value\nP1,demo,2026-04-01,5000\n');
console.log(`log: ${events} events, ${(fs.statSync(log).size / 1e6).toFixed(0)} MB, ` +
  `written in ${seconds(t).toFixed(1)} s (${log})`);

const run = (args) => execFileSync(salesc, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
t = process.hrtime.bigint();
const conform = JSON.parse(run(['conform', '--format=json', `--as-of=${asOf}`, `--events=${log}`,
  processFile]));
const conformSeconds = seconds(t);
const forecast = JSON.parse(run(['forecast', '--format=json', `--as-of=${asOf}`,
  `--pipeline=${deals}`, processFile]));

const require = createRequire(path.join(root, 'tests/js/node_modules/x.js'));
const { DuckDBInstance } = require('@duckdb/node-api');
const db = await DuckDBInstance.create(':memory:', { threads });
const c = await db.connect();
t = process.hrtime.bigint();
await c.run(`CREATE TABLE stage_events AS SELECT deal, stage, "timestamp" AS entered_at, segment
  FROM read_csv('${log}', header = true, columns = {'deal': 'VARCHAR', 'stage': 'VARCHAR',
  'timestamp': 'TIMESTAMP', 'segment': 'VARCHAR'});
  CREATE TABLE open_deals AS SELECT deal, stage, CAST(entered AS TIMESTAMP) AS entered_at,
    CAST(value AS DOUBLE) AS value FROM read_csv('${deals}', header = true, all_varchar = true);`);
const loadSeconds = seconds(t);
t = process.hrtime.bigint();
await c.run(run(['emit', '--to=sql', '--dialect=duckdb', processFile]));
await c.run(`UPDATE salesc_settings SET as_of = DATE '${asOf}'`);
const views = {};
for (const v of ['summary', 'stages', 'edges', 'unexpected', 'stalled', 'pipeline',
  'pipeline_total'])
  views[v] = (await c.runAndReadAll(`SELECT * FROM salesc_${v}`)).getRowObjectsJson();
const querySeconds = seconds(t);

const problems = compareAll(views, conform, forecast);
console.log(`salesc conform (CSV read, replay, JSON): ${conformSeconds.toFixed(2)} s`);
console.log(`DuckDB ${threads} threads: CSV load ${loadSeconds.toFixed(2)} s, views ` +
  `${querySeconds.toFixed(2)} s, together ${(loadSeconds + querySeconds).toFixed(2)} s`);
console.log(`DuckDB / salesc: ${((loadSeconds + querySeconds) / conformSeconds).toFixed(2)} ` +
  `(views alone ${(querySeconds / conformSeconds).toFixed(2)})`);
console.log(problems.length ? `answers DIFFER (${problems.length}):\n  ${problems.slice(0, 20)
  .join('\n  ')}` : `answers identical (${conform.events} events, ${conform.deals} deals)`);
process.exit(problems.length ? 1 : 0);
