// The salesc extension's client: starts `salesc lsp` for .sales files and hands VS Code what
// the server answers (diagnostics as you type, formatting, and whatever else the server
// offers). Restarts the server when a salesc setting changes, and on the command
// "salesc: Restart the Language Server".
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

function settings() {
  const config = vscode.workspace.getConfiguration('salesc');
  return {
    command: config.get('path') || 'salesc',
    args: config.get('arguments') || [],
    inlayHints: config.get('inlayHints', true),
  };
}

// `-I shared` in salesc.arguments is relative to the workspace folder, where the server runs.
function workspaceFolder() {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 && folders[0].uri.scheme === 'file' ? folders[0].uri.fsPath : undefined;
}

function createClient(output) {
  const { command, args } = settings();
  // No `transport`: with TransportKind.stdio the client would add `--stdio` to the command line,
  // which `salesc lsp` refuses (it always talks on standard input and output).
  const run = { command, args: ['lsp', ...args], options: { cwd: workspaceFolder() } };
  return new LanguageClient(
    'salesc',
    'salesc',
    { run, debug: run },
    {
      documentSelector: [
        { scheme: 'file', language: 'sales' },
        { scheme: 'untitled', language: 'sales' },
      ],
      outputChannel: output,
      middleware: {
        // salesc.inlayHints off: no hints from the server are shown.
        provideInlayHints: (document, range, token, next) =>
          settings().inlayHints ? next(document, range, token) : [],
      },
    }
  );
}

async function start(context, output) {
  client = createClient(output);
  try {
    await client.start();
  } catch (error) {
    const { command } = settings();
    const choice = await vscode.window.showErrorMessage(
      `salesc: could not start '${command} lsp' (${error && error.message ? error.message : error}). ` +
        'Install salesc or set salesc.path to the salesc program.',
      'Open Settings'
    );
    if (choice === 'Open Settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'salesc.path');
    }
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch {
      // the server was not running (it could not be started): nothing to stop
    }
  }
}

async function activate(context) {
  const output = vscode.window.createOutputChannel('salesc');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // a new program or new options need a new server; the editor asks a new client for its
      // inlay hints again, so a change of salesc.inlayHints shows at once too
      if (event.affectsConfiguration('salesc')) {
        await stop();
        await start(context, output);
      }
    }),
    vscode.commands.registerCommand('salesc.restart', async () => {
      await stop();
      await start(context, output);
    })
  );
  await start(context, output);
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
