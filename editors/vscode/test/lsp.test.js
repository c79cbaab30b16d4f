// Drives `salesc lsp` as a separate process through the client library, as VS Code does:
// initialize, a document with a mistake and its diagnostic, the fix and the empty list,
// formatting, a `// salesc-ignore` comment, a hover right after an edit, shutdown and exit. The tests run in order on one server; a new request (hover,
// definition, completion, ...) is one more `test(...)` before the shutdown, with
// `session.request(SomeRequest.type, params)` and its exact expected answer.
//
//   node test/lsp.test.js SALESC REPO_ROOT
'use strict';

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { DocumentFormattingRequest, HoverRequest } = require('vscode-languageserver-protocol/node');
const { LspSession, applyEdits } = require('./lsp-session');

const [salesc, root] = process.argv.slice(2);
if (!salesc || !root) {
  console.error('usage: node test/lsp.test.js SALESC REPO_ROOT');
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesc-lsp-'));
const session = new LspSession(salesc, [`--stdlib=${path.join(root, 'stdlib')}`]);
after(() => {
  session.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The README's first file, with its misspelt tactic.
const inbound = `import "std/tactics";

knowledge pricing "What it costs and what is included";
literature brochure "Service brochure" conveys professional;

process inbound "Inbound sales" {
  value 15000 USD;

  stage inquiry "Prospect requests information" {
    learn pricing;
    provide brochure;
    use email_follow_up;
    time 1 to 3 days;
    next proposal 40%;
  }
  stage proposal "We send a proposal" {
    use phone_calls;
    time 1 to 3 weeks;
    next signed 30%;
  }
  won signed "Signs and pays";
  lost lost "Did not buy";
}
`;
const misspelt = { start: { line: 16, character: 8 }, end: { line: 16, character: 19 } };
let uri;

test('initialize: incremental sync and formatting', async () => {
  const result = await session.initialize(dir);
  assert.equal(result.serverInfo.name, 'salesc');
  assert.equal(result.capabilities.positionEncoding, 'utf-16');
  assert.deepEqual(result.capabilities.textDocumentSync,
                   { openClose: true, change: 2, save: { includeText: false } });
  assert.equal(result.capabilities.documentFormattingProvider, true);
});

test('didOpen a file with a mistake: its diagnostic, with code and link', async () => {
  uri = await session.open(path.join(dir, 'inbound.sales'), inbound);
  const published = await session.nextDiagnostics(uri);
  assert.equal(published.uri, uri);
  assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
  const [d] = published.diagnostics;
  assert.deepEqual(d.range, misspelt);
  assert.equal(d.severity, 1);
  assert.equal(d.code, 'N001');
  assert.equal(d.source, 'salesc');
  assert.match(d.message, /there is no tactic named 'phone_calls'; did you mean 'phone_call'\?/);
  assert.match(d.codeDescription.href, /\/docs\/diagnostics\.md#n001-[a-z-]+$/);
});

test('didChange that fixes it: an empty list', async () => {
  await session.change(uri, [{ range: misspelt, text: 'phone_call' }]);
  const published = await session.nextDiagnostics(uri);
  assert.deepEqual(published.diagnostics, []);
});

test("formatting: salesc fmt's layout, then nothing to do", async () => {
  const messy = inbound.replace('phone_calls', 'phone_call').replace('  value 15000 USD;\n', 'value 15000 USD ;  ');
  await session.change(uri, [{ text: messy }]);
  assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);

  const options = { tabSize: 2, insertSpaces: true };
  const edits = await session.request(DocumentFormattingRequest.type, { textDocument: { uri }, options });
  const expected = execFileSync(salesc, ['fmt', '-', '--stdin-filename=inbound.sales'], { input: messy, encoding: 'utf8' });
  assert.notEqual(expected, messy);
  assert.equal(applyEdits(messy, edits), expected);

  await session.change(uri, [{ text: expected }]);
  await session.nextDiagnostics(uri);
  assert.deepEqual(await session.request(DocumentFormattingRequest.type, { textDocument: { uri }, options }), []);
});

test('// salesc-ignore hides what it names, as in salesc check; without a reason it is U001', async () => {
  const reason = '    use phone_calls; // salesc-ignore N001: the CRM tactic, declared next quarter';
  await session.change(uri, [{ text: inbound.replace('    use phone_calls;', reason) }]);
  assert.deepEqual((await session.nextDiagnostics(uri)).diagnostics, []);

  const noReason = '    use phone_calls; // salesc-ignore N001';
  await session.change(uri, [{ text: inbound.replace('    use phone_calls;', noReason) }]);
  const published = (await session.nextDiagnostics(uri)).diagnostics;
  assert.equal(published.length, 1, JSON.stringify(published));
  assert.equal(published[0].code, 'U001');
  assert.equal(published[0].severity, 2);
  assert.deepEqual(published[0].range, { start: { line: 16, character: 21 }, end: { line: 16, character: 42 } });
});

test('hover right after an edit: the knowledge, from the check that gave the diagnostics', async () => {
  const hover = await session.request(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 10 } });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /^\*\*knowledge\*\* `pricing`\n\nWhat it costs and what is included\n/);
  assert.deepEqual(hover.range, { start: { line: 9, character: 10 }, end: { line: 9, character: 17 } });
});

test('shutdown, then exit: status 0', async () => {
  const { result, exit } = await session.shutdown();
  assert.equal(result, null);
  assert.deepEqual(exit, { code: 0, signal: null });
  assert.equal(session.stderr, '');
});
