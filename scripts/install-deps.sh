#!/usr/bin/env bash
# Installs the Debian 12 packages salesc needs to build and test, only when some are missing.
# Idempotent; works as root or through sudo. Set SALESC_NO_INSTALL=1 to only report what is missing.
set -euo pipefail

packages=(
  antlr4 default-jre-headless libantlr4-runtime-dev
  llvm-14-dev libfmt-dev
  libgraphviz-dev graphviz fonts-dejavu-core
  # the flowchart's font, Liberation Sans (the widths of Arial and Helvetica, so viewers draw
  # its text at the widths salesc laid out), and the fonts PNGs draw Japanese, Chinese and
  # Korean text and emoji with (docs/cli.md#fonts)
  fonts-liberation2 fonts-noto-cjk fonts-noto-color-emoji
  libgtest-dev libgmock-dev
  cmake ninja-build g++ make python3 python3-yaml pkg-config
  clang-format # the FormatCheck test
  postgresql sqlite3 # the SqlEngines test runs emit --to=sql's scripts on both
  dpkg-dev lintian # the .deb of make package (dpkg-shlibdeps) and the PackageTest test
  # the BpmnJsOpen test: Debian's Chromium, which playwright-core drives (it downloads no browser
  # of its own), and Liberation Sans, metric-compatible with the Arial that bpmn-js draws text in
  chromium fonts-liberation
  # the NeovimClient test: salesc lsp in Neovim's built-in client (tests/editors/neovim/)
  neovim
  # salesc report --pdf's tests: pdfinfo and pdftotext read the PDFs Chromium prints
  poppler-utils
  # the sanitized build and the fuzz targets (make test-asan, make fuzz): clang, its ASan,
  # UBSan and libFuzzer runtimes, and llvm-symbolizer for their stacks
  clang-14 libclang-rt-14-dev llvm-14
  # linked explicitly (static LLVM Support needs zlib and terminfo; the ANTLR runtime uuid)
  zlib1g-dev libncurses-dev uuid-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# Node.js and npm run the test-only tools of tests/js and build and test the VS Code extension
# (any Node.js from 18, Debian 12's, on).
# They are looked for as commands, since a Node.js from elsewhere (NodeSource) brings its own npm
# and conflicts with Debian's npm package.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

install_debian() {
  echo "install-deps: missing Debian packages: ${missing[*]}"
  if [ "${SALESC_NO_INSTALL:-0}" = 1 ]; then
    echo "install-deps: SALESC_NO_INSTALL=1, not installing" >&2
    exit 1
  fi
  local sudo
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  echo "install-deps: installed ${missing[*]}"
}

# The npm packages of a folder (tests/js: the test-only tools; editors/vscode: the VS Code
# extension's client library, vsce and its test tools; third_party/vega: the chart library
# the build embeds in salesc for salesc report), exactly as its package-lock.json pins
# them, whenever the lock file is newer than what was installed (npm writes
# node_modules/.package-lock.json).
install_npm() {
  local dir
  dir="$(cd "$(dirname "$0")/../$1" && pwd)"
  if [ -f "$dir/node_modules/.package-lock.json" ] &&
    [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    return 0
  fi
  if [ "${SALESC_NO_INSTALL:-0}" = 1 ]; then
    echo "install-deps: $1/node_modules is missing or older than its lock file" >&2
    exit 1
  fi
  echo "install-deps: npm ci in $1"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
}

if [ ${#missing[@]} -gt 0 ]; then
  install_debian
fi
install_npm tests/js
install_npm editors/vscode
install_npm third_party/vega
