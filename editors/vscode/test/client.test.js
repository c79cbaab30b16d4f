// The extension's client as VS Code runs it: client/extension.js activated with the real
// vscode-languageclient, VS Code's API replaced by a stand-in (every name answers, the settings
// are salesc.path and salesc.arguments, and the messages the extension would show are kept).
// Activation must start `salesc lsp` with exactly the arguments of the settings (the client
// library adds `--stdio` when told the transport is stdio, and salesc lsp refuses it), the server
// must answer initialize and keep running, no error may be shown, and deactivate must end the
// server with shutdown and exit (status 0).
//
//   node test/client.test.js SALESC REPO_ROOT
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const Module = require('module');
const childProcess = require('child_process');
const path = require('path');

const [salesc, root] = process.argv.slice(2);
if (!salesc || !root) {
  console.error('usage: node test/client.test.js SALESC REPO_ROOT');
  process.exit(2);
}

/// A stand-in for any part of VS Code's API: every property is another stand-in, calling or
/// constructing one returns one, and it is not a promise (no `then`).
function standIn() {
  return new Proxy(function () {}, {
    get(target, name) {
      if (name === 'then') return undefined;
      if (!(name in target)) target[name] = standIn();
      return target[name];
    },
    apply: () => standIn(),
    construct: () => standIn(),
  });
}

const settings = { path: salesc, arguments: [`--stdlib=${path.join(root, 'stdlib')}`] };
const shown = [];
let output = '';
const vscode = standIn();
vscode.version = '1.82.0'; // the extension's engines.vscode, which the client library checks
vscode.workspace.getConfiguration = () => ({ get: (key, fallback) => (key in settings ? settings[key] : fallback) });
vscode.workspace.workspaceFolders = undefined;
for (const kind of ['showErrorMessage', 'showWarningMessage', 'showInformationMessage']) {
  vscode.window[kind] = (message) => {
    shown.push(`${kind}: ${message}`);
    return Promise.resolve(undefined);
  };
}
vscode.window.createOutputChannel = () => {
  const channel = standIn();
  channel.append = (text) => (output += text);
  channel.appendLine = (text) => (output += `${text}\n`);
  return channel;
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const started = [];
const spawn = childProcess.spawn;
childProcess.spawn = function (command, args, options) {
  const child = spawn.call(this, command, args, options);
  started.push({ command, args, child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) });
  return child;
};

const extension = require('../client/extension.js');

test('activate starts salesc lsp with the settings, and the server answers initialize', async () => {
  await extension.activate({ subscriptions: [] });
  assert.deepEqual(shown, [], `messages shown; the client's log:\n${output}`);
  assert.equal(started.length, 1);
  assert.equal(started[0].command, salesc);
  assert.deepEqual(started[0].args, ['lsp', ...settings.arguments]);
  assert.equal(started[0].child.exitCode, null, `the server exited; the client's log:\n${output}`);
});

test('deactivate ends the server with shutdown and exit', async () => {
  await extension.deactivate();
  assert.equal(await started[0].exited, 0, `the client's log:\n${output}`);
  assert.deepEqual(shown, []);
});
