#!/usr/bin/env bash
# Installs the Debian 12 packages salesc needs to build and test, only when some are missing.
# Idempotent; works as root or through sudo. Set SALESC_NO_INSTALL=1 to only report what is missing.
set -euo pipefail

packages=(
  antlr4 default-jre-headless libantlr4-runtime-dev
  llvm-14-dev libfmt-dev
  libgraphviz-dev graphviz fonts-dejavu-core
  libgtest-dev libgmock-dev
  cmake ninja-build g++ make python3 pkg-config
  clang-format # the FormatCheck test
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

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: missing Debian packages: ${missing[*]}"
if [ "${SALESC_NO_INSTALL:-0}" = 1 ]; then
  echo "install-deps: SALESC_NO_INSTALL=1, not installing" >&2
  exit 1
fi

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
