#!/usr/bin/env bash
# Packages the extension with vsce (as `make vscode` does) into a temporary folder and checks
# the .vsix: what VS Code loads is there (package.json, the client, the grammar, the language
# configuration, the snippets, README and LICENSE, and the client's runtime dependencies, so
# that `require('vscode-languageclient/node')` resolves inside it), the files are those of
# the source tree, the version is salesc's, and nothing else went in (tests, vsce, the
# grammar's generator, the lock file).
#
#   test/vsix.sh EXPECTED_VERSION
set -euo pipefail

version=${1:?usage: test/vsix.sh EXPECTED_VERSION}
ext="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "vsix: $*" >&2
  failures=$((failures + 1))
}

cd "$ext"
start=$SECONDS
node_modules/.bin/vsce package --out "$tmp/" >"$tmp/vsce.log" 2>&1 || {
  cat "$tmp/vsce.log" >&2
  exit 1
}
echo "vsce package took $((SECONDS - start)) s"
vsix="$tmp/salesc-$version.vsix"
[ -f "$vsix" ] || {
  ls "$tmp" >&2
  fail "vsce did not write salesc-$version.vsix: is package.json's version $version?"
  exit 1
}

unzip -l "$vsix" | awk 'NR > 3 && $4 != "" { print $4 }' | sort >"$tmp/entries"
for f in extension.vsixmanifest extension/package.json extension/client/extension.js \
  extension/syntaxes/sales.tmLanguage.json extension/language-configuration.json \
  extension/snippets/sales.code-snippets extension/README.md extension/LICENSE.txt; do
  grep -qx "$f" "$tmp/entries" || fail "$f is missing"
done
# every package the client needs at run time (npm's view of the production dependencies)
while read -r dir; do
  rel="${dir#"$ext"/}"
  grep -qx "extension/$rel/package.json" "$tmp/entries" || fail "the runtime dependency $rel is missing"
done < <(npm ls --omit=dev --all --parseable 2>/dev/null | grep /node_modules/)
# nothing that is only for development
if grep -E '^extension/(test/|package-lock\.json|syntaxes/generate\.py|node_modules/(@vscode/vsce|vscode-tmgrammar-test|vscode-textmate|vscode-oniguruma)/)' \
  "$tmp/entries" >"$tmp/extra"; then
  fail "files only for development are in the .vsix: $(head -3 "$tmp/extra" | tr '\n' ' ')"
fi

mkdir "$tmp/x"
(cd "$tmp/x" && unzip -q "$vsix")
for f in client/extension.js syntaxes/sales.tmLanguage.json language-configuration.json \
  snippets/sales.code-snippets README.md; do
  cmp -s "$ext/$f" "$tmp/x/extension/$f" || fail "extension/$f differs from editors/vscode/$f"
done
cmp -s "$ext/LICENSE" "$ext/../../LICENSE" || fail "editors/vscode/LICENSE is not a copy of the repository's LICENSE"
cmp -s "$ext/LICENSE" "$tmp/x/extension/LICENSE.txt" || fail "extension/LICENSE.txt is not editors/vscode/LICENSE"

# package.json as VS Code reads it: salesc's version, and every file it names is packaged
node - "$tmp/x/extension" "$version" <<'EOF' || fail "package.json (above)"
const fs = require('fs');
const path = require('path');
const [dir, version] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const problems = [];
if (pkg.version !== version) problems.push(`version ${pkg.version}, not salesc's ${version}`);
const named = [pkg.main, ...pkg.contributes.languages.map((l) => l.configuration),
  ...pkg.contributes.grammars.map((g) => g.path), ...pkg.contributes.snippets.map((s) => s.path)];
for (const f of named) if (!fs.existsSync(path.join(dir, f))) problems.push(`${f} is named but not packaged`);
try {
  require.resolve('vscode-languageclient/node', { paths: [path.join(dir, 'client')] });
} catch (e) {
  problems.push(`the client's require('vscode-languageclient/node') does not resolve: ${e.message}`);
}
problems.forEach((p) => console.error(`vsix: package.json: ${p}`));
process.exit(problems.length ? 1 : 0);
EOF

echo "$(wc -l <"$tmp/entries") files in salesc-$version.vsix"
if [ "$failures" -gt 0 ]; then
  echo "vsix: $failures problem(s)" >&2
  exit 1
fi
echo "vsix: the package is complete"
