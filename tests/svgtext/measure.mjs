#!/usr/bin/env node
// Opens the flowchart SVGs of every example in Debian's headless Chromium, driven by
// playwright-core, and checks that the browser draws every text as Graphviz laid it out.
// ctest runs it (SvgText):
//   node tests/svgtext/measure.mjs --salesc PATH --layout PATH [--chromium PATH] [--out DIR]
//
// For every examples/*.sales and tests/svgtext/*.sales: the SVG of each process (salesc build)
// and of the whole file (salesc emit --to=svg, each process a cluster). The width salesc laid
// each text out with comes from the same layout in Graphviz's JSON (--layout: the
// svgtext_layout tool of tests/svgtext/LayoutJson.cpp; every text with its font, size, bold and
// italic, and its width). In the
// browser, each <text> must be drawn within 2% plus 1.5 pt (Graphviz rounds widths to whole
// points) of that width (getComputedTextLength), and inside its box: a node's outermost shape,
// a cluster's frame, or for edge labels, notes and the start's label the drawing itself. No
// edge's line runs through a title (of the drawing, or of a process in a picture of several).
//
// Before the files, broken copies of the first SVG must fail: one whose font is a wider one
// (DejaVu Sans, which Graphviz measured before Liberation Sans), one with a text moved out of
// its box, and one with an edge drawn through the title. With --out, a PNG of each SVG as the browser draws it (DIR/<name>.png).
//
// Nothing is loaded from the network: every request of the page is blocked and fails the run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchOffline } from '../lib/offline-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function usage(message) {
  console.error(`svgtext: ${message}\nusage: node tests/svgtext/measure.mjs --salesc PATH --layout PATH [--chromium PATH] [--out DIR]`);
  process.exit(2);
}

let salesc = null;
let layoutTool = null;
let out = null;
let executablePath = process.env.SALESC_CHROMIUM || '/usr/bin/chromium';
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (!['--salesc', '--layout', '--chromium', '--out'].includes(arg)) usage(`unknown argument ${arg}`);
  if (i + 1 >= argv.length) usage(`${arg} needs a value`);
  const value = argv[++i];
  if (arg === '--salesc') salesc = value;
  else if (arg === '--layout') layoutTool = value;
  else if (arg === '--chromium') executablePath = value;
  else out = value;
}
if (!salesc || !layoutTool) usage('--salesc and --layout are needed');
if (!existsSync(executablePath)) {
  usage(`no Chromium at ${executablePath}: install Debian's chromium (scripts/install-deps.sh)`);
}
if (out) mkdirSync(out, { recursive: true });

const inputs = [];
for (const dir of ['examples', 'tests/svgtext']) {
  for (const f of readdirSync(path.join(root, dir)).sort()) {
    if (f.endsWith('.sales')) inputs.push(path.join(root, dir, f));
  }
}

// The width salesc gave each text, by font size, bold, italic and text, from its layout in
// Graphviz's JSON (`args`: the file, and the process unless the picture has every process).
function laidOutWidths(args) {
  const json = JSON.parse(execFileSync(layoutTool, args, { maxBuffer: 1 << 28 }).toString());
  const widths = new Map();
  const walk = (o) => {
    for (const [k, v] of Object.entries(o)) {
      if (!/^_[a-z]*draw_$/.test(k) || !Array.isArray(v)) continue;
      let size = 14;
      let face = 0;
      for (const op of v) {
        if (op.op === 'F') size = op.size;
        else if (op.op === 't') face = op.fontchar;
        else if (op.op === 'T') widths.set(key(size, (face & 1) !== 0, (face & 2) !== 0, op.text), op.width);
      }
    }
  };
  walk(json);
  for (const list of [json.objects || [], json.edges || []]) list.forEach(walk);
  return widths;
}
function key(size, bold, italic, text) {
  return `${Number(size).toFixed(2)}|${bold ? 'b' : ''}${italic ? 'i' : ''}|${text}`;
}

// Every picture: [name, svg, arguments of the layout tool].
function pictures() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'salesc-svgtext-'));
  const list = [];
  try {
    for (const input of inputs) {
      const base = path.basename(input, '.sales');
      const dir = path.join(tmp, base);
      execFileSync(salesc, ['build', input, '-o', dir, '--quiet']);
      const processes = readdirSync(dir).filter((f) => f.endsWith('.svg')).sort();
      for (const f of processes) {
        const p = f.slice(0, -4);
        list.push([`${base}-${p}`, readFileSync(path.join(dir, f), 'utf8'), [input, p]]);
      }
      if (processes.length > 1) {
        list.push([`${base}-all`, execFileSync(salesc, ['emit', '--to=svg', input]).toString(), [input]]);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return list;
}

// In the page: every text with what it says, its font, its drawn width and box, and the box
// it must stay in.
function measureInPage() {
  const rect = (b) => ({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height });
  const outermost = (g) => {
    let best = null;
    for (const s of g.querySelectorAll(':scope > path, :scope > polygon, :scope > ellipse, :scope > a > path, :scope > a > polygon')) {
      const b = rect(s.getBBox());
      if (!best || (b.x1 - b.x0) * (b.y1 - b.y0) > (best.x1 - best.x0) * (best.y1 - best.y0)) best = b;
    }
    return best;
  };
  const svg = document.querySelector('svg');
  const drawing = outermost(svg.querySelector('g.graph'));
  // The edges' lines, as points every 2 pt along them.
  const lines = [];
  for (const e of svg.querySelectorAll('g.edge > path')) {
    const points = [];
    const length = e.getTotalLength();
    for (let at = 0; at <= length; at += 2) points.push(e.getPointAtLength(at));
    lines.push({ name: e.parentNode.querySelector('title').textContent, points });
  }
  const texts = [];
  for (const t of svg.querySelectorAll('text')) {
    const group = t.closest('g.node, g.cluster, g.edge, g.graph');
    let box = drawing;
    let boxName = 'the drawing';
    if (group.matches('g.node, g.cluster')) {
      const shape = group.querySelector(':scope > ellipse') ? null : outermost(group);
      if (shape) {
        box = shape;
        boxName = `${group.matches('g.node') ? 'node' : 'cluster'} ${group.querySelector('title').textContent}`;
      }
    }
    // A title (of the drawing or of a process's cluster) that an edge's line runs through.
    let crossedBy = null;
    if (group.matches('g.cluster, g.graph')) {
      const b = rect(t.getBBox());
      const line = lines.find((l) => l.points.some((p) => p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1));
      if (line) crossedBy = line.name;
    }
    texts.push({
      crossedBy,
      text: t.textContent,
      size: parseFloat(t.getAttribute('font-size')),
      bold: t.getAttribute('font-weight') === 'bold',
      italic: t.getAttribute('font-style') === 'italic',
      width: t.getComputedTextLength(),
      at: rect(t.getBBox()),
      box,
      boxName,
    });
  }
  return texts;
}

function check(texts, widths) {
  const problems = [];
  for (const t of texts) {
    if (t.text.trim() === '') continue;
    const w = widths.get(key(t.size, t.bold, t.italic, t.text));
    if (w === undefined) {
      problems.push(`"${t.text}": Graphviz laid out no such text`);
      continue;
    }
    if (Math.abs(t.width - w) > 0.02 * w + 1.5) {
      problems.push(`"${t.text}" is drawn ${t.width.toFixed(1)} pt wide, laid out ${w} pt`);
    }
    const slack = 1;
    const { at, box } = t;
    if (at.x0 < box.x0 - slack || at.x1 > box.x1 + slack || at.y0 < box.y0 - slack || at.y1 > box.y1 + slack) {
      problems.push(`"${t.text}" leaves ${t.boxName}`);
    }
    if (t.crossedBy) problems.push(`the edge ${t.crossedBy} crosses the title "${t.text}"`);
  }
  return problems;
}

const { browser, context, blocked } = await launchOffline(executablePath);
let failed = 0;
try {
  const page = await context.newPage();
  const open = async (svg) => {
    const inline = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/, '');
    await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}</style></head><body>${inline}</body></html>`);
    await page.evaluate(() => document.fonts.ready);
    return page.evaluate(measureInPage);
  };

  const all = pictures();
  if (all.length === 0) usage('no flowchart was written');
  const [, firstSvg, firstArgs] = all[0];
  const firstWidths = laidOutWidths(firstArgs);
  const broken = [
    ['a wider font', firstSvg.replace(/font-family="[^"]*"/g, 'font-family="DejaVu Sans"'), /is drawn .* wide/],
    ['a text out of its box', firstSvg.replace(/(<g id="node\d+" class="node">[\s\S]*?<text [^>]*?x=")([-\d.]+)/, (m, a, x) => a + (parseFloat(x) + 2000)), /leaves node/],
    ['an edge through the title', (() => {
      const title = /class="graph"[^>]*>[\s\S]*?<text [^>]*?x="([-\d.]+)" y="([-\d.]+)"/.exec(firstSvg);
      if (!title) return null;
      const [x, y] = [parseFloat(title[1]), parseFloat(title[2])];
      return firstSvg.replace(/(<g id="edge\d+" class="edge">[\s\S]*?<path [^>]*?d=")[^"]*/, (m, a) => `${a}M${x},${y - 4}L${x + 100},${y - 4}`);
    })(), /crosses the title/],
  ];
  for (const [what, svg, reason] of broken) {
    const problems = check(await open(svg), firstWidths);
    if (!problems.some((p) => reason.test(p))) {
      console.error(`NOT CAUGHT ${what}: ${problems.join('; ') || 'no problem found'}`);
      failed++;
    } else {
      console.log(`caught     ${what}`);
    }
  }

  for (const [name, svg, args] of all) {
    const texts = await open(svg);
    const problems = check(texts, laidOutWidths(args));
    if (out) await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
    if (blocked.length) problems.push(...blocked.splice(0).map((u) => `request to ${u}`));
    if (texts.length === 0) problems.push('no text');
    if (problems.length) {
      failed++;
      console.error(`FAIL ${name}:\n  ${problems.join('\n  ')}`);
    } else {
      console.log(`ok   ${name}: ${texts.length} texts`);
    }
  }
} finally {
  await browser.close();
}
if (failed) {
  console.error(`svgtext: ${failed} failed`);
  process.exit(1);
}
