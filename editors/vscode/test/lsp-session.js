// A conversation with `salesc lsp` run as a separate process, through the protocol library the
// extension's client is built on (vscode-languageserver-protocol, the version
// vscode-languageclient ships): the messages, their framing and their types are those VS Code
// exchanges with the server.
'use strict';

const { spawn } = require('child_process');
const { pathToFileURL } = require('url');
const path = require('path');
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
} = require('vscode-languageserver-protocol/node');

class LspSession {
  /** Starts `SALESC lsp ARGS...`; the server's standard error is kept in `stderr`. */
  constructor(salesc, args = []) {
    this.process = spawn(salesc, ['lsp', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.process.stderr.on('data', (d) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin)
    );
    // every publishDiagnostics, in order, per URI; waiters take them one by one
    this.published = new Map();
    this.waiting = new Map();
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const waiter = (this.waiting.get(params.uri) || []).shift();
      if (waiter) waiter(params);
      else this.queue(params.uri).push(params);
    });
    this.versions = new Map();
    this.connection.listen();
  }

  queue(uri) {
    if (!this.published.has(uri)) this.published.set(uri, []);
    return this.published.get(uri);
  }

  async initialize(rootDir) {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: rootDir ? pathToFileURL(rootDir).href : null,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
          formatting: { dynamicRegistration: false },
        },
      },
      clientInfo: { name: 'salesc integration test' },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The next publishDiagnostics for `uri` (one already received, or the next to come). */
  nextDiagnostics(uri, timeoutMs = 10000) {
    const queued = this.queue(uri).shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      if (!this.waiting.has(uri)) this.waiting.set(uri, []);
      this.waiting.get(uri).push((params) => {
        clearTimeout(timer);
        resolve(params);
      });
    });
  }

  /** Opens a document (a file that need not exist) with `text`; returns its URI. */
  async open(file, text) {
    const uri = pathToFileURL(path.resolve(file)).href;
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'sales', version: 1, text },
    });
    return uri;
  }

  /** Sends one didChange with `changes` (ranges with text, or { text } for the whole). */
  async change(uri, changes) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  request(type, params) {
    return this.connection.sendRequest(type, params);
  }

  /** shutdown, then exit; resolves to the process's exit { code, signal }. */
  async shutdown() {
    const result = await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const exit = await this.exited;
    this.connection.dispose();
    return { result, exit };
  }

  kill() {
    this.connection.dispose();
    this.process.kill();
  }
}

/** Applies LSP TextEdits (UTF-16 positions) to `text`. */
function applyEdits(text, edits) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p) => Math.min(lineStarts[p.line] === undefined ? text.length : lineStarts[p.line] + p.character, text.length);
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

module.exports = { LspSession, applyEdits };
