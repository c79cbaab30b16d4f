#!/usr/bin/env bash
# PackageTest (ctest): the .deb that `make package` builds (CPack), inspected with
# dpkg-deb: its files, its Depends (computed by dpkg-shlibdeps), and lintian with no error
# when lintian is installed (scripts/install-deps.sh installs it).
#   tests/install/package_test.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work" > "$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/salesc_*.deb)
info=$(dpkg-deb -I "$deb")
echo "$info" | grep -q '^ Package: salesc$' || fail "no Package: salesc"
echo "$info" | grep -E '^ Depends: .*libgvc6' > /dev/null || fail "Depends lacks libgvc6: $info"
echo "$info" | grep -E '^ Depends: .*libc6' > /dev/null || fail "Depends lacks libc6"
# the flowchart's font: without it PNG text overflows its boxes
echo "$info" | grep -E '^ Depends: .*fonts-liberation2' > /dev/null || fail "Depends lacks fonts-liberation2"
echo "$info" | grep -E '^ Recommends: .*fonts-noto-cjk' > /dev/null || fail "Recommends lacks fonts-noto-cjk"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/salesc ./usr/share/salesc/stdlib/std/tactics.sales \
         ./usr/share/man/man1/salesc-check.1.gz ./usr/share/doc/salesc/copyright \
         ./usr/include/salesc/runtime/Markov.h ./usr/lib/cmake/salesc/salescConfig.cmake; do
  echo "$contents" | grep -q " $f\$" || fail "the package lacks $f"
done
dpkg-deb -x "$deb" "$work/root"
readelf -d "$work/root/usr/bin/salesc" | grep -E 'RUNPATH|RPATH' && fail "RUNPATH in the package"
"$work/root/usr/bin/salesc" --version | grep -q '^salesc ' || fail "the packaged salesc does not run"
if command -v lintian > /dev/null; then
  lintian --fail-on error "$deb" || fail "lintian reports errors"
else
  echo "lintian is not installed: not run"
fi
echo "package test passed"
