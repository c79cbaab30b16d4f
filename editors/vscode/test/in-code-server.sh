#!/usr/bin/env bash
# The extension in real VS Code: installs code-server (VS Code in the browser, from the npm
# registry, pinned by test/code-server/package-lock.json) into a cache folder outside the
# repository, packages the .vsix with vsce as `make vscode` does, installs it into a fresh
# extensions folder, and has Debian's headless Chromium use it as a user would
# (test/in-code-server.mjs: colours, diagnostics as you type, hover, completion, go to
# definition, rename, format on save). docs/editors.md says what was checked and when.
#
#   test/in-code-server.sh SALESC [OUT_DIR]
#
# SALESC: the salesc the extension starts (salesc.path). OUT_DIR (default: a new temporary
# folder) gets a screenshot per step, code-server's log, the workspace and VS Code's user data.
# The cache folder is $SALESC_CODE_SERVER_CACHE, or ~/.cache/salesc/code-server-<lock hash>.
#
# Installing code-server builds its native modules (node-gyp): it needs Node 20 (code-server
# 4.100.3's engines), g++, make, python3, the Kerberos headers (Debian: libkrb5-dev) and
# ripgrep on PATH (Debian: ripgrep; code-server's @vscode/ripgrep would otherwise download it
# from GitHub). About 6 minutes the first time; the test itself about 70 s.
set -euo pipefail

salesc=${1:?usage: test/in-code-server.sh SALESC [OUT_DIR]}
salesc="$(cd "$(dirname "$salesc")" && pwd)/$(basename "$salesc")"
ext="$(cd "$(dirname "$0")/.." && pwd)"
out=${2:-$(mktemp -d "${TMPDIR:-/tmp}/salesc-in-code-server.XXXXXX")}
mkdir -p "$out"
out="$(cd "$out" && pwd)"

missing() {
  echo "in-code-server: $*" >&2
  exit 2
}
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || missing "code-server 4.100.3 needs Node 20, and node is $(node --version)"
for tool in g++ make python3 rg; do
  command -v "$tool" >/dev/null || missing "$tool is not on PATH (see the top of $0)"
done
[ -f /usr/include/gssapi/gssapi.h ] || missing "the Kerberos headers are missing (Debian: apt-get install libkrb5-dev)"
[ -x "$salesc" ] || missing "$salesc is not a program"
[ -d "$ext/../../tests/js/node_modules/playwright-core" ] || missing "tests/js/node_modules has no playwright-core: run scripts/install-deps.sh"

lock="$ext/test/code-server/package-lock.json"
hash=$(cat "$ext/test/code-server/package.json" "$lock" | sha256sum | cut -c1-16)
cache=${SALESC_CODE_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/salesc/code-server-$hash}
bin="$cache/node_modules/.bin/code-server"
if [ ! -f "$cache/installed" ]; then
  echo "in-code-server: installing code-server into $cache (a few minutes; log: $cache/install.log)"
  rm -rf "$cache"
  mkdir -p "$cache/tmp"
  cp "$ext/test/code-server/package.json" "$lock" "$cache/"
  # @vscode/ripgrep takes rg from its download cache in TMPDIR when it is there: put the local
  # rg there under the name of the release it would download (ripgrep 13.0.0, v13.0.0-10)
  rgcache="$cache/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rgcache" "$cache/tmp/rg"
  cp "$(command -v rg)" "$cache/tmp/rg/rg"
  tar czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$cache/tmp/rg" rg
  # code-server's postinstall runs `npm install` in its VS Code (as root only with --unsafe-perm);
  # node-pty's runs `npx node-gyp`, which must not stop to ask (npm_config_yes)
  if ! (cd "$cache" && TMPDIR="$cache/tmp" npm_config_yes=true nice npm ci --unsafe-perm --foreground-scripts \
    --no-audit --no-fund >"$cache/install.log" 2>&1); then
    tail -30 "$cache/install.log" >&2
    missing "installing code-server failed (above; the whole log: $cache/install.log)"
  fi
  rm -rf "$cache/tmp"
  touch "$cache/installed"
fi
echo "in-code-server: $(XDG_CONFIG_HOME="$out/config" "$bin" --version 2>/dev/null | tail -1)"

# the .vsix of this tree, installed into a fresh extensions folder
(cd "$ext" && node_modules/.bin/vsce package --out "$out/" >"$out/vsce.log" 2>&1) || {
  cat "$out/vsce.log" >&2
  exit 1
}
vsix=$(ls "$out"/salesc-*.vsix)
XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data" "$bin" --user-data-dir "$out/user-data" \
  --extensions-dir "$out/extensions" --install-extension "$vsix" >"$out/install-extension.log" 2>&1 || {
  cat "$out/install-extension.log" >&2
  exit 1
}

node "$ext/test/in-code-server.mjs" --code-server "$bin" --extensions-dir "$out/extensions" --salesc "$salesc" \
  --out "$out/run"
