// Expands every snippet of snippets/sales.code-snippets as VS Code inserts it when the user
// keeps each placeholder's default (the first choice of a choice), puts it in a small file
// that declares the names the defaults refer to, and checks that salesc finds no problem
// there: a snippet never starts the user off with an error or a warning.
//
//   node test/snippets.js SALESC REPO_ROOT
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const [salesc, root] = process.argv.slice(2);
if (!salesc || !root) {
  console.error('usage: node test/snippets.js SALESC REPO_ROOT');
  process.exit(2);
}

/** The text a snippet body inserts with every default taken ($N mirrors the default of ${N:...}). */
function expand(body) {
  const text = body.join('\n');
  const defaults = {};
  const placeholder = /\$\{(\d+)(?::([^{}$]*)|\|([^|]*)\|)\}/g;
  let m;
  while ((m = placeholder.exec(text))) {
    const value = m[2] !== undefined ? m[2] : m[3].split(',')[0];
    if (!(m[1] in defaults)) defaults[m[1]] = value;
  }
  return text
    .replace(placeholder, (_, n) => defaults[n])
    .replace(/\$\{?(\d+)\}?/g, (_, n) => defaults[n] || '')
    .replace(/\t/g, '  ');
}

// What each snippet is inserted into, and the declarations its defaults name.
const contexts = {
  process: (s) => `channel direct "Direct sales";\noffering consulting "Consulting" via direct;\n${s}\n`,
  stage: (s) =>
    'import "std/tactics";\n' +
    'knowledge pricing "What it costs";\n' +
    'literature brochure "Brochure";\n' +
    `process p {\n${s}\nstage proposal { time 1 week; next signed 40%; }\nwon signed;\nlost lost;\n}\n`,
  brand:
    (s) =>
      `import "std/tactics";\n${s}\n` +
      'literature brochure "Brochure" conveys professional;\n' +
      'process p { brand acme; stage a { provide brochure; time 1 day; next won 50%; } won won; lost lost; }\n',
};

const snippets = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'snippets', 'sales.code-snippets'), 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesc-snippets-'));
let failures = 0;
for (const [name, snippet] of Object.entries(snippets)) {
  const context = contexts[snippet.prefix];
  if (!context) {
    console.error(`snippet '${name}': no context to check it in (add one to test/snippets.js)`);
    failures++;
    continue;
  }
  const file = path.join(dir, `${snippet.prefix}.sales`);
  fs.writeFileSync(file, context(expand(snippet.body)));
  const run = spawnSync(salesc, ['check', `--stdlib=${path.join(root, 'stdlib')}`, file], { encoding: 'utf8' });
  if (run.status !== 0 || run.stdout || run.stderr) {
    console.error(`snippet '${name}' (exit ${run.status}):\n${fs.readFileSync(file, 'utf8')}${run.stdout}${run.stderr}`);
    failures++;
  } else {
    console.log(`snippet '${name}': no problem found`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${Object.keys(snippets).length - failures} passed, ${failures} failed`);
process.exit(failures === 0 && Object.keys(snippets).length > 0 ? 0 : 1);
