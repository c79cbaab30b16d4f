// Loads the extension's TextMate grammar with the engine VS Code uses (vscode-textmate on
// vscode-oniguruma) and tokenizes text line by line, as the editor does.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const grammarPath = path.join(__dirname, '..', 'syntaxes', 'sales.tmLanguage.json');

/** Resolves to the grammar of source.sales; `theme` (a vscode-textmate IRawTheme) is optional. */
async function loadGrammar(theme) {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.sales'
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
    theme,
  });
  return { grammar: await registry.loadGrammar('source.sales'), registry };
}

/**
 * Tokenizes `text`: one entry per line, each a list of { start, end, text, scopes } (UTF-16
 * offsets in the line), and `openRules`: how many begin/end rules are still open after the last
 * line (0 when the text closed every statement, block, string and comment it opened).
 */
function tokenize(grammar, text) {
  let state = vsctm.INITIAL;
  const lines = text.split(/\r?\n/).map((line, index) => {
    const result = grammar.tokenizeLine(line, state, 1000);
    if (result.stoppedEarly) {
      throw new Error(`line ${index + 1}: tokenizing took longer than a second`);
    }
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      start: t.startIndex,
      end: Math.min(t.endIndex, line.length),
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
  return { lines, openRules: state.depth - 1 };
}

module.exports = { loadGrammar, tokenize, grammarPath };
