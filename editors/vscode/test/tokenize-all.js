// Tokenizes every example and standard library file with the extension's grammar and checks
// the colours against what salesc itself reads there:
//   - the grammar closes every rule it opens by the end of the file, and takes under a second a line;
//   - nothing in these valid files is coloured invalid;
//   - every description salesc reads (STRING in `--emit=tokens`) is a string.*, every number a
//     constant.numeric.*, and every other visible character outside salesc's tokens (a comment,
//     which the lexer skips) a comment.*;
//   - every declaration of `--emit=ast` (channel ... campaign, stage, won, lost, segment) starts
//     with a keyword.declaration.* and its name is an entity.name.*, keywords used as names too.
//
//   node test/tokenize-all.js SALESC REPO_ROOT
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { loadGrammar, tokenize } = require('./grammar');

const [salesc, root] = process.argv.slice(2);
if (!salesc || !root) {
  console.error('usage: node test/tokenize-all.js SALESC REPO_ROOT');
  process.exit(2);
}

function salesFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return salesFiles(p);
    return e.name.endsWith('.sales') ? [p] : [];
  });
}

function emit(kind, file) {
  return execFileSync(salesc, ['check', `--emit=${kind}`, `--stdlib=${path.join(root, 'stdlib')}`, file], {
    encoding: 'utf8',
  });
}

// salesc counts columns in bytes, the grammar in UTF-16 code units.
function utf16Column(lineText, byteColumn) {
  return Buffer.from(lineText, 'utf8').subarray(0, byteColumn - 1).toString('utf8').length;
}

function scopesAt(tokens, column) {
  const t = tokens.find((tok) => tok.start <= column && column < tok.end);
  return t ? t.scopes : [];
}

const has = (scopes, prefix) => scopes.some((s) => s.startsWith(prefix));

function checkFile(grammar, file, failures) {
  const text = fs.readFileSync(file, 'utf8');
  const sourceLines = text.split(/\r?\n/);
  const { lines, openRules } = tokenize(grammar, text);
  const where = (line, col) => `${path.relative(root, file)}:${line}:${col + 1}`;
  const fail = (line, col, msg) => failures.push(`${where(line, col)}: ${msg}`);
  let checks = 0;

  if (openRules !== 0) fail(sourceLines.length, 0, `${openRules} rule(s) still open at the end of the file`);
  lines.forEach((tokens, i) =>
    tokens.forEach((t) => {
      if (has(t.scopes, 'invalid')) fail(i + 1, t.start, `'${t.text}' is coloured invalid`);
    })
  );

  // The lexer's tokens: descriptions, numbers, and the comments between tokens.
  const covered = sourceLines.map((l) => new Array(l.length).fill(false));
  for (const row of emit('tokens', file).split('\n').filter(Boolean)) {
    if (/^\d+:\d+ EOF$/.test(row)) continue;
    const m = /^(\d+):(\d+) (\S+) '(.*)'$/.exec(row);
    if (!m) throw new Error(`${file}: unexpected --emit=tokens line: ${row}`);
    const line = Number(m[1]);
    const lineText = sourceLines[line - 1];
    const start = utf16Column(lineText, Number(m[2]));
    const length = m[4].length;
    for (let c = start; c < start + length && c < lineText.length; c++) covered[line - 1][c] = true;
    const expected = { STRING: 'string.', NUMBER: 'constant.numeric.' }[m[3]];
    if (!expected) continue;
    for (let c = start; c < start + length; c++) {
      checks++;
      if (!has(scopesAt(lines[line - 1], c), expected)) {
        fail(line, c, `${m[3]} ${m[4]} is not coloured ${expected}*`);
        break;
      }
    }
  }
  covered.forEach((cols, i) => {
    // the first character of each line that is neither a token, a space nor coloured as a comment
    const c = cols.findIndex((isToken, col) => {
      if (isToken || /\s/.test(sourceLines[i][col])) return false;
      checks++;
      return !has(scopesAt(lines[i], col), 'comment.');
    });
    if (c >= 0) fail(i + 1, c, `'${sourceLines[i][c]}' is outside salesc's tokens but not coloured comment.*`);
  });

  // The declarations of the syntax tree: the keyword and the declared name.
  const stack = [];
  for (const row of emit('ast', file).split('\n').filter(Boolean)) {
    const m = /^( *)(\w+) <(\d+):(\d+)> (\w+)?/.exec(row);
    if (!m) continue;
    const depth = m[1].length / 2;
    stack.length = depth;
    stack[depth] = m[2];
    const parent = stack[depth - 1];
    const kind = m[2];
    const declares =
      (depth === 1 && kind !== 'Import') ||
      ['Stage', 'Won', 'Lost'].includes(kind) ||
      (kind === 'Segment' && ['Process', 'Segment'].includes(parent));
    if (!declares) continue;
    const line = Number(m[3]);
    const lineText = sourceLines[line - 1];
    const col = utf16Column(lineText, Number(m[4]));
    checks += 2;
    if (!has(scopesAt(lines[line - 1], col), 'keyword.declaration.')) {
      fail(line, col, `the ${kind} keyword is not coloured keyword.declaration.*`);
    }
    const name = /^[A-Za-z]+\s+([A-Za-z][A-Za-z0-9_]*)/.exec(lineText.slice(col));
    const nameCol = name ? col + name[0].length - name[1].length : col;
    if (!name || name[1] !== m[5] || !has(scopesAt(lines[line - 1], nameCol), 'entity.name.')) {
      fail(line, nameCol, `the name of ${kind} ${m[5]} is not coloured entity.name.*`);
    }
  }
  return checks;
}

(async () => {
  const { grammar } = await loadGrammar();
  const files = [...salesFiles(path.join(root, 'examples')), ...salesFiles(path.join(root, 'stdlib'))].sort();
  const failures = [];
  let checks = 0;
  for (const file of files) checks += checkFile(grammar, file, failures);
  failures.forEach((f) => console.error(f));
  console.log(`${files.length} files, ${checks} checks, ${failures.length} failures`);
  process.exit(files.length > 0 && failures.length === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
