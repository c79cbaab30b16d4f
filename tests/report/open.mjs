#!/usr/bin/env node
// Opens the report of every example in Debian's headless Chromium driven by playwright-core, as
// a client opening the folder would. ctest runs it (ReportOpen):
//   node tests/report/open.mjs --salesc PATH --out DIR [--chromium PATH] [FILE.sales...]
// Without files: every examples/*.sales. For each, `salesc report FILE -o DIR/<example>` (and
// --theme=dark for the first), then every page of it (index.html and one per process) is
// opened from the disk. A page fails on a console error or an uncaught exception, on any request
// that is not a file of the report folder (every other request is blocked and counted) or that
// fails, when a chart has no drawn marks in its SVG, when hovering a stage of the flowchart
// shows no tooltip with its figures, or when clicking it does not lead to its section. A
// screenshot of each whole page goes to DIR/<example>-<page>.png for review. The quickstart is
// also reported with examples/data/'s pipeline and stage history, and printed with --pdf: its
// page must have the forecast and conformance sections with their charts drawn and their
// tables (months, overdue and stalled deals) filled.
//
// Before the reports, a page that tries to load from the network and a chart that draws
// nothing must be caught, so the test is known to fail when it should.
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, existsSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'tests/js/package.json'));
const { chromium } = require('playwright-core');

function usage(message) {
  console.error(`report: ${message}\nusage: node tests/report/open.mjs --salesc PATH --out DIR [--chromium PATH] [FILE.sales...]`);
  process.exit(2);
}

let out = null;
let salesc = null;
let executablePath = process.env.SALESC_CHROMIUM || '/usr/bin/chromium';
const files = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--out' || arg === '--chromium' || arg === '--salesc') {
    if (i + 1 >= argv.length) usage(`${arg} needs a value`);
    const value = argv[++i];
    if (arg === '--out') out = value;
    else if (arg === '--salesc') salesc = value;
    else executablePath = value;
  } else if (arg.startsWith('-')) {
    usage(`unknown option ${arg}`);
  } else {
    files.push(arg);
  }
}
if (!out || !salesc) usage('--salesc and --out are required');
if (files.length === 0) {
  const examples = path.join(root, 'examples');
  for (const f of readdirSync(examples).sort()) if (f.endsWith('.sales')) files.push(path.join(examples, f));
}
if (!existsSync(executablePath)) usage(`no Chromium at ${executablePath}: install Debian's chromium (scripts/install-deps.sh)`);
mkdirSync(out, { recursive: true });

// The reports: one folder per example.
const pages = [];
files.forEach((file, k) => {
  const name = path.basename(file, '.sales');
  const dir = path.resolve(out, name);
  const args = ['report', file, '-o', dir, '--quiet'].concat(k === 0 ? ['--theme=dark'] : []);
  execFileSync(salesc, args, { stdio: 'inherit' });
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.html')) pages.push({ example: name, dir, file: path.join(dir, f) });
});

// The quickstart's report with its pipeline and stage history (the forecast's fan chart, the
// heat map of the edges, the time in stage), printed to PDF too: each PDF must have pages that
// pdfinfo (poppler-utils) reads.
const withData = [];
{
  const quickstart = path.join(root, 'examples/quickstart.sales');
  const dir = path.resolve(out, 'quickstart-data');
  execFileSync(salesc, ['report', quickstart, '-o', dir, '--quiet', '--pdf', '--as-of', '2026-11-30',
    '--pipeline', path.join(root, 'examples/data/quickstart-pipeline.csv'),
    '--events', path.join(root, 'examples/data/quickstart-events.csv')], { stdio: 'inherit' });
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.html')) pages.push({ example: 'quickstart-data', dir, file: path.join(dir, f) });
    if (f.endsWith('.pdf')) withData.push(path.join(dir, f));
  }
}
const pdfProblems = [];
for (const pdf of withData) {
  let info = '';
  try {
    info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  } catch (e) {
    pdfProblems.push(`pdfinfo cannot read ${pdf}: ${e.message.split('\n')[0]}`);
    continue;
  }
  const pagesOf = Number((/^Pages:\s+(\d+)/m.exec(info) || [])[1] || 0);
  if (pagesOf < 1) pdfProblems.push(`${pdf} has no page`);
  else console.log(`ok   ${path.relative(process.cwd(), pdf)}: ${pagesOf} pages`);
}
if (withData.length === 0) pdfProblems.push('salesc report --pdf wrote no PDF');

// In a page of the report with data: each section of --pipeline and --events with its charts
// drawn and its tables filled. [section, chart ids, tables as the heading above each].
const dataSections = [
  ['pipeline', ['chart-forecast'], ['Month by month', 'Overdue deals', 'Stalled deals']],
  // The example's history has no edge beyond chance, no move the process lacks and no stalled
  // deal: its section says so in sentences, and its tables are ReportCliTest's.
  ['observed', ['chart-edges', 'chart-stage-times'], []],
];
async function sectionProblems(sections) {
  const problems = [];
  for (const [id, charts, tables] of sections) {
    const section = document.querySelector(`section#${id}`);
    if (!section) { problems.push(`no section #${id}`); continue; }
    for (const chart of charts) {
      const c = section.querySelector(`div.vega#${chart}`);
      if (!c) problems.push(`#${id} has no chart ${chart}`);
      else if (!c.querySelector('svg g.role-mark > *')) problems.push(`#${id}: ${chart} has no drawn marks`);
    }
    for (const title of tables) {
      const h3 = [...section.querySelectorAll('h3')].find((h) => h.textContent === title);
      let table = h3 ? h3.nextElementSibling : null;
      while (table && table.tagName !== 'TABLE' && table.tagName !== 'H3') table = table.nextElementSibling;
      const rows = table && table.tagName === 'TABLE' ? table.querySelectorAll('tr td').length : 0;
      if (rows === 0) problems.push(`#${id} has no table "${title}" with rows`);
    }
  }
  // The overdue deals' share of the weighted pipeline, said in the headline, and the link to
  // the rule (a link to follow, not a request: the page must not load it).
  const overdue = [...document.querySelectorAll('section#pipeline .figure')].find((f) => f.querySelector('.label')?.textContent === 'Overdue');
  if (!overdue || !/^\d+(\.\d+)?%$/.test(overdue.querySelector('.value').textContent)) problems.push('the forecast says no overdue share of the weighted pipeline');
  if (!document.querySelector('section#pipeline a[href$="docs/cli.md#overdue-deals"]')) problems.push('the overdue deals do not link to their rule');
  return problems;
}

// In the page: the charts drawn (each .vega element has an SVG with marks) or failed.
async function chartsDrawn() {
  const charts = [...document.querySelectorAll('div.vega')];
  return charts.every((c) => c.querySelector('svg g.role-mark > *') || c.textContent.includes('could not be drawn'));
}
async function chartProblems() {
  const problems = [];
  for (const c of document.querySelectorAll('div.vega')) {
    const marks = c.querySelectorAll('svg g.role-mark > *').length;
    if (marks === 0) problems.push(`chart ${c.id} has no drawn marks${c.textContent ? `: ${c.textContent}` : ''}`);
  }
  return { problems, count: document.querySelectorAll('div.vega').length };
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ],
});
let failed = 0;
let missed = 0;
let negatives = 0;
try {
  const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 1280, height: 900 } });
  let current = null; // the report folder of the page open: its files may load
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (current && url.startsWith(pathToFileURL(current).href + '/')) return route.continue();
    problems.push(`request to ${url} (blocked: the page must load nothing from outside its folder)`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text().split('\n')[0]}`);
  });
  page.on('requestfailed', (req) => {
    if (!problems.some((p) => p.includes(req.url()))) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });

  // The negative case: a page in the folder of the first report that asks the network.
  negatives++;
  {
    current = pages[0].dir;
    const guard = path.join(pages[0].dir, 'guard.html');
    writeFileSync(guard, '<!DOCTYPE html><html><body><img src="http://report-request-guard.invalid/x.png"></body></html>');
    await page.goto(pathToFileURL(guard).href);
    await page.waitForTimeout(200);
    unlinkSync(guard);
    if (problems.splice(0).some((p) => p.includes('report-request-guard.invalid'))) console.log('ok   negative case: a request to the network is blocked and counted');
    else { console.error('FAIL negative case: a request of the page was not seen'); missed++; }
  }

  // The negative case: a chart that draws nothing (a copy of a process page whose first spec
  // has no data) must be caught.
  negatives++;
  {
    const first = pages.find((p) => !p.file.endsWith('index.html'));
    current = first.dir;
    const broken = path.join(first.dir, 'broken.html');
    writeFileSync(broken, readFileSync(first.file, 'utf8').replace(/(<script type="application\/json" data-chart="[^"]+">)[^<]*/, '$1{"mark":"bar","data":{"values":[]}}'));
    await page.goto(pathToFileURL(broken).href);
    await page.waitForFunction(chartsDrawn, null, { timeout: 15000 }).catch(() => {});
    const { problems: found } = await page.evaluate(chartProblems);
    unlinkSync(broken);
    problems.splice(0);
    if (found.some((p) => /has no drawn marks/.test(p))) console.log(`ok   negative case: a chart that draws nothing is caught: ${found[0]}`);
    else { console.error('FAIL negative case: a chart without marks was not caught'); missed++; }
  }

  // The negative case: a page of the report with data whose overdue deals are missing must be
  // caught.
  negatives++;
  {
    const data = pages.find((p) => p.example === 'quickstart-data' && !p.file.endsWith('index.html'));
    current = data.dir;
    const broken = path.join(data.dir, 'broken.html');
    writeFileSync(broken, readFileSync(data.file, 'utf8').replace('<h3>Overdue deals</h3>', '<h3>Deals</h3>'));
    await page.goto(pathToFileURL(broken).href);
    await page.waitForFunction(chartsDrawn, null, { timeout: 15000 }).catch(() => {});
    const found = await page.evaluate(sectionProblems, dataSections);
    unlinkSync(broken);
    problems.splice(0);
    if (found.some((p) => /Overdue deals/.test(p))) console.log(`ok   negative case: a missing table is caught: ${found[0]}`);
    else { console.error('FAIL negative case: a page without its overdue deals was not caught'); missed++; }
  }

  for (const { example, dir, file } of pages) {
    current = dir;
    const rel = path.relative(root, file);
    const pageProblems = [];
    await page.goto(pathToFileURL(file).href);
    await page.waitForLoadState('load');
    try {
      await page.waitForFunction(chartsDrawn, null, { timeout: 15000 });
    } catch {
      pageProblems.push('the charts were not drawn within 15 s');
    }
    const charts = await page.evaluate(chartProblems);
    pageProblems.push(...charts.problems);
    let sections = 0;
    if (example === 'quickstart-data' && !file.endsWith('index.html')) {
      pageProblems.push(...(await page.evaluate(sectionProblems, dataSections)));
      sections = dataSections.length;
    }
    let tooltip = '';
    const node = page.locator('#flowchart g.stage-node').first();
    if ((await page.locator('#flowchart').count()) > 0) {
      if ((await page.locator('#flowchart g.stage-node').count()) === 0) {
        pageProblems.push('the flowchart has no stage with figures');
      } else {
        await node.scrollIntoViewIfNeeded();
        await node.hover();
        const tip = page.locator('#stage-tooltip');
        if (!(await tip.isVisible())) pageProblems.push('hovering a stage shows no tooltip');
        else {
          tooltip = (await tip.innerText()).replace(/\s+/g, ' ');
          if (!/wins from here/.test(tooltip)) pageProblems.push(`the tooltip lacks the stage's figures: "${tooltip}"`);
        }
        // A click jumps to the stage's section of the playbook.
        await node.click();
        const hash = await page.evaluate(() => location.hash);
        if (!/^#stage-/.test(hash) || (await page.locator(`section.stage${hash}`).count()) !== 1) {
          pageProblems.push(`clicking a stage leads to "${hash}", not to its section`);
        }
        await page.mouse.move(0, 0);
        await page.evaluate(() => window.scrollTo(0, 0));
      }
    }
    const png = path.join(out, `${example}-${path.basename(file, '.html')}.png`);
    await page.screenshot({ path: png, fullPage: true });
    pageProblems.push(...problems.splice(0));
    if (pageProblems.length > 0) {
      failed++;
      console.error(`FAIL ${rel}:\n  ${pageProblems.join('\n  ')}`);
    } else {
      console.log(`ok   ${rel}: ${charts.count} charts drawn${sections ? `, ${sections} data sections with their tables` : ''}${tooltip ? `, tooltip "${tooltip.slice(0, 60)}..."` : ''} (${path.relative(process.cwd(), png)})`);
    }
  }
} finally {
  await browser.close();
}
for (const p of pdfProblems) console.error(`FAIL ${p}`);
failed += pdfProblems.length;
console.log(`report: ${pages.length - failed} of ${pages.length} pages open cleanly (${executablePath}); ${negatives - missed} of ${negatives} broken inputs caught`);
console.log(`${pages.length - failed + negatives - missed} passed, ${failed + missed} failed`);
process.exit(failed + missed === 0 ? 0 : 1);
