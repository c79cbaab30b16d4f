#!/usr/bin/env node
// Opens BPMN files in bpmn-js, in Debian's headless Chromium driven by playwright-core, as a
// person opening them in a bpmn.io tool would. ctest runs it (BpmnJsOpen):
//   node tests/bpmnjs/open.mjs [--out DIR] [--chromium PATH] [FILE.bpmn...]
// Without files: every tests/golden/*/*.bpmn (one per process of each example). A file fails
// on an import error, on any import warning (an unresolved reference, an unknown element...),
// or when the canvas lacks a shape for one of its participants, lanes, events, tasks or
// gateways, or a connection for one of its flows; when a named event, gateway or flow has no
// bpmndi:BPMNLabel bounds, or its text is drawn past them; when a name is broken inside a word;
// when shapes overlap, or a label overlaps another element's label or a shape that is not its
// own (a flow crossing a label is only a note). With --out, a PNG of each diagram at 100%
// (DIR/<example>-<process>.png).
//
// bpmn-js and the page are local: the prebuilt viewer of tests/js/node_modules/bpmn-js is
// inlined into an empty page, every request the page makes is blocked and fails the run, and
// Chromium's own background traffic is switched off. No browser is downloaded: playwright-core
// drives the Chromium of Debian's chromium package (--chromium, $SALESC_CHROMIUM, or
// /usr/bin/chromium).
//
// Before the files, the same checks run on broken copies of the first golden file (a dangling
// sourceRef, a task without its shape, a task moved onto another, a label moved onto another,
// a label without its bounds, a task too narrow for its name, a label too small for its text,
// XML cut short) and on a page
// that tries to load from the network: each must be caught, so the test is known to fail when
// it should.
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchOffline } from '../lib/offline-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'tests/js/package.json'));
const bpmnJsVersion = require('bpmn-js/package.json').version;
const viewerJs = readFileSync(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css']
  .map((f) => readFileSync(require.resolve(`bpmn-js/dist/assets/${f}`), 'utf8'))
  .join('\n');

function usage(message) {
  console.error(`bpmnjs: ${message}\nusage: node tests/bpmnjs/open.mjs [--out DIR] [--chromium PATH] [FILE.bpmn...]`);
  process.exit(2);
}

let out = null;
let executablePath = process.env.SALESC_CHROMIUM || '/usr/bin/chromium';
const files = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--out' || arg === '--chromium') {
    if (i + 1 >= argv.length) usage(`${arg} needs a value`);
    if (arg === '--out') out = argv[++i];
    else executablePath = argv[++i];
  } else if (arg.startsWith('-')) {
    usage(`unknown option ${arg}`);
  } else {
    files.push(arg);
  }
}
const golden = path.join(root, 'tests/golden');
const goldenFiles = [];
for (const example of readdirSync(golden).sort()) {
  const dir = path.join(golden, example);
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.bpmn')) goldenFiles.push(path.join(dir, f));
  }
}
if (goldenFiles.length === 0) usage(`no BPMN file in ${golden}`);
if (files.length === 0) files.push(...goldenFiles);
if (!existsSync(executablePath)) {
  usage(`no Chromium at ${executablePath}: install Debian's chromium (scripts/install-deps.sh)`);
}
if (out) mkdirSync(out, { recursive: true });

// In the page: import one diagram, then compare what bpmn-js drew with the XML itself, read with
// the browser's DOMParser rather than through bpmn-js's own model.
async function openInPage(xml) {
  const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
  const BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';
  // The BPMN elements that must each be a shape on the canvas, and those that must be a
  // connection; anything else with an id (process, laneSet, definitions...) draws nothing.
  const isShape = (name) =>
    /^(participant|lane|task|subProcess|transaction|adHocSubProcess|callActivity|textAnnotation|dataObjectReference|dataStoreReference)$/.test(name) ||
    /(Task|Event|Gateway)$/.test(name);
  const isConnection = (name) => /^(sequenceFlow|messageFlow|association|dataInputAssociation|dataOutputAssociation)$/.test(name);
  // Kinds named with an outside label in bpmn-js (below or beside the shape).
  const hasOutsideLabel = (name) => /(Event|Gateway)$/.test(name) || isConnection(name) || /^data(Object|Store)Reference$/.test(name);

  const viewer = window.salescViewer;
  let warnings = [];
  try {
    ({ warnings } = await viewer.importXML(xml));
  } catch (err) {
    return { problems: [`import error: ${err.message.split('\n')[0]}`].concat((err.warnings || []).map((w) => `import warning: ${w.message}`)) };
  }
  const problems = warnings.map((w) => `import warning: ${w.message}`);

  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const registry = viewer.get('elementRegistry');
  const counts = {};
  const expected = new Set();
  for (const el of doc.getElementsByTagNameNS(BPMN, '*')) {
    const name = el.localName;
    const id = el.getAttribute('id');
    if (!id || !(isShape(name) || isConnection(name))) continue;
    expected.add(id);
    counts[name] = (counts[name] || 0) + 1;
    const drawn = registry.get(id);
    if (!drawn) {
      problems.push(`bpmn:${name} ${id} is not on the canvas`);
      continue;
    }
    const type = `bpmn:${name[0].toUpperCase()}${name.slice(1)}`; // bpmn-js names types as bpmn-moddle does
    if (drawn.type !== type) problems.push(`${id} is drawn as ${drawn.type}, not ${type}`);
    if (isConnection(name) !== Array.isArray(drawn.waypoints)) {
      problems.push(`bpmn:${name} ${id} is drawn as a ${drawn.waypoints ? 'connection' : 'shape'}`);
    }
    if (el.getAttribute('name') && hasOutsideLabel(name) && !drawn.label) {
      problems.push(`bpmn:${name} ${id} is named "${el.getAttribute('name')}" but has no label on the canvas`);
    }
    // Without bounds of its own, bpmn-js puts a label where it likes, over whatever is there.
    const di = [...doc.getElementsByTagNameNS(BPMNDI, '*')].find((d) => d.getAttribute('bpmnElement') === id);
    if (el.getAttribute('name') && hasOutsideLabel(name) && di && di.getElementsByTagNameNS(BPMNDI, 'BPMNLabel').length === 0) {
      problems.push(`bpmn:${name} ${id} is named "${el.getAttribute('name')}" but has no bpmndi:BPMNLabel bounds`);
    }
  }
  // Nothing drawn that the XML does not have (the root and the outside labels aside).
  for (const drawn of registry.getAll()) {
    if (drawn.type === 'label' || !drawn.parent) continue;
    if (!expected.has(drawn.id)) problems.push(`the canvas has ${drawn.type} ${drawn.id}, which the XML does not list`);
  }

  // The layout as a person sees it, in screen pixels at the current zoom: shapes drawn over
  // other shapes, a text over another element's text or over a shape that is not its own fail;
  // a flow drawn across a text that is not its own is reported as a note.
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const nodes = registry.filter((e) => e.parent && !e.waypoints && e.type !== 'label' && !/^bpmn:(Participant|Lane)$/.test(e.type));
  const rect = (e) => registry.getGraphics(e).querySelector(':scope > .djs-visual').getBoundingClientRect();
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      if (overlap(rect(nodes[i]), rect(nodes[j]))) problems.push(`shapes overlap: ${nodes[i].id} and ${nodes[j].id}`);
    }
  }
  const texts = [];
  for (const drawn of registry.getAll()) {
    if (!drawn.parent || drawn.type === 'bpmn:Participant' || drawn.type === 'bpmn:Lane') continue;
    for (const text of registry.getGraphics(drawn).querySelectorAll(':scope > .djs-visual > text')) {
      const r = text.getBoundingClientRect();
      const words = ([...text.querySelectorAll('tspan')].map((t) => t.textContent).join(' ') || text.textContent).replace(/\s+/g, ' ').trim();
      if (r.width > 0 && r.height > 0) texts.push({ owner: drawn.labelTarget || drawn, words, r });
    }
  }
  const notes = [];
  // A name that bpmn-js had to break inside a word, too long for its shape.
  for (const t of texts) {
    const parts = t.words.split(' ');
    const name = (t.owner.businessObject.name || '').replace(/\s+/g, ' ').trim();
    const inside = [];
    for (let k = 1, at = 0; k < parts.length; k++) {
      at = name.indexOf(parts[k - 1], at) + parts[k - 1].length;
      if (at > 0 && name[at] !== ' ' && name.slice(at).startsWith(parts[k])) inside.push(`${parts[k - 1]}|${parts[k]}`);
    }
    if (inside.length > 0) problems.push(`the name "${name}" of ${t.owner.id} is broken inside a word: ${inside.join(', ')}`);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (texts[i].owner !== texts[j].owner && overlap(texts[i].r, texts[j].r)) {
        problems.push(`labels overlap: "${texts[i].words}" (${texts[i].owner.id}) and "${texts[j].words}" (${texts[j].owner.id})`);
      }
    }
    for (const n of nodes) {
      if (n !== texts[i].owner && overlap(texts[i].r, rect(n))) problems.push(`a label overlaps a shape: "${texts[i].words}" (${texts[i].owner.id}) over ${n.id}`);
    }
  }
  // Whether a segment crosses a rectangle (Liang-Barsky clipping), the rectangle shrunk by 1 px.
  const crosses = (p, q, r) => {
    let t0 = 0, t1 = 1;
    const dx = q.x - p.x, dy = q.y - p.y;
    for (const [pp, qq] of [[-dx, p.x - (r.left + 1)], [dx, (r.right - 1) - p.x], [-dy, p.y - (r.top + 1)], [dy, (r.bottom - 1) - p.y]]) {
      if (pp === 0) { if (qq < 0) return false; continue; }
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
    return true;
  };
  const canvasBox = viewer.get('canvas').getContainer().getBoundingClientRect();
  const view = viewer.get('canvas').viewbox();
  const toScreen = (w) => ({ x: canvasBox.left + (w.x - view.x) * view.scale, y: canvasBox.top + (w.y - view.y) * view.scale });
  // An outside label's text drawn past the bounds the file gives it (1 px of rounding aside):
  // the emitter sized it too small. (bpmn-js keeps the file's width but sets the height from
  // the text, so the file's bounds are read from the XML.)
  const fileBounds = {};
  for (const di of doc.getElementsByTagNameNS(BPMNDI, 'BPMNLabel')) {
    const b = di.getElementsByTagNameNS('http://www.omg.org/spec/DD/20100524/DC', 'Bounds')[0];
    const owner = di.parentNode.getAttribute('bpmnElement');
    if (b && owner) fileBounds[owner] = ['x', 'y', 'width', 'height'].map((k) => Number(b.getAttribute(k)));
  }
  for (const label of registry.filter((e) => e.type === 'label')) {
    const text = registry.getGraphics(label).querySelector(':scope > .djs-visual > text');
    const r = text && text.getBoundingClientRect();
    const fb = fileBounds[label.labelTarget.id];
    if (!r || r.width === 0 || !fb) continue;
    const a = toScreen({ x: fb[0], y: fb[1] }), b = toScreen({ x: fb[0] + fb[2], y: fb[1] + fb[3] });
    if (r.left < a.x - 1 || r.right > b.x + 1 || r.top < a.y - 1 || r.bottom > b.y + 1) {
      problems.push(`the label of ${label.labelTarget.id} is drawn past its bounds: text ${Math.round(r.width)}x${Math.round(r.height)} in ${Math.round(b.x - a.x)}x${Math.round(b.y - a.y)}`);
    }
  }
  for (const flow of registry.filter((e) => e.waypoints && e.type !== 'label')) {
    const points = flow.waypoints.map(toScreen);
    for (const t of texts) {
      if (t.owner === flow) continue;
      if (points.some((p, k) => k > 0 && crosses(points[k - 1], p, t.r))) notes.push(`flow ${flow.id} crosses the text "${t.words}" (${t.owner.id})`);
    }
  }

  const canvas = viewer.get('canvas');
  const inner = canvas.viewbox().inner;
  return { problems, counts, notes, inner: { x: inner.x, y: inner.y, width: inner.width, height: inner.height } };
}

const margin = 20;
async function check(page, xml, png) {
  await page.setViewportSize({ width: 1600, height: 900 });
  const result = await page.evaluate(openInPage, xml);
  if (png && result.inner) {
    // The whole diagram at 100%, so that its labels read as a person sees them, with room below
    // for the bpmn.io logo that the viewer keeps in the bottom right corner.
    const { x, y, width, height } = result.inner;
    const size = { width: Math.min(Math.ceil(width) + 2 * margin, 4000), height: Math.min(Math.ceil(height) + 2 * margin + 40, 4000) };
    await page.setViewportSize(size);
    await page.evaluate(({ x, y, size }) => {
      const canvas = window.salescViewer.get('canvas');
      canvas.resized();
      canvas.viewbox({ x, y, width: size.width, height: size.height });
    }, { x: x - margin, y: y - margin, size });
    await page.screenshot({ path: png });
  }
  return result;
}

const pageErrors = [];
// Every request of the page is blocked and counted: the page and the library are inlined.
const { browser, context, blocked } = await launchOffline(executablePath);
let failed = 0; // files that fail
let missed = 0; // negative cases not caught
let negatives = 0;
try {
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(`console error: ${msg.text().split('\n')[0]}`);
  });
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%;background:#fff}#canvas{position:absolute;inset:0}</style></head><body><div id="canvas"></div></body></html>');
  await page.addStyleTag({ content: css });
  await page.addScriptTag({ content: viewerJs });
  await page.evaluate(() => {
    window.salescViewer = new window.BpmnJS({ container: '#canvas' });
  });
  const takeErrors = () => pageErrors.splice(0).concat(blocked.splice(0).map((u) => `request to ${u} (blocked: the page must load nothing)`));

  // The negative cases, on copies of the first golden file: each broken input must be caught,
  // with the reason expected.
  const first = readFileSync(goldenFiles[0], 'utf8');
  const taskIds = [...first.matchAll(/<bpmn:task id="([^"]+)"/g)].map((m) => m[1]);
  const firstTask = taskIds.length > 0 && [null, taskIds[0]];
  const firstFlow = /sourceRef="([^"]+)"/.exec(first);
  // The second task's shape moved onto the first's.
  const taskBounds = [...first.matchAll(/(<bpmndi:BPMNShape [^>]*bpmnElement="([^"]+)"[^>]*>\s*)(<dc:Bounds [^>]*>)/g)]
    .filter((m) => taskIds.includes(m[2]))
    .map((m) => [m[0], m[1], m[3]]);
  const labelBounds = [...first.matchAll(/<bpmndi:BPMNLabel>\s*(<dc:Bounds [^>]*>)/g)].map((m) => m[1]);
  const broken = [
    ['a dangling sourceRef', firstFlow && first.replace(firstFlow[0], `sourceRef="${firstFlow[1]}_missing"`), /unresolved reference/],
    ['a task without its shape', firstTask && first.replace(new RegExp(`<bpmndi:BPMNShape [^>]*bpmnElement="${firstTask[1]}"[^>]*>[\\s\\S]*?</bpmndi:BPMNShape>`), ''), /is not on the canvas/],
    ['a task drawn over another', taskBounds.length >= 2 && first.replace(taskBounds[1][0], taskBounds[1][1] + taskBounds[0][2]), /shapes overlap/],
    ['a label drawn over another', labelBounds.length >= 2 && first.replace(labelBounds[1], labelBounds[0]), /labels overlap/],
    ['a name without label bounds', first.replace(/<bpmndi:BPMNLabel>\s*<dc:Bounds [^>]*>\s*<\/bpmndi:BPMNLabel>/, ''), /has no bpmndi:BPMNLabel bounds/],
    ['a task too narrow for its name', taskBounds.length >= 1 && first.replace(taskBounds[0][2], taskBounds[0][2].replace(/width="\d+"/, 'width="24"')), /broken inside a word/],
    ['a label too small for its text', labelBounds.length >= 1 && first.replace(labelBounds[0], labelBounds[0].replace(/height="\d+"/, 'height="4"')), /drawn past its bounds/],
    ['XML cut short', first.slice(0, Math.floor(first.length / 2)), /import error/],
  ];
  for (const [what, xml, reason] of broken) {
    negatives++;
    if (!xml || xml === first) {
      console.error(`FAIL negative case: ${goldenFiles[0]} has nothing to break for ${what}`);
      missed++;
      continue;
    }
    const { problems } = await check(page, xml, null);
    const all = problems.concat(takeErrors());
    if (!all.some((p) => reason.test(p))) {
      console.error(`FAIL negative case: ${what} was not caught (${all.join('; ') || 'no problem found'})`);
      missed++;
    } else {
      console.log(`ok   negative case: ${what} is caught: ${all.find((p) => reason.test(p))}`);
    }
  }
  negatives++;
  await page.evaluate(() => fetch('http://bpmnjs-request-guard.invalid/').catch(() => {}));
  const guard = takeErrors();
  if (!guard.some((p) => p.includes('bpmnjs-request-guard.invalid'))) {
    console.error('FAIL negative case: a request of the page was not seen and blocked');
    missed++;
  } else {
    console.log('ok   negative case: a request of the page is blocked and counted');
  }

  for (const file of files) {
    const rel = path.relative(root, path.resolve(file));
    const png = out && path.join(out, `${path.basename(path.dirname(path.resolve(file)))}-${path.basename(file, '.bpmn')}.png`);
    const { problems, counts, notes } = await check(page, readFileSync(file, 'utf8'), png);
    problems.push(...takeErrors());
    if (problems.length > 0) {
      failed++;
      console.error(`FAIL ${rel}:\n  ${problems.join('\n  ')}`);
      continue;
    }
    const drawn = Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ');
    console.log(`ok   ${rel}: ${drawn}${png ? ` (${path.relative(process.cwd(), png)})` : ''}`);
    for (const note of notes) console.log(`     note: ${note}`);
  }
} finally {
  await browser.close();
}
console.log(`bpmnjs: ${files.length - failed} of ${files.length} BPMN files open in bpmn-js ${bpmnJsVersion} (${executablePath}); ` +
  `${negatives - missed} of ${negatives} broken inputs caught`);
console.log(`${files.length - failed + negatives - missed} passed, ${failed + missed} failed`);
process.exit(failed + missed === 0 ? 0 : 1);
