#!/usr/bin/env bash
# InstallTest (ctest): `cmake --install` into a temporary prefix, then salesc used from
# another folder as a new user would, and examples/embed built against the installed
# package (CMake and pkg-config).
#   tests/install/install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$prefix" > "$work/install.log"

for f in bin/salesc share/salesc/stdlib/std/tactics.sales share/man/man1/salesc.1.gz \
         share/bash-completion/completions/salesc share/zsh/vendor-completions/_salesc \
         share/fish/vendor_completions.d/salesc.fish include/salesc/runtime/Markov.h \
         lib/libsalesc_runtime.a lib/cmake/salesc/salescConfig.cmake \
         lib/pkgconfig/salesc-runtime.pc share/doc/salesc/LICENSE share/doc/salesc/NOTICE \
         share/doc/salesc/copyright; do
  [ -e "$prefix/$f" ] || fail "$f is not installed"
done
grep -q "Apache License" "$prefix/share/doc/salesc/LICENSE" || fail "LICENSE is not Apache-2.0"

# A man page per command, and every command and check option in each completion.
commands=$("$prefix/bin/salesc" help | awk '/^  salesc / && $2 != "help" { print $2 }')
[ -n "$commands" ] || fail "salesc help lists no command"
for c in $commands; do
  [ -e "$prefix/share/man/man1/salesc-$c.1.gz" ] || fail "no man page for salesc $c"
  zcat "$prefix/share/man/man1/salesc-$c.1.gz" | grep -q "SUBCOMMAND '$c'" ||
    fail "the man page of salesc $c is not its help"
  for comp in share/bash-completion/completions/salesc share/zsh/vendor-completions/_salesc \
              share/fish/vendor_completions.d/salesc.fish; do
    grep -qw -- "$c" "$prefix/$comp" || fail "$comp does not complete the command $c"
  done
  for option in $("$prefix/bin/salesc" "$c" --help | grep -oE '^  --[a-z-]+' | tr -d ' ' |
                  grep -v -e '^--help'); do
    grep -q -- "${option#--}" "$prefix/share/bash-completion/completions/salesc" ||
      fail "the bash completion lacks $option of salesc $c"
    grep -q -- "${option#--}" "$prefix/share/fish/vendor_completions.d/salesc.fish" ||
      fail "the fish completion lacks $option of salesc $c"
    grep -q -- "$option" "$prefix/share/zsh/vendor-completions/_salesc" ||
      fail "the zsh completion lacks $option of salesc $c"
  done
done

# No RUNPATH or RPATH at all: nothing points into the build tree or a private folder.
if readelf -d "$prefix/bin/salesc" | grep -E 'RUNPATH|RPATH'; then
  fail "the installed salesc has a RUNPATH"
fi

# From another folder, with no LD_LIBRARY_PATH: the standard library is found beside the
# binary, Graphviz's plugins load (SVG and PNG).
cd "$work"
cp "$src/examples/quickstart.sales" q.sales
env -u LD_LIBRARY_PATH "$prefix/bin/salesc" --version | grep -q "^salesc " || fail "--version"
env -u LD_LIBRARY_PATH "$prefix/bin/salesc" check q.sales || fail "check of the quickstart"
env -u LD_LIBRARY_PATH "$prefix/bin/salesc" emit --to=svg q.sales | grep -q '</svg>' ||
  fail "emit --to=svg"
# The report carries its chart library, embedded in the binary: no Node.js, no node_modules.
env -u LD_LIBRARY_PATH "$prefix/bin/salesc" report q.sales -o report --quiet || fail "report"
grep -q 'href="direct_consulting.html"' report/index.html || fail "report: the index"
grep -q 'vegaEmbed' report/assets/vega-embed.min.js || fail "report: the chart library"
env -u LD_LIBRARY_PATH "$prefix/bin/salesc" build q.sales -o out --png --quiet ||
  fail "build --png"
[ -s out/direct_consulting.png ] || fail "build wrote no PNG"

# examples/embed against the installed CMake package, then with pkg-config.
cmake -S "$src/examples/embed" -B embed -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release > embed-configure.log || { cat embed-configure.log; fail "configure"; }
cmake --build embed > embed-build.log || { cat embed-build.log; fail "build of examples/embed"; }
golden=$src/tests/golden
cmake -DPROGRAM="$work/embed/salesc-embed" -DARGS="$golden/quickstart/tables.json" \
  -DEXPECTED="$src/examples/embed/expected/quickstart-overview.txt" -DSTATUS=0 \
  -DGOLDEN="$golden" -P "$src/examples/embed/check_output.cmake"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
# shellcheck disable=SC2046
c++ -O1 -o embed-pc "$src/examples/embed/main.cpp" $(pkg-config --cflags --libs salesc-runtime) ||
  fail "pkg-config build of examples/embed"
./embed-pc "$golden/quickstart/tables.json" > /dev/null || fail "the pkg-config build does not run"
echo "install test passed"
