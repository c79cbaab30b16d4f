#!/usr/bin/env node
// The extension as a user meets it: code-server (VS Code in the browser) with the .vsix
// installed, a workspace holding a copy of examples/quickstart.sales, and Debian's headless
// Chromium driven by playwright-core (tests/js) typing and clicking in the editor. test/in-code-server.sh
// installs code-server and the .vsix and runs this:
//
//   node test/in-code-server.mjs --code-server BIN --extensions-dir DIR --salesc PATH --out DIR
//                                [--chromium PATH]
//
// It checks, in this order, and fails at the first that does not hold (every step leaves a
// screenshot DIR/NN-step.png, and DIR/code-server.log has the server's log):
//   colours      the words of quickstart.sales have the colours Default Dark Modern gives their
//                TextMate scopes (keywords, names declared and used, descriptions, numbers,
//                comments), so the grammar is loaded and applied;
//   diagnostics  typing a mistake (`learn prooff;`) draws an error squiggle and the Problems
//                panel lists it with its code (salesc(N001)); undoing it clears both;
//   hover        hovering a stage's name shows its predicted win probability;
//   completion   typing `learn ` on a new line lists the file's knowledge; Enter inserts one;
//   definition   F12 on a tactic of the standard library (email_follow_up) opens
//                std/tactics.sales at its declaration;
//   rename       F2 on a stage renames it where it is declared and everywhere it is used;
//                F2 on a name of the standard library is refused with the server's message;
//   format       saving a file whose layout was broken writes salesc fmt's layout (format on
//                save, which the extension turns on for .sales files).
// Every request the page makes to anything but the code-server it was opened from is blocked and
// fails the test.
import { createRequire } from 'node:module';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { chromium } = createRequire(path.join(root, 'tests/js/package.json'))('playwright-core');

function usage(message) {
  console.error(`in-code-server: ${message}\nusage: node test/in-code-server.mjs --code-server BIN ` +
    '--extensions-dir DIR --salesc PATH --out DIR [--chromium PATH]');
  process.exit(2);
}

const options = { chromium: process.env.SALESC_CHROMIUM || '/usr/bin/chromium' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const name = { '--code-server': 'codeServer', '--extensions-dir': 'extensions', '--salesc': 'salesc',
    '--out': 'out', '--chromium': 'chromium' }[argv[i]];
  if (!name) usage(`unknown argument ${argv[i]}`);
  if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`);
  options[name] = path.resolve(argv[++i]);
}
for (const name of ['codeServer', 'extensions', 'salesc', 'out']) if (!options[name]) usage('an option is missing');
for (const file of [options.codeServer, options.salesc, options.chromium])
  if (!fs.existsSync(file)) usage(`${file} does not exist`);

// The colours of Default Dark Modern (code-server's theme-defaults: dark_modern.json, which
// includes dark_plus.json and dark_vs.json) for the scopes the grammar gives.
const colour = {
  keyword: 'rgb(86, 156, 214)', // keyword.* (#569CD6)
  control: 'rgb(197, 134, 192)', // keyword.control.* (#C586C0)
  function: 'rgb(220, 220, 170)', // entity.name.function.* (#DCDCAA)
  type: 'rgb(78, 201, 176)', // entity.name.type.* (#4EC9B0)
  variable: 'rgb(156, 220, 254)', // variable.* (#9CDCFE)
  string: 'rgb(206, 145, 120)', // string.* (#CE9178)
  number: 'rgb(181, 206, 168)', // constant.numeric.*, keyword.other.unit.* (#B5CEA8)
  comment: 'rgb(106, 153, 85)', // comment.* (#6A9955)
};

const out = options.out;
// what an earlier run left here (only that: OUT_DIR may hold other things)
for (const entry of fs.existsSync(out) ? fs.readdirSync(out) : [])
  if (['workspace', 'user-data', 'config', 'data', 'code-server.log'].includes(entry) || /^\d\d-.*\.png$/.test(entry))
    fs.rmSync(path.join(out, entry), { recursive: true, force: true });
const workspace = path.join(out, 'workspace');
const userData = path.join(out, 'user-data');
fs.mkdirSync(workspace, { recursive: true });
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
const file = path.join(workspace, 'quickstart.sales');
fs.copyFileSync(path.join(root, 'examples/quickstart.sales'), file);
fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({
  'salesc.path': options.salesc,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'editor.hover.delay': 200,
  'git.enabled': false,
  // desktop VS Code's default; in the browser VS Code saves a second after each change, and a
  // file saved so is not formatted (format on save is for the saves the user asks for)
  'files.autoSave': 'off',
}, null, 2));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const failures = [];
let step = 0;
let page;
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}: ${error.message.split('\n').slice(0, 6).join('\n     ')}`);
  }
  step += 1;
  await page.screenshot({ path: path.join(out, `${String(step).padStart(2, '0')}-${name}.png`) });
  if (failures.length) throw new Error(`${name} failed`);
}

// --- the editor as the page shows it -----------------------------------------------------------

const editorLines = '.part.editor .editor-instance .monaco-editor .view-lines';

/// Where `word` is drawn in the visible line that starts (after its indentation) with `prefix`,
/// and the colour it is drawn in; null when no visible line starts so.
function locate(prefix, word, occurrence = 0) {
  return page.evaluate(({ selector, prefix, word, occurrence }) => {
    const text = (node) => node.textContent.replace(/\u00a0/g, ' ');
    for (const line of document.querySelectorAll(`${selector} .view-line`)) {
      if (!text(line).trimStart().startsWith(prefix)) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = text(node);
        const pattern = new RegExp(`(^|[^A-Za-z0-9_])(${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?![A-Za-z0-9_])`, 'g');
        for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
          if (seen++ < occurrence) continue;
          const range = document.createRange();
          const start = m.index + m[1].length;
          range.setStart(node, start);
          range.setEnd(node, start + word.length);
          const box = range.getBoundingClientRect();
          return { x: box.x, y: box.y, width: box.width, height: box.height, colour: getComputedStyle(node.parentElement).color };
        }
      }
    }
    return null;
  }, { selector: editorLines, prefix, word, occurrence });
}

async function find(prefix, word, occurrence = 0) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const found = await locate(prefix, word, occurrence);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no visible line starts with '${prefix}' and holds '${word}'`);
    await page.waitForTimeout(200);
  }
}

/// The visible lines of the editor, top to bottom.
function visibleLines(selector = editorLines) {
  return page.evaluate((selector) => [...document.querySelectorAll(`${selector} .view-line`)]
    .map((line) => ({ top: parseFloat(line.style.top), text: line.textContent.replace(/\u00a0/g, ' ') }))
    .sort((a, b) => a.top - b.top).map((line) => line.text), selector);
}

/// Clicks into `word` (just after its first letter) on the line that starts with `prefix`.
async function clickInto(prefix, word, occurrence = 0) {
  const at = await find(prefix, word, occurrence);
  await page.mouse.click(at.x + Math.min(at.width / 2, 6), at.y + at.height / 2);
  return at;
}

/// Waits until `predicate` (async) returns something true, and returns it; `describe` (async)
/// says what there was instead when the time is up.
async function until(what, predicate, describe = async () => '', timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const result = await predicate();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${await describe()}`);
    await page.waitForTimeout(250);
  }
}

const salescFormat = (text) => execFileSync(options.salesc, ['fmt', '-'], { input: text, encoding: 'utf8' });

// --- code-server and the browser ---------------------------------------------------------------

const port = await freePort();
const serverLog = fs.openSync(path.join(out, 'code-server.log'), 'w');
const server = spawn(options.codeServer, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
  '--user-data-dir', userData, '--extensions-dir', options.extensions, '--disable-telemetry',
  '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace], {
  // its config.yaml and its data go under DIR, not into the home folder
  env: { ...process.env, XDG_CONFIG_HOME: path.join(out, 'config'), XDG_DATA_HOME: path.join(out, 'data') },
  stdio: ['ignore', serverLog, serverLog],
  detached: true,
});
const serverExited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));
let browser;
const started = Date.now();
const blocked = [];
try {
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    const up = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false);
    if (up) break;
    if (server.exitCode !== null) throw new Error(`code-server exited (${await serverExited}): see ${out}/code-server.log`);
    if (Date.now() - started > 60000) throw new Error(`code-server did not answer in 60 s: see ${out}/code-server.log`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-default-apps', '--disable-extensions'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1400 }, deviceScaleFactor: 1 });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });

  await check('open', async () => {
    const entry = page.locator('.explorer-folders-view .monaco-list-row[aria-label="quickstart.sales"]');
    await entry.waitFor({ timeout: 60000 });
    await entry.dblclick();
    await find('process direct_consulting', 'direct_consulting');
    // the language server is running once the hints after the stage names are in (the
    // predicted win probability and days, which only the server gives)
    // (VS Code pads a hint with a hair space, U+200A)
    await until('the inlay hint after `stage inquiry`', async () =>
      (await visibleLines()).some((line) => /stage inquiry\s\d+(\.\d+)?% win/.test(line)),
      async () => `; the line is ${JSON.stringify((await visibleLines()).filter((l) => l.includes('stage inquiry')))}`);
  });

  await check('colours', async () => {
    const expected = [
      ['// examples/quickstart.sales', 'examples', 'comment'],
      ['import "std/tactics"', 'import', 'control'],
      ['import "std/tactics"', 'tactics', 'string'],
      ['knowledge problem_fit', 'knowledge', 'keyword'],
      ['knowledge problem_fit', 'problem_fit', 'type'],
      ['value 15000 USD', '15000', 'number'],
      ['value 15000 USD', 'USD', 'number'],
      ['stage inquiry', 'stage', 'keyword'],
      ['stage inquiry', 'inquiry', 'function'],
      ['stage inquiry', 'Prospect', 'string'],
      ['learn problem_fit;', 'learn', 'keyword'],
      ['learn problem_fit;', 'problem_fit', 'variable'],
      ['time 1 to 3 days', 'days', 'number'],
      ['next rep_call 60%', 'next', 'control'],
      ['next rep_call 60%', 'rep_call', 'variable'],
      ['next rep_call 60%', '60', 'number'],
      ['won signed', 'signed', 'function'],
    ];
    const wrong = [];
    for (const [prefix, word, kind] of expected) {
      const at = await find(prefix, word);
      if (at.colour !== colour[kind]) wrong.push(`'${word}' in '${prefix}' is ${at.colour}, not ${kind} ${colour[kind]}`);
    }
    if (wrong.length) throw new Error(wrong.join('\n'));
  });

  const unsaved = page.locator('.tabs-container .tab.active.dirty');
  const squiggles = '.part.editor .editor-instance .monaco-editor .view-overlays .squiggly-error';
  await check('diagnostics', async () => {
    await clickInto('learn proof;', 'proof');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft'); // before the ';'
    await page.keyboard.type('f');
    await find('learn prooff;', 'prooff');
    // the squiggle is drawn under the word (the editor may redraw it meanwhile: look again)
    const squiggleBoxes = () => page.locator(squiggles).evaluateAll((all) => all.map((e) => e.getBoundingClientRect().toJSON()));
    await until('a squiggle under prooff', async () => {
      const word = await find('learn prooff;', 'prooff');
      return (await squiggleBoxes()).some((box) => Math.abs(box.x - word.x) <= 2 && Math.abs(box.width - word.width) <= 2);
    }, async () => `; the squiggles are at ${JSON.stringify(await squiggleBoxes())}, the word at ${JSON.stringify(await locate('learn prooff;', 'prooff'))}`);
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row').filter({ hasText: "no knowledge named 'prooff'" });
    await problem.first().waitFor({ timeout: 15000 });
    const text = await problem.first().textContent();
    if (!text.includes('N001')) throw new Error(`the Problems entry has no code N001: ${text}`);
    await page.screenshot({ path: path.join(out, `${String(step + 1).padStart(2, '0')}-diagnostics-problems.png`) });
    // undone, the problem goes away
    await clickInto('learn prooff;', 'prooff');
    await page.keyboard.press('Control+Z');
    await find('learn proof;', 'proof');
    await until('the squiggle to go', async () => (await page.locator(squiggles).count()) === 0);
    await until('the Problems panel to empty', async () => (await problem.count()) === 0);
    await page.keyboard.press('Control+J'); // the panel closes
  });

  await check('hover', async () => {
    const at = await find('stage demo', 'demo');
    const hinted = async () => (await visibleLines()).map((line) => line.match(/stage demo\s(\d+(\.\d+)?)% win/)).find(Boolean);
    const hint = (await until('the inlay hint after `stage demo`', hinted))[1];
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    const shown = async () => (await page.locator('.monaco-hover').allTextContents()).join('\n');
    const text = await until('a hover with the win probability', async () => {
      const t = await shown();
      return /win probability/.test(t) && t;
    }, async () => `; the hover shows ${JSON.stringify(await shown())}`);
    if (!text.includes('stage') || !text.includes('demo')) throw new Error(`the hover does not name the stage: ${text}`);
    if (!text.includes(`win probability: ${hint}%`))
      throw new Error(`the hover's win probability is not the hint's ${hint}%: ${text}`);
    await page.waitForTimeout(500); // the hover fades in
    await page.screenshot({ path: path.join(out, `${String(step + 1).padStart(2, '0')}-hover-shown.png`) });
    await page.mouse.move(5, 700);
    await page.keyboard.press('Escape');
  });

  await check('completion', async () => {
    await clickInto('learn proof;', 'proof');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('learn ');
    const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    const labels = async () => (await rows.evaluateAll((r) => r.map((e) => e.getAttribute('aria-label') || e.textContent)));
    const listed = await until('the completion list after `learn `', async () => {
      const l = await labels();
      return l.some((x) => x.startsWith('pricing')) && l;
    }, async () => `; it lists ${JSON.stringify(await labels())}`);
    const words = listed.map((label) => label.split(/[ ,]/)[0]);
    for (const knowledge of ['problem_fit', 'pricing', 'proof'])
      if (!words.includes(knowledge)) throw new Error(`the knowledge ${knowledge} is not offered: ${JSON.stringify(listed)}`);
    for (const other of ['brochure', 'roi_calculator', 'inquiry'])
      if (words.includes(other)) throw new Error(`${other} is offered after learn: ${JSON.stringify(listed)}`);
    await page.screenshot({ path: path.join(out, `${String(step + 1).padStart(2, '0')}-completion-list.png`) });
    await page.keyboard.type('pri');
    const focused = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
    await until('pricing to be the first offered', async () => /^pricing/.test((await focused.getAttribute('aria-label')) || ''));
    await page.keyboard.press('Enter');
    await page.keyboard.type(';');
    await find('learn pricing;', 'pricing');
  });

  await check('definition', async () => {
    await clickInto('use email_follow_up;', 'email_follow_up');
    await page.keyboard.press('F12');
    const tab = page.locator('.tabs-container .tab.active');
    await until('std/tactics.sales to open', async () => /^tactics\.sales/.test((await tab.getAttribute('aria-label')) || ''),
      async () => `; the active tab is ${await tab.getAttribute('aria-label')}`);
    const declaration = await find('tactic email_follow_up', 'email_follow_up');
    const cursor = await page.locator('.part.editor .editor-instance .monaco-editor .cursors-layer .cursor').first().boundingBox();
    if (!cursor || Math.abs(cursor.y - declaration.y) > declaration.height / 2 || cursor.x < declaration.x - 2 ||
        cursor.x > declaration.x + declaration.width + 2)
      throw new Error(`the cursor (${JSON.stringify(cursor)}) is not on the name email_follow_up where it is declared (${JSON.stringify(declaration)})`);
    const crumbs = await page.locator('.part.editor .breadcrumbs-control .monaco-breadcrumb-item').allTextContents();
    if (!/\bstdlib std tactics\.sales\b/.test(crumbs.join(' ')))
      throw new Error(`the file opened is ${crumbs.join('/')}, not the standard library's std/tactics.sales`);
    // back to the process: its tab
    await page.locator('.tabs-container .tab[aria-label^="quickstart.sales"]').click();
    await find('stage inquiry', 'inquiry');
  });

  await check('rename', async () => {
    // a name of the standard library: refused, with the server's reason
    await clickInto('use email_follow_up;', 'email_follow_up');
    await page.keyboard.press('F2');
    const message = page.locator('.monaco-editor-overlaymessage');
    await until('the refusal to rename email_follow_up', async () => /standard library/.test((await message.allTextContents()).join(' ')),
      async () => `; the message is ${JSON.stringify(await message.allTextContents())}`);
    await page.screenshot({ path: path.join(out, `${String(step + 1).padStart(2, '0')}-rename-refused.png`) });
    await page.keyboard.press('Escape');
    // a stage: renamed where it is declared and where it is used
    await clickInto('stage rep_call', 'rep_call');
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input');
    await input.waitFor({ timeout: 15000 });
    await input.fill('first_call');
    await page.keyboard.press('Enter');
    await find('stage first_call', 'first_call');
    const lines = await visibleLines();
    const uses = lines.filter((line) => /\bfirst_call\b/.test(line)).length;
    if (uses !== 3 || lines.some((line) => /\brep_call\b/.test(line)))
      throw new Error(`after the rename, ${uses} lines name first_call (not 3), or rep_call is left: ${lines.join('\n')}`);
  });

  await check('format', async () => {
    // two statements on one line and a statement indented too far
    await clickInto('value 15000 USD;', 'USD');
    await page.keyboard.press('End');
    await page.keyboard.press('Delete');
    await find('value 15000 USD;', 'target');
    await clickInto('start inquiry;', 'start');
    await page.keyboard.press('Home');
    await page.keyboard.type('      ');
    await page.screenshot({ path: path.join(out, `${String(step + 1).padStart(2, '0')}-format-before-save.png`) });
    await page.keyboard.press('Escape'); // the statements offered after the spaces
    await unsaved.waitFor({ timeout: 15000 });
    await page.keyboard.press('Control+S');
    await until('the save', async () => (await unsaved.count()) === 0);
    const original = fs.readFileSync(path.join(root, 'examples/quickstart.sales'), 'utf8');
    const expected = salescFormat(original.replace(/\brep_call\b/g, 'first_call').replace('    learn proof;\n', '    learn proof;\n    learn pricing;\n'));
    await until('the file to be saved, formatted', async () => fs.readFileSync(file, 'utf8') === expected,
      async () => `; it is\n${fs.readFileSync(file, 'utf8')}`, 30000);
    await until('the editor to show the formatted file', async () =>
      (await locate('target win rate 5%;', 'target')) && !(await locate('value 15000 USD;', 'target')));
  });
} catch (error) {
  if (!failures.length) {
    failures.push('setup');
    console.log(`FAIL ${error.stack}`);
    if (page) await page.screenshot({ path: path.join(out, 'failure.png') }).catch(() => {});
  }
} finally {
  if (browser) await browser.close();
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await serverExited;
  fs.closeSync(serverLog);
}
if (blocked.length) {
  failures.push('blocked');
  console.log(`FAIL the page asked for ${blocked.length} address(es) outside code-server: ${[...new Set(blocked)].slice(0, 5).join(' ')}`);
}
console.log(`${failures.length ? 'FAIL' : 'ok'}: ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in ${out}`);
process.exit(failures.length ? 1 : 0);
